/**
 * The app's side of the team inbox: Settings → "Team inbox" names a shared
 * PostgreSQL; this service watches it (postgres-live-events.ts) and pushes its
 * events, and the forward answers the receiver adds to them, into the
 * timeline's own feed (`webhooks.received`), each marked `source: 'team'`. It
 * also lends the timeline a reader of the shared events (`teamEvents`), so
 * pages, threads and replay reach them as they reach local ones.
 *
 * What guards it: the URL is kept in `team-inbox.json` (0600) without its
 * password; the password goes to the OS keychain or nowhere (no clear-text
 * fallback) and is never sent back to the renderer. A URL is saved only after
 * a connection with it could read the shared events, so a wrong password or a
 * role without SELECT is reported at once, next to the field.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Handlers } from '../../src-shared/contract';
import { fail, ok, type Result } from '../../src-shared/result';
import { teamInboxUrlSchema, type TeamInboxState } from '../../src-shared/team-inbox';
import type { SendExchange } from '../../src-shared/send-exchange';
import type { WebhookEvent } from '../../src-shared/webhook-events';
import type { StoredEvents } from '../webhooks/event-store-interface';
import type { Keychain } from '../credentials/keychain';
import type { EventHub } from '../event-hub';
import { writeFileAtomically } from '../files/atomic-write';
import type { Logger } from '../logger';
import { connectionUrl, createPostgresPool, databaseProblem } from './postgres-connection';
import {
  getPostgresEvent,
  getPostgresRawBody,
  listPostgresEvents,
  postgresEventsForMessage,
  postgresInboundFrom,
} from './postgres-event-queries';
import { followTeamInbox, type TeamFeed } from './postgres-live-events';
import { recordTeamSend } from './team-routing';

type TeamInboxHandlers = Pick<Handlers, 'teamInbox.state' | 'teamInbox.configure'>;

export interface TeamInboxServiceOptions {
  dataDir: string;
  keychain: Keychain;
  events: EventHub;
  logger: Logger;
}

export interface TeamInboxService {
  handlers: TeamInboxHandlers;
  /** The shared events, for the timeline's pages, threads and replay; undefined while no team inbox is set. */
  teamEvents(): StoredEvents | undefined;
  /** Files an accepted send under this teammate's role, so the shared receiver routes its webhooks here. */
  recordSend(exchange: SendExchange): Promise<void>;
  close(): Promise<void>;
}

const configFileName = 'team-inbox.json';
const passwordAccount = 'team-inbox-password';

const markShared = (event: WebhookEvent): WebhookEvent => ({ ...event, source: 'team' });

/** `url` with the password in it, so the message can be scrubbed of it. */
function unreachable(error: unknown, url: string): Result<never> {
  return fail(
    'TEAM_STORE_UNREACHABLE',
    `The team inbox could not be read: ${databaseProblem(error, url)}`,
    'Check the URL, the password, and that your PostgreSQL role may read the schema workbench (README, Team inbox).',
  );
}

