import fs from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { eventDatabaseFileName } from '../../../src-main/webhooks';
import { maxBodyDepth } from '../../../src-main/webhooks/body-depth';
import { deepJsonBody, deepestBodyWithin } from '../../support/deep-bodies';
import { v1Status } from '../../support/webhook-fixtures';
import { makeTempDir, openStore, startHarness, type WebhookHarness } from '../../support/webhook-harness';

let harness: WebhookHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

const bodyLimitBytes = 256 * 1024;

async function post(url: string, body: string): Promise<number> {
  const answer = await request(`${url}/webhooks/status`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  await answer.body.dump();
  return answer.statusCode;
}

describe('webhook receiver: bodies of any depth', () => {
  it('stores, streams, lists, finds and serialises bodies 5,000 and 100,000 deep, and one as deep as the size cap allows', async () => {
    harness = await startHarness({ bodyLimitBytes });
    const bodies = [
      deepJsonBody(5_000, 'zebracorn'),
      deepJsonBody(100_000, 'okapi'),
      deepestBodyWithin(bodyLimitBytes),
      deepestBodyWithin(2 * bodyLimitBytes),
      JSON.stringify(v1Status()),
    ];
    const statuses = [];
    for (const body of bodies) statuses.push(await post(harness.url, body));
    expect(statuses).toEqual([200, 200, 200, 413, 200]);

    const live = await harness.waitForEvents(bodies.length);
    const listed = harness.store.list().events.reverse();
    for (const events of [live, listed]) {
      // The live feed, the contract and the CLI all serialise events; none of that may overflow.
      expect(() => JSON.stringify(events)).not.toThrow();
      expect(events.map((event) => event.bodyTooDeep)).toEqual([true, true, true, true, false]);
      expect(events.map((event) => event.bodyText.length)).toEqual([
        bodies[0]!.length,
        bodies[1]!.length,
        bodyLimitBytes,
        bodyLimitBytes,
        bodies[4]!.length,
      ]);
      for (const event of events.slice(0, 4)) {
        expect(event.bodyJson).toBeUndefined();
        expect(event.parseError).toContain(`nested more than ${maxBodyDepth} levels deep`);
      }
      expect(events[4]).toMatchObject({ kind: 'status', status: 'delivered', bodyJson: { status: 'delivered' } });
    }
    expect(harness.store.get(live[1]!.id)?.bodyText).toBe(bodies[1]);
    expect(harness.store.getRawBody(live[1]!.id)?.toString()).toBe(bodies[1]);
    expect(harness.store.list({ text: 'zebracorn' }).events.map((event) => event.id)).toEqual([live[0]!.id]);
    expect(harness.store.list({ text: 'okapi' }).events.map((event) => event.id)).toEqual([live[1]!.id]);
  });

  it(`parses a body ${maxBodyDepth} levels deep and keeps one a level deeper as raw bytes`, async () => {
    harness = await startHarness();
    const atLimit = deepestBodyWithin(2 * maxBodyDepth);
    const overLimit = deepestBodyWithin(2 * (maxBodyDepth + 1));
    // Brackets inside strings are text, not nesting.
    const bracketsInText = JSON.stringify({ text: '['.repeat(10_000), quoted: '\\"[[[' });
    for (const body of [atLimit, overLimit, bracketsInText]) expect(await post(harness.url, body)).toBe(200);
    const events = await harness.waitForEvents(3);
    expect(events.map((event) => [event.bodyJson !== undefined, event.bodyTooDeep])).toEqual([
      [true, false],
      [false, true],
      [true, false],
    ]);
  });

  it('reads a deep JSON row an older build stored as parsed JSON without ever parsing it', async () => {
    const dir = makeTempDir('old deep rows');
    try {
      await openStore({ dataDir: dir }).close();
      const old = new Database(path.join(dir, eventDatabaseFileName));
      old.exec('ALTER TABLE events DROP COLUMN body_too_deep');
      const insert = old.prepare(
        `INSERT INTO events (received_at, method, path, query, headers, body, bytes_received, body_is_json, truncated, kind, verdict, verdict_reason, answer_status)
         VALUES (?, 'POST', '/webhooks/status', '', '{}', ?, ?, 1, 0, 'unknown', 'unsigned', 'none', 200)`,
      );
      for (const body of [deepJsonBody(5_000), JSON.stringify(v1Status())])
        insert.run(Date.now(), Buffer.from(body), body.length);
      old.pragma('user_version = 1');
      old.close();

      const store = openStore({ dataDir: dir });
      const events = store.list().events;
      expect(() => JSON.stringify(events)).not.toThrow();
      expect(events.map((event) => [event.bodyTooDeep, event.bodyJson === undefined])).toEqual([
        [false, false],
        [true, true],
      ]);
      expect(store.list({ text: 'zebracorn' }).events).toHaveLength(1);
      await store.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
