import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../../../src-main/credentials/keychain';

// The native library reads the bus address once per process, so each failure mode has its own file.
describe('keychain without a session bus', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'workbench-no-bus-'));
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(directory, 'no-bus-here')}`;
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('answers KEYCHAIN_UNAVAILABLE naming the session bus, on every method', async () => {
    const keychain = createKeychain({ service: 'workbench-no-bus-test' });
    for (const result of [
      await keychain.write('profile:apiSecret', 'never-stored'),
      await keychain.read('profile:apiSecret'),
      await keychain.remove('profile:apiSecret'),
    ]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('KEYCHAIN_UNAVAILABLE');
      // Plain words in the message; the library's own text only in the detail.
      expect(result.error.message).toBe(
        'The system keychain cannot be reached from here, so secrets cannot be stored or read.',
      );
      expect(result.error.hint).toMatch(/session bus/);
      expect(result.error.detail).toMatch(/./);
      expect(JSON.stringify(result.error)).not.toContain('never-stored');
    }
    keychain.close();
  });
});
