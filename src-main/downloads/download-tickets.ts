/**
 * One-time download tickets: how the core hands a large file to a browser
 * without the page holding it. A contract call issues a ticket for a prepared
 * download; the browser host serves it once at `/download/<ticket>`.
 *
 * Guards: a ticket is 256 random bits, so a page on another site cannot guess
 * one; it works once and for a minute, so one seen in a log or history is
 * spent; it is not the session token, which never goes in that URL. Tickets are
 * kept only as SHA-256 digests, so looking one up leaks nothing about others
 * through timing. At most `maxPending` wait at once (the oldest gives way), and
 * spent or expired ones are remembered for a while only to say so.
 */
import crypto from 'node:crypto';
import type { Writable } from 'node:stream';
import { fail, ok, type Result } from '../../src-shared/result';

export interface Download {
  /** Offered to the browser as the attachment's name; letters, digits, '.', '-' and '_' only. */
  fileName: string;
  contentType: string;
  /** Streams the content into `destination` and ends it; never throws. */
  send(destination: Writable): Promise<void>;
  /** Called when the ticket lapses unused, so whoever waits for the download hears of it. */
  lapsed?(): void;
}

export interface DownloadTicketsOptions {
  /** How long a ticket waits to be used; default one minute. */
  ttlMs?: number;
  /** Most tickets waiting at once; default 16. */
  maxPending?: number;
  now?: () => number;
}

export interface DownloadTickets {
  issue(download: Download): { ticket: string; path: string; expiresAt: string };
  /** Hands the download over once; later or unknown tickets get the reason as an error. */
  redeem(ticket: string): Result<Download>;
  close(): void;
}

/** The browser host's route for tickets: `${downloadRoutePrefix}<ticket>`. */
export const downloadRoutePrefix = '/download/';

const ticketPattern = /^[A-Za-z0-9_-]{43}$/;
/** Spent and lapsed tickets remembered, to answer "used" or "expired" rather than "unknown". */
const rememberedLimit = 256;

type Entry =
  { state: 'pending'; download: Download; expiresAt: number; timer: NodeJS.Timeout } | { state: 'used' | 'expired' };

const digest = (ticket: string) => crypto.createHash('sha256').update(ticket).digest('base64url');

export function createDownloadTickets(options: DownloadTicketsOptions = {}): DownloadTickets {
  const { ttlMs = 60_000, maxPending = 16, now = Date.now } = options;
  const entries = new Map<string, Entry>();

  function retire(key: string, state: 'used' | 'expired'): Download | undefined {
    const entry = entries.get(key);
    if (entry?.state !== 'pending') return undefined;
    clearTimeout(entry.timer);
    // Re-inserted, so the map's order stays oldest first for trimming.
    entries.delete(key);
    entries.set(key, { state });
    for (const [oldKey, old] of entries) {
      if (entries.size <= rememberedLimit) break;
      if (old.state !== 'pending') entries.delete(oldKey);
    }
    return entry.download;
  }

  const pendingKeys = () => [...entries].filter(([, entry]) => entry.state === 'pending').map(([key]) => key);

  return {
    issue(download) {
      const pending = pendingKeys();
      for (const key of pending.slice(0, Math.max(0, pending.length - maxPending + 1)))
        retire(key, 'expired')?.lapsed?.();
      const ticket = crypto.randomBytes(32).toString('base64url');
      const key = digest(ticket);
      const expiresAt = now() + ttlMs;
      const timer = setTimeout(() => retire(key, 'expired')?.lapsed?.(), ttlMs);
      timer.unref();
      entries.set(key, { state: 'pending', download, expiresAt, timer });
      return { ticket, path: `${downloadRoutePrefix}${ticket}`, expiresAt: new Date(expiresAt).toISOString() };
    },
    redeem(ticket) {
      const key = ticketPattern.test(ticket) ? digest(ticket) : '';
      let entry = entries.get(key);
      if (entry?.state === 'pending' && entry.expiresAt <= now()) {
        retire(key, 'expired')?.lapsed?.();
        entry = entries.get(key);
      }
      switch (entry?.state) {
        case 'pending':
          return ok(retire(key, 'used')!);
        case 'used':
          return fail('DOWNLOAD_USED', 'This download link has been used already.', 'Export again for a new link.');
        case 'expired':
          return fail(
            'DOWNLOAD_EXPIRED',
            'This download link has expired unused.',
            'Export again; the link works once, within a minute.',
          );
        case undefined:
          return fail(
            'DOWNLOAD_UNKNOWN',
            'No download is waiting under this link.',
            'Start the export from the app; its link works once, within a minute.',
          );
      }
    },
    close() {
      for (const key of pendingKeys()) retire(key, 'expired');
      entries.clear();
    },
  };
}
