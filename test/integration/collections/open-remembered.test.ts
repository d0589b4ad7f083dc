import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ContractClient } from '../../../src-shared/contract-client';
import type { Core } from '../../../src-main/core';
import { makeCollectionDir } from '../../support/collections-fixtures';
import { startHeadlessCore } from '../../support/test-core';
import { makeTempDir } from '../../support/serve-process';

let dataDir: string;
let core: Core;
let client: ContractClient;

const start = async () => {
  ({ core, client } = await startHeadlessCore({ keychainService: 'workbench-open-remembered', dataDir }));
};

beforeEach(async () => {
  dataDir = await makeTempDir();
  await start();
});

afterEach(async () => {
  await core.close();
});

it('remembers the folder opened last and the environment picked, across a restart of the core', async () => {
  const root = await makeCollectionDir();
  expect(await client.call('collections.open', { root: `${root}/missing` })).toMatchObject({ ok: false });
  expect(await client.call('collections.open', { root })).toMatchObject({ ok: true });
  await client.call('settings.update', { collections: { environment: 'staging' } });
  await core.close();
  await start();
  const settings = await client.call('settings.get', {});
  expect(settings.ok && settings.value.collections).toEqual({ root, environment: 'staging' });
});

it('takes only an environment from a caller: the folder is recorded by collections.open, which checks it', async () => {
  expect(await client.call('settings.update', { collections: { root: '/elsewhere' } } as never)).toMatchObject({
    ok: false,
    error: { code: 'INPUT_INVALID' },
  });
  expect(await client.call('settings.update', { collections: { environment: '' } })).toMatchObject({ ok: false });
});
