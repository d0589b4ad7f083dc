/**
 * A public URL for a local port, kept alive. The localtunnel client runs in a
 * child process (tunnel-child.ts) that this module ends hard whenever the tunnel
 * is lost: on the client's first error, on its exit, when the open takes too
 * long, when the server keeps dropping its sockets (the client would reconnect in
 * a tight loop), or when the liveness probe fails. Then it registers again with
 * capped exponential backoff. Every state change is reported with its reason.
 *
 * A re-registration asks for the subdomain the tunnel had (servers keep a
 * dropped one reserved for a moment and hand out a random one meanwhile), and
 * keeps asking for a bounded while before it accepts another: the URLs pasted
 * into a dashboard stay right. A URL that changes anyway is a warning in the state.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fail, ok, type Result } from '../../src-shared/result';
import type { TunnelLossCause, TunnelState } from '../../src-shared/tunnel-state';
import { describeInputIssues } from '../contract-dispatcher';
import { tunnelOptionsVariable, type TunnelChildMessage, type TunnelChildOptions } from './tunnel-messages';
import { tunnelSettingsSchema, type TunnelSettings } from './tunnel-options';
import { createProbeAgent, probeTunnel } from './tunnel-probe';

export type { TunnelLossCause, TunnelPhase, TunnelState } from '../../src-shared/tunnel-state';

export interface TunnelTimings {
  /** Longest wait for the server to hand out a tunnel. */
  openTimeoutMs: number;
  /** Time between liveness probes while online. */
  probeIntervalMs: number;
  probeTimeoutMs: number;
  /** First retry delay; doubles each time up to maxBackoffMs. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Consecutive failed registrations before giving up (phase `failed`). */
  maxAttempts: number;
  /** More socket closes than this within churnWindowMs means the server is dropping sockets. */
  churnLimit: number;
  churnWindowMs: number;
  /** How long to keep asking for the subdomain wanted before accepting the one the server gives. */
  subdomainRetryMs: number;
}

export const defaultTunnelTimings: TunnelTimings = {
  openTimeoutMs: 20_000,
  probeIntervalMs: 30_000,
  probeTimeoutMs: 10_000,
  initialBackoffMs: 500,
  maxBackoffMs: 30_000,
  maxAttempts: 20,
  churnLimit: 40,
  churnWindowMs: 10_000,
  subdomainRetryMs: 10_000,
};

export interface TunnelOptions {
  settings: { server?: string; subdomain?: string; localPort: number };
  onState(state: TunnelState): void;
  timings?: Partial<TunnelTimings>;
  /** The built child script; defaults to tunnel-child.js beside this bundle. */
  childScript?: string;
}

export interface Tunnel {
  state(): TunnelState;
  stop(): Promise<void>;
  /** Probes now; a failed probe counts as a lost tunnel. */
  probe(): Promise<boolean>;
  /** The client process, while one runs (for diagnostics and tests). */
  childPid(): number | undefined;
}

export function startTunnel(options: TunnelOptions): Result<Tunnel> {
  const parsed = tunnelSettingsSchema.safeParse(options.settings);
  if (!parsed.success) {
    const { message, path: field } = describeInputIssues(parsed.error);
    return fail('TUNNEL_SETTINGS_INVALID', message, 'Fix the tunnel settings; nothing was started.', field);
  }
  return ok(runTunnel(parsed.data, options, { ...defaultTunnelTimings, ...options.timings }));
}

