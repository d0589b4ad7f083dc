/**
 * Starts `workbench serve --no-open` from the built output as a child process,
 * the way a user does, and resolves once it has printed its URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const projectRoot = path.resolve(__dirname, '../..');
const workbenchBin = path.join(projectRoot, 'bin', 'workbench.js');

export interface ServeProcess {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  child: ChildProcess;
  stderr: () => string;
  /** Resolves with the exit code when the process ends, however that happens. */
  exited: Promise<number | null>;
  /** SIGTERM and wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function makeTempDir(prefix = 'workbench test '): Promise<string> {
  return fs.promises.mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * `env` is added to this process's environment for the child only (e.g. a
 * private keyring session's bus). The receiver and the emulator get free
 * ports unless `localPorts: 'settings'` asks for the ones in Settings.
 */
export async function startServe(
  options: {
    dataDir?: string;
    port?: number;
    token?: string;
    timeoutMs?: number;
    env?: Record<string, string>;
    localPorts?: 'settings';
  } = {},
): Promise<ServeProcess> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const args = [workbenchBin, '--data-dir', dataDir, 'serve', '--no-open', '--port', String(options.port ?? 0)];
  // Free ports unless the test is about the ports kept in Settings, so test files can run side by side.
  if (options.localPorts !== 'settings') args.push('--webhook-port', '0', '--emulator-port', '0');
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env, ...(options.token ? { WORKBENCH_TOKEN: options.token } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const firstLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve printed no URL within ${options.timeoutMs ?? 15_000} ms: ${stderr}`)),
      options.timeoutMs ?? 15_000,
    );
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before printing a URL: ${stderr}`)));
  });
  const url = new URL(firstLine);
  return {
    url: firstLine,
    origin: url.origin,
    port: Number(url.port),
    token: url.searchParams.get('token') ?? '',
    dataDir,
    child,
    stderr: () => stderr,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
