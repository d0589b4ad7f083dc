/**
 * The shared setup of the end-to-end specs: `serve` is a fresh `workbench
 * serve` for each test, stopped afterwards with a check that it exits cleanly;
 * `timeline` is that app's timeline, open in the test's page.
 */
import { expect, test as base } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';
import { openTimeline, type OpenTimeline } from './pages/timeline';

export const test = base.extend<{ serve: ServeProcess; timeline: OpenTimeline }>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring pattern.
  serve: async ({}, use) => {
    const serve = await startServe();
    await use(serve);
    expect(await serve.stop()).toBe(0);
  },
  timeline: async ({ page, serve }, use) => {
    await use(await openTimeline(page, serve.url));
  },
});

export { expect };
