/**
 * `workbench events`: every stored webhook event matching the filters, newest
 * first, as NDJSON. The store is read one keyset page at a time (ids below the
 * last one printed), and the next page is read only once stdout has taken the
 * previous one, so an export of any size holds one page in memory. Events that
 * arrive meanwhile are newer than the first page and are not mixed in.
 */
import type { Command } from 'commander';
import { webhookKinds, type WebhookKind } from '../../src-shared/webhook-events';
import { resolveDataDir } from '../data-dir';
import { createWebhookStore, toEventJsonLine } from '../webhooks';
import { commandOutput, integerOption, oneOf, UsageProblem } from './command-io';

interface EventsOptions {
  kind?: WebhookKind;
  status?: string;
  text?: string;
  /** Stop after this many; every match when absent. */
  limit?: number;
}

const pageSize = 500;

export function addEventsCommand(program: Command): void {
  program
    .command('events')
    .description('stored webhook events from the data folder, newest first, as NDJSON (all that match unless --limit)')
    .option('--kind <kind>', webhookKinds.join(', '), oneOf(webhookKinds))
    .option('--status <status>', 'e.g. delivered, rejected')
    .option('--text <text>', 'words to find in bodies')
    .option('--limit <n>', 'print at most this many (default: every match)', integerOption(1))
    .action(async ({ limit, ...filters }: EventsOptions) => {
      const opened = createWebhookStore({ dataDir: resolveDataDir(program.opts().dataDir) });
      if (!opened.ok) throw new UsageProblem(`${opened.error.message} ${opened.error.hint}`);
      const store = opened.value;
      const output = commandOutput();
      let left = limit ?? Number.POSITIVE_INFINITY;
      let cursor: string | null | undefined;
      try {
        while (left > 0 && cursor !== null && !output.closed) {
          const page = store.list({
            ...filters,
            limit: Math.min(pageSize, left),
            ...(cursor === undefined ? {} : { cursor }),
          });
          for (const event of page.events) await output.write(`${JSON.stringify(toEventJsonLine(event))}\n`);
          left -= page.events.length;
          cursor = page.nextCursor;
        }
      } finally {
        await store.close();
      }
    });
}
