import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
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
        },
        // Shared chunks sit beside the entries, so __dirname is out/main wherever a module lands
        // (the tunnel child, the webhook writer and the renderer are found relative to it).
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
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; every page load parses this code, so it ships minified.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
