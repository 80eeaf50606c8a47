/** Jest runs the TypeScript tests directly; type errors are caught by `npm run typecheck`, not here. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: { module: 'commonjs', target: 'ES2020', esModuleInterop: true, isolatedModules: true },
        diagnostics: false,
      },
    ],
  },
  testTimeout: 60000,
  // Two workers on this two-core machine: the default (cores - 1) runs every file one after another,
  // and the race probes are CPU-bound files that take minutes each (npm test: ~13 min in band).
  maxWorkers: 2,
};
