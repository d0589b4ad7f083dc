/**
 * Posts the emulator's webhooks from a thread of their own (webhook-thread.ts).
 *
 * Why a thread: under load the emulator's event loop is its limit, and about
 * half of its time went to webhooks it had already decided on: undici's
 * dispatch, the socket writes (on loopback each write also runs the
 * receiver's side of TCP), reading the answers, and signing (an HMAC and a
 * SHA-256 each). On that thread they no longer delay the API's answers.
 * Every attempt's event is still built here, from what the thread reports.
 *
 * Messages cost both threads more than a webhook's bookkeeping, so the
 * webhooks of one event-loop turn go as one message, and come back the same.
 */
import type { Worker } from 'node:worker_threads';
import { startBuiltThread } from '../built-thread';
import type { SignatureFault } from '../../src-shared/emulator-scenarios';
import type { WebhookSignerOptions } from './webhook-signer';

/** How errors name the thread. */
export const webhookThreadName = "emulator's webhook thread's";

export interface PosterSettings {
  /** How the thread signs each webhook (webhook-signer.ts). */
  signing: WebhookSignerOptions;
  /** Sent as User-Agent. */
  userAgent: string;
  connectTimeoutMs: number;
  answerTimeoutMs: number;
  /** Most connections open to one receiver at once; further webhooks wait for one of them. */
  connectionsPerReceiver: number;
}

/** `webhooks` is flat: id, url, signature fault (null for none), body text; four entries per webhook. */
export type PosterRequest = { type: 'post'; webhooks: Array<number | string | null> } | { type: 'close' };

export interface PosterReply {
  answers: Array<
    | { id: number; status: number; preview: string; durationMs: number }
    | { id: number; failure: string; durationMs: number }
  >;
}

/** How one POST ended: the receiver's answer, or why none came (refused, timed out, cut). */
export type PostOutcome =
  { status: number; preview: string; durationMs: number } | { failure: string; durationMs: number };

export interface WebhookPosterOptions extends PosterSettings {
  /** The thread's built entry (webhook-thread.js). */
  script: string;
}

export interface WebhookPoster {
  /** Signs and POSTs `body` (sent as its UTF-8 bytes); rejects only when the poster is closed meanwhile. */
  post(url: string, body: string, fault?: SignatureFault): Promise<PostOutcome>;
  /** Rejects every post still waiting with `reason` and stops the thread. */
  close(reason?: unknown): Promise<void>;
}

interface Waiting {
  resolve(outcome: PostOutcome): void;
  reject(error: unknown): void;
}

export function createWebhookPoster(options: WebhookPosterOptions): WebhookPoster {
  const settings: PosterSettings = {
    signing: options.signing,
    userAgent: options.userAgent,
    connectTimeoutMs: options.connectTimeoutMs,
    answerTimeoutMs: options.answerTimeoutMs,
    connectionsPerReceiver: options.connectionsPerReceiver,
  };
  let thread: Worker | undefined;
  let queued: Array<number | string | null> = [];
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let closed: { reason: unknown } | undefined;
  let exited: Promise<void> | undefined;

  /** Started with the first webhook: an emulator that sends none never starts it. */
  function webhookThread(): Worker {
    if (thread) return thread;
    const started = startBuiltThread(options.script, webhookThreadName, settings);
    started.on('message', onReply);
    started.on('error', (error) => failAll(error));
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    started.once('exit', (code) => {
      if (!closed) failAll(new Error(`the emulator's webhook thread stopped (exit code ${code})`));
      if (thread === started) thread = undefined;
    });
    thread = started;
    return started;
  }

  function onReply(reply: PosterReply): void {
    for (const outcome of reply.answers) {
      const entry = waiting.get(outcome.id);
      waiting.delete(outcome.id);
      entry?.resolve(outcome);
    }
    // Nothing in flight: the thread need not keep the process alive.
    if (waiting.size === 0) thread?.unref();
  }

  /** A thread that broke down answers nothing more: every waiting post ends as a failed attempt. */
  function failAll(error: unknown): void {
    const failure = error instanceof Error ? error.message : String(error);
    for (const entry of waiting.values()) entry.resolve({ failure, durationMs: 0 });
    waiting.clear();
    queued = [];
  }

  function send(): void {
    const webhooks = queued;
    queued = [];
    if (webhooks.length === 0 || closed) return;
    let worker: Worker;
    try {
      worker = webhookThread();
    } catch (error) {
      failAll(error);
      return;
    }
    worker.ref();
    worker.postMessage({ type: 'post', webhooks } satisfies PosterRequest);
  }

  return {
    post(url, body, fault) {
      if (closed) return Promise.reject(closed.reason);
      return new Promise<PostOutcome>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        if (queued.length === 0) setImmediate(send);
        queued.push(id, url, fault ?? null, body);
      });
    },
    async close(reason = new Error('The emulator is closed.')) {
      closed ??= { reason };
      for (const entry of waiting.values()) entry.reject(closed.reason);
      waiting.clear();
      queued = [];
      thread?.postMessage({ type: 'close' } satisfies PosterRequest);
      await exited;
    },
  };
}