export async function startTeamInboxService(options: TeamInboxServiceOptions): Promise<TeamInboxService> {
  const configPath = path.join(options.dataDir, configFileName);
  let state: TeamInboxState = { url: null, passwordStored: false, phase: 'off', reason: null };
  let pool: pg.Pool | undefined;
  let feed: TeamFeed | undefined;
  let reader: StoredEvents | undefined;

  function setState(next: Partial<TeamInboxState>): void {
    state = { ...state, ...next };
    options.events.emit('teamInbox.stateChanged', state);
  }

  async function stopWatching(): Promise<void> {
    const [stoppingFeed, endingPool] = [feed, pool];
    feed = undefined;
    pool = undefined;
    reader = undefined;
    await stoppingFeed?.stop();
    await endingPool?.end().catch(() => undefined);
  }

  function watch(url: string, password: string | undefined): void {
    const credentials = password === undefined ? {} : { password };
    const reading = createPostgresPool({
      url,
      ...credentials,
      max: 4,
      onError: (message) => options.logger.error(`team inbox: ${message}`),
    });
    pool = reading;
    reader = sharedEventReader(reading, connectionUrl(url, password));
    const push = (change: 'received' | 'forwarded', events: WebhookEvent[]) =>
      options.events.emit('webhooks.received', {
        items: events.map((event) => ({ change, event: markShared(event) })),
        missed: 0,
      });
    feed = followTeamInbox({
      url,
      ...credentials,
      onEvents: (events) => push('received', events),
      onForwarded: (events) => push('forwarded', events),
      onState(feedState) {
        if (feedState.phase === 'stopped') return;
        setState({ phase: feedState.phase, reason: feedState.phase === 'reconnecting' ? feedState.reason : null });
      },
    });
  }

  /** One connection that proves the URL, password and role can read the shared events. */
  async function check(url: string, password: string | undefined): Promise<Result<void>> {
    const client = new pg.Client({
      connectionString: connectionUrl(url, password),
      connectionTimeoutMillis: 5000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1 FROM workbench.events LIMIT 0');
      return ok(undefined);
    } catch (error) {
      return unreachable(error, connectionUrl(url, password));
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async function readPassword(): Promise<Result<string | null>> {
    return options.keychain.read(passwordAccount);
  }

  async function startFromConfig(): Promise<void> {
    let url: string | undefined;
    try {
      const saved = JSON.parse(await readFile(configPath, 'utf8')) as { url?: unknown };
      const parsed = teamInboxUrlSchema.safeParse(saved.url);
      if (parsed.success) url = parsed.data;
      else options.logger.error(`team inbox: ${configPath} holds no usable URL; set it again in Settings`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        options.logger.error(`team inbox: ${configPath} cannot be read: ${(error as Error).message}`);
    }
    if (url === undefined) return;
    const password = await readPassword();
    if (!password.ok) {
      state = { url, passwordStored: false, phase: 'off', reason: `${password.error.message} ${password.error.hint}` };
      return;
    }
    state = { url, passwordStored: password.value !== null, phase: 'connecting', reason: null };
    watch(url, password.value ?? undefined);
  }

  await startFromConfig();

  const handlers: TeamInboxHandlers = {
    'teamInbox.state': () => ok(state),
    async 'teamInbox.configure'({ url, password }) {
      if (url === null) {
        await stopWatching();
        await rm(configPath, { force: true });
        const removed = await options.keychain.remove(passwordAccount);
        setState({ url: null, passwordStored: false, phase: 'off', reason: null });
        return removed.ok ? ok(state) : removed;
      }
      let secret = password;
      if (secret === undefined) {
        const stored = await readPassword();
        if (!stored.ok) return stored;
        secret = stored.value ?? undefined;
      }
      const checked = await check(url, secret);
      if (!checked.ok) return { ok: false, error: { ...checked.error, path: '/url' } };
      if (password !== undefined) {
        const written = await options.keychain.write(passwordAccount, password);
        if (!written.ok) return written;
      }
      await writeFileAtomically(configPath, `${JSON.stringify({ url }, null, 2)}\n`);
      await stopWatching();
      setState({ url, passwordStored: secret !== undefined, phase: 'connecting', reason: null });
      watch(url, secret);
      return ok(state);
    },
  };

  return {
    handlers,
    teamEvents: () => reader,
    async recordSend(exchange) {
      if (!pool) return;
      try {
        await recordTeamSend(pool, exchange, Date.parse(exchange.timings.startedAt));
      } catch (error) {
        // A role without INSERT on workbench.sends still watches; its webhooks are just not routed to it.
        options.logger.error(`team inbox: the send could not be recorded for routing: ${databaseProblem(error, '')}`);
      }
    },
    close: stopWatching,
  };
}

/**
 * The timeline's reads of the shared events, each marked as the team's. A
 * failure says what went wrong with the password scrubbed (the caller turns
 * it into TEAM_STORE_UNREACHABLE).
 */
function sharedEventReader(pool: pg.Pool, urlWithPassword: string): StoredEvents {
  const scrubbed = async <T>(reading: Promise<T>): Promise<T> => {
    try {
      return await reading;
    } catch (error) {
      throw new Error(databaseProblem(error, urlWithPassword));
    }
  };
  return {
    list: async (query) => {
      const page = await scrubbed(listPostgresEvents(pool, query ?? {}));
      return { ...page, events: page.events.map(markShared) };
    },
    get: async (id) => {
      const event = await scrubbed(getPostgresEvent(pool, id));
      return event && markShared(event);
    },
    getRawBody: (id) => scrubbed(getPostgresRawBody(pool, id)),
    eventsForMessage: async (messageUuid) =>
      (await scrubbed(postgresEventsForMessage(pool, messageUuid))).map(markShared),
    inboundFrom: async (channel, from, sinceMs) =>
      (await scrubbed(postgresInboundFrom(pool, channel, from, sinceMs))).map(markShared),
  };
}
