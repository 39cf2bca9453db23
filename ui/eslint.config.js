// ESLint 9 flat config: JS + TypeScript + Svelte 5.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    // ui/src/lib/bindings is generated from Rust (ts-rs) and is not ours to lint.
    ignores: ['dist/', 'node_modules/', 'src/lib/bindings/'],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    files: ['*.config.js', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      // Security: user and imported text is always rendered as text.
      'svelte/no-at-html-tags': 'error',
      'svelte/no-dom-manipulating': 'error',
      // Strict CSP (style-src 'self'): no style="" attributes or style: directives.
      'svelte/no-inline-styles': ['error', { allowTransitions: false }],
      // Not a SvelteKit app: plain hash links are our router.
      'svelte/no-navigation-without-resolve': 'off',
      'svelte/button-has-type': 'error',
      'svelte/require-each-key': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'innerHTML is forbidden: render user text with Svelte text bindings.',
        },
        {
          selector: "MemberExpression[property.name='outerHTML']",
          message: 'outerHTML is forbidden.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'insertAdjacentHTML is forbidden.',
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Only ui/src/lib/ipc.ts may talk to the Tauri backend (types may be imported anywhere).
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/lib/ipc.ts', 'src/**/*.test.ts', 'src/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tauri-apps/api/core',
              message: 'Call the backend through src/lib/ipc.ts only (the api/ modules use it).',
              allowTypeImports: true,
            },
            { name: '@tauri-apps/api', message: 'Call the backend through src/lib/ipc.ts only.' },
          ],
        },
      ],
    },
  },
);
