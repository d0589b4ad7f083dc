/**
 * How long a caller waits for each contract method's answer. Both transports
 * (the preload bridge and the browser host's WebSocket) take it from here, so
 * a long call behaves the same in the desktop app and in a browser.
 */
import type { MethodName } from './contract';
import { fail, type Result } from './result';

export const defaultCallTimeoutMs = 30_000;

/** Room for the answer to travel back after the work's own limit has run out. */
const answerAllowanceMs = 5_000;
/** A send's own limit when its input names none (see send-service). */
const defaultSendTimeoutMs = 30_000;
/** A collection run waits for webhooks request by request; its progress arrives as collections.runProgressed events. */
const collectionRunTimeoutMs = 600_000;
/**
 * A file export first waits for the user in the save dialog, then writes every matching event (a million take
 * about a minute); its progress arrives as webhooks.exportProgressed events.
 */
const fileExportTimeoutMs = 3_600_000;

const timeoutOf: { [M in MethodName]?: (input: Record<string, unknown>) => number } = {
  'send.message': (input) =>
    (typeof input.timeoutMs === 'number' ? input.timeoutMs : defaultSendTimeoutMs) + answerAllowanceMs,
  'collections.run': () => collectionRunTimeoutMs,
  'webhooks.exportToFile': () => fileExportTimeoutMs,
};

/** The wait for `method` called with `input` (unvalidated: the core checks it). */
export function callTimeoutMs(method: string, input: unknown): number {
  const fromInput = Object.hasOwn(timeoutOf, method) ? timeoutOf[method as MethodName] : undefined;
  if (!fromInput) return defaultCallTimeoutMs;
  return fromInput(typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {});
}

export function callTimedOut(method: string, timeoutMs: number): Result<never> {
  return fail(
    'CALL_TIMEOUT',
    `${method} got no answer in ${Math.round(timeoutMs / 1000)} s.`,
    'Check that the workbench is still running.',
  );
}
