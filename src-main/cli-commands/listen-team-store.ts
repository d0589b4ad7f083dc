/**
 * `workbench listen --store postgres://…`: the receiver as a team's long-lived
 * service, its events in the team's PostgreSQL, with routing per teammate.
 * The core's webhook service keeps the embedded SQLite store, so this path
 * composes the receiver over the shared store itself.
 */
import type { Command } from 'commander';
import { resolveDataDir } from '../data-dir';
import { openEventStore } from '../team-inbox/open-event-store';
import { startTeamRouter } from '../team-inbox/team-routing';
import { startTunnel, type Tunnel } from '../tunnel/tunnel';
import { createWebhookReceiver, toEventJsonLine } from '../webhooks';
import { commandOutput, UsageProblem } from './command-io';
import type { ListenOptions } from './listen-command';
import { listenStatus as status, tunnelReporter } from './listen-status';
import { untilStopSignal } from './serve-command';

export async function listenWithTeamStore(program: Command, options: ListenOptions & { store: string }) {
  const opened = await openEventStore({
    dataDir: resolveDataDir(program.opts().dataDir),
    storeUrl: options.store,
    onError: (message) => status(message),
    onNotice: (message) => status(message),
  });
  if (!opened.ok) throw new UsageProblem(`${opened.error.message} ${opened.error.hint}`);
  const { store, shared } = opened.value;
  const receiver = createWebhookReceiver({
    store,
    port: options.port,
    host: options.host,
    answer: { status: options.answerStatus },
    signatureSecret: () => process.env.VONAGE_SIGNATURE_SECRET,
    ...(options.forwardTo ? { forwardTo: options.forwardTo } : {}),
    onError: (message) => status(message),
  });
  const output = commandOutput();
  output.announceStop(
    'workbench: stdout closed; output stopped, webhooks are still received and stored (read them with workbench events)',
  );
  receiver.subscribe(({ items, missed }) => {
    if (missed > 0) status(`${missed} events were not printed (stdout too slow); they are stored`);
    for (const { change, event } of items)
      void output.write(`${JSON.stringify({ change, ...toEventJsonLine(event) })}\n`);
  });
  const started = await receiver.start();
  if (!started.ok) {
    await store.close();
    throw new UsageProblem(`${started.error.message} ${started.error.hint}`);
  }
  status(`listening on ${started.value.url}`);
  status(`events stored in ${opened.value.location}`);
  const router =
    shared && options.forwardTeam
      ? startTeamRouter({
          store: shared,
          receiver,
          routes: options.forwardTeam,
          onForwarded: (event, teammate) =>
            status(`event ${event.id} forwarded to ${teammate}: ${event.forward?.status ?? event.forward?.error}`),
          onError: (message) => status(message),
        })
      : undefined;
  status(`inbound URL ${started.value.inboundUrl}`);
  status(`status URL  ${started.value.statusUrl}`);
  if (!process.env.VONAGE_SIGNATURE_SECRET)
    status('VONAGE_SIGNATURE_SECRET is not set; signed webhooks are recorded as no-secret-configured');

  let tunnel: Tunnel | undefined;
  if (options.tunnel) {
    const result = startTunnel({
      settings: {
        server: options.tunnelHost,
        localPort: started.value.port,
        ...(options.subdomain ? { subdomain: options.subdomain } : {}),
      },
      onState: tunnelReporter(),
    });
    if (!result.ok) {
      await router?.close();
      await receiver.close();
      await store.close();
      throw new UsageProblem(`${result.error.message} ${result.error.hint}`, 2);
    }
    tunnel = result.value;
  }

  status(`${await untilStopSignal()}: closing`);
  await tunnel?.stop();
  await router?.close();
  await receiver.close();
  await store.close();
}
