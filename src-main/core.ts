/**
 * Composes the core services once and exposes them only as contract handlers
 * plus an event hub. The core is plain Node: it never knows which host carries it.
 */
import fs from 'node:fs';
import type { HostKind, Handlers } from '../src-shared/contract';
import { ok } from '../src-shared/result';
import { productName, productVersion } from './app-info';
import { createEventHub, type EventHub, type EventHubOptions } from './event-hub';
import { createStderrLogger, type Logger } from './logger';
import { createMessageHandlers } from './messages/handlers';

export interface CoreOptions {
  /** Folder for everything the app stores; created if missing. */
  dataDir: string;
  /** Which host carries the contract; reported by app.info. */
  hostKind: HostKind;
  logger?: Logger;
  events?: EventHubOptions;
}

export interface Core {
  handlers: Handlers;
  events: EventHub;
  logger: Logger;
  close(): Promise<void>;
}

export async function createCore({ dataDir, hostKind, logger = createStderrLogger(), events: eventOptions }: CoreOptions): Promise<Core> {
  await fs.promises.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const events = createEventHub(eventOptions);
  const startedAt = new Date().toISOString();
  let ticks = 0;

  const handlers: Handlers = {
    'app.info': () =>
      ok({ name: productName, version: productVersion, dataDir, hostKind, platform: process.platform, startedAt }),
    'app.events': ({ count }) => {
      for (let index = 0; index < count; index++) events.emit('app.ticked', { seq: ++ticks, at: new Date().toISOString() });
      return ok({ emitted: count });
    },
    ...createMessageHandlers(),
  };

  return {
    handlers,
    events,
    logger,
    async close() {
      events.close();
    },
  };
}
