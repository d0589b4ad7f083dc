/**
 * axe-core finds no serious or critical violation on any page, in either
 * theme, with the page in a state that shows its real content (events on the
 * timeline, a chat on the phone, an open dialog, the palette).
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import axe from 'axe-core';
import { SignJWT, importPKCS8 } from 'jose';
import type { Browser, Page } from '@playwright/test';
import { makeCollectionDir } from '../support/collections-fixtures';
import { writeRunnerCollection } from '../support/collections-runner-fixture';
import { expect, test } from './fixtures';
import { builderPage, palette } from './pages/builder';
import { collectionsPage } from './pages/collections';
import { explainerPage } from './pages/explainer';
import { jwtPage } from './pages/jwt';
import { fullTemplate, phoneHash, phonePage, sendToEmulator } from './pages/phone';
import { settingsPage } from './pages/settings';
import { timelinePage } from './pages/timeline';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe over the whole document and lists each serious or critical finding, one line per element. */
async function seriousViolations(page: Page): Promise<string[]> {
  // axe-core's own source as a string, run inside the page.
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) ${JSON.stringify(node.target)}: ${violation.help}. ` +
          (node.failureSummary ?? '').replace(/\s+/g, ' '),
      ),
    );
}

/** A page of our own whose context ignores the product's CSP, which would refuse the injected axe script. */
async function openPage(browser: Browser, colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 1400, height: 1000 } });
  return context.newPage();
}

async function signedToken(): Promise<string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return new SignJWT({ application_id: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(await importPKCS8(pem, 'RS256'));
}

/** Each page, brought into the state the check looks at. */
const scenes: { name: string; show(page: Page, url: string): Promise<void> }[] = [
  {
    name: 'builder',
    async show(page, url) {
      await page.goto(`${url}#/builder`);
      await page.getByTestId('builder-start-sms').click();
      await expect(page.getByTestId('builder')).toBeVisible();
    },
  },
  {
    name: 'builder after a send, with its response and webhooks',
    async show(page, url) {
      await page.goto(`${url}#/builder`);
      const builder = builderPage(page);
      await builder.start('sms').click();
      await builder.send.click();
      await expect(builder.responseStatus).toContainText('202');
      await expect(builder.threadEntries.first()).toBeVisible();
    },
  },
  {
    name: 'builder with a field to fix and the channel picker open',
    async show(page, url) {
      await page.goto(`${url}#/builder`);
      const builder = builderPage(page);
      await builder.start('sms').click();
      await builder.input('/to').fill('');
      await expect(builder.fieldErrors('/to').first()).toBeVisible();
      await builder.channel.click();
      await expect(page.getByTestId('builder-channel-filter')).toBeVisible();
    },
  },
  {
    name: 'command palette',
    async show(page, url) {
      await page.goto(`${url}#/builder`);
      await expect(page.locator('h1')).toBeVisible();
      await page.keyboard.press('ControlOrMeta+K');
      await expect(palette(page).items.first()).toBeVisible();
    },
  },
  {
    name: 'timeline with an event open and the saved filters shown',
    async show(page, url) {
      await page.goto(`${url}#/timeline`);
      const uuid = await sendToEmulator(page, fullTemplate('sms/text', '447700950101'));
      await sendToEmulator(page, fullTemplate('whatsapp/image', '447700950102'));
      const timeline = timelinePage(page);
      const row = timeline.rows.filter({ hasText: uuid.slice(0, 8) }).first();
      await row.dblclick();
      await expect(timeline.detail).toBeVisible();
      await timeline.savedFilters.click();
      await expect(page.getByTestId('timeline-saved-filters-panel')).toBeVisible();
    },
  },
  {
    name: 'timeline thread, with the tunnel panel and its settings open',
    async show(page, url) {
      await page.goto(`${url}#/timeline`);
      const uuid = await sendToEmulator(page, fullTemplate('sms/text', '447700950105'));
      const timeline = timelinePage(page);
      await timeline.rows
        .filter({ hasText: uuid.slice(0, 8) })
        .first()
        .dblclick();
      await timeline.tab('thread').click();
      await expect(timeline.threadStatuses.first()).toBeVisible();
      await timeline.tunnelStatus.click();
      await timeline.tunnelSettings.click();
      await expect(timeline.tunnelSettingsServer).toBeVisible();
    },
  },
  {
    name: 'explainer whose chunk failed to load',
    async show(page, url) {
      await page.route(/\/assets\/ExplainerPage-[^/]*\.js$/, (route) => route.abort('connectionrefused'));
      await page.goto(`${url}#/explain`);
      await expect(page.getByTestId('page-failed')).toBeVisible();
    },
  },
  {
    name: 'explainer',
    async show(page, url) {
      await page.goto(`${url}#/explain/1300`);
      await expect(explainerPage(page).match('1300')).toBeVisible();
    },
  },
  {
    name: 'collections with a folder open, a broken file and a failed run',
    async show(page, url) {
      const root = await makeCollectionDir();
      await writeRunnerCollection(root, { failing: true });
      await fs.writeFile(path.join(root, 'broken.json'), '{');
      await page.goto(`${url}#/collections`);
      const collections = collectionsPage(page);
      await collections.openFolder(root);
      await expect(collections.problems).toContainText('broken.json');
      await collections.row('rejected').getByTestId('collections-run').click();
      await expect(collections.runVerdict).toHaveText('failed');
    },
  },
  {
    name: 'collections with the folder browser open',
    async show(page, url) {
      await page.goto(`${url}#/collections`);
      await collectionsPage(page).browse.click();
      await expect(page.getByTestId('folders-current')).toHaveText(/^\//);
      // Home's parent holds at least home itself, so the list has a row to check.
      await page.getByTestId('folders-up').click();
      await expect(page.getByTestId('folders-entry').first()).toBeVisible();
    },
  },
  {
    name: 'builder with {{variables}}, an environment picked and the save dialog open',
    async show(page, url) {
      const root = await makeCollectionDir();
      await writeRunnerCollection(root, { failing: false });
      await page.goto(`${url}#/collections`);
      await collectionsPage(page).openFolder(root);
      await page.getByTestId('nav-builder').click();
      const builder = builderPage(page);
      await builder.start('sms').click();
      await builder.input('/to').fill('{{user}}');
      await builder.input('/text').fill('{{undefined_one}}');
      await expect(builder.fieldVariables('/to')).toBeVisible();
      await builder.save.click();
      await expect(builder.saveDialog).toBeVisible();
    },
  },
  {
    name: "collections with a row's More menu open",
    async show(page, url) {
      const root = await makeCollectionDir();
      await writeRunnerCollection(root, { failing: true });
      await page.goto(`${url}#/collections`);
      const collections = collectionsPage(page);
      await collections.openFolder(root);
      await collections.rowMenu('onboarding').click();
      await expect(page.getByRole('menu')).toBeVisible();
    },
  },
  {
    name: 'emulator',
    async show(page, url) {
      await page.goto(`${url}#/emulator`);
      await sendToEmulator(page, fullTemplate('sms/text', '447700950103'));
      await expect(page.getByTestId('emulator-activity-row').first()).toBeVisible();
    },
  },
  {
    name: 'emulator phone',
    async show(page, url) {
      await page.goto(`${url}#/emulator`);
      // RCS text comes with suggestion chips: the phone's controls as well as its bubbles.
      await sendToEmulator(page, fullTemplate('rcs/text', '447700950104'));
      await page.goto(`${url}${phoneHash('rcs', '447700950104')}`);
      await expect(phonePage(page).suggestions.first()).toBeVisible();
    },
  },
  {
    name: 'settings with the profile dialog open',
    async show(page, url) {
      await page.goto(`${url}#/settings`);
      const settings = settingsPage(page);
      await settings.newProfile.click();
      await expect(settings.dialog.root).toBeVisible();
    },
  },
  {
    name: 'settings with the .env import dialog open, its text shown',
    async show(page, url) {
      await page.goto(`${url}#/settings`);
      const settings = settingsPage(page);
      await settings.importEnv.click();
      await settings.importDialog.text.fill('VONAGE_API_KEY=key12345');
      await settings.importDialog.showText.click();
      await expect(settings.importDialog.showText).toHaveAttribute('aria-pressed', 'true');
    },
  },
  {
    name: 'JWT inspector',
    async show(page, url) {
      await page.goto(`${url}#/jwt`);
      const jwt = jwtPage(page);
      await jwt.token.fill(await signedToken());
      await jwt.inspect.click();
      await expect(jwt.result).toBeVisible();
    },
  },
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const scene of scenes) {
    test(`axe finds nothing serious on the ${scene.name}, ${colorScheme}`, async ({ browser, serve }) => {
      const page = await openPage(browser, colorScheme);
      try {
        await scene.show(page, serve.url);
        expect(await seriousViolations(page), `serious or critical axe findings on the ${scene.name}`).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }
}
