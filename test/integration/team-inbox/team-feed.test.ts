import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookEvent } from '../../../src-main/webhooks/event-types';
import { createPostgresEventStore, type PostgresEventStore } from '../../../src-main/team-inbox/postgres-event-store';
import { insertEventSql, recordToParameters } from '../../../src-main/team-inbox/postgres-event-rows';
import { followTeamInbox, type TeamFeed, type TeamFeedState } from '../../../src-main/team-inbox/postgres-live-events';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster';
import { storedRecord, v1Status } from '../../support/webhook-fixtures';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
});
afterAll(() => cluster?.dispose());
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const record = (clientRef: string) => storedRecord(v1Status({ client_ref: clientRef }));

/** A team inbox database with its store (the receiver's side) and a read-only viewer role, as the README sets up. */
async function teamInbox(): Promise<{ store: PostgresEventStore; viewerUrl: string; database: string }> {
  const url = await cluster.createDatabase();
  const database = url.split('/').pop()!;
  const opened = await createPostgresEventStore({ url });
  if (!opened.ok) throw new Error(opened.error.message);
  cleanups.push(() => opened.value.close());
  const viewer = `viewer_${database}`;
  await cluster.query(`CREATE ROLE ${viewer} LOGIN PASSWORD 'viewer-password'`);
  await cluster.query(`GRANT CONNECT ON DATABASE ${database} TO ${viewer}`);
  await cluster.query(`GRANT USAGE ON SCHEMA workbench TO ${viewer}`, database);
  await cluster.query(`GRANT SELECT ON ALL TABLES IN SCHEMA workbench TO ${viewer}`, database);
  return {
    store: opened.value,
    database,
    viewerUrl: `postgres://${viewer}:viewer-password@127.0.0.1:${cluster.port}/${database}`,
  };
}

