/**
 * Global setup of vitest and Playwright: the CLI, e2e and tunnel tests run the
 * built app in out/, so a build older than the sources would test stale code.
 * When any source is newer than the build (or there is none), build first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const sourceEntries = [
  'src-main',
  'src-shared',
  'src-preload',
  'src-renderer',
  'electron.vite.config.ts',
  'package.json',
];
/** Written last by the build, so its time says when the whole build finished. */
const buildMarker = path.join(root, 'out', 'main', 'index.js');

function newestModification(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestModification(path.join(entry, name))), stat.mtimeMs);
}

export function buildIsStale(): boolean {
  if (!fs.existsSync(buildMarker)) return true;
  const built = fs.statSync(buildMarker).mtimeMs;
  return sourceEntries.some((entry) => newestModification(path.join(root, entry)) > built);
}

export default function ensureFreshBuild(): void {
  if (!buildIsStale()) return;
  process.stderr.write('out/ is older than the sources: building before the tests run\n');
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (build.status !== 0) throw new Error(`the build failed (exit ${build.status}); the tests would run stale code`);
}
