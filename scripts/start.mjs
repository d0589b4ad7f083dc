// `npm start`: builds, then opens the desktop app; where Electron cannot run,
// serves the same app to the default browser instead, saying why in one line.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectron } from './electron-availability.mjs';

const root = path.resolve(import.meta.dirname, '..');
const build = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = findElectron();
const [command, args] = electron.available
  ? [electron.path, [root]]
  : [process.execPath, [path.join(root, 'bin/workbench.js'), 'serve', ...process.argv.slice(2)]];
if (!electron.available)
  process.stderr.write(`Electron cannot start here: ${electron.reason}; opening the app in your browser instead.\n`);

const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
