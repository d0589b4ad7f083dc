/** What every CLI command shares: JSON on stdout, one-line problems, input from a file or stdin. */
import fs from 'node:fs';
import { InvalidArgumentError } from 'commander';

/** A failure the user can fix: printed as one line without a stack, exit code 1 (or 2 for usage). */
export class UsageProblem extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return port;
}

/** An option limited to a few words, refused by name otherwise. */
export function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!allowed.includes(value as T)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}.`);
    return value as T;
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and parses JSON from FILE, or from stdin when FILE is `-`; says which file and why on failure. */
export async function readJsonInput(file: string): Promise<unknown> {
  const name = file === '-' ? 'standard input' : file;
  let text: string;
  try {
    text = file === '-' ? await readAll(process.stdin) : await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageProblem(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageProblem(`${name} is not valid JSON: ${(error as Error).message}`);
  }
}
