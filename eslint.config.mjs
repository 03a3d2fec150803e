// ESLint flat config. Size limits are DESIGN.md's: files under ~300 lines, functions under ~60.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'examples/',
      'e2e/fixtures/',
      '**/__fixtures__/*/',
      'bench/competitors/',
      'bench/workloads/',
      'bench/results/',
      'node_modules/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain CommonJS scripts (inlined into generated Dockerfiles, or run by node before tsx is installed).
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A spec's describe() callback holds its cases: the function limit does not fit it.
    files: ['**/*.spec.ts', '**/*.e2e.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
);
