import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../src-shared/result';
import type { EventListQuery, WebhookEvent } from '../../../src-shared/webhook-events';
import type { StoredEvents } from '../../../src-main/webhooks/event-store-interface';
import { createTimelineSources, type TimelineSourcesOptions } from '../../../src-main/webhooks/timeline-sources';
import { sampleEvent } from '../timeline/sample-event';

/** A store over a fixed list, paging newest id first with "older than id" cursors, as both real stores do. */
function listStore(events: WebhookEvent[], failing?: Error): StoredEvents {
  const byIdDesc = [...events].sort((a, b) => b.id - a.id);
  const refuse = () => {
    if (failing) throw failing;
  };
  return {
    list(query: EventListQuery = {}) {
      refuse();
      const limit = query.limit ?? 50;
      const matching = byIdDesc.filter(
        (event) =>
          (query.cursor === undefined || event.id < Number(query.cursor)) &&
          (query.status === undefined || event.status === query.status),
      );
      const page = matching.slice(0, limit);
      return { events: page, nextCursor: matching.length > limit ? String(page[page.length - 1]!.id) : null };
    },
    get(id) {
      refuse();
      return byIdDesc.find((event) => event.id === id);
    },
    getRawBody: () => undefined,
    eventsForMessage: () => [],
    inboundFrom: () => [],
  };
}

const at = (second: number) => new Date(Date.UTC(2025, 1, 3, 12, 0, second)).toISOString();
const local = [1, 2, 3, 4].map((id) =>
  sampleEvent({ id, receivedAt: at(id * 2), status: id % 2 ? 'read' : 'delivered' }),
);
// The same ids as the local events, received in between them.
const team = [1, 2, 3].map((id) =>
  sampleEvent({ id, receivedAt: at(id * 2 + 1), source: 'team', status: id % 2 ? 'read' : 'delivered' }),
);
const keyOf = (event: WebhookEvent) => `${event.source ?? 'local'}:${event.id}`;

/** The sources as the webhook service builds them: a local read that throws is answered, not thrown. */
function timelineOver(stores: Omit<TimelineSourcesOptions, 'localReadFailed'>) {
  return createTimelineSources({
    ...stores,
    localReadFailed: (error) => ({
      code: 'WEBHOOK_STORE_UNAVAILABLE',
      message: `could not be read: ${(error as Error).message}`,
      hint: 'Check the database.',
    }),
  });
}

describe('the timeline over the local store and the team inbox', () => {
  it('merges both by received time, page after page, each event once, under the same filters', async () => {
    const sources = timelineOver({ local: () => ok(listStore(local)), team: () => listStore(team) });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await sources.list({ limit: 2, ...(cursor === undefined ? {} : { cursor }) });
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...page.value.events.map(keyOf));
      cursor = page.value.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(['local:4', 'team:3', 'local:3', 'team:2', 'local:2', 'team:1', 'local:1']);

    const read = await sources.list({ status: 'read' });
    expect(read.ok && read.value.events.map(keyOf)).toEqual(['team:3', 'local:3', 'team:1', 'local:1']);
    const onlyTeam = await sources.list({ source: 'team' });
    expect(onlyTeam.ok && onlyTeam.value).toEqual({ events: [...team].reverse(), nextCursor: null });
  });

  it('keeps showing local events while the team inbox is off or failing, and says why when asked for it', async () => {
    const off = timelineOver({ local: () => ok(listStore(local)), team: () => undefined });
    expect(await off.list({ source: 'team' })).toMatchObject({ ok: false, error: { code: 'TEAM_INBOX_OFF' } });
    const all = await off.list({});
    expect(all.ok && all.value.events.map(keyOf)).toEqual(['local:4', 'local:3', 'local:2', 'local:1']);

    const down = timelineOver({
      local: () => ok(listStore(local)),
      team: () => listStore(team, new Error('connection refused')),
    });
    const page = await down.list({ limit: 2 });
    expect(page.ok && page.value.events.map(keyOf)).toEqual(['local:4', 'local:3']);
    expect(await down.list({ source: 'team' })).toMatchObject({
      ok: false,
      error: { code: 'TEAM_STORE_UNREACHABLE', message: expect.stringContaining('connection refused') },
    });
    expect(await down.read('team', (events) => events.get(1))).toMatchObject({
      ok: false,
      error: { code: 'TEAM_STORE_UNREACHABLE' },
    });

    const broken = timelineOver({
      local: () => fail('WEBHOOK_STORE_LOCKED', 'The webhook store is locked.', 'Close the other app.'),
      team: () => undefined,
    });
    expect(await broken.list({})).toMatchObject({ ok: false, error: { code: 'WEBHOOK_STORE_LOCKED' } });
  });

  it('answers a local read that throws (its database went away) with the store error, showing the team meanwhile', async () => {
    const gone = timelineOver({
      local: () => ok(listStore(local, new Error('terminating connection'))),
      team: () => listStore(team),
    });
    expect(await gone.list({ source: 'local' })).toMatchObject({
      ok: false,
      error: { code: 'WEBHOOK_STORE_UNAVAILABLE', message: expect.stringContaining('terminating connection') },
    });
    expect(await gone.read('local', (events) => events.get(1))).toMatchObject({
      ok: false,
      error: { code: 'WEBHOOK_STORE_UNAVAILABLE' },
    });
    const page = await gone.list({});
    expect(page.ok && page.value.events.map(keyOf)).toEqual(['team:3', 'team:2', 'team:1']);
  });
});
