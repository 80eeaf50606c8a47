// Lint rules: recommended JS + TypeScript, and the layers of the code as rules (which folder may
// import which, and which runtime globals each may use). test/architecture proves they bite.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Apps Script services and the runtime globals of other platforms. */
const APPS_SCRIPT = [
  'SpreadsheetApp',
  'PropertiesService',
  'LockService',
  'ScriptApp',
  'Session',
  'HtmlService',
  'Utilities',
  'CacheService',
  'UrlFetchApp',
  'DriveApp',
  'Sheets',
  'Drive',
  'Logger',
  'MailApp',
  'GmailApp',
  'Browser',
  'DocumentApp',
  'SlidesApp',
  'FormApp',
  'CalendarApp',
  'ContentService',
  'CardService',
  'Charts',
  'Maps',
  'XmlService',
  'Jdbc',
  'MimeType',
];
const BROWSER = ['document', 'window', 'navigator', 'localStorage', 'fetch', 'google'];
const NODE = ['process', 'require', 'module', '__dirname', 'Buffer', 'global'];
/**
 * The feature folders of src/domain, lowest first: a feature imports only itself and those before it, so
 * arrows inside the layer run one way (core holds what several features share).
 */
const DOMAIN_FEATURES = [
  'values',
  'core',
  'settings',
  'deals',
  'history',
  'dataQuality',
  'edits',
  'funnel',
  'forecast',
  'reports',
  'board',
  'import',
  'sidebar',
  'exit',
];
/** The clock is a parameter in pure code: reading it there makes results depend on when tests run. */
const CLOCK_BANNED = [
  'error',
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'new Date() reads the clock: pass the time in as a parameter.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Date.now() reads the clock: pass the time in as a parameter.',
  },
];
/**
 * An array spread into a call puts each element on the stack: a tab's rows (some 120,000 and more)
 * overflow it, in Apps Script as in Node. src/shared/manyValues.ts has maxOf, minOf and pushAll.
 */
