/** Jest runs the TypeScript tests through esbuild (test/support/esbuildTransform.cjs); type errors are
 *  caught by `npm run typecheck`, not here. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/support/esbuildTransform.cjs' },
  testSequencer: '<rootDir>/test/support/slowFirst.cjs',
  testTimeout: 60000,
  // Two workers on this two-core machine (npm test: ~13 min in band). A third was tried for the core
  // the browser tests leave idle while they wait on the simulated google.script.run latency (jest
  // 295 → 280 s then), but with more tests since, three workers and the type checks and lint beside
  // them oversubscribe the cores: measured on the same tree, a clean clone, 6 December 2026, npm test
  // took 5m15s with three (user CPU 518 s; the 100,000-deal refresh test 149 s, writeSequencesMore
  // 116 s) and 4m43s with two (user CPU 464 s; 90 s and 32 s).
  maxWorkers: 2,
};
