/**
 * `workbench listen --keep-days N --keep-events N`: the same retention for the
 * SQLite file in the data folder and for a team's PostgreSQL (`--store`),
 * applied when the receiver starts (and then every minute).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCli, stopAll, type CliProcess } from '../../support/cli-process';
import { storeImplementations } from '../../support/event-store-implementations';
import { makeTempDir } from '../../support/serve-process';
import { storedRecord, v1Status } from '../../support/webhook-fixtures';

const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;
const running: CliProcess[] = [];
afterEach(() => stopAll(running));

describe.each(storeImplementations.map((make) => make()))('listen retention in $name', (implementation) => {
  beforeAll(() => implementation.setUp());
  afterAll(() => implementation.tearDown());

  /** `listen` on `location` (a data folder, or a database URL whose password goes in PGPASSWORD), stopped once it listens. */
  async function listenOnce(location: string, retention: string[]): Promise<void> {
    const database = location.startsWith('postgres') ? new URL(location) : undefined;
    const password = database ? decodeURIComponent(database.password) : '';
    if (database) database.password = '';
    const where = database
      ? { dataDir: await makeTempDir('retention '), store: ['--store', database.toString()] }
      : { dataDir: location, store: [] };
    const cli = startCli(['--data-dir', where.dataDir, 'listen', '--port', '0', ...where.store, ...retention], {
      PGPASSWORD: password,
      VONAGE_SIGNATURE_SECRET: '',
    });
    running.push(cli);
    await cli.stderrLine(/listening on/);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
  }

  async function storedRefs(location: string): Promise<string[]> {
    const store = await implementation.open(location);
    try {
      return (await store.list()).events.map((event) => event.clientRef ?? '');
    } finally {
      await store.close();
    }
  }

  it('deletes events older than --keep-days, then all but the newest --keep-events', async () => {
    const location = await implementation.freshLocation('listen retention');
    const store = await implementation.open(location);
    // Six events, received from a little under six days ago to a little under one day ago.
    for (let age = 6; age >= 1; age--)
      await store.append(storedRecord(v1Status({ client_ref: `age-${age}` }), Date.now() - age * dayMs + hourMs));
    await store.close();

    await listenOnce(location, []);
    expect(await storedRefs(location)).toHaveLength(6);
    await listenOnce(location, ['--keep-days', '3']);
    expect(await storedRefs(location)).toEqual(['age-1', 'age-2', 'age-3']);
    await listenOnce(location, ['--keep-events', '2']);
    expect(await storedRefs(location)).toEqual(['age-1', 'age-2']);
  });
});
