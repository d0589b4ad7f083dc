/**
 * Every page of the app (src-renderer/routes.ts) at 1024, 1440 and 1920 wide, light and dark, compared with
 * the pictures stored beside this file in page-screenshots.spec.ts-snapshots/ (named by page, width and theme,
 * with no platform suffix: see snapshotPathTemplate in playwright.config.ts).
 *
 * The content is fixed so the pictures are too: webhooks written to the data folder before the server starts,
 * with fixed bodies and arrival times; a fixed collection; a token signed with a fixed key; the page's clock
 * frozen, its zone UTC and its locale en-US. What must differ from run to run (ports, data folders, the
 * emulator's credentials) is masked. Animations and the caret are off (the defaults of `toHaveScreenshot`);
 * the fonts are the machine's own, never fetched. The last test shows that a one-pixel shift fails.
 *
 * The pictures are those of Linux with its system Chromium, as CI runs. After a deliberate change to the look
 * of a page, update them and look at every new picture before committing:
 *
 *     npx playwright test page-screenshots --update-snapshots
 */
import type { Locator, Page } from '@playwright/test';
import { SignJWT } from 'jose';
import { storedWebhookRecord } from '../../bench/stored-webhook-record';
import { pages, type PageId } from '../../src-renderer/routes';
import { makeCollectionDir } from '../support/collections-fixtures';
import { writeRunnerCollection } from '../support/collections-runner-fixture';
import { makeTempDir, startServe, type ServeProcess } from '../support/serve-process';
import { openStore } from '../support/webhook-harness';
import { expect, test } from './fixtures';
import { builderPage } from './pages/builder';
import { collectionsPage } from './pages/collections';
import { emulatorPage } from './pages/emulator';
import { explainerPage } from './pages/explainer';
import { jwtPage } from './pages/jwt';
import { timelinePage } from './pages/timeline';

const widths = [1024, 1440, 1920] as const;
const colorSchemes = ['light', 'dark'] as const;
/** The page's clock; the stored webhooks arrived just before it, and the JWT below was issued then. */
const frozenAt = new Date('2026-03-02T10:00:00Z');

/**
 * A small tolerance: two runs here differ by two pixels at most (anti-aliasing); moving the single word
 * "Builder" in the sidebar by one pixel changes about 130, which the last test shows is caught.
 */
const tolerance = { maxDiffPixels: 40 };

interface Scene {
  page: PageId;
  /** Brings the page into the state pictured, with its real content; `url` is the served app with its token. */
  show(page: Page, url: string): Promise<void>;
  /** What changes from one run to the next on this page, besides the status bar's ports. */
  varying(page: Page): Locator[];
}

/** Status webhooks of one message and a rejected one, received a few seconds before the frozen clock. */
const storedWebhooks = [
  { status: 'submitted', uuid: 'aaaaaaaa-0000-4000-8000-000000000001' },
  { status: 'delivered', uuid: 'aaaaaaaa-0000-4000-8000-000000000001' },
  {
    status: 'rejected',
    uuid: 'bbbbbbbb-0000-4000-8000-000000000002',
    error: {
      type: 'https://developer.vonage.com/api-errors/messages#1300',
      title: 'Invalid sender',
      detail: 'The from number is not yours.',
    },
  },
  { status: 'read', uuid: 'aaaaaaaa-0000-4000-8000-000000000001' },
];

async function seedEvents(dataDir: string): Promise<void> {
  const store = openStore({ dataDir, durability: 'process-crash' });
  try {
    for (const [index, webhook] of storedWebhooks.entries()) {
      const receivedAt = frozenAt.getTime() - (storedWebhooks.length - index) * 1_500;
      const body = JSON.stringify({
        message_uuid: webhook.uuid,
        to: '447700900001',
        from: 'Workbench',
        timestamp: new Date(receivedAt).toISOString(),
        status: webhook.status,
        channel: 'sms',
        ...(webhook.error ? { error: webhook.error } : {}),
      });
      const record = storedWebhookRecord(body, receivedAt, 'unsigned');
      await store.append({ ...record, verdictReason: 'No Authorization header: the webhook is not signed.' });
    }
  } finally {
    await store.close();
  }
}

