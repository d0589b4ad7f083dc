import pg from 'pg';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEventStore, type PostgresEventStore } from '../../../src-main/team-inbox/postgres-event-store';
import { postgresSchemaVersion } from '../../../src-main/team-inbox/postgres-migrations';
import { createWebhookReceiver } from '../../../src-main/webhooks/receiver';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster';
import { storedRecord, v1Inbound, v1Status } from '../../support/webhook-fixtures';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
});
afterAll(() => cluster?.dispose());
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStore(url: string): Promise<PostgresEventStore> {
  const opened = await createPostgresEventStore({ url });
  if (!opened.ok) throw new Error(opened.error.message);
  cleanups.push(() => opened.value.close());
  return opened.value;
}

describe('PostgreSQL event store', () => {
  it('records hostile webhooks the receiver gets: NUL characters, bytes that are not UTF-8, credential headers', async () => {
    const url = await cluster.createDatabase();
    const store = await openStore(url);
    const receiver = createWebhookReceiver({ store });
    cleanups.push(() => receiver.close());
    const started = await receiver.start();
    if (!started.ok) throw new Error(started.error.message);

    const bodies: Array<string | Buffer> = [
      JSON.stringify(v1Inbound({ text: 'nul\u0000inside the words', from: 'who\u0000knows' })),
      '{"status": "\u0000 not json',
      Buffer.from([0x7b, 0xff, 0x00, 0xfe, 0x7d]),
    ];
    for (const body of bodies) {
      const answer = await request(started.value.inboundUrl, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', cookie: 'session=do-not-keep-7c1e' },
      });
      await answer.body.dump();
      expect(answer.statusCode).toBe(200);
    }

    const page = await store.list();
    expect(page.events).toHaveLength(3);
    const [bytes, broken, inbound] = page.events;
    expect(inbound).toMatchObject({ kind: 'inbound', from: 'who\uFFFDknows', parseError: null });
    expect(inbound?.bodyText).toBe(bodies[0]);
    expect(broken?.parseError).toMatch(/invalid JSON/);
    expect((await store.getRawBody(bytes!.id))?.equals(bodies[2] as Buffer)).toBe(true);
    expect(bytes?.parseError).toMatch(/not valid UTF-8/);
    expect((await store.list({ text: 'the words' })).events.map((event) => event.id)).toEqual([inbound?.id]);

    const stored = await cluster.query(
      'SELECT string_agg(headers, $$ $$) AS headers FROM workbench.events',
      url.split('/').pop(),
    );
    expect(stored.rows[0].headers).toContain('cookie');
    expect(stored.rows[0].headers).not.toContain('do-not-keep-7c1e');
  });

  it('reports a server it cannot reach, a refused password and a URL that is not postgres://, never printing the password', async () => {
    const url = await cluster.createDatabase();
    const wrongPassword = url.replace(/:[^:@/]+@/, ':secret-guess-5521@');
    const refused = await createPostgresEventStore({ url: wrongPassword });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('TEAM_STORE_UNREACHABLE');
      expect(refused.error.message).toMatch(/password authentication failed/);
      expect(JSON.stringify(refused.error)).not.toContain('secret-guess-5521');
    }

    const closedPort = new URL(wrongPassword);
    closedPort.port = '1';
    const unreachable = await createPostgresEventStore({ url: closedPort.toString(), connectTimeoutMs: 2000 });
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'TEAM_STORE_UNREACHABLE' } });
    expect(JSON.stringify(unreachable)).not.toContain('secret-guess-5521');

    const notPostgres = await createPostgresEventStore({ url: 'mysql://root:pw@127.0.0.1/events' });
    expect(notPostgres).toMatchObject({ ok: false, error: { code: 'TEAM_STORE_URL_INVALID' } });
  });

  it('upgrades a database once when several open it together, and refuses one a newer version set up', async () => {
    const url = await cluster.createDatabase();
    const opened = await Promise.all([1, 2, 3].map(() => createPostgresEventStore({ url })));
    for (const store of opened) {
      expect(store.ok).toBe(true);
      if (store.ok) cleanups.push(() => store.value.close());
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const versions = await client.query('SELECT version FROM workbench.schema_version');
    expect(versions.rows).toEqual([{ version: postgresSchemaVersion }]);
    await client.query('UPDATE workbench.schema_version SET version = 99');
    await client.end();

    const newer = await createPostgresEventStore({ url });
    expect(newer).toMatchObject({ ok: false, error: { code: 'TEAM_STORE_SCHEMA_NEWER' } });
    if (!newer.ok) expect(newer.error.message).toMatch(/layout 99/);
  });

  it('stores a status webhook with the same fields the SQLite store gives it', async () => {
    const store = await openStore(await cluster.createDatabase());
    const appended = await store.append({
      ...storedRecord(v1Status({ status: 'read' }), 1_700_000_000_123),
      query: 'a=1',
      classification: {
        kind: 'status',
        apiVersion: 'v1',
        channel: 'sms',
        messageType: null,
        status: 'read',
        errorCode: null,
        messageUuid: 'm-1',
        clientRef: 'c-1',
        from: 'a',
        to: 'b',
      },
      verdictReason: 'none',
    });
    expect(await store.get(appended.id)).toEqual(appended);
  });

  it('searches by substring without pg_trgm when the role may not install it, says so, and indexes once it is there', async () => {
    const url = await cluster.createDatabase();
    const database = new URL(url).pathname.slice(1);
    // A deployment where an administrator made the schema for the app's role and allows it nothing more.
    await cluster.query(`CREATE ROLE search_app LOGIN PASSWORD 'app-pw-31'`);
    await cluster.query(`REVOKE CREATE ON DATABASE "${database}" FROM PUBLIC`);
    await cluster.query('CREATE SCHEMA workbench AUTHORIZATION search_app', database);
    const appUrl = new URL(url);
    appUrl.username = 'search_app';
    appUrl.password = 'app-pw-31';
    const notices: string[] = [];
    const opened = await createPostgresEventStore({
      url: appUrl.toString(),
      onNotice: (notice) => notices.push(notice),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const limited = opened.value;
    await limited.append(storedRecord(v1Status({ message_uuid: 'bulk2179-0000-4000-8000-000000000000' })));
    await limited.append(storedRecord(v1Inbound({ text: 'Inbound reply #21' })));
    expect((await limited.list({ text: 'bulk217' })).events.map((event) => event.id)).toEqual([1]);
    expect((await limited.list({ text: 'nbound reply #2' })).events.map((event) => event.id)).toEqual([2]);
    await limited.close();
    expect(notices).toEqual([expect.stringMatching(/reads every row.*permission denied.*CREATE EXTENSION pg_trgm/)]);
    expect(notices.join()).not.toContain('app-pw-31');

    await cluster.query('CREATE EXTENSION pg_trgm', database);
    notices.length = 0;
    const again = await createPostgresEventStore({
      url: appUrl.toString(),
      onNotice: (notice) => notices.push(notice),
    });
    if (!again.ok) throw new Error(again.error.message);
    cleanups.push(() => again.value.close());
    expect(notices).toEqual([]);
    const index = await cluster.query(
      "SELECT indexname FROM pg_indexes WHERE schemaname = 'workbench' AND indexname = 'events_by_substrings'",
      database,
    );
    expect(index.rowCount).toBe(1);
    expect((await again.value.list({ text: 'reply #21' })).events.map((event) => event.id)).toEqual([2]);
  });

  it('upgrades a layout-2 inbox, whose search knew whole words only, keeping every event', async () => {
    const url = await cluster.createDatabase();
    const database = new URL(url).pathname.slice(1);
    const first = await openStore(url);
    for (const text of ['Inbound reply #21', 'Inbound reply #22', 'Invalid sender'])
      await first.append(storedRecord(v1Inbound({ text })));
    await first.close();
    // What a layout-2 build left behind: a word vector on every row, searched through its own index.
    await cluster.query(
      `DROP TRIGGER events_forward_announced ON workbench.events;
       ALTER TABLE workbench.events DROP COLUMN forwarded_txid;
       DROP INDEX workbench.events_by_substrings;
       DROP FUNCTION workbench.body_search_text(bytea, text);
       UPDATE workbench.events SET body_search = to_tsvector('simple', convert_from(body, 'UTF8'));
       ALTER TABLE workbench.events ALTER COLUMN body_search SET NOT NULL;
       CREATE INDEX events_by_words ON workbench.events USING gin (body_search);
       UPDATE workbench.schema_version SET version = 2;`,
      database,
    );
    const notices: string[] = [];
    const opened = await createPostgresEventStore({ url, onNotice: (notice) => notices.push(notice) });
    if (!opened.ok) throw new Error(opened.error.message);
    cleanups.push(() => opened.value.close());
    expect(notices).toEqual([expect.stringMatching(/Upgraded the team inbox .* to layout 4/)]);
    expect((await opened.value.list()).events.map((event) => event.bodyJson)).toEqual(
      ['Invalid sender', 'Inbound reply #22', 'Inbound reply #21'].map((text) => v1Inbound({ text })),
    );
    expect((await opened.value.list({ text: 'nvalid sende' })).events.map((event) => event.id)).toEqual([3]);
    await opened.value.append(storedRecord(v1Inbound({ text: 'Inbound reply #23' })));
    expect((await opened.value.list({ text: 'reply #2' })).events.map((event) => event.id)).toEqual([4, 2, 1]);
  });
});
