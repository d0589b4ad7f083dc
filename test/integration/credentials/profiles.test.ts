import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../../../src-main/credentials/keychain';
import { createProfileService, type ProfileService } from '../../../src-main/credentials/profiles';
import { filesContaining } from '../../support/keyring-leak-check';
import { generateApplicationKeys, pemBodyLine } from '../../support/keyring-fixtures';
import { applyKeyringEnv, startKeyringSession, type KeyringSession } from '../../support/keyring-session';

const run = promisify(execFile);
const service = 'workbench-profiles-test';
const apiSecret = 'Ab3De6Gh9Jk2cd12';
const signatureSecret = 'sig-secret-0123456789abcdefXYZW';

async function keychainEntry(profileId: string): Promise<string | null> {
  try {
    const { stdout } = await run('secret-tool', ['lookup', 'service', service, 'username', profileId]);
    return stdout;
  } catch {
    return null;
  }
}

describe('profiles with secrets in the keychain', () => {
  let session: KeyringSession;
  let dataDir: string;
  let profiles: ProfileService;
  const keys = generateApplicationKeys();

  beforeAll(async () => {
    session = await startKeyringSession();
    applyKeyringEnv(session.env);
    dataDir = await mkdtemp(join(tmpdir(), 'workbench data '));
    profiles = createProfileService({ dataDir, keychain: createKeychain({ service }) });
  });

  afterAll(async () => {
    await profiles?.close();
    await session?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('saves secrets to the keychain only, and shows masks', async () => {
    const saved = await profiles.save({
      name: 'sandbox',
      target: { kind: 'vonage', region: 'api-eu' },
      apiKey: 'abc123de',
      applicationId: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
      defaultSenders: { whatsapp: '447700900000', sms: 'Workbench' },
      secrets: { apiSecret, privateKey: keys.privateKeyPem, signatureSecret },
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const view = saved.value;
    expect(view.secrets.apiSecret).toEqual({ isSet: true, masked: '••••cd12' });
    expect(view.secrets.signatureSecret).toEqual({ isSet: true, masked: '••••XYZW' });
    expect(view.secrets.privateKey.masked).toMatch(/^RSA key ••••[0-9a-f]{8}$/);
    expect(view.target).toEqual({ kind: 'vonage', region: 'api-eu' });

    const entry = await keychainEntry(view.id);
    expect(entry).toContain(apiSecret);
    expect(entry).toContain(signatureSecret);

    const listed = JSON.stringify(await profiles.list());
    const exported = JSON.stringify(await profiles.exportProfile('sandbox'));
    for (const secret of [apiSecret, signatureSecret, pemBodyLine(keys.privateKeyPem)]) {
      expect(await filesContaining(dataDir, secret)).toEqual([]);
      expect(JSON.stringify(view)).not.toContain(secret);
      expect(listed).not.toContain(secret);
      expect(exported).not.toContain(secret);
    }
    expect(await readdir(dataDir)).toEqual(['profiles.json']);
  });

  it('exports the profile with the names of the secrets it leaves out', async () => {
    const exported = await profiles.exportProfile('sandbox');
    expect(exported).toEqual({
      ok: true,
      value: {
        format: 'messages-workbench.profile',
        version: 1,
        profile: {
          name: 'sandbox',
          target: { kind: 'vonage', region: 'api-eu' },
          apiKey: 'abc123de',
          applicationId: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
          defaultSenders: { whatsapp: '447700900000', sms: 'Workbench' },
        },
        secretsNotExported: ['apiSecret', 'privateKey', 'signatureSecret'],
      },
    });
  });

  it('hands the secret material to the core for signing', async () => {
    const credentials = await profiles.readCredentials('sandbox');
    if (!credentials.ok) throw new Error(credentials.error.message);
    expect(credentials.value.secrets).toEqual({ apiSecret, privateKey: keys.privateKeyPem, signatureSecret });
    expect(credentials.value.apiKey).toBe('abc123de');
  });

  it('keeps absent secrets on edit and clears null ones', async () => {
    const current = await profiles.get('sandbox');
    if (!current.ok) throw new Error(current.error.message);
    const edited = await profiles.save({
      id: current.value.id,
      name: 'sandbox-eu',
      secrets: { signatureSecret: null },
    });
    if (!edited.ok) throw new Error(edited.error.message);
    expect(edited.value.secrets.signatureSecret).toEqual({ isSet: false, masked: null });
    expect(edited.value.secrets.apiSecret.isSet).toBe(true);
    expect(edited.value.createdAt).toBe(current.value.createdAt);
    const credentials = await profiles.readCredentials('sandbox-eu');
    expect(credentials.ok && credentials.value.secrets).toEqual({ apiSecret, privateKey: keys.privateKeyPem });
  });

  it('refuses a taken name, an unknown profile and a key that is not RSA PEM', async () => {
    await profiles.save({ name: 'second' });
    const taken = await profiles.save({ name: 'second' });
    expect(taken.ok === false && taken.error).toMatchObject({ code: 'PROFILE_NAME_TAKEN', path: '/name' });
    const missing = await profiles.get('nobody');
    expect(missing.ok === false && missing.error.code).toBe('PROFILE_NOT_FOUND');
    const badKey = await profiles.save({ name: 'bad-key', secrets: { privateKey: 'not a key but secret-ish 7788' } });
    expect(badKey.ok === false && badKey.error).toMatchObject({ code: 'PROFILE_INVALID', path: '/secrets/privateKey' });
    expect(JSON.stringify(badKey)).not.toContain('7788');
    const badUrl = await profiles.save({ name: 'bad-url', target: { kind: 'custom', baseUrl: 'ftp://example.test' } });
    expect(badUrl.ok === false && badUrl.error).toMatchObject({ code: 'PROFILE_INVALID', path: '/target/baseUrl' });
  });

  it('removes the keychain entry with the profile', async () => {
    const current = await profiles.get('sandbox-eu');
    if (!current.ok) throw new Error(current.error.message);
    expect(await profiles.remove('sandbox-eu')).toEqual({ ok: true, value: { removed: 'sandbox-eu' } });
    expect(await keychainEntry(current.value.id)).toBeNull();
    const names = await profiles.list();
    expect(names.ok && names.value.map((profile) => profile.name)).toEqual(['second']);
  });

  it('imports a .env file with NEXMO aliases and a key path relative to the file', async () => {
    const projectDir = await mkdtemp(join(tmpdir(), 'workbench project '));
    const importKeys = generateApplicationKeys();
    await writeFile(join(projectDir, 'private.key'), importKeys.privateKeyPem);
    const envText = [
      '# copied from a Vonage sample',
      'NEXMO_API_KEY=key9876',
      'export NEXMO_API_SECRET="Zy1Xw2Vu3Ts4ef56"',
      "VONAGE_APPLICATION_ID='bbbbbbbb-cccc-4ddd-8eee-0123456789ab'",
      'VONAGE_PRIVATE_KEY_PATH=./private.key   # relative to this file',
    ].join('\n');
    const imported = await profiles.importEnv({ name: 'from-env', envText, baseDirectory: projectDir });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value).toMatchObject({
      apiKey: 'key9876',
      applicationId: 'bbbbbbbb-cccc-4ddd-8eee-0123456789ab',
      target: { kind: 'emulator' },
      secrets: {
        apiSecret: { isSet: true, masked: '••••ef56' },
        privateKey: { isSet: true },
        signatureSecret: { isSet: false },
      },
    });
    const credentials = await profiles.readCredentials('from-env');
    expect(credentials.ok && credentials.value.secrets.privateKey).toBe(importKeys.privateKeyPem);
    expect(await filesContaining(dataDir, 'Zy1Xw2Vu3Ts4ef56')).toEqual([]);
    await rm(projectDir, { recursive: true, force: true });
  });

  it('imports the rest of pasted text whose key path is relative, and names the variable and path it could not follow', async () => {
    const envText = [
      'VONAGE_API_KEY=key5555',
      `VONAGE_API_SECRET=${apiSecret}`,
      'NEXMO_PRIVATE_KEY_PATH=./private.key',
    ].join('\n');
    const imported = await profiles.importEnv({ name: 'pasted-relative', envText, baseDirectory: null });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.keyFileNotRead).toEqual({
      variable: 'NEXMO_PRIVATE_KEY_PATH',
      path: './private.key',
      reason: expect.stringContaining('relative to the .env file'),
    });
    expect(imported.value).toMatchObject({ apiKey: 'key5555', secrets: { apiSecret: { isSet: true } } });
    expect(imported.value.secrets.privateKey.isSet).toBe(false);
  });

  it('imports the rest when the key file is missing, naming the full path it tried', async () => {
    const projectDir = await mkdtemp(join(tmpdir(), 'workbench project '));
    const envText = 'VONAGE_APPLICATION_ID=dddddddd-eeee-4fff-8aaa-0123456789ab\nVONAGE_PRIVATE_KEY_PATH=keys/app.key';
    const imported = await profiles.importEnv({ name: 'missing-key', envText, baseDirectory: projectDir });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.applicationId).toBe('dddddddd-eeee-4fff-8aaa-0123456789ab');
    expect(imported.value.keyFileNotRead).toEqual({
      variable: 'VONAGE_PRIVATE_KEY_PATH',
      path: join(projectDir, 'keys/app.key'),
      reason: 'No file is there.',
    });
    await rm(projectDir, { recursive: true, force: true });
  });

  it('imports the environment, with an inline key whose line breaks are escaped', async () => {
    const variables = {
      VONAGE_APPLICATION_ID: 'cccccccc-dddd-4eee-8fff-0123456789ab',
      VONAGE_PRIVATE_KEY: keys.privateKeyPem.replace(/\n/g, '\\n'),
    };
    const imported = await profiles.importEnv({ name: 'from-process-env', variables, baseDirectory: dataDir });
    expect(imported.ok && imported.value.secrets.privateKey.isSet).toBe(true);
    const credentials = await profiles.readCredentials('from-process-env');
    expect(credentials.ok && credentials.value.secrets.privateKey).toBe(keys.privateKeyPem);
    const empty = await profiles.importEnv({ name: 'nothing', variables: { PATH: '/bin' }, baseDirectory: dataDir });
    expect(empty.ok === false && empty.error.code).toBe('ENV_NO_CREDENTIALS');
  });

  it('reports a corrupt profiles file and leaves it untouched', async () => {
    const brokenDir = await mkdtemp(join(tmpdir(), 'workbench broken '));
    await writeFile(join(brokenDir, 'profiles.json'), '{"version":1,"profiles":[');
    const broken = createProfileService({ dataDir: brokenDir, keychain: createKeychain({ service }) });
    const listed = await broken.list();
    expect(listed.ok === false && listed.error.code).toBe('PROFILES_FILE_CORRUPT');
    const saved = await broken.save({ name: 'would-overwrite' });
    expect(saved.ok).toBe(false);
    expect(await readFile(join(brokenDir, 'profiles.json'), 'utf8')).toBe('{"version":1,"profiles":[');
    await broken.close();
    await rm(brokenDir, { recursive: true, force: true });
  });
});
