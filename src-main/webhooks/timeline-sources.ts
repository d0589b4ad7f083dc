/**
 * The timeline over both stores an app reads: its own events (SQLite) and,
 * when it watches a team inbox, the team's (PostgreSQL). A page is merged in
 * the core: each store is read newest first in its own order (by id, which
 * its indexes page cheaply under every filter), one page each, and the two
 * pages are merged by received time. The cursor keeps each store's place
 * (src-shared/timeline-cursor.ts), so paging never skips or repeats an event,
 * and a page costs one indexed read per store however many events they hold.
 *
 * Reads name their store by `source`; a team inbox that fails (down, a role
 * without SELECT) is reported as TEAM_STORE_UNREACHABLE, and on an unfiltered
 * page the local events still come, the team's place kept for the next page.
 */
import { fail, ok, type AppError, type Result } from '../../src-shared/result';
import { decodeTimelineCursor, encodeTimelineCursor, type TimelinePositions } from '../../src-shared/timeline-cursor';
import {
  eventSources,
  type EventListQuery,
  type EventPage,
  type EventSource,
  type WebhookEvent,
} from '../../src-shared/webhook-events';
import { defaultPageSize, maxPageSize } from './event-queries';
import type { StoredEvents } from './event-store-interface';

export interface TimelineSourcesOptions {
  /** This app's store, or the reason it is not open. */
  local(): Result<StoredEvents>;
  /** The team inbox's events, marked `source: 'team'`, when the app watches one. */
  team(): StoredEvents | undefined;
  /** What a read of this app's store that threw answers (its database may have gone away). */
  localReadFailed(error: unknown): AppError;
}

export interface TimelineSources {
  /** One page of the merged timeline, newest first (or of one store, with `source`). */
  list(query: EventListQuery): Promise<Result<EventPage>>;
  /** Runs a read on one store, turning a failed team inbox into an error value. */
  read<T>(source: EventSource, reading: (events: StoredEvents) => T | Promise<T>): Promise<Result<T>>;
}

const teamInboxOff = (): Result<never> =>
  fail(
    'TEAM_INBOX_OFF',
    'No team inbox is set up in this app.',
    'Add the team PostgreSQL URL in Settings → Team inbox.',
  );

function teamUnreachable(error: unknown): AppError {
  return {
    code: 'TEAM_STORE_UNREACHABLE',
    message: `The team inbox could not be read: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'Check that its PostgreSQL is running and that your role may read the schema workbench (Settings → Team inbox).',
  };
}

const receivedMs = (event: WebhookEvent) => Date.parse(event.receivedAt);

export function createTimelineSources(options: TimelineSourcesOptions): TimelineSources {
  function store(source: EventSource): Result<StoredEvents> {
    if (source === 'local') return options.local();
    const team = options.team();
    return team ? ok(team) : teamInboxOff();
  }

  async function read<T>(source: EventSource, reading: (events: StoredEvents) => T | Promise<T>): Promise<Result<T>> {
    const opened = store(source);
    if (!opened.ok) return opened;
    try {
      return ok(await reading(opened.value));
    } catch (error) {
      return { ok: false, error: source === 'local' ? options.localReadFailed(error) : teamUnreachable(error) };
    }
  }

  async function list(query: EventListQuery): Promise<Result<EventPage>> {
    const { cursor, source: only, ...filter } = query;
    const requested = Number.isFinite(query.limit) ? Math.trunc(query.limit as number) : defaultPageSize;
    const limit = Math.min(Math.max(requested, 1), maxPageSize);
    const positions = decodeTimelineCursor(cursor);
    const next: TimelinePositions = { local: 'done', team: 'done' };
    const wanted = eventSources.filter(
      (source) => (only === undefined || only === source) && positions[source] !== 'done',
    );
    // Unfiltered, a timeline without a team inbox (or with a broken local store) shows what the other has.
    const readable = only === undefined ? wanted.filter((source) => store(source).ok) : wanted;
    const closed = wanted[0] === undefined ? undefined : store(wanted[0]);
    if (readable.length === 0 && closed && !closed.ok) return closed;
    const reads = await Promise.all(
      readable.map(async (source) => {
        const position = positions[source];
        const page = await read(source, (events) =>
          events.list({ ...filter, limit, ...(typeof position === 'number' ? { cursor: String(position) } : {}) }),
        );
        return { source, page };
      }),
    );
    const failed = reads.find((entry) => !entry.page.ok);
    if (failed && !failed.page.ok && (only !== undefined || reads.length === 1)) return failed.page;

    const heads = reads.flatMap(({ source, page }) => {
      if (page.ok) return [{ source, page: page.value, taken: 0 }];
      next[source] = positions[source];
      return [];
    });
    const events: WebhookEvent[] = [];
    while (events.length < limit) {
      let newest: (typeof heads)[number] | undefined;
      for (const head of heads) {
        const candidate = head.page.events[head.taken];
        if (!candidate) continue;
        if (!newest || receivedMs(candidate) > receivedMs(newest.page.events[newest.taken]!)) newest = head;
      }
      if (!newest) break;
      events.push(newest.page.events[newest.taken]!);
      newest.taken += 1;
    }
    for (const { source, page, taken } of heads) {
      const last = page.events[taken - 1];
      if (!last) next[source] = page.events.length === 0 ? 'done' : positions[source];
      else next[source] = taken === page.events.length && page.nextCursor === null ? 'done' : last.id;
    }
    return ok({ events, nextCursor: encodeTimelineCursor(next) });
  }

  return { list, read };
}
