/**
 * The built-in emulator's identity, kept across restarts so the user's own
 * code and `.env` keep working against it: its api key, application id and
 * public key in `emulator-identity.json` (0600), its secret parts (api secret,
 * private key, signature secret) in the OS keychain.
 *
 * These credentials open the local emulator only; Vonage never accepts them.
 * Still, secrets live in the keychain or nowhere: without a keychain the
 * identity is made anew at each start and the caller is told so. A file that
 * cannot be read is reported and left untouched, never overwritten.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Keychain } from '../credentials/keychain';
import { writeFileAtomically } from '../files/atomic-write';
import { generateEmulatorCredentials, type GeneratedEmulatorCredentials } from './emulator-credentials';

export const emulatorIdentityFileName = 'emulator-identity.json';
const keychainAccount = 'built-in-emulator';

const publicPartSchema = z.object({
  version: z.literal(1),
  apiKey: z.string().min(1),
  applicationId: z.string().min(1),
  publicKeyPem: z.string().min(1),
});
const secretPartSchema = z.object({
  apiSecret: z.string().min(1),
  privateKeyPem: z.string().min(1),
  signatureSecret: z.string().min(1),
});

export interface LoadedEmulatorIdentity {
  credentials: GeneratedEmulatorCredentials;
  /** True when this identity will be the same at the next start. */
  persistent: boolean;
  /** Why it is not persistent, or what was found wrong; for the user, never with a secret. */
  notice?: string;
}

export interface EmulatorIdentityStore {
  /** The stored identity, or a new one (stored when the keychain takes it). */
  load(): Promise<LoadedEmulatorIdentity>;
  /** A new identity replacing the stored one: the explicit "new credentials" action. */
  renew(): Promise<LoadedEmulatorIdentity>;
}

export function createEmulatorIdentityStore(options: { dataDir: string; keychain: Keychain }): EmulatorIdentityStore {
  const filePath = path.join(options.dataDir, emulatorIdentityFileName);

  async function store(credentials: GeneratedEmulatorCredentials): Promise<LoadedEmulatorIdentity> {
    const { apiSecret, privateKeyPem, signatureSecret } = credentials;
    const saved = await options.keychain.write(
      keychainAccount,
      JSON.stringify({ apiSecret, privateKeyPem, signatureSecret }),
    );
    if (!saved.ok) {
      return {
        credentials,
        persistent: false,
        notice: `The built-in emulator's credentials are new at each start: ${saved.error.message} ${saved.error.hint}`,
      };
    }
    const { apiKey, applicationId, publicKeyPem } = credentials;
    await writeFileAtomically(
      filePath,
      `${JSON.stringify({ version: 1, apiKey, applicationId, publicKeyPem }, null, 2)}\n`,
    );
    return { credentials, persistent: true };
  }

  async function readPublicPart(): Promise<
    { found: z.infer<typeof publicPartSchema> } | { missing: true } | { corrupt: string }
  > {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
      return { corrupt: (error as Error).message };
    }
    try {
      const parsed = publicPartSchema.safeParse(JSON.parse(text));
      return parsed.success
        ? { found: parsed.data }
        : {
            corrupt: parsed.error.issues
              .map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`)
              .join('; '),
          };
    } catch (error) {
      return { corrupt: (error as Error).message };
    }
  }

  return {
    async load() {
      const publicPart = await readPublicPart();
      if ('missing' in publicPart) return store(generateEmulatorCredentials());
      if ('corrupt' in publicPart) {
        return {
          credentials: generateEmulatorCredentials(),
          persistent: false,
          notice: `${filePath} cannot be read (${publicPart.corrupt}); the built-in emulator uses new credentials for now. Fix or remove the file, or choose "New credentials".`,
        };
      }
      const secrets = await options.keychain.read(keychainAccount);
      const secretPart =
        secrets.ok && secrets.value !== null ? secretPartSchema.safeParse(safeJson(secrets.value)) : undefined;
      if (secretPart?.success) return { credentials: { ...publicPart.found, ...secretPart.data }, persistent: true };
      const why = !secrets.ok
        ? `${secrets.error.message} ${secrets.error.hint}`
        : 'its secret parts are missing from the keychain.';
      if (!secrets.ok)
        return {
          credentials: generateEmulatorCredentials(),
          persistent: false,
          notice: `The built-in emulator uses new credentials for now: ${why}`,
        };
      const renewed = await store(generateEmulatorCredentials());
      return { ...renewed, notice: `The built-in emulator has new credentials: ${why}` };
    },
    renew: () => store(generateEmulatorCredentials()),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** For one-shot commands (`workbench run`, `send`): credentials for this run only, no keychain prompt. */
export function createThrowawayEmulatorIdentity(): EmulatorIdentityStore {
  const make = async (): Promise<LoadedEmulatorIdentity> => ({
    credentials: generateEmulatorCredentials(),
    persistent: false,
  });
  return { load: make, renew: make };
}
