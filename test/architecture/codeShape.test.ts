// The shape of src/ as checks: no function longer than a screen and a half (80 lines), and inside
// src/domain the feature folders import downward only, in the order written here (independently of the
// lint configuration, which enforces the same order while people type).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const MAX_LINES = 80;

/** Domain feature folders, lowest first: each may import itself and those before it. */
const FEATURE_ORDER = [
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

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Every function-like node of `code` longer than `max` lines, as "name (N lines)". */
function longFunctions(file: string, code: string, max = MAX_LINES): string[] {
  const src = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const line = (pos: number) => src.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const lines = line(node.getEnd()) - line(node.getStart(src)) + 1;
      if (lines > max) {
        const named = (node as { name?: ts.Node }).name;
        const parent = node.parent;
        const name = named
          ? named.getText(src)
          : ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)
            ? parent.name.getText(src)
            : '(anonymous)';
        found.push(`${path.relative(root, file)}:${line(node.getStart(src)) + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return found;
}

/** Relative import specifiers of `code` (static imports and re-exports). */
function importsOf(file: string, code: string): string[] {
  const src = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false);
  return src.statements.flatMap((s) =>
    (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) &&
    s.moduleSpecifier &&
    ts.isStringLiteral(s.moduleSpecifier)
      ? [s.moduleSpecifier.text]
      : [],
  );
}

/** Imports from a domain file to a feature later in FEATURE_ORDER, as "from -> to". */
function upwardImports(file: string, code: string): string[] {
  const domain = path.join(root, 'src/domain');
  const feature = path.relative(domain, file).split(path.sep)[0];
  const rank = FEATURE_ORDER.indexOf(feature);
  return importsOf(file, code).flatMap((spec) => {
    if (!spec.startsWith('.')) return [];
    const target = path.relative(domain, path.resolve(path.dirname(file), spec));
    if (target.startsWith('..')) return [];
    const to = target.split(path.sep)[0];
    return FEATURE_ORDER.indexOf(to) > rank ? [`${path.relative(root, file)} -> ${spec}`] : [];
  });
}

describe('function length', () => {
  it(`finds a function of ${MAX_LINES + 1} lines and passes one of ${MAX_LINES}`, () => {
    const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const code = `function fits() {\n${body(MAX_LINES)}\n}\nconst tooLong = () => {\n${body(MAX_LINES + 1)}\n};\n`;
    expect(longFunctions(path.join(root, 'src/probe.ts'), code)).toEqual([
      `src/probe.ts:${MAX_LINES + 1} tooLong (${MAX_LINES + 1} lines)`,
    ]);
  });

  it(`has no function over ${MAX_LINES} lines in src/`, () => {
    const long = tsFiles(path.join(root, 'src')).flatMap((f) => longFunctions(f, fs.readFileSync(f, 'utf8')));
    expect(long).toEqual([]);
  });
});

describe('domain feature order', () => {
  it('lists every feature folder of src/domain', () => {
    const folders = fs
      .readdirSync(path.join(root, 'src/domain'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...folders].sort()).toEqual([...FEATURE_ORDER].sort());
  });

  it('finds an import from a lower feature to a higher one', () => {
    const file = path.join(root, 'src/domain/deals/probe.ts');
    const code =
      "import { a } from '../reports/reportSet';\nimport { b } from '../values/text';\nimport { c } from './deal';";
    expect(upwardImports(file, code)).toEqual(['src/domain/deals/probe.ts -> ../reports/reportSet']);
  });

  it('has no import running up the feature order', () => {
    const files = tsFiles(path.join(root, 'src/domain'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => upwardImports(f, fs.readFileSync(f, 'utf8')))).toEqual([]);
  });
});
