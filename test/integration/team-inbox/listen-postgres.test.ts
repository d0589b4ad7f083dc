import { Pool } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCli, stopAll, type CliProcess } from '../../support/cli-process';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster';
import { makeTempDir } from '../../support/serve-process';
import { statusBurst, type BurstAnswer } from '../../support/status-burst';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
});
afterAll(() => cluster?.dispose());
const running: CliProcess[] = [];
const pools: Pool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.destroy();
  await stopAll(running);
});

/** `listen --store` with the password in PGPASSWORD, as the README advises, not on the command line. */
async function listenOnPostgres(databaseUrl: string): Promise<{ cli: CliProcess; url: string; password: string }> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const cli = startCli(
    ['--data-dir', await makeTempDir('listen pg '), 'listen', '--port', '0', '--store', url.toString()],
    { PGPASSWORD: password, VONAGE_SIGNATURE_SECRET: '' },
  );
  running.push(cli);
  const [, listening] = await cli.stderrLine(/listening on (\S+)/);
  return { cli, url: listening!, password };
}

async function storedClientRefs(databaseUrl: string): Promise<Set<string>> {
  const result = await cluster.query('SELECT client_ref FROM workbench.events', databaseUrl.split('/').pop());
  return new Set(result.rows.map((row: { client_ref: string }) => row.client_ref));
}

/** Status webhooks from 16 connections until `stop()` says so; the pool is closed after the test. */
function burst(url: string, onAnswer: (ref: string, status: BurstAnswer) => void) {
  const pool = new Pool(url, { connections: 16 });
  pools.push(pool);
  return statusBurst(pool, onAnswer);
}

/** Resolves when `predicate` holds after an answer; rejects after `timeoutMs`. */
function answersUntil(timeoutMs: number) {
  const waiters = new Set<() => void>();
  return {
    notify: () => waiters.forEach((check) => check()),
    until: (predicate: () => boolean, what: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`not within ${timeoutMs} ms: ${what}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

describe('workbench listen --store postgres://', () => {
  it('keeps every acknowledged webhook when the receiver is killed mid-burst', async () => {
    const databaseUrl = await cluster.createDatabase();
    const { cli, url, password } = await listenOnPostgres(databaseUrl);
    await cli.stderrLine(/events stored in postgres:\/\/wb@127\.0\.0\.1:\d+\/test_\d+/);
    const acknowledged: string[] = [];
    const signal = answersUntil(30_000);
    const load = burst(url, (ref, status) => {
      if (status === 200) acknowledged.push(ref);
      signal.notify();
    });
    await signal.until(() => acknowledged.length >= 300, '300 acknowledged webhooks');
    cli.child.kill('SIGKILL');
    expect((await cli.exited).signal).toBe('SIGKILL');
    await load.stop();

    const stored = await storedClientRefs(databaseUrl);
    expect(acknowledged.filter((ref) => !stored.has(ref))).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
    expect(cli.stdout.length).toBeGreaterThan(0);
    expect(JSON.parse(cli.stdout[0]!)).toMatchObject({ change: 'received', kind: 'status' });
    expect([...cli.stdout, ...cli.stderr].join('\n')).not.toContain(password);
  }, 60_000);

  it('answers 503 while PostgreSQL is down, so Vonage retries, and 200 again once it is back', async () => {
    const databaseUrl = await cluster.createDatabase();
    const { cli, url, password } = await listenOnPostgres(databaseUrl);
    const answers: Array<{ ref: string; status: number | 'no answer'; phase: string }> = [];
    let phase = 'before';
    const signal = answersUntil(30_000);
    const load = burst(url, (ref, status) => {
      answers.push({ ref, status, phase });
      signal.notify();
    });
    const count = (wanted: string, status: number) =>
      answers.filter((answer) => answer.phase === wanted && answer.status === status).length;

    await signal.until(() => count('before', 200) >= 50, '50 webhooks stored before the restart');
    phase = 'down';
    await cluster.stop();
    await signal.until(() => count('down', 503) >= 20, '20 webhooks answered 503 while the server is down');
    phase = 'after';
    await cluster.start();
    await signal.until(() => count('after', 200) >= 50, '50 webhooks stored after the restart');
    await load.stop();

    expect(answers.filter((answer) => answer.status === 'no answer')).toEqual([]);
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200, 503]));
    const stored = await storedClientRefs(databaseUrl);
    const acknowledged = answers.filter((answer) => answer.status === 200).map((answer) => answer.ref);
    expect(acknowledged.filter((ref) => !stored.has(ref))).toEqual([]);
    expect(cli.stderr.join('\n')).toMatch(/could not be stored; answered 503/);
    expect(cli.stderr.join('\n')).not.toContain(password);
  }, 60_000);

  it('refuses a --store that is not a postgres:// URL, naming the option', async () => {
    const cli = startCli(['--data-dir', await makeTempDir('listen pg '), 'listen', '--store', 'mysql://a:b@c/d']);
    running.push(cli);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr.join('\n')).toMatch(/--store.*only postgres:\/\/ is supported/);
  });
});
