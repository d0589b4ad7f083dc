import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin, Rollup } from 'vite';
import { contentSecurityPolicy } from './src-main/content-security-policy';

/** Writes the CSP into the built index.html, which covers the desktop app's file:// page. */
function cspMetaTag(): Plugin {
  return {
    name: 'workbench-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** A chunk's static imports, all the way down, with the chunk itself. */
function withStaticImports(bundle: Rollup.OutputBundle, fileName: string, found = new Set<string>()): Set<string> {
  const chunk = bundle[fileName];
  if (found.has(fileName) || chunk?.type !== 'chunk') return found;
  found.add(fileName);
  for (const imported of chunk.imports) withStaticImports(bundle, imported, found);
  return found;
}

/**
 * The builder is the page the app opens on, yet its code is a dynamic import, requested only once the
 * entry has run. Preloading it (and its stylesheet) from the HTML fetches it while the entry is parsed.
 * On any other first page it is no waste: every page is fetched once the first is idle.
 */
function preloadBuilderPage(): Plugin {
  let base = './';
  return {
    name: 'workbench-preload-builder-page',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        const entry = context.chunk;
        if (!bundle || !entry) return [];
        const builder = Object.values(bundle).find(
          (output): output is Rollup.OutputChunk =>
            output.type === 'chunk' && (output.facadeModuleId ?? '').endsWith('/features/builder/BuilderPage.tsx'),
        );
        if (!builder) throw new Error('the build has no BuilderPage chunk to preload');
        const alreadyLoaded = withStaticImports(bundle, entry.fileName);
        const scripts = [...withStaticImports(bundle, builder.fileName)].filter((file) => !alreadyLoaded.has(file));
        const styles = [...(builder.viteMetadata?.importedCss ?? [])];
        return [
          ...scripts.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head' as const,
          })),
          ...styles.map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          cli: resolve(__dirname, 'src-main/cli.ts'),
          'tunnel-child': resolve(__dirname, 'src-main/tunnel/tunnel-child.ts'),
          // The webhook store's writer thread (src-main/webhooks/event-writer.ts starts it).
          'webhook-writer': resolve(__dirname, 'src-main/webhooks/webhook-writer.ts'),
          // The emulator's webhook thread (src-main/emulator/webhook-poster.ts starts it).
          'webhook-thread': resolve(__dirname, 'src-main/emulator/webhook-thread.ts'),
        },
        // Shared chunks sit beside the entries, so __dirname is out/main wherever a module lands
        // (the tunnel child, the webhook writer, the emulator's webhook thread and the renderer are found relative to it).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The sandboxed preload can require only `electron`: bundle everything else into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react(), cspMetaTag(), preloadBuilderPage()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; every page load parses this code, so it ships minified.
      minify: true,
      rollupOptions: {
        input: resolve(__dirname, 'src-renderer/index.html'),
        output: {
          // Libraries that are needed whole wherever they are needed get a chunk of their own, named for
          // them: React and zod load with the first page, CodeMirror with the first editor. Their files
          // then keep their names (and the browser's cached copy) across builds that change only our code.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
              { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
              {
                name: 'codemirror',
                test: /node_modules[\\/](@codemirror|@lezer|@marijn|style-mod|w3c-keyname|crelt)[\\/]/,
              },
            ],
          },
        },
      },
    },
  },
});
