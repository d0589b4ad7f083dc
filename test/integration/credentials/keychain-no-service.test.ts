import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../../../src-main/credentials/keychain';
import { applyKeyringEnv, startKeyringSession, type KeyringSession } from '../../support/keyring-session';

describe('keychain on a bus with no Secret Service', () => {
  let session: KeyringSession;

  beforeAll(async () => {
    session = await startKeyringSession({ withSecretService: false });
    applyKeyringEnv(session.env);
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('answers KEYCHAIN_UNAVAILABLE telling which service to start', async () => {
    const keychain = createKeychain({ service: 'workbench-no-service-test' });
    const result = await keychain.write('profile:apiSecret', 'never-stored');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(result.error.message).toMatch(/No keychain service is running/);
    expect(result.error.detail).toMatch(/org\.freedesktop\.secrets|ServiceUnknown|secret service/i);
    expect(result.error.hint).toMatch(/gnome-keyring-daemon/);
    keychain.close();
  });
});
