/**
 * The two webhook event stores, opened the same way, so one suite runs
 * against both: SQLite in a temp folder, PostgreSQL in a fresh database of a
 * throwaway cluster. `setUp` / `tearDown` go in beforeAll / afterAll.
 */
import fs from 'node:fs';
import { createPostgresEventStore } from '../../src-main/team-inbox/postgres-event-store';
import type { EventStore, RetentionPolicy } from '../../src-main/webhooks/event-store-interface';
import { makeTempDir, openStore } from './webhook-harness';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';

export interface StoreOpenOptions {
  now?: () => number;
  retention?: RetentionPolicy;
}

export interface StoreImplementation {
  name: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A new empty place for a store: a folder, or a database URL. */
  freshLocation(label: string): Promise<string>;
  open(location: string, options?: StoreOpenOptions): Promise<EventStore>;
}

export function sqliteImplementation(): StoreImplementation {
  const folders: string[] = [];
  return {
    name: 'SQLite',
    async setUp() {},
    async tearDown() {
      for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
    },
    async freshLocation(label) {
      const folder = makeTempDir(label);
      folders.push(folder);
      return folder;
    },
    async open(location, options = {}) {
      return openStore({ dataDir: location, ...options });
    },
  };
}

export function postgresImplementation(): StoreImplementation & { cluster(): PostgresCluster } {
  let cluster: PostgresCluster | undefined;
  const started = (): PostgresCluster => {
    if (!cluster) throw new Error('call setUp first');
    return cluster;
  };
  return {
    name: 'PostgreSQL',
    cluster: started,
    async setUp() {
      cluster = await startPostgresCluster();
    },
    async tearDown() {
      await cluster?.dispose();
      cluster = undefined;
    },
    freshLocation: () => started().createDatabase(),
    async open(location, options = {}) {
      const opened = await createPostgresEventStore({ url: location, ...options });
      if (!opened.ok) throw new Error(`store did not open: ${opened.error.message}`);
      return opened.value;
    },
  };
}

export const storeImplementations = [sqliteImplementation, postgresImplementation];
