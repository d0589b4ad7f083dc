/**
 * `workbench events`: every stored webhook event matching the filters, newest
 * first, as NDJSON. It builds the core and pages through `webhooks.list` as the
 * app does, with the app's own export code (../webhooks/event-export.ts): the
 * next page is read only once stdout has taken the previous one, so an export
 * of any size holds one page in memory, and a reader that goes away
 * (`| head -1`) stops it quietly.
 */
import type { Command } from 'commander';
import { ok } from '../../src-shared/result';
import {
  eventSources,
  signatureVerdicts,
  webhookKinds,
  type EventSource,
  type SignatureVerdict,
  type WebhookKind,
} from '../../src-shared/webhook-events';
import { eventNdjsonChunks } from '../webhooks/event-export';
import { commandOutput, integerOption, oneOf } from './command-io';
import { withCore } from './headless-core';

interface EventsOptions {
  kind?: WebhookKind;
  status?: string;
  channel?: string;
  messageUuid?: string;
  clientRef?: string;
  errorCode?: string;
  verdict?: SignatureVerdict;
  source?: EventSource;
  text?: string;
  /** Stop after this many; every match when absent. */
  limit?: number;
}

export function addEventsCommand(program: Command): void {
  program
    .command('events')
    .description('stored webhook events from the data folder, newest first, as NDJSON (all that match unless --limit)')
    .option('--kind <kind>', webhookKinds.join(', '), oneOf(webhookKinds))
    .option('--status <status>', 'e.g. delivered, rejected')
    .option('--channel <channel>', 'e.g. sms, whatsapp')
    .option('--message-uuid <uuid>', "one message's statuses and replies")
    .option('--client-ref <ref>', 'the client_ref the send carried')
    .option('--error-code <code>', 'statuses that carry this error code, e.g. 1320')
    .option('--verdict <verdict>', `signature verdict: ${signatureVerdicts.join(', ')}`, oneOf(signatureVerdicts))
    .option('--source <source>', "this app's events or the team inbox's (default: both)", oneOf(eventSources))
    .option('--text <text>', 'words to find in bodies')
    .option('--limit <n>', 'print at most this many (default: every match)', integerOption(1))
    .action(({ limit, ...filter }: EventsOptions) =>
      withCore(program, async (call) => {
        const output = commandOutput();
        const chunks = eventNdjsonChunks({
          // A failed page ends the command with its code and hint (withCore's call does that).
          readPage: async (query) => ok(await call('webhooks.list', query)),
          filter,
          ...(limit === undefined ? {} : { limit }),
        });
        for await (const chunk of chunks) {
          if (output.closed) break;
          await output.write(chunk);
        }
      }),
    );
}
