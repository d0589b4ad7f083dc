/**
 * Fills a data folder's event store directly, not over HTTP: for tests about
 * reading many events back (exports), where receiving them is not the point.
 */
import { storedWebhookRecord } from '../../bench/stored-webhook-record';
import { openStore } from './webhook-harness';

/** The body of the status webhook number `index`; every fifth one is rejected. */
export function numberedStatus(index: number): Record<string, unknown> {
  return {
    message_uuid: `eeeeeeee-0000-4000-8000-${String(index).padStart(12, '0')}`,
    to: '447700900000',
    from: '447700900001',
    timestamp: '2026-01-01T00:00:00Z',
    status: index % 5 === 0 ? 'rejected' : 'delivered',
    channel: 'sms',
  };
}

/** Appends `count` status webhooks (numbered from 1, received in that order) and closes the store. */
export async function storeStatusEvents(dataDir: string, count: number): Promise<void> {
  const store = openStore({ dataDir, durability: 'process-crash' });
  const firstAt = Date.now() - count;
  try {
    for (let start = 1; start <= count; start += 5000) {
      const end = Math.min(count, start + 4999);
      await Promise.all(
        Array.from({ length: end - start + 1 }, (_, offset) =>
          store.append(
            storedWebhookRecord(JSON.stringify(numberedStatus(start + offset)), firstAt + start + offset, 'unsigned'),
          ),
        ),
      );
    }
  } finally {
    await store.close();
  }
}
