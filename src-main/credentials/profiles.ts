import { createPrivateKey, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/result';
import { credentialsFromVariables, variablesFromEnvText } from './environment-credentials';
import type { Keychain } from './keychain';
import {
  profileInputSchema,
  type ImportedProfile,
  secretNames,
  type ProfileExport,
  type ProfileInput,
  type ProfileTarget,
  type ProfileView,
} from '../../src-shared/profiles';
import { toProfileView, type ProfileSecrets, type StoredProfile } from './profile-schema';
import { readProfilesFile, writeProfilesFile } from './profiles-file';
import { maskFor } from './secret-mask';

export interface ProfileServiceOptions {
  /** The app's data folder; metadata goes to `profiles.json` in it. Secrets never do. */
  dataDir: string;
  /** Where secrets live. One entry per profile, keyed by the profile id. */
  keychain: Keychain;
  /** The current time; tests pass a fixed one. Defaults to the system clock. */
  now?: () => Date;
}

/** Everything needed to sign or send. Internal to the core: never return it from a contract method. */
export interface ProfileCredentials {
  profile: ProfileView;
  apiKey: string | null;
  applicationId: string | null;
  secrets: ProfileSecrets;
}

export interface ImportEnvOptions {
  /** Name of the profile to create, or to update when it exists. */
  name: string;
  /** The text of a .env file; when absent, `variables` is used. */
  envText?: string;
  /** Variables such as process.env, used when `envText` is absent. */
  variables?: Record<string, string | undefined>;
  /** Folder that relative VONAGE_PRIVATE_KEY_PATH values are read from; null for pasted text, which has none. */
  baseDirectory: string | null;
  /** Target of a newly created profile (default: the emulator). */
  target?: ProfileTarget;
}

export interface ProfileService {
  list(): Promise<Result<ProfileView[]>>;
  /** By id or by name. */
  get(idOrName: string): Promise<Result<ProfileView>>;
  save(input: ProfileInput): Promise<Result<ProfileView>>;
  remove(idOrName: string): Promise<Result<{ removed: string }>>;
  importEnv(options: ImportEnvOptions): Promise<Result<ImportedProfile>>;
  exportProfile(idOrName: string): Promise<Result<ProfileExport>>;
  /** The secret material for signing or sending. Internal: no contract method may return it. */
  readCredentials(idOrName: string): Promise<Result<ProfileCredentials>>;
  /** Resolves once pending writes are on disk. The keychain belongs to the caller and stays open. */
  close(): Promise<void>;
}

function findProfile(profiles: StoredProfile[], idOrName: string): StoredProfile | undefined {
  return profiles.find((profile) => profile.id === idOrName) ?? profiles.find((profile) => profile.name === idOrName);
}

function notFound(idOrName: string): Result<never> {
  return fail(
    'PROFILE_NOT_FOUND',
    `No profile is called "${idOrName}".`,
    'List the profiles to see their names, or create this one.',
  );
}

function checkPrivateKey(pem: string): Result<void> {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType === 'rsa') return ok(undefined);
  } catch {
    // Reported below; the library's message could quote part of the key.
  }
  return fail(
    'PROFILE_INVALID',
    'The private key is not an RSA private key in PEM form.',
    "Paste the whole private.key file your Vonage application gave you, from '-----BEGIN PRIVATE KEY-----' to the END line.",
    '/secrets/privateKey',
  );
}

function parseStoredSecrets(text: string | null): ProfileSecrets {
  if (text === null) return {};
  const parsed = JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(
    secretNames.flatMap((name) => (typeof parsed[name] === 'string' ? [[name, parsed[name]]] : [])),
  );
}

