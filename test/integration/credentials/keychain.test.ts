import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychain, type Keychain } from '../../../src-main/credentials/keychain';
import { filesContaining } from '../../support/keyring-leak-check';
import { applyKeyringEnv, startKeyringSession, type KeyringSession } from '../../support/keyring-session';

const run = promisify(execFile);
const service = 'workbench-keychain-test';

describe('keychain on a real gnome-keyring Secret Service', () => {
  let session: KeyringSession;
  let keychain: Keychain;

  beforeAll(async () => {
    session = await startKeyringSession();
    applyKeyringEnv(session.env);
    keychain = createKeychain({ service });
  });

  afterAll(async () => {
    keychain?.close();
    await session?.stop();
  });

  it('stores a secret that another Secret Service client can find', async () => {
    expect(await keychain.write('profile-1:apiSecret', 'first-secret-4f2a')).toMatchObject({ ok: true });

    // secret-tool talks to the daemon directly: the secret is in the keychain, not in our process.
    const { stdout } = await run('secret-tool', ['lookup', 'service', service, 'username', 'profile-1:apiSecret']);
    expect(stdout).toBe('first-secret-4f2a');
    expect(await keychain.read('profile-1:apiSecret')).toEqual({ ok: true, value: 'first-secret-4f2a' });
  });

  it('keeps the keyring file on disk encrypted', async () => {
    await keychain.write('profile-1:signatureSecret', 'second-secret-9c1d');
    expect(await filesContaining(session.home, 'second-secret-9c1d')).toEqual([]);
  });

  it('reads null for an absent secret and removes a present one', async () => {
    expect(await keychain.read('nobody:apiSecret')).toEqual({ ok: true, value: null });
    await keychain.write('profile-2:apiSecret', 'short-lived');
    expect(await keychain.remove('profile-2:apiSecret')).toEqual({ ok: true, value: true });
    expect(await keychain.remove('profile-2:apiSecret')).toEqual({ ok: true, value: false });
    expect(await keychain.read('profile-2:apiSecret')).toEqual({ ok: true, value: null });
  });

  it('overwrites a secret in place', async () => {
    await keychain.write('profile-3:apiSecret', 'old-value');
    await keychain.write('profile-3:apiSecret', 'new-value');
    expect(await keychain.read('profile-3:apiSecret')).toEqual({ ok: true, value: 'new-value' });
  });
});
