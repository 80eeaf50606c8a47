// Builds what clasp pushes: dist/Code.js (an IIFE bundle plus one top-level function per export of
// src/main.ts, since Apps Script only sees top-level functions and rejects `export`), the
// self-contained dist/Sidebar.html, and dist/appsscript.json. Prints each file's size.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import {
  BOARD_FILE,
  BOARD_GLOBAL,
  CHECK_FILE,
  CHECK_GLOBAL,
  CONVERT_FILE,
  CONVERT_GLOBAL,
  EXPORT_FILE,
  EXPORT_GLOBAL,
} from '../src/workbook/core/onDemand';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
export const BUNDLE_GLOBAL = '__SheetsCRM';

/** Parameter names of a function, read from its source text (identifiers are not minified). */
export function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const m = /^(?:async\s*)?(?:function\b[^(]*)?\(([^)]*)\)/.exec(fn.toString());
  if (!m) return [];
  return m[1]
    .split(',')
    .map((p) => p.replace(/=[\s\S]*$/, '').trim())
    .filter(Boolean);
}

/** Evaluates the bundle in an empty context to list the entrypoints and their parameters. */
function entrypoints(bundle: string): { name: string; params: string[] }[] {
  const ctx = vm.createContext({});
  const api = vm.runInContext(`${bundle}\n;${BUNDLE_GLOBAL}`, ctx) as Record<
    string,
    (...a: never[]) => unknown
  >;
  return Object.keys(api)
    .filter((k) => typeof api[k] === 'function')
    .sort()
    .map((name) => ({ name, params: parameterNames(api[name]) }));
}

/** Bundles src/main.ts; `minifyIdentifiers` shortens local names (about a third of the bytes every
 *  execution loads) but also parameter names, so the wrappers take theirs from a readable build. */
async function bundleCode(
  minifyIdentifiers: boolean,
  addon = false,
  entry = 'src/main.ts',
  globalName = BUNDLE_GLOBAL,
): Promise<string> {
  const result = await esbuild.build({
    // The same code is pushed bound to a spreadsheet (a top-level menu) or published as an Editor
    // add-on (its menu under Extensions): see src/entrypoints/menu.ts.
    define: { __ADDON__: addon ? 'true' : 'false' },
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minifySyntax: true,
    minifyWhitespace: !process.env.READABLE_BUNDLE,
    minifyIdentifiers,
    keepNames: false,
    // Private members of the classes in src/ end in "_" and are shortened like local names (every
    // execution loads the bundle). Nothing else ends so: stored JSON keys, the sidebar's messages and
    // Apps Script's objects keep theirs. test/e2e/bundle.test.ts checks that none is left long.
    mangleProps: /_$/,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  return result.outputFiles[0].text;
}

async function buildCode(addon = false): Promise<string> {
  // READABLE_BUNDLE=1 keeps local names and line breaks (for profiling); Apps Script gets the minified one.
  const bundle = await bundleCode(!process.env.READABLE_BUNDLE, addon);
  const wrappers = entrypoints(await bundleCode(false)).map(
    ({ name, params }) =>
      `function ${name}(${params.join(', ')}) {\n  return ${BUNDLE_GLOBAL}.${name}(${params.join(', ')});\n}`,
  );
  return [
    '// Sheets CRM: built by scripts/build.ts from src/. Do not edit; edit the TypeScript and rebuild.',
    ...wrappers,
    bundle,
  ].join('\n');
}

async function buildSidebar(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = fs.readFileSync(path.join(root, 'sidebar/sidebar.css'), 'utf8');
  const html = fs.readFileSync(path.join(root, 'sidebar/index.html'), 'utf8');
  return html.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => js);
}

/**
 * A bundle read on demand (workbook/core/onDemand.ts), named by a sourceURL comment so that profilers and
 * stack traces show its own file rather than an anonymous eval (the bench counts its CPU as the script's).
 */
async function onDemandBundle(
  addon: boolean,
  entry: string,
  file: string,
  globalName: string,
): Promise<string> {
  const code = await bundleCode(!process.env.READABLE_BUNDLE, addon, entry, globalName);
  return `${code}\n//# sourceURL=${file}.html\n`;
}

async function main() {
  const sidebar = await buildSidebar();
  const manifest = fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8');
  // dist/ is what `npm run push` sends bound to a spreadsheet; dist-addon/ the Editor add-on build.
  for (const [dir, addon] of [
    [dist, false],
    [path.join(root, 'dist-addon'), true],
  ] as const) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const files: Record<string, string> = {
      'Code.js': await buildCode(addon),
      'Sidebar.html': sidebar,
      // Convert's code and words (workbook/core/onDemand.ts): a project file Apps Script reads only when
      // asked, kept out of the script every execution loads.
      [`${CONVERT_FILE}.html`]: await onDemandBundle(
        addon,
        'src/convertMain.ts',
        CONVERT_FILE,
        CONVERT_GLOBAL,
      ),
      [`${EXPORT_FILE}.html`]: await onDemandBundle(addon, 'src/exportMain.ts', EXPORT_FILE, EXPORT_GLOBAL),
      [`${BOARD_FILE}.html`]: await onDemandBundle(addon, 'src/boardMain.ts', BOARD_FILE, BOARD_GLOBAL),
      [`${CHECK_FILE}.html`]: await onDemandBundle(addon, 'src/checkMain.ts', CHECK_FILE, CHECK_GLOBAL),
      'appsscript.json': manifest,
    };
    for (const [name, text] of Object.entries(files)) {
      fs.writeFileSync(path.join(dir, name), text);
      const shown = `${path.basename(dir)}/${name}`;
      console.log(`${shown.padEnd(22)} ${(Buffer.byteLength(text) / 1024).toFixed(1).padStart(7)} KB`);
    }
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
