/**
 * `workbench listen`: the webhook receiver on its own, like `stripe listen`.
 * One NDJSON line per event on stdout (the event id on every line), status on
 * stderr. With --tunnel a public URL is kept open and printed on stderr.
 */
import type { Command } from 'commander';
import { resolveDataDir } from '../data-dir';
import { defaultLocalPorts, defaultTunnelServer } from '../../src-shared/settings';
import { startTunnel, type Tunnel } from '../tunnel/tunnel';
import { openEventStore } from '../team-inbox/open-event-store';
import { createWebhookReceiver, defaultWebhookPaths, toEventJsonLine } from '../webhooks';
import { commandOutput, httpUrl, integerOption, parsePort, UsageProblem } from './command-io';
import { untilStopSignal } from './serve-command';
import { storeUrlOption, teamRouteOption } from './store-option';
import { startTeamRouter } from '../team-inbox/team-routing';

interface ListenOptions {
  port: number;
  host: string;
  forwardTo?: string;
  tunnel?: boolean;
  tunnelHost: string;
  subdomain?: string;
  answerStatus: number;
  store?: string;
  forwardTeam?: Map<string, string>;
}

const status = (line: string) => process.stderr.write(`${line}\n`);

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
    .option('--tunnel-host <url>', 'the localtunnel server', httpUrl, defaultTunnelServer)
    .option('--subdomain <name>', 'ask the tunnel server for this subdomain')
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
    .action(async (options: ListenOptions) => {
      const opened = await openEventStore({
        dataDir: resolveDataDir(program.opts().dataDir),
        ...(options.store ? { storeUrl: options.store } : {}),
        onError: (message) => status(`workbench: ${message}`),
      });
      if (!opened.ok) throw new UsageProblem(`${opened.error.message} ${opened.error.hint}`);
      const { store, shared } = opened.value;
      if (options.forwardTeam && !shared) {
        await store.close();
        throw new UsageProblem(
          '--forward-team needs --store postgres://…: routing reads who sent what from the team inbox.',
          2,
        );
      }
      const receiver = createWebhookReceiver({
        store,
        port: options.port,
        host: options.host,
        answer: { status: options.answerStatus },
        signatureSecret: () => process.env.VONAGE_SIGNATURE_SECRET,
        ...(options.forwardTo ? { forwardTo: options.forwardTo } : {}),
        onError: (message) => status(`workbench: ${message}`),
      });
      const output = commandOutput();
      output.announceStop(
        'workbench: stdout closed; output stopped, webhooks are still received and stored (read them with workbench events)',
      );
      receiver.subscribe(({ items, missed }) => {
        if (missed > 0) status(`workbench: ${missed} events were not printed (stdout too slow); they are stored`);
        for (const { change, event } of items)
          void output.write(`${JSON.stringify({ change, ...toEventJsonLine(event) })}\n`);
      });
      const started = await receiver.start();
      if (!started.ok) {
        await store.close();
        throw new UsageProblem(`${started.error.message} ${started.error.hint}`);
      }
      status(`workbench: listening on ${started.value.url}`);
      status(`workbench: events stored in ${opened.value.location}`);
      const router =
        shared && options.forwardTeam
          ? startTeamRouter({
              store: shared,
              receiver,
              routes: options.forwardTeam,
              onForwarded: (event, teammate) =>
                status(
                  `workbench: event ${event.id} forwarded to ${teammate}: ${event.forward?.status ?? event.forward?.error}`,
                ),
              onError: (message) => status(`workbench: ${message}`),
            })
          : undefined;
      status(`workbench: inbound URL ${started.value.inboundUrl}`);
      status(`workbench: status URL  ${started.value.statusUrl}`);
      if (!process.env.VONAGE_SIGNATURE_SECRET)
        status('workbench: VONAGE_SIGNATURE_SECRET is not set; signed webhooks are recorded as no-secret-configured');

      let tunnel: Tunnel | undefined;
      let lastWarning: string | undefined;
      if (options.tunnel) {
        const result = startTunnel({
          settings: {
            server: options.tunnelHost,
            localPort: started.value.port,
            ...(options.subdomain ? { subdomain: options.subdomain } : {}),
          },
          onState(state) {
            status(`workbench: tunnel ${state.phase}: ${state.reason}`);
            // Once per change and impossible to miss: the URLs pasted into the dashboard no longer work.
            if (state.warning && state.warning !== lastWarning) status(`workbench: WARNING: ${state.warning}`);
            if (state.phase === 'online') lastWarning = state.warning;
            if (state.phase === 'online' && state.url) {
              status(`workbench: public inbound URL ${state.url}${defaultWebhookPaths.inbound}`);
              status(`workbench: public status URL  ${state.url}${defaultWebhookPaths.status}`);
            }
          },
        });
        if (!result.ok) {
          await router?.close();
          await receiver.close();
          await store.close();
          throw new UsageProblem(`${result.error.message} ${result.error.hint}`, 2);
        }
        tunnel = result.value;
      }

      const signal = await untilStopSignal();
      status(`workbench: ${signal}: closing`);
      await tunnel?.stop();
      await router?.close();
      await receiver.close();
      await store.close();
    });
}
