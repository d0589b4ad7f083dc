import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Pool } from 'undici';
import { eventDatabaseFileName, type WebhookStoreOptions } from '../../../src-main/webhooks/event-store';
import { statusBurst } from '../../support/status-burst';
import { makeTempDir, openStore } from '../../support/webhook-harness';

type Durability = NonNullable<WebhookStoreOptions['durability']>;

const childScript = path.resolve(__dirname, '../../support/webhook-crash-child.ts');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function startChild(dataDir: string, durability: Durability): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir, durability], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`child did not start within 15 s: ${stderr}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n') || !line) return;
      clearTimeout(timer);
      resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code} before listening: ${stderr}`)));
  });
}

describe('crash recovery', () => {
  // process-crash (the default) answers at the commit, power-loss after the WAL's fsync: a kill loses nothing in either.
  it.each<Durability>(['process-crash', 'power-loss'])(
    'keeps every acknowledged webhook when the receiving process is killed mid-burst (%s durability)',
    async (durability) => {
      const dataDir = makeTempDir('crash');
      cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
      const { child, url } = await startChild(dataDir, durability);
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );

      const pool = new Pool(url, { connections: 16 });
      cleanups.push(() => pool.destroy());
      const acknowledged: string[] = [];
      const total = 2000;
      // Requests in flight when the process died get no answer; only acknowledged ones must survive.
      await statusBurst(
        pool,
        (ref, status) => {
          if (status !== 200) return;
          acknowledged.push(ref);
          if (acknowledged.length === 300) child.kill('SIGKILL');
        },
        { total },
      ).done;
      expect(await exited).toBe('SIGKILL');
      expect(acknowledged.length).toBeGreaterThanOrEqual(300);
      expect(acknowledged.length).toBeLessThan(total);

      const databaseFile = path.join(dataDir, eventDatabaseFileName);
      expect(fs.existsSync(`${databaseFile}-wal`)).toBe(true);
      const store = openStore({ dataDir });
      cleanups.push(() => store.close());
      const storedRefs = new Set(store.list({ limit: 1000 }).events.map((event) => event.clientRef));
      for (let page = store.list({ limit: 1000 }); page.nextCursor;) {
        page = store.list({ limit: 1000, cursor: page.nextCursor });
        for (const event of page.events) storedRefs.add(event.clientRef);
      }
      const lost = acknowledged.filter((ref) => !storedRefs.has(ref));
      expect(lost).toEqual([]);
      expect(store.count()).toBeGreaterThanOrEqual(acknowledged.length);
      const lastAcknowledged = acknowledged.at(-1) ?? '';
      expect(store.list({ text: lastAcknowledged }).events.map((event) => event.clientRef)).toEqual([lastAcknowledged]);
    },
    60_000,
  );
});
