/**
 * An open page survives a restart of `workbench serve` on the same port: with
 * the same token it reconnects by itself and re-reads what the restart changed;
 * with a new token it asks for the new address and reloads on the same screen.
 * Drafts live in the core, so the builder shows them again, never the first-run screen.
 */
import type { Page } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';
import { expect, test } from './fixtures';
import { appFrame } from './pages/app-frame';
import { builderPage } from './pages/builder';
import { callContract, timelinePage } from './pages/timeline';

/** The builder with an SMS draft the core has saved, as a user would leave it before a restart. */
async function openBuilderWithSavedDraft(page: Page, url: string) {
  const builder = builderPage(page);
  await page.goto(`${url}#/builder`);
  await builder.start('sms').click();
  await expect(builder.draftStatus).toHaveAttribute('data-state', 'saved');
}

async function restart(serve: ServeProcess, token: string): Promise<ServeProcess> {
  expect(await serve.stop()).toBe(0);
  // The same data folder and page port; the receiver gets a free port, so its URL changes.
  return startServe({ dataDir: serve.dataDir, port: serve.port, token });
}

test('with the same token, the page reconnects by itself, shows the new receiver URL and keeps the draft', async ({
  page,
  serve,
}) => {
  const frame = appFrame(page);
  const builder = builderPage(page);
  await openBuilderWithSavedDraft(page, serve.url);
  const before = await callContract(page, 'webhooks.receiver', {});

  const next = await restart(serve, serve.token);
  try {
    await expect(frame.connection).toHaveAttribute('data-state', 'connected');
    const after = await callContract(page, 'webhooks.receiver', {});
    expect(after.url).not.toBe(before.url);
    await expect(timelinePage(page).receiverUrl).toHaveText(after.url);
    // The status bar shows the paths the dashboard needs, and copies whole URLs.
    await expect(page.getByTestId('tunnel-receiver-inbound-path')).toHaveText(new URL(after.inboundUrl).pathname);
    await expect(page.getByTestId('tunnel-receiver-status-path')).toHaveText(new URL(after.statusUrl).pathname);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('tunnel-copy-status').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(after.statusUrl);
    await expect(builder.root).toBeVisible();
    await expect(builder.empty).toBeHidden();
  } finally {
    expect(await next.stop()).toBe(0);
  }
});

test('with a new token, the page asks for the new address, reloads on the same screen, and the draft is there', async ({
  page,
  serve,
}) => {
  const frame = appFrame(page);
  const builder = builderPage(page);
  await openBuilderWithSavedDraft(page, serve.url);
  const next = await restart(serve, 'restarted-token-0123456789-abcdefghijklmnopqrstuvwxyz');
  try {
    await expect(frame.connection).toHaveText('Access token changed');
    const prompt = page.getByTestId('reconnect-prompt');
    await expect(prompt).toBeVisible();
    await expect(builder.empty).toBeHidden();

    await page.getByTestId('reconnect-address').fill('not an address');
    await page.getByTestId('reconnect-submit').click();
    await expect(page.getByTestId('reconnect-problem')).toContainText('workbench serve');

    await page.getByTestId('reconnect-address').fill(next.url);
    await page.getByTestId('reconnect-submit').click();
    await expect(page).toHaveURL(`${next.origin}/?token=${next.token}#/builder`);
    await expect(frame.connection).toHaveAttribute('data-state', 'connected');
    await expect(builder.root).toBeVisible();
    await expect(prompt).toBeHidden();
  } finally {
    expect(await next.stop()).toBe(0);
  }
});

test('a builder opened while the host is away waits for the draft instead of showing the first-run screen', async ({
  page,
  serve,
}) => {
  // Fake timers, so the reads' 30 s timeout and the reconnect backoff pass on demand.
  await page.clock.install();
  const frame = appFrame(page);
  const builder = builderPage(page);
  await openBuilderWithSavedDraft(page, serve.url);
  // A new page load that has not read the drafts yet (a hash change alone would keep the page).
  await page.goto(`${serve.url}#/timeline`);
  await page.reload();
  // The other pages' chunks arrive while the app is idle; the builder's must be here before the host goes.
  await page.clock.runFor(3_000);
  await page.waitForLoadState('networkidle');
  await expect(frame.connection).toHaveAttribute('data-state', 'connected');
  expect(await serve.stop()).toBe(0);
  await expect(frame.connection).toHaveAttribute('data-state', 'reconnecting');

  await frame.nav('builder').click();
  await page.clock.runFor(31_000);
  await expect(builder.empty).toBeHidden();
  await expect(page.getByTestId('builder-loading')).toBeVisible();

  const next = await startServe({ dataDir: serve.dataDir, port: serve.port, token: serve.token });
  try {
    await page.clock.runFor(6_000);
    await expect(frame.connection).toHaveAttribute('data-state', 'connected');
    await expect(builder.root).toBeVisible();
  } finally {
    expect(await next.stop()).toBe(0);
  }
});
