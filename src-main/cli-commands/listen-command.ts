/**
 * `workbench listen`: the core's webhook receiver on its own, like `stripe
 * listen`. One NDJSON line per event on stdout (the event id on every line),
 * status on stderr. With --tunnel a public URL is kept open and printed on
 * stderr; with --store the events go to a team's PostgreSQL, and with
 * --forward-team each goes on to its teammate's app. Retention (--keep-days,
 * --keep-events) works the same for either store.
 */
import type { Command } from 'commander';
import { defaultLocalPorts, defaultTunnelServer, subdomainSchema, tunnelServerSchema } from '../../src-shared/settings';
import type { Core, CoreOptions } from '../core';
import { toEventJsonLine } from '../webhooks';
import { commandOutput, httpUrl, integerOption, parsePort, schemaOption, UsageProblem } from './command-io';
import { withCore, type CallOrExit } from './headless-core';
import { listenStatus as status, tunnelReporter } from './listen-status';
import { untilStopSignal } from './serve-command';
import { durabilityOption, storeUrlOption, teamRouteOption } from './store-option';
import type { WebhookStoreOptions } from '../webhooks/event-store';

export interface ListenOptions {
  port: number;
  host: string;
  forwardTo?: string;
  tunnel?: boolean;
  tunnelHost: string;
  subdomain?: string;
  answerStatus: number;
  store?: string;
  forwardTeam?: Map<string, string>;
  keepDays?: number;
  keepEvents?: number;
  durability?: WebhookStoreOptions['durability'];
}

const dayMs = 24 * 60 * 60 * 1000;

const tunnelServer = schemaOption(tunnelServerSchema);

export function addListenCommand(program: Command): void {
  program
    .command('listen')
    .description('receive webhooks; one NDJSON line per event on stdout, status on stderr')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, defaultLocalPorts.webhooks)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option(
      '--forward-to <url>',
      "copy each webhook to your app at this URL (+ the webhook's path) and record its answer",
      httpUrl,
    )
    .option('--tunnel', 'open a public URL for the receiver (localtunnel)')
    .option(
      '--tunnel-host <url>',
      'the localtunnel server',
      (value) => tunnelServer(httpUrl(value)),
      defaultTunnelServer,
    )
    .option('--subdomain <name>', 'ask the tunnel server for this subdomain', schemaOption(subdomainSchema))
    .option(
      '--answer-status <code>',
      'HTTP status to answer webhooks with, 200 to 599 (5xx makes Vonage retry)',
      integerOption(200, 599),
      200,
    )
    .option(
      '--store <url>',
      'keep events in this PostgreSQL (postgres://USER@HOST:PORT/DB; password from PGPASSWORD) instead of the data folder',
      storeUrlOption,
    )
    .option(
      '--forward-team <name=url>',
      "with --store: forward each webhook to its teammate's URL (status: who sent it; inbound: who last wrote to that number); repeatable",
      teamRouteOption,
    )
    .option(
      '--keep-days <n>',
      'delete events received more than N days ago (at start, then every minute)',
      integerOption(1),
    )
    .option('--keep-events <n>', 'keep only the newest N events (at start, then every minute)', integerOption(1))
    .option(
      '--durability <what>',
      "process-crash (default): a webhook is answered once committed; a kill or crash loses none, a power cut at most the last second. power-loss: answered only after the fsync (slower under load). The data folder's store only",
      durabilityOption,
    )
    .action((options: ListenOptions) => {
      if (options.forwardTeam && !options.store)
        throw new UsageProblem(
          '--forward-team needs --store postgres://…: routing reads who sent what from the team inbox.',
          2,
        );
      if (options.durability && options.store)
        throw new UsageProblem(
          "--durability is for the data folder's store; a PostgreSQL store is as durable as its server's synchronous_commit.",
          2,
        );
      return withCore(program, (call, core) => listen(call, core, options), coreOptions(options));
    });
}

/** The receiver as the options ask for it: its port is kept or the command fails, never moved. */
function coreOptions(options: ListenOptions): Partial<CoreOptions> {
  const retention = {
    ...(options.keepDays === undefined ? {} : { maxAgeMs: options.keepDays * dayMs }),
    ...(options.keepEvents === undefined ? {} : { maxCount: options.keepEvents }),
  };
  return {
    webhooks: {
      port: options.port,
      host: options.host,
      answer: { status: options.answerStatus },
      ...(options.forwardTo ? { forwardTo: options.forwardTo } : {}),
      ...(options.store ? { storeUrl: options.store } : {}),
      ...(options.durability ? { durability: options.durability } : {}),
      ...(options.forwardTeam ? { teamRoutes: options.forwardTeam } : {}),
      ...(Object.keys(retention).length > 0 ? { retention } : {}),
    },
  };
}

async function listen(call: CallOrExit, core: Pick<Core, 'events'>, options: ListenOptions) {
  // Caught from before the URLs are printed, so a stop sent as soon as they are read still closes cleanly.
  const stopped = untilStopSignal();
  const output = commandOutput();
  output.announceStop(
    'stdout closed; output stopped, webhooks are still received and stored (read them with workbench events)',
  );
  const describeTunnel = tunnelReporter();
  // Not unsubscribed: closing the core delivers the last pending batch, then drops listeners.
  core.events.subscribe((batch) => {
    for (const event of batch) {
      if (event.name === 'tunnel.stateChanged') describeTunnel(event.payload);
      if (event.name !== 'webhooks.received') continue;
      const { items, missed } = event.payload;
      if (missed > 0) status(`${missed} events were not printed (stdout too slow); they are stored`);
      for (const { change, event: webhook } of items)
        void output.write(`${JSON.stringify({ change, ...toEventJsonLine(webhook) })}\n`);
    }
  });
  const receiver = await call('webhooks.receiver', {});
  status(`listening on ${receiver.url}`);
  status(`inbound URL ${receiver.inboundUrl}`);
  status(`status URL  ${receiver.statusUrl}`);
  if (!process.env.VONAGE_SIGNATURE_SECRET)
    status('VONAGE_SIGNATURE_SECRET is not set; signed webhooks are recorded as no-secret-configured');
  if (options.tunnel)
    await call('tunnel.start', {
      server: options.tunnelHost,
      ...(options.subdomain ? { subdomain: options.subdomain } : {}),
    });
  status(`${await stopped}: closing`);
}
