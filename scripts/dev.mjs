// `npm run dev`: hot reload. With Electron: electron-vite's dev mode. Without it:
// the browser host with Vite's dev server inside, restarted on main-process changes
// (tsx watch) under a fixed token, so the open page reconnects by itself.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { findElectron } from './electron-availability.mjs';

const root = path.resolve(import.meta.dirname, '..');
const electron = findElectron();
if (electron.available) {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'dev'], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write(
    `Electron cannot start here: ${electron.reason}; serving the app to your browser with hot reload.\n`,
  );
  const child = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['watch', '--clear-screen=false', '--include', 'src-shared/**', path.join(root, 'scripts/dev-host.ts')],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        WORKBENCH_TOKEN: process.env.WORKBENCH_TOKEN ?? crypto.randomBytes(32).toString('base64url'),
      },
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
