/**
 * First paint of the builder in Chromium through `workbench serve`: the time
 * from the page request (the navigation's start) to the first interactive
 * builder (its form and send button in the DOM and the socket to the core
 * connected), against the same host's page shell with its scripts blocked, a
 * blank page. The raw JSON editor (CodeMirror, the renderer's largest part)
 * is fetched once the builder shows, its text standing in its place meanwhile:
 * the pickers and the form work without it, so "usable" does not wait for it,
 * and its own ready time is reported beside the rest. Each round uses a fresh browser context, so nothing comes from
 * the HTTP cache, and the two alternate. The data folder holds a draft, so the
 * builder opens on its editors, the heavier of its two first views.
 *
 * Also the bytes of JavaScript fetched by then, against all of the renderer's.
 *
 * Needs `npm run build`. Part of `npm run bench`; alone:
 * `npx tsx bench/first-paint.ts [--rounds 7]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { projectRoot, startServe, type ServeProcess } from '../test/support/serve-process';
import { figure, option, type Figure } from './figure';

interface FirstPaint {
  interactiveMs: number;
  scriptBytes: number;
  /** When the raw JSON editor took over from its stand-in. */
  editorReadyMs: number;
}

/** Leaves a draft in the data folder, so later visits open the builder's editors rather than its quick start. */
async function startDraft(browser: Browser, serve: ServeProcess): Promise<void> {
  const page = await browser.newPage();
  await page.goto(serve.url);
  await page.getByTestId('builder-empty').waitFor();
  // The draft is written through the core once typing pauses: wait for it to go from saving to saved.
  const saved = page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let sawSaving = false;
        const observer = new MutationObserver(() => {
          const state = document.querySelector('[data-testid="builder-draft-status"]')?.getAttribute('data-state');
          sawSaving ||= state === 'saving';
          if (!sawSaving || state !== 'saved') return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['data-state'],
        });
      }),
  );
  await page.getByTestId('builder-start-sms').click();
  await saved;
  await page.reload();
  await page.getByTestId('builder').waitFor();
  await page.close();
}

/** One cold visit: inside the page, the moment the builder is usable, and the scripts fetched by then. */
async function builderVisit(browser: Browser, serve: ServeProcess): Promise<FirstPaint> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    let usable: Omit<FirstPaint, 'editorReadyMs'> | undefined;
    const observer = new MutationObserver(() => {
      if (!usable) {
        if (!document.querySelector('[data-testid="builder-send"]')) return;
        if (!document.querySelector('[data-testid="statusbar-connection"][data-state="connected"]')) return;
        const scripts = performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname.endsWith('.js')) as PerformanceResourceTiming[];
        usable = {
          interactiveMs: performance.now(),
          scriptBytes: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
        };
      }
      if (!document.querySelector('[data-testid="builder-json-content"]')) return;
      observer.disconnect();
      (window as unknown as { firstPaint: FirstPaint }).firstPaint = { ...usable, editorReadyMs: performance.now() };
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await page.goto(serve.url);
  await page.waitForFunction(() => 'firstPaint' in window);
  const measured = await page.evaluate(() => (window as unknown as { firstPaint: FirstPaint }).firstPaint);
  await context.close();
  return measured;
}

/** One cold visit of the same page shell with every script refused: request to load event. */
async function blankVisit(browser: Browser, serve: ServeProcess): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route(/\.js(\?|$)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(serve.url, { waitUntil: 'load' });
  const loadMs = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  await context.close();
  return loadMs;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** All the JavaScript the renderer build holds, every page's. */
function rendererScriptBytes(): number {
  const assets = path.join(projectRoot, 'out', 'renderer', 'assets');
  return fs
    .readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .reduce((sum, name) => sum + fs.statSync(path.join(assets, name)).size, 0);
}

export async function firstPaint(): Promise<Figure[]> {
  const rounds = option('rounds', 7);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const serve = await startServe();
  try {
    await startDraft(browser, serve);
    // One visit of each first, so neither pays for the host's and the browser's first start.
    await builderVisit(browser, serve);
    await blankVisit(browser, serve);
    const builder: FirstPaint[] = [];
    const blank: number[] = [];
    for (let round = 0; round < rounds; round++) {
      if (round % 2 === 0) {
        builder.push(await builderVisit(browser, serve));
        blank.push(await blankVisit(browser, serve));
      } else {
        blank.push(await blankVisit(browser, serve));
        builder.push(await builderVisit(browser, serve));
      }
    }
    process.stderr.write(`first paint: builder ${JSON.stringify(builder)}; blank ${JSON.stringify(blank)}\n`);
    const totalBytes = rendererScriptBytes();
    const kilobytes = (bytes: number) => bytes / 1000;
    return [
      figure({
        name: 'builder first interactive, page request to usable (cold cache) p50',
        unit: 'ms',
        value: median(builder.map((visit) => visit.interactiveMs)),
        baselineName: 'blank page, same host, load p50',
        baseline: median(blank),
      }),
      figure({
        name: "builder's raw JSON editor ready, page request to editable (cold cache) p50",
        unit: 'ms',
        value: median(builder.map((visit) => visit.editorReadyMs)),
        baselineName: 'blank page, same host, load p50',
        baseline: median(blank),
      }),
      figure({
        name: 'JavaScript the builder fetches before it is usable',
        unit: 'kB',
        value: kilobytes(Math.max(...builder.map((visit) => visit.scriptBytes))),
        baselineName: 'all renderer JavaScript',
        baseline: kilobytes(totalBytes),
        goal: 'a fraction (< 1×)',
      }),
    ];
  } finally {
    await browser.close();
    await serve.stop();
  }
}

if (require.main === module) {
  firstPaint()
    .then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
}
