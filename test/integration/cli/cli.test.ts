import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { projectRoot, startServe } from '../../support/serve-process';

/** Runs the built `workbench` command; the test script builds before the suites run. */
function workbench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/workbench.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the workbench command', () => {
  it('prints its version', async () => {
    expect(await workbench(['--version'])).toMatchObject({
      code: 0,
      stdout: `${packageJson.version} (Messages API 1.20.0)\n`,
    });
  });

  it('prints help naming serve and its options', async () => {
    const root = await workbench(['--help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('serve');
    const serve = await workbench(['serve', '--help']);
    expect(serve.stdout).toMatch(/--port <n>[\s\S]*--host <address>[\s\S]*--no-open/);
  });

  it('exits 2 on bad usage, saying what is wrong', async () => {
    const unknown = await workbench(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badPort = await workbench(['serve', '--no-open', '--port', 'eighty']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain(
      "option '--port <n>' argument 'eighty' is invalid. expected a whole number from 0 to 65535.",
    );
  });

  it('serve prints a token URL, answers it, and closes cleanly on SIGINT', async () => {
    const serve = await startServe();
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect((await fetch(serve.url)).status).toBe(200);
    serve.child.kill('SIGINT');
    expect(await serve.exited).toBe(0);
    expect(serve.stderr()).toContain('SIGINT: closing');
    await expect(fetch(serve.url)).rejects.toThrow();
  });

  it('serve refuses a port that is taken, with exit 1 and the reason', async () => {
    const first = await startServe();
    const second = await workbench([
      '--data-dir',
      first.dataDir,
      'serve',
      '--no-open',
      '--port',
      String(first.port),
      '--webhook-port',
      '0',
      '--emulator-port',
      '0',
    ]);
    expect(second.code).toBe(1);
    expect(second.stderr.trimEnd().split('\n').at(-1)).toBe(
      `workbench: port ${first.port} is already in use: choose another with --port, or leave it out for a free one`,
    );
    await first.stop();
  });
});
