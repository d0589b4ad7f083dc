import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';

const pageChunk = /\/assets\/(Builder|Timeline|Explainer|Collections|Settings|Jwt|Emulator)Page-[^/]*\.js$/;

test('the builder paints before any other page is fetched; the rest arrive afterwards', async ({ page, serve }) => {
  // Inside the page, the moment the builder's quick start (a fresh data folder) is in the DOM: which scripts had been fetched by then.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="builder-empty"]')) return;
      observer.disconnect();
      (window as unknown as { scriptsAtFirstPaint: string[] }).scriptsAtFirstPaint = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name);
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(serve.url);
  await expect(page.getByTestId('builder-empty')).toBeVisible();
  const scripts = await page.evaluate(
    () => (window as unknown as { scriptsAtFirstPaint: string[] }).scriptsAtFirstPaint,
  );
  const pagesFetched = scripts.map((name) => pageChunk.exec(new URL(name).pathname)?.[1]).filter(Boolean);
  expect(pagesFetched).toEqual(['Builder']);
  // Once the builder is up, the other pages are fetched while idle: the timeline then opens without waiting for its chunk.
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((entry) => entry.name.includes('/assets/TimelinePage-')),
      ),
    )
    .toBe(true);
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('timeline-empty')).toBeVisible();
});

test('a page whose chunk is still on its way shows a named loading state, then the page', async ({ page, serve }) => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // Hold the explainer's chunk until the loading state has been seen.
  await page.route(/\/assets\/ExplainerPage-[^/]*\.js$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  await page.goto(`${serve.url}#/explain`);
  await expect(page.getByTestId('page-loading')).toHaveText('Loading Explainer…');
  await expect(page.getByTestId('page-loading')).toHaveAttribute('role', 'status');
  release();
  await expect(page.getByTestId('explainer-empty')).toBeVisible();
  await expect(page.getByTestId('page-loading')).toHaveCount(0);
});

test('a page whose chunk fails to load says so with a Retry, and Retry loads it', async ({ page, serve }) => {
  // The explainer's chunk fails as it would with the workbench stopped, until the "server" is back.
  let serverDown = true;
  await page.route(/\/assets\/ExplainerPage-[^/]*\.js$/, (route: Route) =>
    serverDown ? route.abort('connectionrefused') : route.continue(),
  );
  await page.goto(`${serve.url}#/explain`);
  const failed = page.getByTestId('page-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toHaveAttribute('role', 'alert');
  await expect(failed.getByRole('heading', { level: 1 })).toHaveText('Explainer could not be shown');
  await expect(failed).toContainText('may have stopped or restarted');
  // The frame is still there: the user can go elsewhere.
  await expect(page.getByTestId('nav-builder')).toBeVisible();

  serverDown = false;
  await page.getByTestId('page-failed-retry').click();
  await expect(page.getByTestId('explainer-empty')).toBeVisible();
  await expect(failed).toHaveCount(0);
});

test("opened on the builder, the draft is asked for while the builder's code is still on its way", async ({
  page,
  serve,
}) => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/BuilderPage-[^/]*\.js$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  const draftAsked = page.waitForEvent('websocket').then(
    (socket) =>
      new Promise<void>((resolve) =>
        socket.on('framesent', (frame) => {
          if (String(frame.payload).includes('"drafts.load"')) resolve();
        }),
      ),
  );
  await page.goto(serve.url);
  await draftAsked;
  await expect(page.getByTestId('page-loading')).toHaveText('Loading Builder…');
  release();
  await expect(page.getByTestId('builder-empty')).toBeVisible();
});

test("the page's HTML preloads the builder's code and style, so it is fetched beside the entry", async ({
  page,
  serve,
}) => {
  const html = await (await page.request.get(serve.url)).text();
  const builderScript = /<link rel="modulepreload" crossorigin href="\.\/(assets\/BuilderPage-[^"]+\.js)">/.exec(html);
  const builderStyle = /<link rel="preload" as="style" crossorigin href="\.\/(assets\/BuilderPage-[^"]+\.css)">/.exec(
    html,
  );
  expect(builderScript).not.toBeNull();
  expect(builderStyle).not.toBeNull();
  // The links name files the host serves, under the page's own address.
  for (const file of [builderScript![1]!, builderStyle![1]!])
    expect((await page.request.get(new URL(file, serve.url).href)).status()).toBe(200);
});
