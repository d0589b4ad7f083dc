// @ts-check
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** The layer rules of DESIGN.md, enforced rather than reviewed. */
const electronOnlyInShell = {
  paths: [{ name: 'electron', message: 'Only src-main/electron/ and src-preload/ may import electron.' }],
};

/** The only npm packages src-shared/ may use: it runs in Node, Electron and the page alike. */
const sharedPackages = ['zod'];
/** The npm packages the page may use; Node and the core stay on the other side of the contract. */
const rendererPackages = [
  'react',
  'react-dom',
  'zustand',
  'radix-ui',
  'zod',
  '@codemirror',
  '@lezer',
  '@tanstack/react-virtual',
];

/** An import of another top-level layer folder, e.g. `../src-main/core` seen from `src-shared/`. */
const layers = (names) => `(^|/)src-(${names.join('|')})(/|$)`;

/** A pattern matching every bare import (an npm package) except the allowed ones and their subpaths. */
const packagesOtherThan = (allowed) =>
  `^(?!\\.|${allowed.map((name) => `${name.replace(/\./g, '\\.')}(?:/|$)`).join('|')})`;

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnlyInShell],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronOnlyInShell.paths,
            ...nodeBuiltins.map((name) => ({ name, message: 'src-shared/ runs anywhere: no Node modules.' })),
          ],
          patterns: [
            {
              regex: packagesOtherThan(sharedPackages),
              message: `src-shared/ runs anywhere: it may use only ${sharedPackages.join(', ')}.`,
            },
            {
              regex: layers(['main', 'preload', 'renderer']),
              message: 'src-shared/ is what both sides agree on: it imports neither side.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'process',
          'Buffer',
          'require',
          '__dirname',
        ].map((name) => ({ name, message: 'src-shared/ runs anywhere: no Node or DOM globals.' })),
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronOnlyInShell.paths,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'src-renderer/ is a web page: Node is reached only through the contract.',
            })),
          ],
          patterns: [
            {
              regex: '(^|/)src-(main|preload)(/|$)',
              message: 'src-renderer/ reaches the core only through the contract (src-shared/contract.ts).',
            },
            {
              regex: packagesOtherThan(rendererPackages),
              message: `src-renderer/ may use only ${rendererPackages.join(', ')} of npm.`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInShell,
          patterns: [
            { regex: layers(['preload', 'renderer']), message: 'The core reaches the page only through the contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: layers(['preload', 'renderer']),
              message: 'The shell reaches the page only through the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The sandboxed preload has no Node modules.' })),
          patterns: [
            { regex: packagesOtherThan(['electron']), message: 'The preload may use only electron of npm.' },
            { regex: layers(['main', 'renderer']), message: 'The preload imports only src-shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
