import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../src-shared/collections';
import { createRunHistory } from '../../../src-main/collections/run-history';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function dataDir(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'run-history-'));
  folders.push(folder);
  return folder;
}

function report(index: number): RunReport {
  return {
    id: `run-${index}`,
    root: '/collections',
    path: '',
    environment: null,
    target: 'emulator',
    startedAt: new Date(1_700_000_000_000 + index).toISOString(),
    durationMs: 5,
    passed: true,
    requests: [],
    unreadable: [],
  };
}

describe('run history', () => {
  it('keeps the newest runs only, rewriting the file once it holds a tenth more', async () => {
    const folder = dataDir();
    const history = createRunHistory({ dataDir: folder, keepRuns: 10 });
    const file = path.join(folder, 'collection-runs.ndjson');
    const lines = () => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
    for (let index = 1; index <= 11; index++) await history.record(report(index));
    expect(lines()).toBe(11);
    await history.record(report(12));
    expect(lines()).toBe(10);
    const listed = await history.list(100);
    expect(listed.map((summary) => summary.id)).toEqual(
      Array.from({ length: 10 }, (_, offset) => `run-${12 - offset}`),
    );
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('skips a line torn by a crash and keeps the runs around it', async () => {
    const folder = dataDir();
    const history = createRunHistory({ dataDir: folder });
    await history.record(report(1));
    fs.appendFileSync(path.join(folder, 'collection-runs.ndjson'), '{"id":"run-torn","ro');
    fs.appendFileSync(path.join(folder, 'collection-runs.ndjson'), '\n');
    await history.record(report(2));
    expect((await history.list(10)).map((summary) => summary.id)).toEqual(['run-2', 'run-1']);
  });
});
