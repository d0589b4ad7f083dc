import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../../../src-main/credentials/keychain';
import { applyKeyringEnv, startKeyringSession, type KeyringSession } from '../../support/keyring-session';

describe('keychain with the login collection locked', () => {
  let session: KeyringSession;

  beforeAll(async () => {
    session = await startKeyringSession();
    applyKeyringEnv(session.env);
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('answers KEYCHAIN_UNAVAILABLE asking to unlock, for reads and writes', async () => {
    const keychain = createKeychain({ service: 'workbench-locked-test', timeoutMs: 5_000 });
    expect(await keychain.write('profile:apiSecret', 'stored-before-lock')).toMatchObject({ ok: true });
    await session.lockLoginCollection();

    for (const result of [
      await keychain.read('profile:apiSecret'),
      await keychain.write('profile:apiSecret', 'written-while-locked'),
    ]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(result.error.message).toMatch(/locked/);
      expect(result.error.hint).toMatch(/[Uu]nlock/);
      expect(JSON.stringify(result.error)).not.toMatch(/stored-before-lock|written-while-locked/);
    }
    keychain.close();
  });
});
