/**
 * Connections to a team's PostgreSQL. The URL may carry a password; it is
 * never printed: every message names the server through `describeDatabase`,
 * which keeps the user, host, port and database and drops the password.
 *
 * Each connection forces synchronous_commit on, whatever the server's default,
 * because the receiver answers 2xx once a commit returns and that answer must
 * mean the row is on the server's disk.
 */
import pg from 'pg';
import { fail, ok, type Result } from '../../src-shared/result';

export interface PostgresPoolOptions {
  /** postgres://user:password@host:port/database (postgresql:// too). */
  url: string;
  /** Used instead of one in the URL (the app keeps it in the keychain); else PGPASSWORD or ~/.pgpass as for psql. */
  password?: string;
  /** Most connections at once; default 8. */
  max?: number;
  /** Longest wait for a connection before a query fails; default 5 s. */
  connectTimeoutMs?: number;
  /** Longest a query may take before it fails; default 10 s. */
  queryTimeoutMs?: number;
  /** Told when an idle connection breaks (the server restarted); the pool replaces it. */
  onError?: (message: string, error: unknown) => void;
}

/** Checks the URL's shape before any connection is tried; the error names the option and hides the password. */
export function parseDatabaseUrl(url: string): Result<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(
      'TEAM_STORE_URL_INVALID',
      'The store URL is not a URL.',
      'Give it as postgres://USER:PASSWORD@HOST:PORT/DATABASE.',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return fail(
      'TEAM_STORE_URL_INVALID',
      `The store URL starts with ${parsed.protocol}//; only postgres:// is supported.`,
      'Give it as postgres://USER:PASSWORD@HOST:PORT/DATABASE.',
    );
  }
  return ok(parsed);
}

/**
 * The URL pg connects with: the password goes inside it, because pg lets what
 * it parses from a connection string win over a separate `password` option.
 */
export function connectionUrl(url: string, password: string | undefined): string {
  if (password === undefined) return url;
  const withPassword = new URL(url);
  withPassword.password = encodeURIComponent(password);
  return withPassword.toString();
}

/** The URL without its password, for messages and logs. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL server';
  }
}

export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: connectionUrl(options.url, options.password),
    max: options.max ?? 8,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    query_timeout: options.queryTimeoutMs ?? 10_000,
    application_name: 'messages-workbench',
    options: '-c synchronous_commit=on',
  });
  // Without a listener an idle connection that the server closes would crash the process.
  pool.on('error', (error) => options.onError?.('A PostgreSQL connection broke; it will be replaced.', error));
  return pool;
}

/** The driver's message, with the password scrubbed in case a URL or connection string ended up in it. */
export function databaseProblem(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const password = (() => {
    try {
      return decodeURIComponent(new URL(url).password);
    } catch {
      return '';
    }
  })();
  return password === '' ? message : message.replaceAll(password, '***');
}
