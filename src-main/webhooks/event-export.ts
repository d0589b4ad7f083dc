/**
 * Stored webhook events as NDJSON, in constant memory, for every export: the
 * CLI's `workbench events` (stdout), the desktop app (a file the user picked)
 * and the browser host (a download). The store is read one keyset page at a
 * time (ids below the last one written), and the next page is read only once
 * the destination has taken the previous one, so an export of any size holds
 * about one page. Events that arrive meanwhile are newer than the first page
 * and are not mixed in. Each line has the shape of `toEventJsonLine`, so `jq`
 * sees the same fields from the app, `listen` and `events`.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fail, ok, type AppError, type Result } from '../../src-shared/result';
import type { TimelineFilter } from '../../src-shared/settings';
import type { EventListQuery, EventPage } from '../../src-shared/webhook-events';
import { toEventJsonLine } from './event-json-line';

/** One page of the store: the core passes its `webhooks.list` handler, the CLI the same method through the contract. */
export type EventPageReader = (query: EventListQuery) => Promise<Result<EventPage>> | Result<EventPage>;

export interface EventExportOptions {
  readPage: EventPageReader;
  filter: TimelineFilter;
  /** Stop after this many; every match when absent. */
  limit?: number;
  /** Called as each page is handed on (the destination asked for more), with the number of events written so far. */
  onProgress?: (written: number) => void;
}

/** Events read per page: large enough that paging costs little, small enough to keep memory flat. */
export const exportPageSize = 500;
/**
 * Lines handed on at once. A page's text (about 400 KB) would be a string V8
 * keeps in its large-object space until a full collection, so the heap grew
 * with the export; chunks of this size stay in the young generation.
 */
const linesPerChunk = 50;

/** A page the store could not give; carries the store's own error. */
export class EventPageUnavailable extends Error {
  constructor(readonly problem: AppError) {
    super(problem.message);
  }
}

/**
 * The export as NDJSON text, a few dozen lines per chunk. A generator, so a page is
 * read only when the consumer asks for the next chunk; stopping early (a
 * closed pipe, a cancelled download) reads no further page.
 */
export async function* eventNdjsonChunks(options: EventExportOptions): AsyncGenerator<string, void> {
  let left = options.limit ?? Number.POSITIVE_INFINITY;
  let written = 0;
  let cursor: string | undefined;
  while (left > 0) {
    const page = await options.readPage({
      ...options.filter,
      limit: Math.min(exportPageSize, left),
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (!page.ok) throw new EventPageUnavailable(page.error);
    const { events, nextCursor } = page.value;
    for (let start = 0; start < events.length; start += linesPerChunk) {
      const slice = events.slice(start, start + linesPerChunk);
      let text = '';
      for (const event of slice) text += `${JSON.stringify(toEventJsonLine(event))}\n`;
      yield text;
      written += slice.length;
      left -= slice.length;
      options.onProgress?.(written);
    }
    if (nextCursor === null || events.length === 0) return;
    cursor = nextCursor;
  }
}

/**
 * Writes the export into `destination` (a file, an HTTP response) and ends it;
 * resolves with how many events went, or why it stopped: the store's error,
 * or EXPORT_INTERRUPTED when the destination failed or closed early (it is
 * destroyed then, so a download shows as failed rather than complete).
 */
export async function writeEventExport(
  options: EventExportOptions,
  destination: Writable,
): Promise<Result<{ written: number }>> {
  let written = 0;
  const counting = { ...options, onProgress: (count: number) => ((written = count), options.onProgress?.(count)) };
  try {
    // highWaterMark 1: the readable holds at most one page ahead of what the destination has taken.
    await pipeline(Readable.from(eventNdjsonChunks(counting), { highWaterMark: 1 }), destination);
    return ok({ written });
  } catch (error) {
    if (error instanceof EventPageUnavailable) return { ok: false, error: error.problem };
    return fail(
      'EXPORT_INTERRUPTED',
      `The export stopped after ${written} events: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      'Check the disk has room and the download was not cancelled, then export again.',
    );
  }
}