/** A viewer whose deliveries and states tests can await. */
function watch(url: string, cursor?: string) {
  const events: WebhookEvent[] = [];
  const states: TeamFeedState[] = [];
  const cursors: string[] = [];
  const forwarded: WebhookEvent[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((check) => check());
  const feed: TeamFeed = followTeamInbox({
    url,
    ...(cursor ? { cursor } : {}),
    onEvents(batch, next) {
      events.push(...batch);
      cursors.push(next);
      notify();
    },
    onForwarded(batch) {
      forwarded.push(...batch);
      notify();
    },
    onState(state) {
      states.push(state);
      notify();
    },
  });
  cleanups.push(() => feed.stop());
  const until = (predicate: () => boolean, what: string, timeoutMs = 10_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`not within ${timeoutMs} ms: ${what}; states ${JSON.stringify(states)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const live = (count = 1) =>
    until(() => states.filter((state) => state.phase === 'live').length >= count, `live #${count}`);
  const refs = () => events.map((event) => event.clientRef);
  return { feed, events, forwarded, states, cursors, until, live, refs };
}

describe('team inbox live feed (LISTEN/NOTIFY)', () => {
  it('shows each committed event once, in order, on every viewer; a viewer cannot write or read without a password', async () => {
    const { store, viewerUrl } = await teamInbox();
    const first = watch(viewerUrl);
    const second = watch(viewerUrl);
    await Promise.all([first.live(), second.live()]);
    const refs = Array.from({ length: 30 }, (_, index) => `live-${index}`);
    await Promise.all(refs.map((ref) => store.append(record(ref))));
    for (const viewer of [first, second]) {
      await viewer.until(() => viewer.events.length >= refs.length, 'every event on this viewer');
      expect(new Set(viewer.refs())).toEqual(new Set(refs));
      expect(viewer.events).toHaveLength(refs.length);
    }
    expect(first.events.map((event) => event.id)).toEqual(second.events.map((event) => event.id));

    const asViewer = new pg.Client({ connectionString: viewerUrl });
    await asViewer.connect();
    cleanups.push(() => asViewer.end());
    await expect(asViewer.query('DELETE FROM workbench.events')).rejects.toThrow(/permission denied/);
    const noPassword = new pg.Client({ connectionString: viewerUrl.replace(':viewer-password', '') });
    await expect(noPassword.connect()).rejects.toThrow(/password/);
  });

  it('delivers an event whose id was handed out first but committed last', async () => {
    const { store, viewerUrl, database } = await teamInbox();
    const viewer = watch(viewerUrl);
    await viewer.live();
    const slow = new pg.Client({ connectionString: cluster.url(database) });
    await slow.connect();
    cleanups.push(() => slow.end());
    await slow.query('BEGIN');
    await slow.query(insertEventSql, recordToParameters(record('slow-first-id')));
    await store.append(record('fast-later-id'));
    await slow.query('COMMIT');
    await viewer.until(() => viewer.events.length >= 2, 'both events');
    expect(viewer.refs()).toEqual(['slow-first-id', 'fast-later-id']);
    expect(viewer.events[0]!.id).toBeLessThan(viewer.events[1]!.id);
  });

  it('catches up after its connection is killed, and from a saved cursor after being closed', async () => {
    const { store, viewerUrl } = await teamInbox();
    const viewerRole = new URL(viewerUrl).username;
    const viewer = watch(viewerUrl);
    await viewer.live();
    await store.append(record('before'));
    await viewer.until(() => viewer.events.length === 1, 'the first event');

    // The viewer cannot log in again until the events below are committed, so they arrive only by catching up.
    await cluster.query(`ALTER ROLE ${viewerRole} NOLOGIN`);
    await cluster.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'messages-workbench-viewer'`,
    );
    await viewer.until(() => viewer.states.some((state) => state.phase === 'reconnecting'), 'a reconnecting state');
    for (let index = 0; index < 5; index++) await store.append(record(`while-away-${index}`));
    await cluster.query(`ALTER ROLE ${viewerRole} LOGIN`);
    await viewer.live(2);
    await viewer.until(() => viewer.events.length === 6, 'the events committed while it was away');
    expect(viewer.refs()).toEqual(['before', ...Array.from({ length: 5 }, (_, index) => `while-away-${index}`)]);

    const saved = viewer.feed.cursor();
    await viewer.feed.stop();
    await store.append(record('while-closed'));
    const again = watch(viewerUrl, saved);
    await again.until(() => again.events.length >= 1, 'the event committed while closed');
    expect(again.refs()).toEqual(['while-closed']);
  });

  it('follows the forward answers the receiver stores, including those written while its connection was down', async () => {
    const { store, viewerUrl } = await teamInbox();
    const viewerRole = new URL(viewerUrl).username;
    const viewer = watch(viewerUrl);
    await viewer.live();
    const [first, second] = [await store.append(record('routed-1')), await store.append(record('routed-2'))];
    await viewer.until(() => viewer.events.length === 2, 'both events');
    const answer = (status: number) => ({
      url: 'http://alice.test/webhooks/status',
      status,
      body: 'ok',
      durationMs: 2,
      error: null,
      at: new Date().toISOString(),
    });
    await store.setForward(first.id, answer(200));
    await viewer.until(() => viewer.forwarded.length === 1, 'the first forward answer');
    expect(viewer.forwarded[0]).toMatchObject({ id: first.id, clientRef: 'routed-1', forward: { status: 200 } });

    await cluster.query(`ALTER ROLE ${viewerRole} NOLOGIN`);
    await cluster.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'messages-workbench-viewer'`,
    );
    await viewer.until(() => viewer.states.some((state) => state.phase === 'reconnecting'), 'a reconnecting state');
    await store.setForward(second.id, answer(502));
    await cluster.query(`ALTER ROLE ${viewerRole} LOGIN`);
    await viewer.live(2);
    await viewer.until(() => viewer.forwarded.length === 2, 'the answer stored while it was away');
    expect(viewer.forwarded[1]).toMatchObject({ id: second.id, forward: { status: 502 } });
    expect(viewer.events).toHaveLength(2);
  });
});
