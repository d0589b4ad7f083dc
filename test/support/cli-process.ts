/**
 * A long-running `workbench` command as a child process, with its stdout and
 * stderr as lines that tests can await (with a bound), never sleep for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from './serve-process';

export interface CliProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the `occurrence`-th stderr line matching (default the first), seen before or after the call. */
  stderrLine(pattern: RegExp, timeoutMs?: number, occurrence?: number): Promise<RegExpExecArray>;
  /** Resolves once stdout holds at least `count` lines. */
  stdoutLines(count: number, timeoutMs?: number): Promise<string[]>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `nodeArgs` go to Node itself, before the script (e.g. `--inspect=127.0.0.1:0`). */
export function startCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  nodeArgs: string[] = [],
): CliProcess {
  const child = spawn(process.execPath, [...nodeArgs, path.join(projectRoot, 'bin/workbench.js'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((check) => check());
  readline.createInterface({ input: child.stdout! }).on('line', (line) => (stdout.push(line), notify()));
  readline.createInterface({ input: child.stderr! }).on('line', (line) => (stderr.push(line), notify()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => (resolve({ code, signal }), notify())),
  );

  function waitFor<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${what} within ${timeoutMs} ms; stderr so far:\n${stderr.join('\n')}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  return {
    child,
    stdout,
    stderr,
    exited,
    stderrLine: (pattern, timeoutMs = 15_000, occurrence = 1) =>
      waitFor(
        () => stderr.map((line) => pattern.exec(line)).filter((match) => match !== null)[occurrence - 1] ?? undefined,
        `stderr line ${pattern} (#${occurrence})`,
        timeoutMs,
      ),
    stdoutLines: (count, timeoutMs = 15_000) =>
      waitFor(() => (stdout.length >= count ? stdout.slice() : undefined), `${count} stdout lines`, timeoutMs),
  };
}

/** Kills every process in `processes` that still runs and waits for each to end; empties the list (for afterEach). */
export async function stopAll(processes: CliProcess[]): Promise<void> {
  for (const cli of processes.splice(0)) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
    await cli.exited;
  }
}

export interface FinishedCli {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a one-shot `workbench` command to its end with only `env` (plus PATH)
 * as its environment, so nothing of the test runner's VONAGE_* leaks in.
 */
export function runCli(args: string[], options: { env: Record<string, string>; cwd: string }): Promise<FinishedCli> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/workbench.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', ...options.env },
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
