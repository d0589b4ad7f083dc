/**
 * Benchmarks the timeline page (issue 10) in Chromium through `workbench
 * serve`, driven by Playwright, the way a user meets it:
 *
 * - open: from switching to the timeline to its first rows in the DOM, with a
 *   large store, against the same page rendering an empty store (its empty state);
 * - filter: from choosing a kind to the first page of matches in the DOM,
 *   against the same choice on the empty store (its "no match" message);
 * - live: long tasks (PerformanceObserver 'longtask', > 50 ms) and the longest
 *   gap between animation frames while the list scrolls and 1,000 webhooks/s
 *   arrive for 10 s, against the same 10 s of scrolling with no traffic, in a
 *   page that Playwright does not drive (bare-browser.ts says why).
 *
 * Times are taken inside the page (performance.now from the input's own event
 * to a MutationObserver seeing the rows), so Playwright's round trips are not
 * in them. The traffic comes from a child process at the lowest CPU priority:
 * it stands in for Vonage, whose sending costs a user's machine nothing, so it
 * takes only CPU that the app and the browser leave idle, and what the busy
 * window measures is the app's own cost. Needs `npm run build`. Part of
 * `npm run bench`; alone: `npx tsx bench/timeline-ui.ts [--timeline-events 1000000]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import type { NewWebhookRecord } from '../src-main/webhooks/event-types';
import { startServe, type ServeProcess } from '../test/support/serve-process';
import { fillStore } from './filled-store';
import { openBarePage, type BarePage } from './bare-browser';
import { answerParent, serveArguments, startChildServer } from './child-server';
import { steadyLoad, type SteadyResult } from './steady-load';
import { storedWebhookRecord } from './stored-webhook-record';
import { figure, option, type Figure } from './figure';

const rounds = 15;
const liveSeconds = 10;
const liveRatePerSecond = 1000;

/** A webhook of the live traffic, as steadyLoad sends it. */
const arrival = (index: number) => ({ ...webhookBody(index), headers: { 'content-type': 'application/json' } });

/** Every tenth event is an inbound WhatsApp text; the rest are SMS statuses, some rejected. */
function webhookBody(index: number): { path: string; body: string } {
  if (index % 10 === 0) {
    const body = {
      channel: 'whatsapp',
      message_uuid: crypto.randomUUID(),
      to: '447700900001',
      from: '447700900000',
      timestamp: new Date().toISOString(),
      message_type: 'text',
      text: `reply ${index} word${index % 997}`,
    };
    return { path: '/webhooks/inbound', body: JSON.stringify(body) };
  }
  const rejected = index % 7 === 0;
  const body = {
    message_uuid: `aaaaaaaa-bbbb-4ccc-8ddd-${String(index).padStart(12, '0')}`,
    to: '447700900000',
    from: '447700900001',
    timestamp: new Date().toISOString(),
    status: rejected ? 'rejected' : 'delivered',
    channel: 'sms',
    ...(rejected
      ? {
          error: {
            type: 'https://developer.vonage.com/api-errors/messages#1300',
            title: '1300',
            detail: 'Not part of the provider network',
          },
        }
      : {}),
  };
  return { path: '/webhooks/status', body: JSON.stringify(body) };
}

function storedRecord(index: number, receivedAt: number): NewWebhookRecord {
  const { path: requestPath, body } = webhookBody(index);
  return storedWebhookRecord(body, receivedAt, 'unsigned', requestPath);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Switches to the timeline (from the builder) and times it until `readySelector` is in the DOM. */
function timeOpening(page: Page, readySelector: string): Promise<number> {
  return page.evaluate(
    (selector) =>
      new Promise<number>((resolve) => {
        const startedAt = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          resolve(performance.now() - startedAt);
        });
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['data-testid'],
        });
        window.location.hash = '#/timeline';
      }),
    readySelector,
  );
}

