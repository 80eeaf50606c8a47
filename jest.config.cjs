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
};
