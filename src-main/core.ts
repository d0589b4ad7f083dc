/**
 * Composes the core services once and exposes them only as contract handlers
 * plus an event hub. The core is plain Node: it never knows which host carries it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers, HostKind } from '../src-shared/contract';
import { ok } from '../src-shared/result';
import { productName, productVersion } from './app-info';
import { createAuthHandlers } from './auth/handlers';
import { createProfileHandlers } from './credentials/handlers';
import { createKeychain } from './credentials/keychain';
import { createProfileService } from './credentials/profiles';
import { createDraftHandlers } from './drafts/handlers';
import { createErrorCatalogHandlers } from './errors/handlers';
import { createEventHub, type EventHub, type EventHubOptions } from './event-hub';
import { createStderrLogger, type Logger } from './logger';
import { createMessageHandlers } from './messages/handlers';
import { createSendHandlers } from './send/handlers';
import { createProfileSender } from './send/profile-sender';
import { createSendHistory } from './send/send-history';
import { createSendService } from './send/send-service';
import { validateForSend } from './send/validate-for-send';

export interface CoreOptions {
  /** Folder for everything the app stores; created if missing. */
  dataDir: string;
  /** Which host carries the contract; reported by app.info. */
  hostKind: HostKind;
  logger?: Logger;
  events?: EventHubOptions;
  /** The keychain service secrets are filed under; tests use their own so they never meet a user's. */
  keychainService?: string;
}

export interface Core {
  handlers: Handlers;
  events: EventHub;
  logger: Logger;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const { dataDir, hostKind, logger = createStderrLogger(), keychainService = 'messages-workbench' } = options;
  await fs.promises.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const events = createEventHub(options.events);
  const startedAt = new Date().toISOString();
  let ticks = 0;

  const keychain = createKeychain({ service: keychainService });
  const profiles = createProfileService({ dataDir, keychain });
  const history = createSendHistory({ databasePath: path.join(dataDir, 'history.db') });
  const sendService = createSendService({ validatePayload: validateForSend, history });
  const profileSender = createProfileSender({ profiles, sender: sendService, emulatorUrl: () => null });

  const handlers: Handlers = {
    'app.info': () => ok({ name: productName, version: productVersion, dataDir, hostKind, platform: process.platform, startedAt }),
    'app.events': ({ count }) => {
      for (let index = 0; index < count; index++) events.emit('app.ticked', { seq: ++ticks, at: new Date().toISOString() });
      return ok({ emitted: count });
    },
    ...createMessageHandlers(),
    ...createProfileHandlers(profiles),
    ...createAuthHandlers(profiles),
    ...createSendHandlers(profileSender, history),
    ...createDraftHandlers({ dataDir }),
    ...createErrorCatalogHandlers(),
  };

  return {
    handlers,
    events,
    logger,
    async close() {
      events.close();
      profileSender.close();
      await sendService.close();
      history.close();
      await profiles.close();
      keychain.close();
    },
  };
}