/** Chooses `kind` in the filter and times it, from the select's change event until `isReady` holds. */
async function timeFilter(page: Page, kind: string, readyWhen: 'rows-of-kind' | 'no-match'): Promise<number> {
  const timing = page.evaluate(
    ({ kind, readyWhen }) =>
      new Promise<number>((resolve) => {
        const select = document.querySelector('[data-testid="timeline-filter-kind"]')!;
        let startedAt = 0;
        const ready = () => {
          if (readyWhen === 'no-match') return document.querySelector('[data-testid="timeline-no-match"]') !== null;
          const rows = [...document.querySelectorAll('[data-testid="timeline-row"]')];
          return rows.length > 0 && rows.every((row) => row.getAttribute('data-kind') === kind);
        };
        const observer = new MutationObserver(() => {
          if (startedAt === 0 || !ready()) return;
          observer.disconnect();
          resolve(performance.now() - startedAt);
        });
        select.addEventListener('change', () => (startedAt = performance.now()), { capture: true, once: true });
        // React turns the loading message into the no-match one in place: watch test ids, not only insertions.
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['data-kind', 'data-testid'],
        });
      }),
    { kind, readyWhen },
  );
  await page.getByTestId('timeline-filter-kind').selectOption(kind);
  return timing;
}

async function openAndFilter(
  page: Page,
  serve: ServeProcess,
  empty: boolean,
): Promise<{ openMs: number; filterMs: number }> {
  const openSamples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // A fresh page each round: the store must ask the core, not show what an earlier visit kept.
    await page.goto(`${serve.url}#/builder`);
    await page.locator('[data-testid="statusbar-connection"][data-state="connected"]').waitFor();
    openSamples.push(
      await timeOpening(page, empty ? '[data-testid="timeline-empty"]' : '[data-testid="timeline-row"]'),
    );
  }
  await page.evaluate(() => (window.location.hash = '#/timeline'));
  await page.getByTestId('timeline-filter-kind').waitFor();
  const filterSamples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const kind = round % 2 === 0 ? 'inbound' : 'status';
    filterSamples.push(await timeFilter(page, kind, empty ? 'no-match' : 'rows-of-kind'));
  }
  await page.getByTestId('timeline-filter-kind').selectOption('');
  return { openMs: median(openSamples), filterMs: median(filterSamples) };
}

interface LiveWindow {
  longTasks: number;
  longestTaskMs: number;
  longestFrameGapMs: number;
}

/** Runs in the page: scrolls the list every frame for `seconds`, counting long tasks and the longest gap between frames. */
function scrollAndWatch(seconds: number): Promise<LiveWindow> {
  return new Promise((resolve) => {
    let longTasks = 0;
    let longestTaskMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks++;
        longestTaskMs = Math.max(longestTaskMs, entry.duration);
      }
    });
    observer.observe({ type: 'longtask' });
    const scroller = document.querySelector<HTMLElement>('[data-testid="timeline-list"]')!;
    const endAt = performance.now() + seconds * 1000;
    let previous = performance.now();
    let longestFrameGapMs = 0;
    let direction = 1;
    const frame = (now: number) => {
      longestFrameGapMs = Math.max(longestFrameGapMs, now - previous);
      previous = now;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 40) direction = -1;
      else if (scroller.scrollTop <= 0) direction = 1;
      scroller.scrollTop += direction * 40;
      if (now < endAt) requestAnimationFrame(frame);
      else {
        observer.disconnect();
        resolve({ longTasks, longestTaskMs, longestFrameGapMs });
      }
    };
    requestAnimationFrame(frame);
  });
}

const watchWhileScrolling = (page: BarePage, seconds: number): Promise<LiveWindow> =>
  page.evaluate(`(${scrollAndWatch.toString()})(${seconds})`);

/** Child role: posts the live traffic to `receiverUrl` when asked, at the lowest CPU priority. */
function sendTraffic(receiverUrl: string): void {
  os.setPriority(os.constants.priority.PRIORITY_LOW);
  answerParent(receiverUrl, {
    'warm-up': () => steadyLoad(receiverUrl, liveRatePerSecond, 3, arrival),
    live: () => steadyLoad(receiverUrl, liveRatePerSecond, liveSeconds, arrival),
    report: () => ({}),
  });
}

