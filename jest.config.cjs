/** Jest runs the TypeScript tests through esbuild (test/support/esbuildTransform.cjs); type errors are
 *  caught by `npm run typecheck`, not here. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/support/esbuildTransform.cjs' },
  testSequencer: '<rootDir>/test/support/slowFirst.cjs',
  testTimeout: 60000,
  // Two workers on this two-core machine: the default (cores - 1) runs every file one after another,
  // and the race probes are CPU-bound files that take minutes each (npm test: ~13 min in band).
  maxWorkers: 2,
};
