// Jest's TypeScript transform: esbuild strips the types (each file on its own, as `isolatedModules`
// asks), about five times faster than ts-jest's compiler on this machine. Type errors are caught by
// `npm run typecheck`, not here. The source map keeps stack traces on the TypeScript lines.
//
// Jest runs every module in a vm context, where each global name (Math, String, Map…) is looked up
// through the context's interceptor, slower than a local name, and the emulator and the test helpers
// handle millions of cells (a few percent of a test run's CPU on two workers). So each module
// starts (on its first line, keeping the source map's lines) by binding the built-ins it names as
// module-scope constants: the same objects, found without the interceptor (the emulator does the same
// for the script it runs: local/emulator/scriptContext.ts). A module that declares one of these names
// itself keeps its own.
const crypto = require('node:crypto');
const fs = require('node:fs');
const esbuild = require('esbuild');

/** This transform's own text, in Jest's cache key: a change here invalidates every cached module. */
const SELF = fs.readFileSync(require.resolve('./esbuildTransform.cjs'), 'utf8');

const BUILT_INS = [
  'Object',
  'Array',
  'Number',
  'String',
  'Boolean',
  'Symbol',
  'Date',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'JSON',
  'Math',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Promise',
  'Reflect',
  'Intl',
  'BigInt',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
];

/** The prelude for a module: the built-ins it names and does not declare. */
function prelude(code) {
  const names = BUILT_INS.filter(
    (n) =>
      new RegExp(`\\b${n}\\b`).test(code) &&
      !new RegExp(`\\b(?:const|let|var|function|class)\\s+${n}\\b`).test(code),
  );
  return names.length ? `const { ${names.join(', ')} } = globalThis; ` : '';
}

module.exports = {
  getCacheKey(source, filename, options) {
    return crypto
      .createHash('sha1')
      .update(SELF)
      .update(esbuild.version)
      .update(filename)
      .update(options.configString)
      .update(source)
      .digest('hex');
  },
  process(source, filename) {
    const { code, map } = esbuild.transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'es2020',
      sourcemap: 'external',
      sourcefile: filename,
    });
    return { code: prelude(code) + code, map };
  },
};
