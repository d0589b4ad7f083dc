import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core';
import { createMemoryLogger } from '../../../src-main/logger';
import { makeTempDir } from '../../support/serve-process';
import { v1Status } from '../../support/webhook-fixtures';
import { builtWebhookThread, builtWebhookWriter } from '../../support/webhook-harness';

const cores: Core[] = [];
const previousUmask = process.umask();
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  process.umask(previousUmask);
});

const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

/** Every entry of the data folder with its permission bits, e.g. { 'history.db': '600' }. */
function modes(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, modeOf(path.join(dir, name))]));
}

async function startCoreAndRecordWebhook(dataDir: string): Promise<void> {
  const core = await createCore({
    dataDir,
    webhooks: { writerScript: builtWebhookWriter },
    emulator: { webhookThreadScript: builtWebhookThread },
    hostKind: 'headless',
    logger: createMemoryLogger(),
    keychainService: 'workbench-private-files',
  });
  cores.push(core);
  const receiver = await core.handlers['webhooks.receiver']({}, { host: 'headless' });
  if (!receiver.ok) throw new Error(receiver.error.message);
  const answer = await fetch(receiver.value.statusUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(v1Status()),
  });
  expect(answer.status).toBe(200);
  const saved = await core.handlers['settings.update']({ timeline: { columns: [] } }, { host: 'headless' });
  expect(saved.ok).toBe(true);
}

describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  it('makes the folder 0700 and every file the app writes 0600, SQLite -wal and -shm included, under a lax umask', async () => {
    process.umask(0o022);
    const dataDir = path.join(await makeTempDir(), 'fresh data');
    await startCoreAndRecordWebhook(dataDir);
    const seen = modes(dataDir);
    expect(Object.keys(seen)).toEqual(
      expect.arrayContaining([
        'webhook-events.db',
        'webhook-events.db-wal',
        'webhook-events.db-shm',
        'history.db',
        'history.db-wal',
        'history.db-shm',
        'settings.json',
      ]),
    );
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((name) => [name, '600'])));
    expect(modeOf(dataDir)).toBe('700');
  });

  it('tightens a 0755 folder and 0644 files an older build left, at start', async () => {
    process.umask(0o022);
    const dataDir = await makeTempDir();
    fs.chmodSync(dataDir, 0o755);
    for (const name of [
      'webhook-events.db',
      'webhook-events.db-wal',
      'history.db',
      'profiles.json',
      'drafts.json',
      'collection-runs.ndjson',
    ]) {
      fs.writeFileSync(path.join(dataDir, name), '', { mode: 0o644 });
    }
    await startCoreAndRecordWebhook(dataDir);
    const seen = modes(dataDir);
    expect(seen).toMatchObject({
      'profiles.json': '600',
      'drafts.json': '600',
      'collection-runs.ndjson': '600',
      'history.db': '600',
      'webhook-events.db': '600',
    });
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((name) => [name, '600'])));
    expect(modeOf(dataDir)).toBe('700');
  });
});
