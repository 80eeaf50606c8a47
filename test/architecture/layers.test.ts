// The layers are rules a machine checks, not habits: a forbidden import or runtime global in a layer
// fails `npm run lint` (ESLint, per folder) and `npm run typecheck` (per-runtime tsconfig files), both
// part of `npm test`. Each probe below is a file that does not exist on disk, linted and type-checked
// as if it sat in that folder.
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');

/** ESLint rule ids reported for each probe (`code` placed at `file`, relative to the repository). */
function lintProbes(probes: readonly { file: string; code: string }[]): string[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'lintProbes.mjs')], {
    cwd: root,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[][];
}

/** TypeScript errors for `code` placed at `file`, checked with the given tsconfig. */
function typeErrors(config: string, file: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, config),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const probe = path.join(root, file);
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f === probe || fileExists.call(host, f);
  host.readFile = (f) => (f === probe ? code : readFile.call(host, f));
  host.getSourceFile = (f, lang, ...rest) =>
    f === probe ? ts.createSourceFile(f, code, lang) : getSourceFile.call(host, f, lang, ...rest);
  const program = ts.createProgram({ rootNames: [probe], options: parsed.options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const REJECTED: [string, string, string, string][] = [
  [
    'a workbook file spreading rows into Math.max',
    'src/workbook/deals/probe.ts',
    'export const x = (rows: number[]) => Math.max(...rows);',
    'no-restricted-syntax',
  ],
  [
    'a domain file spreading rows into push',
    'src/domain/import/probe.ts',
    'export const x = (a: number[], rows: number[]) => a.push(...rows);',
    'no-restricted-syntax',
  ],
  [
    'a domain file importing src/workbook',
    'src/domain/deals/probe.ts',
    "import { ui } from '../../workbook/core/app';\nexport const x = ui;",
    'no-restricted-imports',
  ],
  [
    'a domain file importing an entrypoint',
    'src/domain/deals/probe.ts',
    "import { onEdit } from '../../entrypoints/onEdit';\nexport const x = onEdit;",
    'no-restricted-imports',
  ],
  [
    'a domain file using SpreadsheetApp',
    'src/domain/deals/probe.ts',
    'export const x = () => SpreadsheetApp.flush();',
    'no-restricted-globals',
  ],
  [
    'a domain file using document',
    'src/domain/forecast/probe.ts',
    'export const x = () => document.title;',
    'no-restricted-globals',
  ],
  [
    'a shared file using process',
    'src/shared/probe.ts',
    'export const x = () => process.env;',
    'no-restricted-globals',
  ],
  [
    'a shared file importing the domain',
    'src/shared/probe.ts',
    "import { looseKey } from '../domain/values/text';\nexport const x = looseKey;",
    'no-restricted-imports',
  ],
  [
    'a domain file importing a Node module',
    'src/domain/import/probe.ts',
    "import * as fs from 'node:fs';\nexport const x = fs;",
    'no-restricted-imports',
  ],
  [
    'the sidebar importing src/workbook',
    'sidebar/probe.ts',
    "import { ui } from '../src/workbook/core/app';\nexport const x = ui;",
    'no-restricted-imports',
  ],
  [
    'the sidebar importing src/domain',
    'sidebar/probe.ts',
    "import { looseKey } from '../src/domain/values/text';\nexport const x = looseKey;",
    'no-restricted-imports',
  ],
  [
    'the sidebar using an Apps Script service',
    'sidebar/probe.ts',
    'export const x = () => SpreadsheetApp.flush();',
    'no-restricted-globals',
  ],
  [
    'src/workbook importing the sidebar page',
    'src/workbook/sidebar/probe.ts',
    "import { call } from '../../../sidebar/server';\nexport const x = call;",
    'no-restricted-imports',
  ],
  [
    'src/workbook importing an entrypoint',
    'src/workbook/deals/probe.ts',
    "import { onEdit } from '../../entrypoints/onEdit';\nexport const x = onEdit;",
    'no-restricted-imports',
  ],
  [
    'an entrypoint calling SpreadsheetApp itself',
    'src/entrypoints/probe.ts',
    'export const x = () => SpreadsheetApp.flush();',
    'no-restricted-globals',
  ],
  [
    'the emulator importing product code',
    'local/emulator/probe.ts',
    "import { isDate } from '../../src/shared/zonedTime';\nexport const x = isDate;",
    'no-restricted-imports',
  ],
  [
    'an entrypoint sending mail itself',
    'src/entrypoints/probe.ts',
    "export const x = () => MailApp.sendEmail('a@example.com', 's', 'b');",
    'no-restricted-globals',
  ],
  [
    'an entrypoint showing a Browser box itself',
    'src/entrypoints/probe.ts',
    "export const x = () => Browser.msgBox('hi');",
    'no-restricted-globals',
  ],
  [
    'a domain file reading the clock with Date.now()',
    'src/domain/forecast/probe.ts',
    'export const x = () => Date.now();',
    'no-restricted-syntax',
  ],
  [
    'a domain file reading the clock with new Date()',
    'src/domain/funnel/probe.ts',
    'export const x = () => new Date().getTime();',
    'no-restricted-syntax',
  ],
  [
    'a shared file reading the clock',
    'src/shared/probe.ts',
    'export const x = () => new Date();',
    'no-restricted-syntax',
  ],
  [
    'a lower domain feature importing a higher one',
    'src/domain/deals/probe.ts',
    "import { reportSet } from '../reports/reportSet';\nexport const x = reportSet;",
    'no-restricted-imports',
  ],
  [
    'the lowest domain feature importing core',
    'src/domain/values/probe.ts',
    "import { ReportGrid } from '../core/reportGrid';\nexport const x = ReportGrid;",
    'no-restricted-imports',
  ],
  [
    'src/workbook/core importing a feature',
    'src/workbook/core/probe.ts',
    "import { findDealsTab } from '../deals/dealsTab';\nexport const x = findDealsTab;",
    'no-restricted-imports',
  ],
  [
    'the playground importing src/workbook',
    'local/playground/probe.ts',
    "import { ui } from '../../src/workbook/core/app';\nexport const x = ui;",
    'no-restricted-imports',
  ],
  [
    'the playground importing src/domain',
    'local/playground/probe.ts',
    "import { looseKey } from '../../src/domain/values/text';\nexport const x = looseKey;",
    'no-restricted-imports',
  ],
];

const ACCEPTED: [string, string, string][] = [
  [
    'domain importing domain and shared',
    'src/domain/sidebar/probe.ts',
    "import { looseKey } from '../values/text';\nimport { FIELDS } from '../../shared/fields';\nimport { readDeal } from '../deals/deal';\nexport const x = [looseKey, FIELDS, readDeal];",
  ],
  [
    'the workbook importing its own sidebar feature and the domain',
    'src/workbook/sidebar/probe.ts',
    "import { rowToInput } from '../../domain/sidebar/dealForm';\nimport { readHeaderMap } from '../deals/dealLookup';\nexport const x = () => [rowToInput, readHeaderMap, SpreadsheetApp.flush()];",
  ],
  [
    'a domain feature importing lower ones and taking the time as a parameter',
    'src/domain/board/probe.ts',
    "import { buildForecast } from '../forecast/forecast';\nimport { ReportGrid } from '../core/reportGrid';\nexport const x = (now: Date) => [buildForecast, ReportGrid, new Date(now.getTime())];",
  ],
  [
    'src/workbook/core importing core, the domain and shared',
    'src/workbook/core/probe.ts',
    "import { findTab } from './tabs';\nimport { writeGrid } from '../core/writeGrid';\nimport { FIELDS } from '../../shared/fields';\nimport { looseKey } from '../../domain/values/text';\nexport const x = [findTab, writeGrid, FIELDS, looseKey];",
  ],
  [
    'the playground importing the emulator and src/shared',
    'local/playground/probe.ts',
    "import { FIELDS } from '../../src/shared/fields';\nimport * as emu from '../emulator';\nexport const x = [FIELDS, emu];",
  ],
  [
    'the sidebar importing src/shared and using the DOM',
    'sidebar/probe.ts',
    "import { FIELDS } from '../src/shared/fields';\nexport const x = () => [FIELDS, document.title];",
  ],
];

describe('lint rules per folder', () => {
  let rules: string[][] = [];
  beforeAll(() => {
    rules = lintProbes([...REJECTED, ...ACCEPTED].map(([, file, code]) => ({ file, code })));
  });

  it.each(REJECTED.map((r, i) => [...r, i] as const))('rejects %s', (_what, _file, _code, rule, i) => {
    expect(rules[i]).toContain(rule);
  });

  it.each(ACCEPTED.map((r, i) => [...r, REJECTED.length + i] as const))(
    'accepts %s',
    (_what, _file, _code, i) => {
      expect(rules[i]).toEqual([]);
    },
  );
});

describe('type settings per runtime', () => {
  const globals = 'export const probe = () => [SpreadsheetApp.getActive(), document.title, process.env];';

  it('gives src/domain and src/shared no Apps Script, DOM or Node globals', () => {
    const errors = typeErrors('tsconfig.pure.json', 'src/domain/deals/probe.ts', globals).join('\n');
    expect(errors).toMatch(/Cannot find name 'SpreadsheetApp'/);
    expect(errors).toMatch(/Cannot find name 'document'/);
    expect(errors).toMatch(/Cannot find name 'process'/);
  });

  it('gives src/workbook Apps Script but neither the DOM nor Node', () => {
    const errors = typeErrors('tsconfig.server.json', 'src/workbook/core/probe.ts', globals).join('\n');
    expect(errors).not.toMatch(/'SpreadsheetApp'/);
    expect(errors).toMatch(/Cannot find name 'document'/);
    expect(errors).toMatch(/Cannot find name 'process'/);
  });

  it('gives the sidebar the DOM but neither Apps Script nor Node', () => {
    const errors = typeErrors('tsconfig.sidebar.json', 'sidebar/probe.ts', globals).join('\n');
    expect(errors).toMatch(/Cannot find name 'SpreadsheetApp'/);
    expect(errors).not.toMatch(/'document'/);
    expect(errors).toMatch(/Cannot find name 'process'/);
  });

  it('fails the sidebar build when it reaches server code (Apps Script types are missing there)', () => {
    const errors = typeErrors(
      'tsconfig.sidebar.json',
      'sidebar/probe.ts',
      "import { activeSpreadsheet } from '../src/workbook/core/app';\nexport const x = activeSpreadsheet;",
    );
    expect(errors.join('\n')).toMatch(/GoogleAppsScript|SpreadsheetApp/);
  });
});