export async function timelineUi(): Promise<Figure[]> {
  const eventCount = option('timeline-events', 1_000_000);
  const fullDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'workbench-timeline-bench-'));
  process.stderr.write(`timeline bench: filling ${eventCount.toLocaleString('en-US')} events\n`);
  const fillRate = await fillStore(fullDir, eventCount, storedRecord, 'timeline bench');
  process.stderr.write(`timeline bench: filled at ${Math.round(fillRate).toLocaleString('en-US')} events/s\n`);

  const viewport = { width: 1400, height: 900 };
  // The same flags as the live windows' bare browser, so the two browsers differ only in who drives them.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport });
  // tsx keeps function names with a `__name` helper that the page does not have; the callbacks above need it.
  await page.addInitScript({ content: 'window.__name = (target) => target;' });
  const emptyServe = await startServe();
  const fullServe = await startServe({ dataDir: fullDir, timeoutMs: 120_000 });
  let livePage: BarePage | undefined;
  try {
    const baseline = await openAndFilter(page, emptyServe, true);
    process.stderr.write(
      `timeline bench: empty store opens in ${baseline.openMs.toFixed(1)} ms, filters in ${baseline.filterMs.toFixed(1)} ms (p50)\n`,
    );
    const full = await openAndFilter(page, fullServe, false);
    process.stderr.write(
      `timeline bench: full store opens in ${full.openMs.toFixed(1)} ms, filters in ${full.filterMs.toFixed(1)} ms (p50)\n`,
    );

    // The live windows run in a page no automation watches (bare-browser.ts says why), so Playwright's goes first.
    await browser.close();
    livePage = await openBarePage(`${fullServe.url}#/timeline`, viewport);
    await livePage.waitFor(`document.querySelector('[data-testid="timeline-row"]')`);
    const receiverUrl = await livePage.evaluate<string>(
      `document.querySelector('[data-testid="tunnel-receiver-url"]').textContent`,
    );
    const sender = await startChildServer(__filename, [receiverUrl]);
    // Warm up first, so neither window pays for the page's first layouts and compilation, nor the busy one for
    // the server's and the page's first webhooks (their code compiled: without this, a ninth of the server's
    // CPU in the busy window went to the optimising compiler).
    await watchWhileScrolling(livePage, 3);
    await Promise.all([watchWhileScrolling(livePage, 3), sender.ask('warm-up')]);
    const quiet = await watchWhileScrolling(livePage, liveSeconds);
    const [busy, posted] = await Promise.all([
      watchWhileScrolling(livePage, liveSeconds),
      sender.ask<SteadyResult>('live'),
    ]);
    await sender.report();
    process.stderr.write(
      `timeline bench: posted ${posted.sent} webhooks, ${posted.acknowledged} acknowledged, ${Math.round(posted.answeredPerSecond)}/s; longest task ${Math.round(busy.longestTaskMs)} ms (quiet: ${Math.round(quiet.longestTaskMs)} ms)\n`,
    );

    // The sender yields to everything else: the rate it reached is part of the figure.
    const arrivedPerSecond = Math.round(posted.answeredPerSecond);
    const stored = `${eventCount.toLocaleString('en-US')} events`;
    const longTasks = figure({
      name: `timeline long tasks > 50 ms, scrolling, ${liveRatePerSecond}/s arriving for ${liveSeconds} s`,
      unit: 'tasks',
      value: busy.longTasks,
      baselineName: 'same scrolling, no traffic',
      baseline: quiet.longTasks,
      goal: '0',
    });
    return [
      figure({
        name: `timeline open to first rows (${stored}) p50`,
        unit: 'ms',
        value: full.openMs,
        baselineName: 'empty store, empty state p50',
        baseline: baseline.openMs,
        goal: '< 100 ms',
      }),
      figure({
        name: `timeline filter to first page (${stored}) p50`,
        unit: 'ms',
        value: full.filterMs,
        baselineName: 'empty store, no-match p50',
        baseline: baseline.filterMs,
        goal: '< 100 ms',
      }),
      // A quiet window often has no long task; the ratio is then taken against one, to stay a finite number.
      { ...longTasks, ratio: busy.longTasks / Math.max(quiet.longTasks, 1), arrivedPerSecond },
      {
        ...figure({
          name: `timeline longest frame gap, scrolling, ${liveRatePerSecond}/s arriving`,
          unit: 'ms',
          value: busy.longestFrameGapMs,
          baselineName: 'same scrolling, no traffic',
          baseline: quiet.longestFrameGapMs,
          goal: '< 50 ms',
        }),
        arrivedPerSecond,
      },
    ];
  } finally {
    await browser.close();
    await livePage?.close();
    await emptyServe.stop();
    await fullServe.stop();
    await fs.promises.rm(fullDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const served = serveArguments();
  if (served) sendTraffic(served[0] ?? '');
  else
    timelineUi()
      .then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`))
      .catch((error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      });
}