const SPREAD_BANNED = [
  {
    selector:
      'CallExpression[callee.property.name=/^(min|max|push|unshift|splice|fromCharCode|apply)$/] > SpreadElement',
    message:
      'Spreading an array into this call overflows the stack at ~120,000 elements: use maxOf, minOf or pushAll (src/shared/manyValues.ts), or a loop.',
  },
];
/** What pure code (src/domain, src/shared) may not import. */
const PURE_IMPORTS = [
  {
    group: ['**/workbook/**', '**/entrypoints/**', '**/local/**', '**/main'],
    message: 'src/domain and src/shared import only src/domain and src/shared.',
  },
  {
    group: ['node:*', 'fs', 'path', 'os', 'http'],
    message: 'src/domain and src/shared run in Apps Script: no Node modules.',
  },
];
const globalsBanned = (names, why) => names.map((name) => ({ name, message: `${name}: ${why}` }));
/** The top-level sidebar/ folder (not a feature folder called sidebar inside a layer). */
const ROOT_SIDEBAR = {
  regex: '^(\\.\\./){2,}sidebar(/|$)',
  message: 'only the sidebar page lives in sidebar/: the server never imports it.',
};
const importsBanned = (patterns) => ['error', { patterns: [...patterns, ROOT_SIDEBAR] }];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-addon/**',
      'node_modules/**',
      '.crm-local/**',
      'test-artifacts/**',
      'coverage/**',
      'test/emulator/fixture-script/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] } },
  {
    files: ['local/**', 'scripts/**', 'test/**', '*.cjs', '*.mjs'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // CommonJS files (Jest's config and transform) load modules the only way CommonJS can.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['src/**'], rules: { 'no-restricted-syntax': ['error', ...SPREAD_BANNED] } },
  {
    files: ['src/domain/**', 'src/shared/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': [
        'error',
        ...globalsBanned(
          [...APPS_SCRIPT, ...BROWSER, ...NODE, 'console'],
          'domain and shared code is pure (no I/O); pass it in',
        ),
      ],
      'no-restricted-imports': importsBanned(PURE_IMPORTS),
      'no-restricted-syntax': [...CLOCK_BANNED, ...SPREAD_BANNED],
    },
  },
  // One block per domain feature: the pure-code rules plus the features above it.
  ...DOMAIN_FEATURES.map((feature, i) => ({
    files: [`src/domain/${feature}/**`],
    rules: {
      'no-restricted-imports': importsBanned([
        ...PURE_IMPORTS,
        ...(i + 1 < DOMAIN_FEATURES.length
          ? [
              {
                regex: `^\\.\\./(${DOMAIN_FEATURES.slice(i + 1).join('|')})/`,
                message: `src/domain/${feature} imports only the features before it: ${DOMAIN_FEATURES.slice(0, i + 1).join(', ')}.`,
              },
            ]
          : []),
      ]),
    },
  })),
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': importsBanned([
        {
          group: ['**/domain/**', '**/workbook/**', '**/entrypoints/**', '**/local/**', '**/main'],
          message: 'src/shared imports nothing of the product: the server and the sidebar both depend on it.',
        },
        {
          group: ['node:*', 'fs', 'path', 'os', 'http'],
          message: 'src/shared runs in Apps Script and the browser: no Node modules.',
        },
      ]),
    },
  },
  {
    files: ['src/workbook/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...globalsBanned([...BROWSER, ...NODE], 'src/workbook runs in Apps Script'),
      ],
      'no-restricted-imports': importsBanned([
        {
          group: ['**/entrypoints/**', '**/local/**', '**/main'],
          message: 'src/workbook imports src/domain and src/shared only; entrypoints call into it.',
        },
        {
          group: ['node:*', 'fs', 'path', 'os', 'http'],
          message: 'src/workbook runs in Apps Script: no Node modules.',
        },
      ]),
    },
  },
  {
    files: ['src/entrypoints/**', 'src/main.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...globalsBanned(
          [...APPS_SCRIPT, ...BROWSER, ...NODE],
          'entrypoints reach Apps Script only through src/workbook',
        ),
      ],
      'no-restricted-imports': importsBanned([
        {
          group: ['**/local/**'],
          message: 'entrypoints import src/workbook, src/domain and src/shared.',
        },
        {
          group: ['node:*', 'fs', 'path', 'os', 'http'],
          message: 'entrypoints run in Apps Script: no Node modules.',
        },
      ]),
    },
  },
  {
    files: ['sidebar/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...globalsBanned([...APPS_SCRIPT, ...NODE], 'the sidebar runs in the browser'),
      ],
      'no-restricted-imports': importsBanned([
        {
          group: [
            '**/src/domain/**',
            '**/src/workbook/**',
            '**/src/entrypoints/**',
            '**/src/main',
            '**/local/**',
          ],
          message: 'the sidebar imports src/shared only: the server is reached through google.script.run.',
        },
      ]),
    },
  },
  {
    files: ['src/workbook/core/**'],
    rules: {
      'no-restricted-imports': importsBanned([
        {
          regex: '^\\.\\./(?!core/)[^./]+/',
          message: 'src/workbook/core serves every feature and imports none of them.',
        },
        {
          group: ['**/entrypoints/**', '**/local/**', '**/main'],
          message: 'src/workbook imports src/domain and src/shared only; entrypoints call into it.',
        },
        {
          group: ['node:*', 'fs', 'path', 'os', 'http'],
          message: 'src/workbook runs in Apps Script: no Node modules.',
        },
      ]),
    },
  },
  {
    files: ['local/playground/**'],
    rules: {
      'no-restricted-imports': importsBanned([
        {
          group: ['**/src/domain/**', '**/src/workbook/**', '**/src/entrypoints/**', '**/src/main'],
          message:
            'the playground drives the built product on the emulator and reads src/shared only, as a user of the product would.',
        },
      ]),
    },
  },
  {
    files: ['local/emulator/**'],
    rules: {
      'no-restricted-imports': importsBanned([
        {
          group: ['**/src/**', '**/playground/**'],
          message: 'the emulator is the test oracle: it shares no code with the product.',
        },
      ]),
    },
  },
);
