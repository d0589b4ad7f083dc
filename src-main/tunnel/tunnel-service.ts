/**
 * The tunnel as the core runs it: started and stopped from the contract (or at
 * start-up when the settings say so), pointed at the webhook receiver's port,
 * every state change pushed as `tunnel.stateChanged`.
 */
import type { Handlers } from '../../src-shared/contract';
import { fail, ok, type Result } from '../../src-shared/result';
import type { TunnelState } from '../../src-shared/tunnel-state';
import type { EventHub } from '../event-hub';
import type { SettingsFile } from '../settings/settings-file';
import { defaultWebhookPaths } from '../webhooks/receiver';
import { startTunnel, type Tunnel, type TunnelTimings } from './tunnel';
import { createProbeAgent, requestThroughTunnel } from './tunnel-probe';

type TunnelHandlers = Pick<Handlers, 'tunnel.state' | 'tunnel.start' | 'tunnel.stop' | 'tunnel.sendTestWebhook'>;

export interface TunnelServiceOptions {
  events: EventHub;
  settings: SettingsFile;
  /** The receiver's port, once it listens. */
  localPort: () => number | undefined;
  /** The built tunnel child; defaults to the one beside the main bundle. */
  childScript?: string;
  timings?: Partial<TunnelTimings>;
}

export interface TunnelService {
  handlers: TunnelHandlers;
  close(): Promise<void>;
}

const off = (): TunnelState => ({ phase: 'off', reason: 'not started', attempt: 0, at: new Date().toISOString() });

/** A sample inbound SMS, posted through the public URL to prove the whole path. */
function testInbound() {
  return {
    channel: 'sms',
    message_uuid: crypto.randomUUID(),
    message_type: 'text',
    to: '447700900000',
    from: '447700900001',
    text: 'Test webhook sent through the tunnel by Messages Workbench',
    timestamp: new Date().toISOString(),
  };
}

export function createTunnelService(options: TunnelServiceOptions): TunnelService {
  let tunnel: Tunnel | undefined;
  /** The server the running tunnel registered with, to reach it when its public URL does not resolve here. */
  let tunnelServer = '';
  let state = off();
  const agent = createProbeAgent();

  const publish = (next: TunnelState) => {
    state = next;
    options.events.emit('tunnel.stateChanged', next);
  };

  /** `given` overrides the server and subdomain of the settings for this tunnel only. */
  async function start(given: { server?: string; subdomain?: string } = {}): Promise<Result<TunnelState>> {
    if (tunnel && state.phase !== 'failed' && state.phase !== 'off') return ok(state);
    await tunnel?.stop();
    const port = options.localPort();
    if (port === undefined)
      return fail(
        'TUNNEL_UNREACHABLE',
        'The webhook receiver is not listening, so there is nothing to tunnel to.',
        'Fix the webhook receiver first (see its error in Settings).',
      );
    const settings = await options.settings.read();
    if (!settings.ok) return settings;
    const server = given.server ?? settings.value.tunnel.server;
    const subdomain = given.subdomain ?? settings.value.tunnel.subdomain;
    const started = startTunnel({
      settings: { server, localPort: port, ...(subdomain ? { subdomain } : {}) },
      onState: publish,
      ...(options.childScript ? { childScript: options.childScript } : {}),
      ...(options.timings ? { timings: options.timings } : {}),
    });
    if (!started.ok) return started;
    tunnel = started.value;
    tunnelServer = server;
    return ok(state);
  }

  return {
    handlers: {
      'tunnel.state': () => ok(state),
      'tunnel.start': start,
      async 'tunnel.stop'() {
        await tunnel?.stop();
        tunnel = undefined;
        return ok(state);
      },
      async 'tunnel.sendTestWebhook'() {
        if (state.phase !== 'online' || !state.url)
          return fail(
            'TUNNEL_UNREACHABLE',
            'The tunnel is not online.',
            'Start the tunnel and wait until it is online.',
          );
        const startedAt = performance.now();
        try {
          const answer = await requestThroughTunnel(
            { publicUrl: state.url, server: tunnelServer },
            defaultWebhookPaths.inbound,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(testInbound()),
              timeoutMs: 15_000,
            },
            agent,
          );
          return ok({ status: answer.status, durationMs: Math.round(performance.now() - startedAt) });
        } catch (error) {
          return fail(
            'TUNNEL_UNREACHABLE',
            `The test webhook did not come through: ${(error as Error).message}.`,
            'Wait for the tunnel to reconnect, or restart it.',
          );
        }
      },
    },
    async close() {
      await tunnel?.stop();
      await agent.close();
    },
  };
}

/** Starts the tunnel at app start when the settings ask for it; failures show in its state. */
export async function autoStartTunnel(service: TunnelService, settings: SettingsFile): Promise<void> {
  const read = await settings.read();
  if (read.ok && read.value.tunnel.autoStart) await service.handlers['tunnel.start']({}, { host: 'headless' });
}