const scenes: Scene[] = [
  {
    page: 'builder',
    async show(page, url) {
      await page.goto(`${url}#/builder`);
      const builder = builderPage(page);
      await builder.start('sms').click();
      await builder.input('/text').fill('Your code is 482913. It expires in ten minutes. Reply STOP to opt out.');
      await expect(page.locator('.sms-meter-facts')).toBeVisible();
      await expect(page.getByTestId('builder-send-bar')).toContainText('Draft saved');
    },
    varying: () => [],
  },
  {
    page: 'timeline',
    async show(page, url) {
      await page.goto(`${url}#/timeline`);
      const timeline = timelinePage(page);
      await expect(timeline.rows).toHaveCount(storedWebhooks.length);
      await timeline.rows.first().click();
      await expect(timeline.detail).toBeVisible();
      await expect(timeline.pretty.locator('.cm-content')).toBeVisible();
    },
    varying: () => [],
  },
  {
    page: 'explain',
    async show(page, url) {
      await page.goto(`${url}#/explain/1300`);
      await expect(explainerPage(page).match('1300')).toBeVisible();
    },
    varying: () => [],
  },
  {
    page: 'collections',
    async show(page, url) {
      const root = await makeCollectionDir();
      await writeRunnerCollection(root, { failing: false });
      await page.goto(`${url}#/collections`);
      const collections = collectionsPage(page);
      await collections.openFolder(root);
      await expect(collections.rows.first()).toBeVisible();
    },
    varying: (page) => [collectionsPage(page).rootInput],
  },
  {
    page: 'settings',
    async show(page, url) {
      await page.goto(`${url}#/settings`);
      await expect(page.getByTestId('settings-app-data-dir')).toBeVisible();
    },
    varying: (page) => [page.getByTestId('settings-app-data-dir'), page.getByTestId('settings-app-host')],
  },
  {
    page: 'jwt',
    async show(page, url) {
      await page.goto(`${url}#/jwt`);
      const jwt = jwtPage(page);
      await jwt.token.fill(await fixedToken());
      await jwt.inspect.click();
      await expect(jwt.result).toBeVisible();
    },
    varying: () => [],
  },
  {
    page: 'emulator',
    async show(page, url) {
      await page.goto(`${url}#/emulator`);
      const emulator = emulatorPage(page);
      await expect(emulator.running).toBeVisible();
      await emulator.phone.channel.selectOption('whatsapp');
      await expect(page.getByTestId('emulator-phone-profile-name')).toBeVisible();
    },
    varying: (page) => {
      const emulator = emulatorPage(page);
      return [
        emulator.url,
        emulator.statusUrl,
        emulator.apiKey,
        emulator.applicationId,
        emulator.sdkSnippet,
        page.getByTestId('emulator-inbound-url'),
      ];
    },
  },
];

/** An HS256 token with fixed claims, key and times, so its text and its expiry are the same on every run. */
function fixedToken(): Promise<string> {
  const issuedAt = Math.floor(frozenAt.getTime() / 1000) - 60;
  return new SignJWT({ application_id: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab', sub: 'screenshots' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 900)
    .setJti('00000000-0000-4000-8000-00000000jwt1')
    .sign(new TextEncoder().encode('a fixed secret for the screenshots only'));
}

async function openScene(page: Page, scene: Scene, url: string): Promise<Locator[]> {
  await page.clock.setFixedTime(frozenAt);
  await page.setViewportSize({ width: widths[0], height: 900 });
  await scene.show(page, url);
  // A pointer left over a row would paint its hover state; the sidebar's top corner has none.
  await page.mouse.move(0, 0);
  return [page.locator('.status-bar'), ...scene.varying(page)];
}

// Times are shown in the browser's zone and locale: fix both.
test.use({ timezoneId: 'UTC', locale: 'en-US' });

/** One server for every page (a start per page would double the run), over a data folder seeded with events. */
let serve: ServeProcess;
test.beforeAll(async () => {
  const dataDir = await makeTempDir();
  await seedEvents(dataDir);
  serve = await startServe({ dataDir });
});
test.afterAll(async () => {
  expect(await serve.stop()).toBe(0);
});

test('every page of the app is pictured', () => {
  expect(scenes.map((scene) => scene.page).sort()).toEqual(pages.map((page) => page.id).sort());
});

for (const scene of scenes) {
  test(`the ${scene.page} page looks as stored, at each width, light and dark`, async ({ page }) => {
    const mask = await openScene(page, scene, serve.url);
    for (const colorScheme of colorSchemes) {
      await page.emulateMedia({ colorScheme });
      for (const width of widths) {
        await test.step(`${width} ${colorScheme}`, async () => {
          await page.setViewportSize({ width, height: 900 });
          await expect(page).toHaveScreenshot(`${scene.page}-${width}-${colorScheme}.png`, { mask, ...tolerance });
        });
      }
    }
  });
}

test('a one-pixel change of layout fails the comparison', async ({ page }) => {
  const updating = test.info().config.updateSnapshots;
  // Updating would store the shifted picture as the baseline.
  test.skip(updating === 'all' || updating === 'changed', 'the pictures are being updated');
  const scene = scenes.find((candidate) => candidate.page === 'explain')!;
  const mask = await openScene(page, scene, serve.url);
  await page.emulateMedia({ colorScheme: 'light' });
  const name = `${scene.page}-${widths[0]}-light.png`;
  await expect(page).toHaveScreenshot(name, { mask, ...tolerance });
  await page.addStyleTag({ content: '[data-testid="nav-builder"] { margin-left: 1px; }' });
  const shifted = await expect(page)
    .toHaveScreenshot(name, { mask, ...tolerance, timeout: 5_000 })
    .then(
      () => 'matched',
      (error: Error) => error.message,
    );
  expect(shifted).toMatch(/pixels .*different/);
});
