import { expect, test } from '@playwright/test';
import { createPostgresEventStore } from '../../src-main/team-inbox/postgres-event-store';
import { createWebhookReceiver, type WebhookReceiver } from '../../src-main/webhooks/receiver';
import { startKeyringSession, type KeyringSession } from '../support/keyring-session';
import { filesContaining } from '../support/keyring-leak-check';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';
import { startServe, type ServeProcess } from '../support/serve-process';
import { startRecordingApp, type RecordingApp } from '../support/webhook-app-server';
import { v1Status } from '../support/webhook-fixtures';
import { callContract, postWebhook, timelinePage } from './pages/timeline';
import { teamInboxPage } from './pages/team-inbox';

const teammatePassword = 'teammate-e2e-7f3c21';
let session: KeyringSession;
let cluster: PostgresCluster;
let receiver: WebhookReceiver;
let closeStore: () => Promise<void>;
let statusUrl: string;
let viewerUrl: string;
let serve: ServeProcess;
let secondServe: ServeProcess;
let replayTarget: RecordingApp;

/** The team's always-on receiver on PostgreSQL, a read-only teammate role, and two teammates' apps. */
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
  [serve, secondServe] = await Promise.all([
    startServe({ env: { ...session.env } }),
    startServe({ env: { ...session.env } }),
  ]);
  replayTarget = await startRecordingApp({ status: 202, body: 'replayed here' });
});

test.afterAll(async () => {
  expect(await serve?.stop()).toBe(0);
  expect(await secondServe?.stop()).toBe(0);
  await replayTarget?.close();
  await receiver?.close();
  await closeStore?.();
  await cluster?.dispose();
  await session?.stop();
});

test('a teammate watches the team inbox: password to the keychain, shared webhooks live in the timeline', async ({
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

  await test.step('a webhook the shared receiver stores shows in the timeline, labelled team', async () => {
    await page.getByTestId('nav-timeline').click();
    const answer = await fetch(statusUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(v1Status({ client_ref: 'shared-e2e-1', status: 'read' })),
    });
    expect(answer.status).toBe(200);
    const row = ui.rows('team', 'read');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('timeline-source')).toHaveText('team');
    await expect(page.getByTestId('team-inbox-panel')).toHaveCount(0);
  });

  expect(await filesContaining(serve.dataDir, teammatePassword)).toEqual([]);
});

test('two apps show team events beside their own in one timeline: filter by source, thread, replay', async ({
  page,
  browser,
}) => {
  const threadUuid = 'dddddddd-eeee-4fff-8aaa-0123456789ab';
  const alice = { page, ui: teamInboxPage(page), timeline: timelinePage(page) };
  const bobPage = await browser.newPage();
  const bob = { page: bobPage, ui: teamInboxPage(bobPage), timeline: timelinePage(bobPage) };

  await test.step('the second teammate watches the same team inbox', async () => {
    await page.goto(`${serve.url}#/timeline`);
    await bobPage.goto(`${secondServe.url}#/settings`);
    await bob.ui.watch(viewerUrl, teammatePassword);
    await expect(bob.ui.status).toHaveAttribute('data-phase', 'live');
    await bobPage.getByTestId('nav-timeline').click();
  });

  await test.step("shared webhooks reach both timelines live; the app's own stays its own", async () => {
    const own = await callContract(page, 'webhooks.receiver', {});
    expect(await postWebhook(own.url, '/webhooks/status', v1Status({ status: 'submitted', client_ref: 'own' }))).toBe(
      200,
    );
    for (const status of ['delivered', 'rejected']) {
      const body = v1Status({ status, message_uuid: threadUuid, client_ref: `team-${status}` });
      expect(await postWebhook(statusUrl, '/webhooks/status', body)).toBe(200);
    }
    for (const app of [alice, bob]) {
      await expect(app.ui.rows('team', 'delivered')).toHaveCount(1);
      await expect(app.ui.rows('team', 'rejected')).toHaveCount(1);
    }
    await expect(alice.ui.rows('local', 'submitted')).toHaveCount(1);
    await expect(alice.ui.rows('local', 'submitted').getByTestId('timeline-source')).toHaveText('local');
    await expect(bob.ui.rows('local')).toHaveCount(0);
  });

  await test.step('the source filter shows one store or both', async () => {
    await alice.ui.filterSource.selectOption('team');
    await expect(alice.ui.rows('local')).toHaveCount(0);
    await expect(alice.ui.rows('team', 'delivered')).toHaveCount(1);
    await alice.ui.filterSource.selectOption('local');
    await expect(alice.ui.rows('team')).toHaveCount(0);
    await expect(alice.ui.rows('local', 'submitted')).toHaveCount(1);
    await alice.ui.filterSource.selectOption('');
    await expect(alice.ui.rows('team', 'rejected')).toHaveCount(1);
    await expect(alice.ui.rows('local', 'submitted')).toHaveCount(1);
  });

  await test.step("a team event's thread holds the team inbox's statuses for its message", async () => {
    await alice.ui.rows('team', 'rejected').click();
    await expect(alice.ui.detailSource).toHaveText('team');
    await alice.timeline.tab('thread').click();
    await expect(alice.timeline.threadStatuses).toHaveCount(2);
    await expect(alice.timeline.threadStatuses.nth(0)).toContainText('delivered');
    await expect(alice.timeline.threadStatuses.nth(1)).toContainText('rejected');
  });

  await test.step('replay sends the team event to the URL the user chose', async () => {
    await alice.timeline.replayUrl.fill(`${replayTarget.url}/my-handler`);
    await alice.timeline.replay.click();
    await expect(alice.timeline.replayResult).toContainText('202');
    const [request] = await replayTarget.waitForRequests(1);
    expect(request!.url).toBe('/my-handler');
    expect(JSON.parse(request!.body.toString('utf8'))).toMatchObject({ client_ref: 'team-rejected' });
  });
  await bobPage.close();
});
