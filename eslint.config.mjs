// ESLint flat config: typescript-eslint with type information, so promise misuse is caught.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['test/companion/**', 'test/probe/**', 'demo/workspace/**', 'dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.e2e-tmp/**', 'scripts/**', '*.mjs', '*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // src/ never writes to the console: it logs through the log channel (names, never values).
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Pure layers: they run under plain node in unit/integration tests.
    files: ['src/azure/**/*.ts', 'src/references/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/azure and src/references must not depend on vscode.' }] }],
    },
  },
  {
    files: ['test/**/*.ts', 'emulator/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
