/**
 * Picks the webhook event store: the SQLite file in the data folder (the
 * embedded default), or a team's PostgreSQL when a postgres:// URL is given.
 */
import { ok, type Result } from '../../src-shared/result';
import { createWebhookStore } from '../webhooks/event-store';
import type { EventStore, RetentionPolicy } from '../webhooks/event-store-interface';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store';

export interface EventStoreChoice {
  /** postgres://… for a team inbox; absent for the SQLite file in `dataDir`. */
  storeUrl?: string;
  dataDir: string;
  /** The SQLite store's writer thread entry; the default suits the built app. */
  writerScript?: string;
  /** Old events to delete, at open and then every minute; the same for either store. */
  retention?: RetentionPolicy;
  /** Told about store failures with no caller to return to; never given secrets. */
  onError?: (message: string, error: unknown) => void;
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
    });
    return opened.ok ? ok({ store: opened.value, location: opened.value.location, shared: opened.value }) : opened;
  }
  const opened = createWebhookStore({
    dataDir: choice.dataDir,
    ...(choice.writerScript ? { writerScript: choice.writerScript } : {}),
    ...(choice.retention ? { retention: choice.retention } : {}),
  });
  return opened.ok ? ok({ store: opened.value, location: opened.value.path }) : opened;
}
