import { defineConfig } from '@playwright/test';

/** The system Chromium: browsers are never downloaded. */
export const chromiumPath = process.env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium as root, with none of the background traffic a closed network refuses. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/support/playwright-global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/e2e',
  // One set of stored pictures beside each spec, with no platform in the name: CI and this repo render on Linux.
  snapshotPathTemplate: '{testDir}/{testFilePath}-snapshots/{arg}{ext}',
  reporter: process.env.WORKBENCH_PLAYWRIGHT_JSON
    ? [['list'], ['json', { outputFile: process.env.WORKBENCH_PLAYWRIGHT_JSON }]]
    : [['list']],
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
});
