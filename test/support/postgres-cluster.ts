/**
 * A throwaway PostgreSQL cluster for one test file: initdb in a folder under
 * the run's temp root, a server on a free 127.0.0.1 port, a superuser with a
 * random password (password auth over TCP, so role tests mean something), and
 * `dispose` stops it and deletes the folder.
 *
 * PostgreSQL refuses to run as root, so when the tests run as root every
 * server binary runs as the `postgres` system user (Debian's package creates
 * it) and the folder is handed to that user. `pg_ctl start -w` returns only
 * once the server accepts connections; nothing here sleeps.
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  port: number;
  /** A connection URL for the superuser to `database` (default `postgres`). */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>;
  /** Runs one statement as the superuser in `database`. */
  query(sql: string, database?: string): Promise<pg.QueryResult>;
  /** Stops the server (fast shutdown: sessions are ended, nothing committed is lost). */
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same data. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

const superuser = 'wb';

/** The newest PostgreSQL whose server binaries are installed, or WORKBENCH_POSTGRES_BIN. */
export function postgresBinDir(): string | undefined {
  const chosen = process.env.WORKBENCH_POSTGRES_BIN;
  if (chosen) return chosen;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

/** The uid/gid to run the server as: ours, unless we are root. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(
  binary: string,
  args: string[],
  user: { uid: number; gid: number } | undefined,
  cwd: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], ...user });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(binary)} exited ${code}: ${stderr.trim()}`)),
    );
  });
}

/** Lets the server user walk down to `dir` through the folders this run made 0700 (the temp root). */
function openPathFor(dir: string): void {
  const tempRoot = os.tmpdir();
  for (let folder = path.dirname(dir); folder.startsWith(tempRoot); folder = path.dirname(folder)) {
    const mode = fs.statSync(folder).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(folder, (mode & 0o7777) | 0o001);
    if (folder === tempRoot) break;
  }
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error('PostgreSQL server binaries not found: install the postgresql package (npm test does it as root).');
  }
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-'));
  const dataDir = path.join(dir, 'data');
  const password = crypto.randomBytes(18).toString('base64url');
  const passwordFile = path.join(dir, 'password');
  fs.writeFileSync(passwordFile, password, { mode: 0o600 });
  if (user) {
    openPathFor(dir);
    fs.chownSync(dir, user.uid, user.gid);
    fs.chownSync(passwordFile, user.uid, user.gid);
  }
  await run(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '-U', superuser, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--no-sync', '-E', 'UTF8'],
    user,
    dir,
  );
  fs.rmSync(passwordFile);
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const logFile = path.join(dir, 'server.log');
  const pgCtl = (args: string[]) => run(path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args], user, dir);
  const start = () => pgCtl(['-w', '-t', '60', '-l', logFile, '-o', serverOptions, 'start']);
  let running = false;
  await start();
  running = true;

  const url = (database = 'postgres') =>
    `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let databases = 0;

  async function query(sql: string, database?: string): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }

  return {
    port,
    url,
    query,
    async createDatabase() {
      databases += 1;
      const name = `test_${databases}`;
      await query(`CREATE DATABASE ${name}`);
      return url(name);
    },
    async stop() {
      await pgCtl(['-w', '-m', 'fast', 'stop']);
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async dispose() {
      if (running) await pgCtl(['-w', '-m', 'immediate', 'stop']).catch(() => undefined);
      running = false;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
