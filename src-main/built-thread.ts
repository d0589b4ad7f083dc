/**
 * Starting a worker thread from its built entry (out/main/*.js). Worker would
 * fail later with a bare ERR_MODULE_NOT_FOUND when the app is not built; these
 * say what is missing and how to get it.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Why `script` cannot start `thread` (named as in "the webhook writer thread's"), or undefined when it can. */
export function missingBuiltEntry(script: string, thread: string): Error | undefined {
  return fs.existsSync(script) ? undefined : new Error(`The ${thread} entry ${script} is missing; build the app.`);
}

/** Starts `thread` from `script` with `workerData`; throws missingBuiltEntry's error when the entry is not built. */
export function startBuiltThread(script: string, thread: string, workerData: unknown): Worker {
  const missing = missingBuiltEntry(script, thread);
  if (missing) throw missing;
  return new Worker(script, { workerData });
}
