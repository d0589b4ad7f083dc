/**
 * Per-test plumbing: a temp data dir, a store, a receiver on 127.0.0.1 port 0,
 * and a way to wait for the live feed without sleeping. Call `dispose` in
 * afterEach (or use `withHarness`) so each test leaves nothing behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWebhookStore, type WebhookStoreOptions, type WebhookStore } from '../../src-main/webhooks/event-store';
import type { WebhookEvent } from '../../src-main/webhooks/event-types';
import {
  createWebhookReceiver,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from '../../src-main/webhooks/receiver';

/** The store's writer thread as built (test/support/fresh-build.ts builds it first): tests run from source. */
export const builtWebhookWriter = path.resolve(__dirname, '../../out/main/webhook-writer.js');
/** The emulator's webhook thread as built, for the same reason. */
export const builtWebhookThread = path.resolve(__dirname, '../../out/main/webhook-thread.js');

export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `workbench ${label} `));
}

export function openStore(options: WebhookStoreOptions): WebhookStore {
  const opened = createWebhookStore({ writerScript: builtWebhookWriter, ...options });
  if (!opened.ok) throw new Error(`store did not open: ${opened.error.message}`);
  return opened.value;
}

export interface WebhookHarness {
  dir: string;
  store: WebhookStore;
  receiver: WebhookReceiver;
  url: string;
  /** Every event the live feed delivered so far, received and forwarded alike. */
  received: WebhookEvent[];
  forwarded: WebhookEvent[];
  /** Resolves when the feed has delivered `count` received events, or rejects after `timeoutMs`. */
  waitForEvents(count: number, timeoutMs?: number): Promise<WebhookEvent[]>;
  waitForForwards(count: number, timeoutMs?: number): Promise<WebhookEvent[]>;
  dispose(): Promise<void>;
}

export async function startHarness(options: Partial<WebhookReceiverOptions> = {}): Promise<WebhookHarness> {
  const dir = makeTempDir('webhooks');
  const store = openStore({ dataDir: dir });
  const receiver = createWebhookReceiver({ feed: { flushIntervalMs: 5 }, ...options, store });
  const started = await receiver.start();
  if (!started.ok) throw new Error(started.error.message);
  const received: WebhookEvent[] = [];
  const forwarded: WebhookEvent[] = [];
  const waiters = new Set<() => void>();
  receiver.subscribe(({ items }) => {
    for (const item of items) (item.change === 'received' ? received : forwarded).push(item.event);
    for (const wake of waiters) wake();
  });

  function waitUntil(list: WebhookEvent[], count: number, timeoutMs: number, what: string): Promise<WebhookEvent[]> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (list.length < count) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(list.slice(0, count));
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`expected ${count} ${what}, got ${list.length} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  return {
    dir,
    store,
    receiver,
    url: started.value.url,
    received,
    forwarded,
    waitForEvents: (count, timeoutMs = 5000) => waitUntil(received, count, timeoutMs, 'received events'),
    waitForForwards: (count, timeoutMs = 5000) => waitUntil(forwarded, count, timeoutMs, 'forward results'),
    async dispose() {
      await receiver.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