function runTunnel(settings: TunnelSettings, options: TunnelOptions, timings: TunnelTimings): Tunnel {
  const childScript = options.childScript ?? path.join(__dirname, 'tunnel-child.js');
  const agent = createProbeAgent();
  let current: TunnelState = { phase: 'off', reason: 'not started', attempt: 0, at: new Date().toISOString() };
  let child: ChildProcess | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let openTimer: NodeJS.Timeout | undefined;
  let probeTimer: NodeJS.Timeout | undefined;
  let socketCloses: number[] = [];
  let stopped = false;
  /** Reset only by a probe that came back: a server that opens and then drops every socket must not reset it. */
  let failures = 0;
  /** The subdomain to ask for: the configured one, then the one the tunnel last had. */
  let wantedSubdomain = settings.subdomain;
  /** The URL this run first had online: the one the user has pasted elsewhere. */
  let firstUrl: string | undefined;
  /** While the server gives another subdomain than the one wanted: when that began, and how often it was asked again. */
  let subdomainHeld: { since: number; retries: number } | undefined;

  const setState = (next: Omit<TunnelState, 'at' | 'attempt'>) => {
    current = { ...next, attempt: failures, at: new Date().toISOString() };
    options.onState(current);
  };

  /** Kills the client outright; resolves once it has exited. */
  function endChild(): Promise<void> {
    clearTimeout(openTimer);
    clearInterval(probeTimer);
    const ending = child;
    child = undefined;
    if (!ending || ending.exitCode !== null || ending.signalCode !== null) return Promise.resolve();
    ending.removeAllListeners();
    const exited = new Promise<void>((resolve) => ending.once('exit', () => resolve()));
    ending.kill('SIGKILL');
    return exited;
  }

  const backoff = (count: number) => Math.min(timings.initialBackoffMs * 2 ** (count - 1), timings.maxBackoffMs);

  function lost(cause: TunnelLossCause, reason: string) {
    if (stopped) return;
    void endChild();
    failures++;
    if (failures > timings.maxAttempts) {
      setState({ phase: 'failed', cause, reason: `${reason}; gave up after ${timings.maxAttempts} attempts` });
      return;
    }
    const delay = backoff(failures);
    setState({ phase: 'reconnecting', cause, reason: `${reason}; next attempt in ${delay} ms` });
    retryTimer = setTimeout(connect, delay);
  }

  /** The server gave `id` although `wanted` was asked for: ask again later, unless that has gone on long enough. */
  function askAgainFor(wanted: string, id: string): boolean {
    const now = Date.now();
    subdomainHeld ??= { since: now, retries: 0 };
    if (now - subdomainHeld.since >= timings.subdomainRetryMs) return false;
    void endChild();
    subdomainHeld.retries++;
    // The last attempt falls at the end of the window, not a long backoff past it.
    const delay = Math.min(backoff(subdomainHeld.retries), subdomainHeld.since + timings.subdomainRetryMs - now);
    setState({
      phase: 'reconnecting',
      cause: 'subdomain-held',
      reason: `the server gave "${id}" instead of "${wanted}", which is held or refused; asking for "${wanted}" again in ${delay} ms (attempt ${subdomainHeld.retries})`,
    });
    retryTimer = setTimeout(connect, delay);
    return true;
  }

  function online(url: string, id: string) {
    clearTimeout(openTimer);
    socketCloses = [];
    if (wantedSubdomain && id !== wantedSubdomain && askAgainFor(wantedSubdomain, id)) return;
    const heldFor = subdomainHeld && Math.round((Date.now() - subdomainHeld.since) / 1_000);
    subdomainHeld = undefined;
    const askedFor = wantedSubdomain;
    wantedSubdomain = id;
    firstUrl ??= url;
    const warning =
      url !== firstUrl
        ? `The public URL changed from ${firstUrl} to ${url}${heldFor === undefined ? '' : ` ("${askedFor}" was still held after ${heldFor} s)`}: update the webhook URLs in the Vonage dashboard`
        : settings.subdomain && id !== settings.subdomain
          ? `subdomain "${settings.subdomain}" was refused or taken; the server gave "${id}", so update the webhook URLs in the dashboard`
          : undefined;
    setState({
      phase: 'online',
      reason: `tunnel open at ${url}`,
      url,
      ...(warning ? { warning } : {}),
      ...(url !== firstUrl ? { originalUrl: firstUrl } : {}),
    });
    probeTimer = setInterval(() => void probe(), timings.probeIntervalMs);
    // Prove the path end to end at once, rather than trusting that a socket opened.
    void probe();
  }

  function onMessage(message: TunnelChildMessage) {
    switch (message.type) {
      case 'open':
        online(message.url, message.id);
        break;
      case 'error':
        lost('client-error', `tunnel client error: ${message.message}`);
        break;
      case 'socket-closed': {
        const now = Date.now();
        socketCloses = [...socketCloses.filter((time) => now - time < timings.churnWindowMs), now];
        if (socketCloses.length > timings.churnLimit)
          lost(
            'socket-churn',
            `the tunnel server closed ${socketCloses.length} sockets within ${timings.churnWindowMs} ms`,
          );
        break;
      }
      case 'request':
        break;
      default: {
        const unreachable: never = message;
        throw new Error(`unknown tunnel child message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  function connect() {
    if (stopped) return;
    setState({
      phase: current.phase === 'off' ? 'connecting' : 'reconnecting',
      ...(current.cause ? { cause: current.cause } : {}),
      reason: `registering with ${settings.server}${wantedSubdomain ? ` for "${wantedSubdomain}"` : ''}`,
    });
    const childOptions: TunnelChildOptions = {
      port: settings.localPort,
      host: settings.server,
      ...(wantedSubdomain ? { subdomain: wantedSubdomain } : {}),
    };
    let stderr = '';
    child = fork(childScript, [], {
      env: { ...process.env, [tunnelOptionsVariable]: JSON.stringify(childOptions) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: [],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
    child.on('message', (message) => onMessage(message as TunnelChildMessage));
    child.once('exit', (code, signal) =>
      lost(
        'client-exited',
        `tunnel client exited (${signal ?? code})${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`,
      ),
    );
    child.once('error', (error) => lost('client-exited', `tunnel client could not start: ${error.message}`));
    openTimer = setTimeout(
      () => lost('open-timeout', `no tunnel from ${settings.server} within ${timings.openTimeoutMs} ms`),
      timings.openTimeoutMs,
    );
  }

  async function probe(): Promise<boolean> {
    const url = current.url;
    if (current.phase !== 'online' || !url) return false;
    const result = await probeTunnel({ publicUrl: url, server: settings.server }, agent, timings.probeTimeoutMs);
    if (result.alive) failures = 0;
    else if (current.phase === 'online' && current.url === url) lost('probe-failed', `liveness ${result.reason}`);
    return result.alive;
  }

  connect();

  return {
    state: () => current,
    probe,
    childPid: () => child?.pid,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      await endChild();
      await agent.close();
      failures = 0;
      setState({ phase: 'off', reason: 'stopped' });
    },
  };
}
