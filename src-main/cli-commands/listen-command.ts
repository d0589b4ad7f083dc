/**
 * `workbench listen`: the core's webhook receiver on its own, like `stripe
 * listen`. One NDJSON line per event on stdout (the event id on every line),
 * status on stderr. With --tunnel a public URL is kept open and printed on stderr.
 */
import type { Command } from 'commander';
import { defaultLocalPorts, defaultTunnelServer, subdomainSchema, tunnelServerSchema } from '../../src-shared/settings';
import type { TunnelState } from '../../src-shared/tunnel-state';
import type { Core, CoreOptions } from '../core';
import { defaultWebhookPaths, toEventJsonLine } from '../webhooks';
import { commandOutput, httpUrl, integerOption, parsePort, schemaOption } from './command-io';
import { withCore, type CallOrExit } from './headless-core';
import { untilStopSignal } from './serve-command';

interface ListenOptions {
  port: number;
  host: string;
  forwardTo?: string;
  tunnel?: boolean;
  tunnelHost: string;
  subdomain?: string;
  answerStatus: number;
}

const status = (line: string) => process.stderr.write(`workbench: ${line}\n`);
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
    .action((options: ListenOptions) =>
      withCore(program, (call, core) => listen(call, core, options), coreOptions(options)),
    );
}

/** The receiver as the options ask for it: its port is kept or the command fails, never moved. */
function coreOptions(options: ListenOptions): Partial<CoreOptions> {
  return {
    webhooks: {
      port: options.port,
      host: options.host,
      answer: { status: options.answerStatus },
      ...(options.forwardTo ? { forwardTo: options.forwardTo } : {}),
    },
  };
}

async function listen(call: CallOrExit, core: Pick<Core, 'events'>, options: ListenOptions) {
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
  status(`${await untilStopSignal()}: closing`);
}

/** Each tunnel change as a status line; a changed public URL as a warning, once per change. */
function tunnelReporter(): (state: TunnelState) => void {
  let lastWarning: string | undefined;
  return (state) => {
    status(`tunnel ${state.phase}: ${state.reason}`);
    // Impossible to miss: the URLs pasted into the dashboard no longer work.
    if (state.warning && state.warning !== lastWarning) status(`WARNING: ${state.warning}`);
    if (state.phase === 'online') lastWarning = state.warning;
    if (state.phase === 'online' && state.url) {
      status(`public inbound URL ${state.url}${defaultWebhookPaths.inbound}`);
      status(`public status URL  ${state.url}${defaultWebhookPaths.status}`);
    }
  };
}
