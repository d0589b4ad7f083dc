import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
});
afterAll(() => cluster?.dispose());

describe('throwaway PostgreSQL cluster', () => {
  it('serves a fresh database, wants the password, and keeps its data across a restart', async () => {
    const url = await cluster.createDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE kept (value text)');
    await client.query(`INSERT INTO kept VALUES ('still here')`);
    await client.end();

    const wrong = new pg.Client({ connectionString: url.replace(/:[^:@/]+@/, ':wrong@') });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);

    await cluster.stop();
    await expect(cluster.query('SELECT 1')).rejects.toThrow();
    await cluster.start();
    const rows = await cluster.query('SELECT value FROM kept', url.slice(url.lastIndexOf('/') + 1));
    expect(rows.rows).toEqual([{ value: 'still here' }]);
  });
});
