// Loads the built script into a vm context holding our Apps Script globals, as Apps Script runs it:
// one global scope for every file. In a vm context each global name the script uses (Math, String,
// Date…) is looked up through the context's interceptor, some fifty times slower than in a plain
// V8 isolate such as Apps Script's; a loop calling Math.imul then measures the emulator, not the
// script. So the JavaScript built-ins are bound once as script-scope constants in the shared global
// lexical scope before the script loads: the same objects, found without the interceptor.
import * as fs from 'node:fs';
import * as vm from 'node:vm';

/** The standard built-ins scripts reach for (Date is the emulator's, from the globals given). */
const BUILT_INS = [
  'Object',
  'Function',
  'Array',
  'Number',
  'Boolean',
  'String',
  'Symbol',
  'BigInt',
  'Date',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'JSON',
  'Math',
  'Intl',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Promise',
  'Proxy',
  'Reflect',
  'ArrayBuffer',
  'DataView',
  'Uint8Array',
  'Int32Array',
  'Float64Array',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURIComponent',
  'decodeURIComponent',
  'encodeURI',
  'decodeURI',
];

/** Runs `files` (in order) in one new context over `globals`; returns the context (the script's globals). */
export function loadScript(files: readonly string[], globals: object): Record<string, unknown> {
  const ctx = vm.createContext(globals) as Record<string, unknown>;
  const bound = vm.runInContext(
    `${JSON.stringify(BUILT_INS)}.filter((n) => { const d = Object.getOwnPropertyDescriptor(globalThis, n); return d && d.configurable; })`,
    ctx,
  ) as string[];
  vm.runInContext(`const ${bound.map((n) => `${n} = globalThis.${n}`).join(', ')};`, ctx, {
    filename: 'emulator-prelude.js',
  });
  for (const file of files) compiled(file).runInContext(ctx);
  return ctx;
}

/**
 * Each file compiled once per version: a test that loads the bundle into hundreds of emulators then
 * compiles it once (the compiled code is shared between contexts, as one Apps Script project's is).
 */
const scripts = new Map<string, { version: string; script: vm.Script }>();
function compiled(file: string): vm.Script {
  const version = fileVersion(file);
  const known = scripts.get(file);
  if (known && known.version === version) return known.script;
  const script = new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file });
  scripts.set(file, { version, script });
  return script;
}

/** A file's version as its size and modification time (a rebuild changes them; reading it is not needed). */
export function fileVersion(file: string): string {
  const st = fs.statSync(file, { bigint: true });
  return `${st.size}:${st.mtimeNs}`;
}
