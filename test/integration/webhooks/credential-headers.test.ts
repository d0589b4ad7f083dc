import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'libsql';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { eventDatabaseFileName } from '../../../src-main/webhooks';
import { v1Status } from '../../support/webhook-fixtures';
import { makeTempDir, openStore, startHarness, type WebhookHarness } from '../../support/webhook-harness';
import { vonageAuthorization } from '../../support/webhook-signing';

let harness: WebhookHarness | undefined;
const servers: http.Server[] = [];
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

// Values no recorded byte may contain.
const cookieToken = 'cookie-token-3f9a1c77e2';
const sessionValue = 'session-value-b81d04';
const basicCredentials = Buffer.from('user:basic-password-7731').toString('base64');
const proxyCredentials = Buffer.from('proxy:proxy-password-5512').toString('base64');
const apiKeyValue = 'api-key-value-99c0d1';
const setCookieValue = 'set-cookie-value-0d0e';
const secretValues = [cookieToken, sessionValue, basicCredentials, proxyCredentials, apiKeyValue, setCookieValue];

/** Every byte of the store on disk: the database and its write-ahead log. */
function storeBytes(dir: string): string {
  const file = path.join(dir, eventDatabaseFileName);
  return [file, `${file}-wal`]
    .filter((name) => fs.existsSync(name))
    .map((name) => fs.readFileSync(name).toString('latin1'))
    .join('');
}

const credentialHeaders = {
  'content-type': 'application/json',
  cookie: `wb_token=${cookieToken}; theme=dark; session=${sessionValue}`,
  'set-cookie': `sid=${setCookieValue}; Path=/; HttpOnly`,
  'proxy-authorization': `Basic ${proxyCredentials}`,
  'x-api-key': apiKeyValue,
  'x-request-id': 'req-1',
  referer: `http://127.0.0.1:5170/?token=${sessionValue}&view=timeline#/timeline`,
};

describe('webhook receiver: credential headers', () => {
  it('keeps the names of Cookie and other credential headers but never their values, in the feed, the list or the file', async () => {
    harness = await startHarness();
    const answer = await request(`${harness.url}/webhooks/status`, {
      method: 'POST',
      body: JSON.stringify(v1Status()),
      headers: { ...credentialHeaders, authorization: `Basic ${basicCredentials}` },
    });
    expect(answer.statusCode).toBe(200);
    await answer.body.dump();

    const [live] = await harness.waitForEvents(1);
    const [listed] = harness.store.list().events;
    for (const event of [live, listed]) {
      expect(event?.headers).toMatchObject({
        cookie: 'wb_token=[redacted]; theme=[redacted]; session=[redacted]',
        'set-cookie': '[redacted]',
        'proxy-authorization': 'Basic [redacted]',
        authorization: 'Basic [redacted]',
        'x-api-key': '[redacted]',
        'x-request-id': 'req-1',
        referer: 'http://127.0.0.1:5170/?token=[redacted]&view=[redacted]',
      });
      for (const value of secretValues) expect(JSON.stringify(event)).not.toContain(value);
    }
    await harness.receiver.close();
    await harness.store.close();
    const bytes = storeBytes(harness.dir);
    expect(bytes).toContain('wb_token=[redacted]');
    for (const value of secretValues) expect(bytes).not.toContain(value);
  });

  it('keeps a Vonage Bearer JWT (replay needs it) and forwards no masked header to the app', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const app = http.createServer((incoming, response) => {
      seen.push(incoming.headers);
      incoming.resume().on('end', () => response.end('ok'));
    });
    servers.push(app);
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const appUrl = `http://127.0.0.1:${(app.address() as { port: number }).port}`;
    harness = await startHarness({ forwardTo: appUrl, signatureSecret: () => 'a-signature-secret-0123456789' });
    const body = JSON.stringify(v1Status());
    const authorization = await vonageAuthorization({ secret: 'a-signature-secret-0123456789', body });
    const answer = await request(`${harness.url}/webhooks/status`, {
      method: 'POST',
      body,
      headers: { ...credentialHeaders, authorization },
    });
    await answer.body.dump();

    const [forwarded] = await harness.waitForForwards(1);
    expect(forwarded?.verdict).toBe('verified');
    expect(forwarded?.headers.authorization).toBe(authorization);
    expect(seen[0]?.authorization).toBe(authorization);
    expect(seen[0]?.['x-request-id']).toBe('req-1');
    for (const name of ['cookie', 'set-cookie', 'proxy-authorization', 'x-api-key'])
      expect(seen[0]).not.toHaveProperty(name);
  });

  it('masks the credential headers that an older build stored in clear, when the file is opened', async () => {
    const dir = makeTempDir('old cookies');
    try {
      // Layout 1 as an older build left it: no body_too_deep column, a Cookie value in clear.
      await openStore({ dataDir: dir }).close();
      const file = path.join(dir, eventDatabaseFileName);
      const old = new Database(file);
      old.exec('ALTER TABLE events DROP COLUMN body_too_deep');
      old
        .prepare(
          `INSERT INTO events (received_at, method, path, query, headers, body, bytes_received, body_is_json, truncated, kind, verdict, verdict_reason, answer_status)
         VALUES (?, 'POST', '/webhooks/status', '', ?, ?, 2, 1, 0, 'unknown', 'unsigned', 'none', 200)`,
        )
        .run(
          Date.now(),
          JSON.stringify({ cookie: `wb_token=${cookieToken}`, 'x-request-id': 'req-1' }),
          Buffer.from('{}'),
        );
      old.pragma('user_version = 1');
      old.close();
      expect(storeBytes(dir)).toContain(cookieToken);

      const store = openStore({ dataDir: dir });
      expect(store.list().events[0]?.headers).toEqual({ cookie: 'wb_token=[redacted]', 'x-request-id': 'req-1' });
      await store.close();
      expect(storeBytes(dir)).not.toContain(cookieToken);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
