import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  planPostmanImport,
  requestFileFormat,
  type CollectionTree,
  type RequestFile,
} from '../../../src-shared/collections';
import type { ContractClient } from '../../../src-shared/contract-client';
import type { EventPayload } from '../../../src-shared/contract';
import { catalog } from '../../../src-shared/messages';
import type { Core } from '../../../src-main/core';
import { curlSnippet, nodeSdkSnippet } from '../../../src-renderer/features/builder/request-snippets';
import { filesUnder, makeCollectionDir } from '../../support/collections-fixtures';
import { startHeadlessCore } from '../../support/test-core';

function requestOf(name: string, api: 'v1' | 'v0.1', payload: unknown): RequestFile {
  return {
    format: requestFileFormat,
    version: 2,
    name,
    auth: 'auto',
    request: { kind: 'send', api, payload },
    assertions: [],
    captures: [],
  };
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('collection folders through the contract', () => {
  let core: Core;
  let client: ContractClient;
  let root: string;

  beforeEach(async () => {
    ({ core, client } = await startHeadlessCore({ keychainService: 'workbench-collections-files' }));
    root = await makeCollectionDir();
  });

  afterEach(async () => {
    await core.close();
  });

  it('round-trips every catalogue template through save, load and export', async () => {
    const entries = (['v1', 'v0.1'] as const).flatMap((api) =>
      catalog(api).flatMap((entry) => (['minimal', 'full'] as const).map((variant) => ({ api, entry, variant }))),
    );
    const expected = new Map<string, (typeof entries)[number]>();
    for (const [index, item] of entries.entries()) {
      const { api, entry, variant } = item;
      const file = requestOf(`${api} ${entry.channel} ${entry.messageType} ${variant}`, api, entry[variant]);
      const saved = value(
        await client.call('collections.saveRequest', {
          root,
          path: `${api}/${String(index).padStart(3, '0')} ${entry.channel} ${entry.messageType} ${variant}.json`,
          file,
        }),
      );
      expected.set(saved.path, item);
    }
    const tree: CollectionTree = value(await client.call('collections.list', { root }));
    const loaded = tree.entries.filter((item) => item.kind === 'request');
    expect(tree.problems).toEqual([]);
    expect(loaded).toHaveLength(entries.length);
    loaded.forEach((item) => {
      const { api, entry, variant } = expected.get(item.path)!;
      expect(item.file.request).toEqual({ kind: 'send', api, payload: entry[variant] });
      const snippetPayload = JSON.parse(
        curlSnippet({ api, payload: entry[variant], baseUrl: 'https://api.nexmo.com' })
          .split(" -d '")[1]!
          .slice(0, -1)
          .replace(/'\\''/g, "'"),
      );
      expect(snippetPayload).toEqual(entry[variant]);
      expect(nodeSdkSnippet({ api, payload: entry[variant], baseUrl: 'https://api.nexmo.com' })).toContain(
        'vonage.messages.send(',
      );
    });
    const exported = value(await client.call('collections.exportPostman', { root, path: '' }));
    const reimported = value(planPostmanImport(exported.text));
    expect(reimported.files.map((file) => file.file.request)).toEqual(loaded.map((item) => item.file.request));
    expect(exported.text).not.toMatch(/"password"\s*:\s*"[^{]/);
  });

  it('lists a corrupt and a foreign file with path and reason, and never writes over them', async () => {
    await fs.mkdir(path.join(root, 'group'));
    await fs.writeFile(path.join(root, 'group', 'broken.json'), '{"format":"messages-workbench/request","version":2,');
    await fs.writeFile(path.join(root, 'package.json'), '{"name":"not-ours"}');
    const before = await filesUnder(root);
    const tree = value(await client.call('collections.list', { root }));
    expect(tree.problems).toEqual([
      { path: 'group/broken.json', kind: 'corrupt', reason: expect.stringMatching(/not valid JSON/) },
      { path: 'package.json', kind: 'foreign', reason: expect.stringMatching(/not a workbench request/) },
    ]);
    const overwrite = await client.call('collections.saveRequest', {
      root,
      path: 'group/broken.json',
      file: requestOf('x', 'v1', {}),
    });
    expect(overwrite).toMatchObject({ ok: false, error: { code: 'COLLECTION_FILE_PROTECTED', path: '/path' } });
    expect(
      await client.call('collections.saveRequest', { root, path: 'package.json', file: requestOf('x', 'v1', {}) }),
    ).toMatchObject({ ok: false, error: { code: 'COLLECTION_FILE_PROTECTED' } });
    expect(await client.call('collections.remove', { root, path: 'group' })).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_FILE_PROTECTED' },
    });
    expect(await client.call('collections.move', { root, from: 'package.json', to: 'moved.json' })).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_FILE_PROTECTED' },
    });
    expect(await filesUnder(root)).toEqual(before);
  });

  it('renames, duplicates, moves and deletes with undo, refusing to replace anything', async () => {
    value(
      await client.call('collections.saveRequest', {
        root,
        path: 'a.json',
        file: requestOf('A', 'v1', { channel: 'sms' }),
      }),
    );
    value(await client.call('collections.createFolder', { root, path: 'Grupo ñ' }));
    value(await client.call('collections.duplicate', { root, from: 'a.json', to: 'b.json' }));
    expect(await client.call('collections.move', { root, from: 'a.json', to: 'b.json' })).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_PATH_TAKEN' },
    });
    value(await client.call('collections.move', { root, from: 'b.json', to: 'Grupo ñ/b.json' }));
    expect(await client.call('collections.move', { root, from: 'a.json', to: '../a.json' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    const removed = value(await client.call('collections.remove', { root, path: 'Grupo ñ' }));
    expect([...(await filesUnder(root)).keys()]).toEqual(['a.json']);
    value(await client.call('collections.restore', { root, ...removed }));
    expect([...(await filesUnder(root)).keys()].sort()).toEqual(['Grupo ñ/b.json', 'a.json']);
  });

  it('reports an external edit through collections.changed', async () => {
    value(await client.call('collections.open', { root }));
    const changed = new Promise<EventPayload<'collections.changed'>>((resolve) =>
      client.on('collections.changed', (payloads: EventPayload<'collections.changed'>[]) => resolve(payloads[0]!)),
    );
    await fs.writeFile(
      path.join(root, 'from git pull.json'),
      JSON.stringify(requestOf('pulled', 'v1', { channel: 'sms' })),
    );
    const event = await changed;
    expect(event.root).toBe(root);
    expect(event.paths).toContain('from git pull.json');
    const tree = value(await client.call('collections.list', { root }));
    expect(tree.entries.map((entry) => entry.path)).toEqual(['from git pull.json']);
    expect(value(await client.call('collections.close', { root }))).toEqual({ closed: true });
  });
});
