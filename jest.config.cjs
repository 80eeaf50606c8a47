/** Jest runs the TypeScript tests through esbuild (test/support/esbuildTransform.cjs); type errors are
 *  caught by `npm run typecheck`, not here. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/support/esbuildTransform.cjs' },
  testSequencer: '<rootDir>/test/support/slowFirst.cjs',
  testTimeout: 60000,
  // Three workers on this two-core machine: the race probes are CPU-bound files that take a minute or
  // two each (npm test: ~13 min in band), and the browser tests mostly wait on the simulated
  // google.script.run latency, so a third worker uses the core they leave idle (jest: 295 s with two
  // workers, 280 s with three, December 2026).
  maxWorkers: 3,
};
