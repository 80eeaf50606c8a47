// Lint rules: recommended JS + TypeScript, with `any` banned in the domain and shared code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.crm-local/**',
      'test-artifacts/**',
      'coverage/**',
      'test/emulator/fixture-script/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  { files: ['src/domain/**', 'src/shared/**'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  { files: ['local/**', 'test/**', 'scripts/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
