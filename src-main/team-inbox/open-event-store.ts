/**
 * Picks the webhook event store: the SQLite file in the data folder (the
 * embedded default), or a team's PostgreSQL when a postgres:// URL is given.
 */
import { ok, type Result } from '../../src-shared/result';
import { createWebhookStore, type WebhookStoreOptions } from '../webhooks/event-store';
import type { EventStore, RetentionPolicy } from '../webhooks/event-store-interface';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store';

export interface EventStoreChoice {
  /** postgres://… for a team inbox; absent for the SQLite file in `dataDir`. */
  storeUrl?: string;
  dataDir: string;
  /** What an acknowledged webhook survives in the SQLite store; see WebhookStoreOptions. */
  durability?: WebhookStoreOptions['durability'];
  /** The SQLite store's writer thread entry; the default suits the built app. */
  writerScript?: string;
  /** Old events to delete, at open and then every minute; the same for either store. */
  retention?: RetentionPolicy;
  /** Told about store failures with no caller to return to; never given secrets. */
  onError?: (message: string, error: unknown) => void;
  /** Told what the user should know while the store opens (an upgrade under way, a missing index). */
  onNotice?: (message: string) => void;
}

export interface OpenedEventStore {
  store: EventStore;
  /** Where the events go, for a status line: a file path, or the database URL without its password. */
  location: string;
  /** The same store when it is a team's PostgreSQL (routing needs it); undefined for SQLite. */
  shared?: PostgresEventStore;
}

export async function openEventStore(choice: EventStoreChoice): Promise<Result<OpenedEventStore>> {
  if (choice.storeUrl !== undefined) {
    const opened = await createPostgresEventStore({
      url: choice.storeUrl,
      ...(choice.retention ? { retention: choice.retention } : {}),
      ...(choice.onError ? { onError: choice.onError } : {}),
      ...(choice.onNotice ? { onNotice: choice.onNotice } : {}),
    });
    return opened.ok ? ok({ store: opened.value, location: opened.value.location, shared: opened.value }) : opened;
  }
  const opened = createWebhookStore({
    dataDir: choice.dataDir,
    ...(choice.writerScript ? { writerScript: choice.writerScript } : {}),
    ...(choice.durability ? { durability: choice.durability } : {}),
    ...(choice.retention ? { retention: choice.retention } : {}),
    ...(choice.onNotice ? { onNotice: choice.onNotice } : {}),
  });
  return opened.ok ? ok({ store: opened.value, location: opened.value.path }) : opened;
}
