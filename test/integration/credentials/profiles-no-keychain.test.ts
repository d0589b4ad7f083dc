import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../../../src-main/credentials/keychain';
import { createProfileService, type ProfileService } from '../../../src-main/credentials/profiles';
import { filesContaining } from '../../support/keyring-leak-check';

describe('profiles where no keychain is reachable', () => {
  let dataDir: string;
  let profiles: ProfileService;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'workbench no keychain '));
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(dataDir, 'no-bus-here')}`;
    profiles = createProfileService({ dataDir, keychain: createKeychain({ service: 'workbench-no-keychain-test' }) });
  });

  afterAll(async () => {
    await profiles?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to save a secret, and writes it nowhere instead', async () => {
    const saved = await profiles.save({
      name: 'real',
      apiKey: 'abc123de',
      secrets: { apiSecret: 'nowhere-secret-42' },
    });
    expect(saved.ok === false && saved.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(JSON.stringify(saved)).not.toContain('nowhere-secret-42');
    expect(await readdir(dataDir)).toEqual([]);
    expect(await filesContaining(dataDir, 'nowhere-secret-42')).toEqual([]);
  });

  it('still keeps and reads a profile that has no secrets (the emulator default)', async () => {
    const saved = await profiles.save({ name: 'emulator' });
    expect(saved.ok && saved.value.target).toEqual({ kind: 'emulator' });
    const credentials = await profiles.readCredentials('emulator');
    expect(credentials.ok && credentials.value.secrets).toEqual({});
  });
});
