import { expect, test } from '@playwright/test';
import { createPostgresEventStore } from '../../src-main/team-inbox/postgres-event-store';
import { createWebhookReceiver, type WebhookReceiver } from '../../src-main/webhooks/receiver';
import { startKeyringSession, type KeyringSession } from '../support/keyring-session';
import { filesContaining } from '../support/keyring-leak-check';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';
import { startServe, type ServeProcess } from '../support/serve-process';
import { v1Status } from '../support/webhook-fixtures';
import { teamInboxPage } from './pages/team-inbox';

const teammatePassword = 'teammate-e2e-7f3c21';
let session: KeyringSession;
let cluster: PostgresCluster;
let receiver: WebhookReceiver;
let closeStore: () => Promise<void>;
let statusUrl: string;
let viewerUrl: string;
let serve: ServeProcess;

/** The team's always-on receiver on PostgreSQL, a read-only teammate role, and one app for the teammate. */
test.beforeAll(async () => {
  session = await startKeyringSession();
  cluster = await startPostgresCluster();
  const storeUrl = await cluster.createDatabase();
  const database = storeUrl.split('/').pop()!;
  const opened = await createPostgresEventStore({ url: storeUrl });
  if (!opened.ok) throw new Error(opened.error.message);
  closeStore = () => opened.value.close();
  receiver = createWebhookReceiver({ store: opened.value });
  const started = await receiver.start();
  if (!started.ok) throw new Error(started.error.message);
  statusUrl = started.value.statusUrl;
  await cluster.query(`CREATE ROLE teammate LOGIN PASSWORD '${teammatePassword}'`);
  await cluster.query(`GRANT CONNECT ON DATABASE ${database} TO teammate`);
  await cluster.query('GRANT USAGE ON SCHEMA workbench TO teammate', database);
  await cluster.query('GRANT SELECT ON ALL TABLES IN SCHEMA workbench TO teammate', database);
  viewerUrl = `postgres://teammate@127.0.0.1:${cluster.port}/${database}`;
  serve = await startServe({ env: { ...session.env } });
});

test.afterAll(async () => {
  expect(await serve?.stop()).toBe(0);
  await receiver?.close();
  await closeStore?.();
  await cluster?.dispose();
  await session?.stop();
});

test('a teammate watches the team inbox: password to the keychain, shared webhooks live under the timeline', async ({
  page,
}) => {
  const ui = teamInboxPage(page);
  await page.goto(`${serve.url}#/settings`);

  await test.step('a wrong password is refused next to the URL, and nothing is saved', async () => {
    await ui.watch(viewerUrl, 'not-the-password');
    await expect(ui.urlError).toContainText('password authentication failed');
    await expect(ui.status).toContainText('Not watching');
  });

  await test.step('the right one makes the feed live', async () => {
    await ui.watch(viewerUrl, teammatePassword);
    await expect(ui.status).toHaveAttribute('data-phase', 'live');
    await expect(ui.password).toHaveValue('');
    await expect(ui.urlError).toHaveCount(0);
  });

  await test.step('a webhook the shared receiver stores shows on the timeline, labelled as shared', async () => {
    await page.getByTestId('nav-timeline').click();
    await expect(ui.panel).toBeVisible();
    const answer = await fetch(statusUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(v1Status({ client_ref: 'shared-e2e-1', status: 'read' })),
    });
    expect(answer.status).toBe(200);
    const row = ui.rows.filter({ hasText: 'shared-e2e-1' });
    await expect(row).toContainText('team');
    await expect(row).toContainText('read');
    await expect(page.getByTestId('timeline-empty')).toBeVisible();
  });

  expect(await filesContaining(serve.dataDir, teammatePassword)).toEqual([]);
});
