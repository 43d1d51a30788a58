import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'
import physicalDirection from './lint/physical-direction.js'
import i18next from 'eslint-plugin-i18next'

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'app/generated/**',
      '.data/**',
      '.cache/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // request.formData() reads any size and answers a non-form body with a 500 (docs/decisions/014).
    files: ['app/routes/**', 'app/services/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='formData'][arguments.length=0] > MemberExpression[object.name='request']",
          message:
            'Read forms with readFormData (app/infra/uploads/form-body.server.ts): it limits the size and answers bad bodies with a 4xx.',
        },
      ],
    },
  },
  {
    // Layouts mirror in right-to-left pages through logical properties (docs/decisions/015-i18n.md).
    files: ['app/**/*.{ts,tsx}'],
    plugins: { shikposh: physicalDirection },
    rules: { 'shikposh/physical-direction': 'error' },
  },
  {
    // Everything a person reads goes through the message catalogues (docs/decisions/015-i18n.md).
    files: ['app/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['aria-label', 'alt', 'title', 'placeholder', 'label', 'aria-description'],
          },
          words: { exclude: ['[0-9!-/:-@[-`{-~·×−–—…•]+', '[A-Z_-]+', '^\\p{Emoji}+$'] },
        },
      ],
    },
  },
  {
    // Tool configuration in CommonJS (dependency-cruiser reads .cjs).
    files: ['**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
  },
  {
    // Command-line tasks and test tooling talk to people through the console.
    files: ['app/cli/**', 'tests/**', 'app/server/boot.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook, and take `{}` when they need no other fixture.
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off', 'no-empty-pattern': 'off' },
  },
  {
    files: ['tests/support/prisma-diff.config.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Formatting is Prettier's (`npm run format`); lint only checks it.
  prettier,
)
