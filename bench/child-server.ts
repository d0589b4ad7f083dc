/**
 * The benchmarks' servers each run in a child process, so the load generator
 * does not share their thread. The child prints `{"url"}` once listening, then
 * answers one JSON line per command line the parent writes to its stdin.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildServer {
  url: string;
  /** Sends a command and resolves with the child's JSON answer. */
  ask<Answer>(command: string): Promise<Answer>;
  /** Sends the final `report` command; the child answers and exits. */
  report<Answer>(): Promise<Answer>;
}

function lines(child: ChildProcess): () => Promise<string> {
  let buffered = '';
  const waiting: Array<(line: string) => void> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      waiting.shift()?.(line);
    }
  });
  return () => new Promise((resolve) => waiting.push(resolve));
}

/** Runs `script --serve ...args` under tsx and waits for its URL; `nodeFlags` go before the script (profiling). */
export async function startChildServer(script: string, args: string[], nodeFlags: string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, '--serve', ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const nextLine = lines(child);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`bench server ${script} ${args.join(' ')} exited with ${code}`))),
  );
  const next = () => Promise.race([nextLine(), exited]);
  const { url } = JSON.parse(await next()) as { url: string };
  const ask = async <Answer>(command: string): Promise<Answer> => {
    child.stdin?.write(`${command}\n`);
    return JSON.parse(await next()) as Answer;
  };
  exited.catch(() => undefined);
  return { url, ask, report: () => ask('report') };
}

/**
 * Child side: announces `url`, then answers each command with its handler's
 * result; after answering `report` the process exits. It exits too when its
 * stdin ends, which is the parent gone without a report (killed, or failed
 * while starting its other servers), so no server is left running.
 */
export function answerParent(url: string, handlers: Record<string, () => unknown>): void {
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  process.stdin.once('end', () => process.exit(1));
  let buffered = '';
  let queue = Promise.resolve();
  process.stdin.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const command = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      queue = queue.then(async () => {
        const handler = handlers[command];
        const answer = handler ? await handler() : { error: `unknown command ${command}` };
        process.stdout.write(`${JSON.stringify(answer)}\n`);
        if (command === 'report') process.exit(0);
      });
    }
  });
}

/** The `--serve` arguments of a child started by startChildServer, or undefined in the parent. */
export function serveArguments(): string[] | undefined {
  const index = process.argv.indexOf('--serve');
  return index === -1 ? undefined : process.argv.slice(index + 1);
}
