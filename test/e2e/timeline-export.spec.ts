/**
 * The timeline's export in the browser host: the button asks the core for a
 * one-time link and the browser downloads the events straight to disk; the
 * page shows the count as it grows and what was written.
 */
import { expect, test } from './fixtures';
import { openTimeline } from './pages/timeline';
import { storeStatusEvents } from '../support/stored-events';
import { openStore } from '../support/webhook-harness';

const storedCount = 12_000;

/** Events in the serve process's store matching `status` (all when absent), counted by the store itself. */
async function storedMatching(dataDir: string, status?: string): Promise<number> {
  const store = openStore({ dataDir });
  try {
    if (status === undefined) return store.count();
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = store.list({ status, limit: 1000, ...(cursor ? { cursor } : {}) });
      count += page.events.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return count;
  } finally {
    await store.close();
  }
}

test('export downloads every stored event the filter matches, and says how many went where', async ({
  page,
  serve,
}) => {
  test.setTimeout(90_000);
  await storeStatusEvents(serve.dataDir, storedCount);
  const { ui } = await openTimeline(page, serve.url);
  await expect(ui.rows.first()).toBeVisible();

  await test.step('all of them: the download holds one line per stored event, newest first', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), ui.exportButton.click()]);
    expect(download.url()).toMatch(new RegExp(`^${serve.origin}/download/[A-Za-z0-9_-]{43}$`));
    expect(download.url()).not.toContain(serve.token);
    expect(download.suggestedFilename()).toMatch(/^webhook-events-[\dT-]+Z\.ndjson$/);
    const text = (await (await download.createReadStream()).toArray()).join('');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(await storedMatching(serve.dataDir));
    const ids = lines.map((line) => (JSON.parse(line) as { id: number }).id);
    expect(ids[0]).toBeGreaterThan(ids.at(-1)!);
    await expect(ui.exportDone).toHaveText(
      `Exported ${storedCount.toLocaleString('en-US')} events to ${download.suggestedFilename()}`,
    );
    await expect(ui.exportButton).toBeEnabled();
  });

  await test.step('what the filter shows: only those lines', async () => {
    await ui.filterStatus.fill('rejected');
    // Unfiltered, the second newest event is delivered: once it reads rejected, the filter is applied.
    await expect(ui.rows.nth(1)).toContainText('rejected');
    const [download] = await Promise.all([page.waitForEvent('download'), ui.exportButton.click()]);
    const lines = (await (await download.createReadStream()).toArray()).join('').trimEnd().split('\n');
    const expected = await storedMatching(serve.dataDir, 'rejected');
    expect(expected).toBe(storedCount / 5);
    expect(lines).toHaveLength(expected);
    expect(lines.every((line) => (JSON.parse(line) as { status: string }).status === 'rejected')).toBe(true);
    await expect(ui.exportDone).toContainText(`Exported ${expected.toLocaleString('en-US')} events`);
  });
});
