/**
 * What the receiver, the timeline and the CLI need from a webhook event store,
 * whichever database holds the events: the embedded SQLite file
 * (event-store.ts) or a team's PostgreSQL (team-inbox/postgres-event-store.ts).
 * Reads may answer at once (SQLite, in-process) or later (a database server),
 * so callers written against this interface await every result.
 */
import type { EventListQuery, EventPage } from '../../src-shared/webhook-events';
import type { ForwardResult, NewWebhookRecord, WebhookEvent } from './event-types';

export type Awaitable<T> = T | Promise<T>;

/** Which old events to delete. Either limit, or both. */
export interface RetentionPolicy {
  /** Delete events received longer ago than this. */
  maxAgeMs?: number;
  /** Keep only this many newest events. */
  maxCount?: number;
}

export interface EventStore {
  /** Stores the record; resolves with the stored event only once it is committed (a 2xx may then go out). */
  append(record: NewWebhookRecord): Promise<WebhookEvent>;
  /** Keeps what the forwarded-to app answered next to the event. */
  setForward(id: number, result: ForwardResult): Awaitable<void>;
  get(id: number): Awaitable<WebhookEvent | undefined>;
  /** The exact bytes received, for replay "as received". */
  getRawBody(id: number): Awaitable<Buffer | undefined>;
  /** Newest first, filtered, one page at a time. */
  list(query?: EventListQuery): Awaitable<EventPage>;
  /** Every event naming this message_uuid, oldest first. */
  eventsForMessage(messageUuid: string): Awaitable<WebhookEvent[]>;
  /** Inbound webhooks from one sender on one channel since a time, oldest first. */
  inboundFrom(channel: string, from: string, sinceMs: number): Awaitable<WebhookEvent[]>;
  /** Deletes old events now; returns how many went. */
  prune(policy: RetentionPolicy): Awaitable<number>;
  count(): Awaitable<number>;
  /** Commits what is pending, stops retention, lets go of the database. */
  close(): Promise<void>;
}

/** What the timeline reads from a store: the part of it a teammate's read-only role has on a team inbox too. */
export type StoredEvents = Pick<EventStore, 'list' | 'get' | 'getRawBody' | 'eventsForMessage' | 'inboundFrom'>;