export function createProfileService(options: ProfileServiceOptions): ProfileService {
  const filePath = join(options.dataDir, 'profiles.json');
  const now = options.now ?? (() => new Date());
  const { keychain } = options;
  // Writes run one after another so two saves cannot lose each other's change.
  let writeQueue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writeQueue.then(work, work);
    writeQueue = next.catch(() => undefined);
    return next;
  };

  async function save(input: ProfileInput): Promise<Result<ProfileView>> {
    const checked = profileInputSchema.safeParse(input);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const path = `/${issue.path.join('/')}`;
      // zod 4's default messages name the rule, not the rejected value, so no secret can leak through them.
      return fail(
        'PROFILE_INVALID',
        `The profile field ${path} is not valid.`,
        `Check that field: ${issue.message}.`,
        path,
      );
    }
    const value = checked.data;
    const privateKey = value.secrets.privateKey;
    if (privateKey) {
      const keyCheck = checkPrivateKey(privateKey);
      if (!keyCheck.ok) return keyCheck;
    }

    return serialized(async () => {
      const file = await readProfilesFile(filePath);
      if (!file.ok) return file;
      const profiles = file.value.profiles;
      const existing = value.id === undefined ? undefined : profiles.find((profile) => profile.id === value.id);
      if (value.id !== undefined && !existing) return notFound(value.id);
      if (profiles.some((profile) => profile.name === value.name && profile.id !== existing?.id)) {
        return fail(
          'PROFILE_NAME_TAKEN',
          `A profile is already called "${value.name}".`,
          'Pick another name, or edit that profile.',
          '/name',
        );
      }

      const id = existing?.id ?? randomUUID();
      const secretMasks = { ...existing?.secretMasks };
      const secretChanges = Object.entries(value.secrets) as [keyof ProfileSecrets, string | null][];
      if (secretChanges.length > 0) {
        // Keychain first: the metadata must never claim a secret the keychain does not hold.
        const stored = await keychain.read(id);
        if (!stored.ok) return stored;
        const secrets = parseStoredSecrets(stored.value);
        for (const [name, secret] of secretChanges) {
          if (secret === null) {
            delete secrets[name];
            delete secretMasks[name];
          } else {
            secrets[name] = secret;
            secretMasks[name] = maskFor(name, secret);
          }
        }
        const written =
          Object.keys(secrets).length === 0
            ? await keychain.remove(id)
            : await keychain.write(id, JSON.stringify(secrets));
        if (!written.ok) return written;
      }

      const timestamp = now().toISOString();
      const profile: StoredProfile = {
        id,
        name: value.name,
        target: value.target,
        apiKey: value.apiKey,
        applicationId: value.applicationId,
        defaultSenders: value.defaultSenders,
        secretMasks,
        createdAt: existing?.createdAt ?? timestamp,
        updatedAt: timestamp,
      };
      const next = existing ? profiles.map((entry) => (entry.id === id ? profile : entry)) : [...profiles, profile];
      await writeProfilesFile(filePath, { version: 1, profiles: next });
      return ok(toProfileView(profile));
    });
  }

  async function get(idOrName: string): Promise<Result<ProfileView>> {
    const file = await readProfilesFile(filePath);
    if (!file.ok) return file;
    const profile = findProfile(file.value.profiles, idOrName);
    return profile ? ok(toProfileView(profile)) : notFound(idOrName);
  }

  async function importEnv(importOptions: ImportEnvOptions): Promise<Result<ImportedProfile>> {
    const variables =
      importOptions.envText === undefined
        ? ok(importOptions.variables ?? {})
        : variablesFromEnvText(importOptions.envText);
    if (!variables.ok) return variables;
    const { credentials, keyFileNotRead } = await credentialsFromVariables(
      variables.value,
      importOptions.baseDirectory,
    );
    if (Object.keys(credentials).length === 0 && !keyFileNotRead) {
      return fail(
        'ENV_NO_CREDENTIALS',
        'No VONAGE_* or NEXMO_* credentials were found.',
        'Set VONAGE_API_KEY and VONAGE_API_SECRET, or VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY_PATH.',
      );
    }
    const existing = await get(importOptions.name);
    const base = existing.ok ? existing.value : undefined;
    const secrets: ProfileInput['secrets'] = {};
    for (const name of secretNames) if (credentials[name]) secrets[name] = credentials[name];
    const saved = await save({
      ...(base ? { id: base.id, defaultSenders: base.defaultSenders } : {}),
      name: importOptions.name,
      target: base?.target ?? importOptions.target ?? { kind: 'emulator' },
      apiKey: credentials.apiKey ?? base?.apiKey ?? null,
      applicationId: credentials.applicationId ?? base?.applicationId ?? null,
      secrets,
    });
    // The rest is imported either way; the key file is asked for afterwards.
    return saved.ok && keyFileNotRead ? ok({ ...saved.value, keyFileNotRead }) : saved;
  }

  return {
    async list() {
      const file = await readProfilesFile(filePath);
      return file.ok ? ok(file.value.profiles.map(toProfileView)) : file;
    },
    get,
    save,
    remove: (idOrName) =>
      serialized(async () => {
        const file = await readProfilesFile(filePath);
        if (!file.ok) return file;
        const profile = findProfile(file.value.profiles, idOrName);
        if (!profile) return notFound(idOrName);
        // Secrets go first, so a failure cannot leave them behind without a profile pointing at them.
        const removed = await keychain.remove(profile.id);
        if (!removed.ok) return removed;
        const remaining = file.value.profiles.filter((entry) => entry.id !== profile.id);
        await writeProfilesFile(filePath, { version: 1, profiles: remaining });
        return ok({ removed: profile.name });
      }),
    importEnv,
    async exportProfile(idOrName) {
      const found = await get(idOrName);
      if (!found.ok) return found;
      const { name, target, apiKey, applicationId, defaultSenders, secrets } = found.value;
      return ok({
        format: 'messages-workbench.profile',
        version: 1,
        profile: { name, target, apiKey, applicationId, defaultSenders },
        secretsNotExported: secretNames.filter((secretName) => secrets[secretName].isSet),
      });
    },
    async readCredentials(idOrName) {
      const found = await get(idOrName);
      if (!found.ok) return found;
      const anySecretSet = secretNames.some((name) => found.value.secrets[name].isSet);
      // A profile without secrets (the emulator's default) must work even where no keychain runs.
      const stored = anySecretSet ? await keychain.read(found.value.id) : ok(null);
      if (!stored.ok) return stored;
      return ok({
        profile: found.value,
        apiKey: found.value.apiKey,
        applicationId: found.value.applicationId,
        secrets: parseStoredSecrets(stored.value),
      });
    },
    async close() {
      await writeQueue;
    },
  };
}
