/**
 * Runs a store and a receiver in a process of its own, so a test can SIGKILL
 * it mid-burst. Usage: node --import tsx webhook-crash-child.ts DATA_DIR DURABILITY.
 * Prints one JSON line `{"url": ...}` on stdout once it is listening.
 */
import { createWebhookStore } from '../../src-main/webhooks/event-store';
import { createWebhookReceiver } from '../../src-main/webhooks/receiver';
import { builtWebhookWriter } from './webhook-harness';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const durability = process.argv[3];
  if (!dataDir || (durability !== 'process-crash' && durability !== 'power-loss')) {
    throw new Error('usage: webhook-crash-child DATA_DIR process-crash|power-loss');
  }
  const opened = createWebhookStore({ dataDir, durability, writerScript: builtWebhookWriter });
  if (!opened.ok) throw new Error(opened.error.message);
  const receiver = createWebhookReceiver({ store: opened.value });
  const started = await receiver.start();
  if (!started.ok) throw new Error(started.error.message);
  process.stdout.write(`${JSON.stringify({ url: started.value.url })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
