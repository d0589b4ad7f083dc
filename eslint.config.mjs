// @ts-check
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** The layer rules of DESIGN.md, enforced rather than reviewed. */
const electronOnlyInShell = {
  paths: [{ name: 'electron', message: 'Only src-main/electron/ and src-preload/ may import electron.' }],
};

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
          patterns: [{ group: ['react', 'react-dom', 'react-dom/*'], message: 'src-shared/ runs anywhere: no DOM libraries.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', '__dirname'].map(
          (name) => ({ name, message: 'src-shared/ runs anywhere: no Node or DOM globals.' }),
        ),
      ],
    },
  },
  {
    files: ['src-main/electron/**/*.ts', 'src-preload/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
