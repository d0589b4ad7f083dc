// Regenerates docs/app-frame.png, the README's picture of the app, from a real run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-screenshot-'));
const serve = spawn(process.execPath, [path.join(root, 'bin/workbench.js'), '--data-dir', dataDir, 'serve', '--no-open'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => readline.createInterface({ input: serve.stdout }).once('line', resolve));
const browser = await chromium.launch({ executablePath: process.env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 640 }, colorScheme: process.argv[2] === 'dark' ? 'dark' : 'light' });
await page.goto(`${url}#/settings`);
await page.getByTestId('settings-app-version').waitFor();
await page.getByTestId('settings-emit-events').click();
await page.getByText('1000', { exact: true }).waitFor();
await page.screenshot({ path: path.join(root, 'docs/app-frame.png') });
await browser.close();
serve.kill('SIGTERM');
