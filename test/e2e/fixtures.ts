/**
 * The shared setup of the end-to-end specs: `serve` is a fresh `workbench
 * serve` for each test, stopped afterwards with a check that it exits cleanly.
 */
import { expect, test as base } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';

export const test = base.extend<{ serve: ServeProcess }>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring pattern.
  serve: async ({}, use) => {
    const serve = await startServe();
    await use(serve);
    expect(await serve.stop()).toBe(0);
  },
});

export { expect };
