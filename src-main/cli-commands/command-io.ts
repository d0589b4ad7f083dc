/**
 * What every CLI command shares: stdout that survives its reader, numeric
 * options checked in one place, one-line problems, input from a file or stdin.
 */
import fs from 'node:fs';
import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';

/** A failure the user can fix: printed as one line without a stack, exit code 1 (or 2 for usage). */
export class UsageProblem extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    /** The core's error code, when a contract call refused. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The core's refusals of what the user named or wrote (an environment, a collection, a file's variables). */
const refusedInputCodes = new Set([
  'VARIABLE_UNDEFINED',
  'ENVIRONMENT_NOT_FOUND',
  'COLLECTION_UNREADABLE',
  'SECRET_IN_REQUEST',
]);

/** Rethrows a core refusal of the user's own input as bad usage (exit 2); any other failure unchanged. */
export function rethrowRefusedInputAsUsage(error: unknown): never {
  if (error instanceof UsageProblem && error.code !== undefined && refusedInputCodes.has(error.code))
    throw new UsageProblem(error.message, 2, error.code);
  throw error;
}

/**
 * A command's stdout. Node writes to a pipe asynchronously, so output can
 * still be queued when a command returns: `flushed()` is awaited before the
 * process exits. When the reader goes away (`workbench listen | head -1`) the
 * write fails with EPIPE; that stops output, never the command, so a server
 * keeps receiving and storing and a batch command finishes quietly.
 */
export interface CommandOutput {
  /** Writes unless the reader is gone; resolves when the stream can take more, so long exports hold little in memory. */
  write(text: string): Promise<void>;
  /** True once the reader has gone: later writes are dropped. */
  readonly closed: boolean;
  /** Servers call this: `line` goes to stderr once, when output stops. Batch commands stay quiet. */
  announceStop(line: string): void;
  /** Resolves when everything written so far has reached the reader (or the reader is gone). */
  flushed(): Promise<void>;
}

export function createCommandOutput(stream: NodeJS.WriteStream, report: (line: string) => void): CommandOutput {
  let closed = false;
  let stopLine: string | undefined;
  const wakers = new Set<() => void>();
  /** `why` is an errno code; EPIPE means the reader went, the usual and quiet case. */
  const stop = (why: string) => {
    if (closed) return;
    closed = true;
    for (const wake of wakers) wake();
    wakers.clear();
    if (why !== 'EPIPE') report(`workbench: stdout failed (${why}); output stopped`);
    else if (stopLine !== undefined) report(stopLine);
  };
  stream.on('error', (error: NodeJS.ErrnoException) => stop(error.code ?? error.message));
  // A stream destroyed without an error event counts as a reader gone, too.
  stream.on('close', () => stop('EPIPE'));

  const settled = (start: (done: () => void) => void) =>
    new Promise<void>((resolve) => {
      const done = () => {
        wakers.delete(done);
        resolve();
      };
      wakers.add(done);
      start(done);
    });

  return {
    get closed() {
      return closed;
    },
    write(text) {
      if (closed) return Promise.resolve();
      if (stream.write(text)) return Promise.resolve();
      return settled((done) => stream.once('drain', done));
    },
    announceStop(line) {
      stopLine = line;
    },
    flushed() {
      if (closed || stream.writableLength === 0) return Promise.resolve();
      // Write callbacks run in order, so an empty write's callback means every earlier one is out.
      return settled((done) => stream.write('', done));
    },
  };
}

let standardOutput: CommandOutput | undefined;
let standardError: CommandOutput | undefined;

/** The process's stdout, guarded; its problems go to stderr. */
export function commandOutput(): CommandOutput {
  standardOutput ??= createCommandOutput(process.stdout, (line) => void standardErrors().write(`${line}\n`));
  return standardOutput;
}

/** stderr guarded the same way, so `2>&1 | head -1` cannot kill a command either. */
function standardErrors(): CommandOutput {
  standardError ??= createCommandOutput(process.stderr, () => undefined);
  return standardError;
}

/** Installs the guards on stdout and stderr; the returned promise-maker is awaited before the process exits. */
export function guardStandardStreams(): { flushed(): Promise<void> } {
  const output = commandOutput();
  const errors = standardErrors();
  return { flushed: () => Promise.all([output.flushed(), errors.flushed()]).then(() => undefined) };
}

export function printJson(value: unknown): void {
  void commandOutput().write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The one parser for numeric options: a whole number written in decimal
 * digits within [min, max]. `1e3`, `0x10`, `-1`, `2.5` and `abc` are refused
 * by name (commander prefixes the option and the value), exit code 2.
 */
export function integerOption(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  const expected =
    max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
  return (value: string): number => {
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= min && number <= max)) throw new InvalidArgumentError(`expected ${expected}.`);
    return number;
  };
}

export const parsePort = integerOption(0, 65_535);

/** An option that must be an http(s) URL, refused by name otherwise. */
export function httpUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // Reported below with the same words as a wrong scheme.
  }
  throw new InvalidArgumentError('expected an http(s) URL.');
}

/** An option checked by a schema of the contract, refused by name in the schema's words (exit 2). */
export function schemaOption<T>(schema: z.ZodType<T, string>) {
  return (value: string): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(`${parsed.error.issues[0]?.message ?? 'invalid value'}.`);
    return parsed.data;
  };
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

/** Reads FILE, or stdin when FILE is `-`; says which file and why on failure. */
export async function readTextInput(file: string): Promise<string> {
  try {
    return file === '-' ? await readAll(process.stdin) : await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageProblem(
      `cannot read ${file === '-' ? 'standard input' : file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** Reads and parses JSON from FILE, or from stdin when FILE is `-`. */
export async function readJsonInput(file: string): Promise<unknown> {
  const text = await readTextInput(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageProblem(`${file === '-' ? 'standard input' : file} is not valid JSON: ${(error as Error).message}`);
  }
}
