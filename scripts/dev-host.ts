// The browser host for development: the core from source, the renderer from Vite's
// dev server (hot module reload), the same token across restarts. Prints the URL.
import net from 'node:net';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';
import { startBrowserHost } from '../src-main/browser-host/browser-host';
import { createCore } from '../src-main/core';
import { resolveDataDir } from '../src-main/data-dir';

const root = path.resolve(__dirname, '..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function main() {
  const vite = await createServer({
    configFile: false,
    root: path.join(root, 'src-renderer'),
    plugins: [react()],
    server: { middlewareMode: true, hmr: { host: '127.0.0.1', port: await freePort() } },
    appType: 'spa',
  });
  const core = await createCore({ dataDir: resolveDataDir(), hostKind: 'browser' });
  const host = await startBrowserHost({
    core,
    rendererDir: path.join(root, 'src-renderer'),
    port: Number(process.env.WORKBENCH_DEV_PORT ?? 5780),
    token: process.env.WORKBENCH_TOKEN,
    development: { middleware: vite.middlewares },
  });
  process.stdout.write(`${host.url}\n`);
  const stop = async () => {
    await host.close();
    await vite.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`dev host: ${error.message}\n`);
  process.exit(1);
});
