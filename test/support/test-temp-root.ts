/**
 * Global setup of vitest and Playwright: every temporary folder a test, a
 * child process or a browser makes goes under one root for this run (through
 * TMPDIR, which os.tmpdir() reads at each call and children inherit), and the
 * root is removed when the run ends, whatever the tests left behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function useTemporaryRoot(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-tests-'));
  process.env.TMPDIR = root;
  return () => fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
