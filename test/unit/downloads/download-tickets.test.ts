import { describe, expect, it } from 'vitest';
import { createDownloadTickets, type Download } from '../../../src-main/downloads/download-tickets';

function download(name = 'events.ndjson'): Download & { lapses: number } {
  return {
    fileName: name,
    contentType: 'application/x-ndjson',
    lapses: 0,
    send: async (destination) => void destination.end(),
    lapsed() {
      this.lapses++;
    },
  };
}

const ticketOf = (path: string) => path.slice('/download/'.length);

describe('download tickets', () => {
  it('are 256 random bits in a URL-safe path, each one different', () => {
    const tickets = createDownloadTickets();
    const paths = Array.from({ length: 50 }, () => tickets.issue(download()).path);
    for (const path of paths) expect(path).toMatch(/^\/download\/[A-Za-z0-9_-]{43}$/);
    expect(new Set(paths).size).toBe(50);
    tickets.close();
  });

  it('hand the download over once, then say it was used', () => {
    const tickets = createDownloadTickets();
    const prepared = download();
    const { path } = tickets.issue(prepared);
    expect(tickets.redeem(ticketOf(path))).toEqual({ ok: true, value: prepared });
    expect(tickets.redeem(ticketOf(path))).toMatchObject({ ok: false, error: { code: 'DOWNLOAD_USED' } });
    tickets.close();
  });

  it('lapse after their time, telling whoever waits, and then say they expired', () => {
    let now = 1_000_000;
    const tickets = createDownloadTickets({ ttlMs: 60_000, now: () => now });
    const prepared = download();
    const { path, expiresAt } = tickets.issue(prepared);
    expect(expiresAt).toBe(new Date(1_060_000).toISOString());
    now += 60_000;
    expect(tickets.redeem(ticketOf(path))).toMatchObject({ ok: false, error: { code: 'DOWNLOAD_EXPIRED' } });
    expect(prepared.lapses).toBe(1);
    expect(tickets.redeem(ticketOf(path))).toMatchObject({ ok: false, error: { code: 'DOWNLOAD_EXPIRED' } });
    expect(prepared.lapses).toBe(1);
    tickets.close();
  });

  it('refuse tickets never issued, of any shape, without throwing', () => {
    const tickets = createDownloadTickets();
    tickets.issue(download());
    for (const guess of ['', 'x', 'A'.repeat(43), 'A'.repeat(44), '../index.html', '%00', 'é'.repeat(43), '__proto__'])
      expect(tickets.redeem(guess), guess).toMatchObject({ ok: false, error: { code: 'DOWNLOAD_UNKNOWN' } });
    tickets.close();
  });

  it('keep at most maxPending waiting: the oldest lapses to make room', () => {
    const tickets = createDownloadTickets({ maxPending: 2 });
    const first = download('first.ndjson');
    const firstPath = tickets.issue(first).path;
    const second = tickets.issue(download('second.ndjson')).path;
    const third = tickets.issue(download('third.ndjson')).path;
    expect(first.lapses).toBe(1);
    expect(tickets.redeem(ticketOf(firstPath))).toMatchObject({ ok: false, error: { code: 'DOWNLOAD_EXPIRED' } });
    expect(tickets.redeem(ticketOf(second))).toMatchObject({ ok: true, value: { fileName: 'second.ndjson' } });
    expect(tickets.redeem(ticketOf(third))).toMatchObject({ ok: true, value: { fileName: 'third.ndjson' } });
    tickets.close();
  });
});
