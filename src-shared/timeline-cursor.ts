/**
 * The cursor of the merged timeline, which pages over two stores at once: for
 * each store, where its next page starts. The core writes it after each page;
 * the renderer writes one too when it trims its live window and must page the
 * trimmed tail back in. Both stores page "older than id", so a position is the
 * id of the last event taken from that store.
 */
import { eventSources, sourceOf, type EventSource, type WebhookEvent } from './webhook-events';

/** `newest`: nothing taken yet; `done`: nothing older remains; a number: older than that id. */
export type StorePosition = 'newest' | 'done' | number;
export type TimelinePositions = Record<EventSource, StorePosition>;

const startPositions: TimelinePositions = { local: 'newest', team: 'newest' };

/** `local=123;team=done`; null once every store is done (the last page). */
export function encodeTimelineCursor(positions: TimelinePositions): string | null {
  if (eventSources.every((source) => positions[source] === 'done')) return null;
  return eventSources.map((source) => `${source}=${positions[source]}`).join(';');
}

/** Where each store continues; no cursor or one that is not ours starts both at the newest. */
export function decodeTimelineCursor(cursor: string | undefined): TimelinePositions {
  const match = cursor === undefined ? null : /^local=(newest|done|\d{1,18});team=(newest|done|\d{1,18})$/.exec(cursor);
  if (!match) return startPositions;
  const position = (text: string): StorePosition => (text === 'newest' || text === 'done' ? text : Number(text));
  return { local: position(match[1]!), team: position(match[2]!) };
}

/**
 * The cursor for what comes after `events` (a newest-first list the timeline
 * holds): each store continues below the oldest of its events listed, and a
 * store with none listed starts at its newest, so nothing is skipped.
 */
export function cursorBelow(events: readonly WebhookEvent[]): string | null {
  const positions: TimelinePositions = { ...startPositions };
  for (const event of events) {
    const source = sourceOf(event);
    const current = positions[source];
    if (typeof current !== 'number' || event.id < current) positions[source] = event.id;
  }
  return encodeTimelineCursor(positions);
}
