/**
 * Text search over a big SQLite event store: how long the first page of a
 * search takes, next to the first page with no search, for whole words,
 * substrings, uuid prefixes, short words and text found nowhere (the worst
 * case: every candidate is looked at). Also reports the fill rate, which
 * includes building the text index, since indexing is part of ingest's cost.
 *
 * `npx tsx bench/text-search.ts --search-events 200000` runs it alone (after `npm run build`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWebhookStore } from '../src-main/webhooks/event-store';
import type { NewWebhookRecord } from '../src-main/webhooks/event-types';
import { builtWebhookWriter } from '../test/support/webhook-harness';
import { fillStore } from './filled-store';
import { figure, option, type Figure } from './figure';
import { storedWebhookRecord } from './stored-webhook-record';

const rounds = 9;

/** Every tenth event is an inbound text; the rest are statuses, every seventh rejected. */
function storedRecord(index: number, receivedAt: number): NewWebhookRecord {
  if (index % 10 === 0) {
    const body = {
      channel: 'whatsapp',
      message_uuid: `${(index * 2654435761).toString(16).padStart(8, '0').slice(-8)}-1111-4222-8333-444455556666`,
      to: '447700900001',
      from: '447700900000',
      message_type: 'text',
      text: `Inbound reply #${index} word${index % 997}`,
    };
    return storedWebhookRecord(JSON.stringify(body), receivedAt, 'verified', '/webhooks/inbound');
  }
  const rejected = index % 7 === 0;
  const body = {
    message_uuid: `aaaaaaaa-bbbb-4ccc-8ddd-${String(index).padStart(12, '0')}`,
    to: '447700900000',
    from: '447700900001',
    status: rejected ? 'rejected' : 'delivered',
    channel: 'sms',
    ...(rejected ? { error: { title: '1300', detail: 'Invalid sender address' } } : {}),
  };
  return storedWebhookRecord(JSON.stringify(body), receivedAt, 'verified');
}

function medianMs(run: () => unknown): number {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

export async function textSearch(): Promise<Figure[]> {
  const eventCount = option('search-events', 200_000);
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'workbench-search-bench-'));
  try {
    const fillRate = await fillStore(dataDir, eventCount, storedRecord, 'search bench');
    const opened = createWebhookStore({ dataDir, writerScript: builtWebhookWriter });
    if (!opened.ok) throw new Error(opened.error.message);
    const store = opened.value;
    const plainMs = medianMs(() => store.list({ limit: 50 }));
    const queries: Array<[string, string]> = [
      ['common word', 'rejected'],
      ['rare word', 'word996'],
      ['phrase substring', 'nbound reply #1234'],
      ['uuid prefix', 'aaaaaaaa-bbbb-4ccc-8ddd-00000001234'],
      ['two-character word', 'zq'],
      ['found nowhere', 'zzzzzzzz'],
    ];
    const figures = queries.map(([label, text]) => {
      const found = store.list({ text, limit: 50 }).events.length;
      const ms = medianMs(() => store.list({ text, limit: 50 }));
      process.stderr.write(`search bench: ${label} "${text}": ${found} found, ${ms.toFixed(2)} ms\n`);
      return figure({
        name: `search "${text}" (${label}), first page of 50, ${eventCount.toLocaleString('en-US')} events`,
        unit: 'ms',
        value: ms,
        baselineName: 'first page with no search',
        baseline: plainMs,
      });
    });
    await store.close();
    process.stderr.write(`search bench: filled and indexed at ${Math.round(fillRate)} events/s\n`);
    return figures;
  } finally {
    await fs.promises.rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('text-search.ts')) {
  textSearch().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
