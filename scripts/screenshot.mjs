// Regenerates docs/app-frame.png, the README's picture of the app, from a real run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-screenshot-'));
const serve = spawn(
  process.execPath,
  [path.join(root, 'bin/workbench.js'), '--data-dir', dataDir, 'serve', '--no-open'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const url = await new Promise((resolve) => readline.createInterface({ input: serve.stdout }).once('line', resolve));
const browser = await chromium.launch({
  executablePath: process.env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage({
  viewport: { width: 1280, height: 860 },
  colorScheme: process.argv[2] === 'dark' ? 'dark' : 'light',
});
// A WhatsApp send to the built-in emulator, with its status webhooks arrived under the response.
await page.goto(`${url}#/builder`);
await page.getByTestId('builder-start-sms').click();
await page.getByTestId('builder-send').click();
await page.locator('[data-testid="builder-webhook-thread-entry"][data-status="delivered"]').waitFor();
await page.evaluate(() => document.querySelector('[data-testid="builder-send"]')?.scrollIntoView({ block: 'start' }));
await page.screenshot({ path: path.join(root, 'docs/app-frame.png') });
await browser.close();
serve.kill('SIGTERM');
