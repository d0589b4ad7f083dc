/**
 * Vonage credentials from variables: the VONAGE_* / NEXMO_* environment of the
 * process, or the text of a .env file (read with dotenv's parser). Used to
 * import a profile, and, shaped like a stored profile, to send in CI without
 * one (`workbench send`, runs with `--base-url`). Nothing is written anywhere.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { KeyFileNotRead, ProfileTarget, ProfileView } from '../../src-shared/profiles';
import { fail, ok, type Result } from '../../src-shared/result';
import type { ProfileCredentials, ProfileService } from './profiles';
import { maskFor } from './secret-mask';

/** Credentials found in a .env file or the environment; any of them may be missing. */
export interface EnvCredentials {
  apiKey?: string;
  apiSecret?: string;
  applicationId?: string;
  privateKey?: string;
  signatureSecret?: string;
}

/** Accepted names, first match wins: Vonage's current names, then the NEXMO_* ones older projects use. */
const variableNames = {
  apiKey: ['VONAGE_API_KEY', 'NEXMO_API_KEY'],
  apiSecret: ['VONAGE_API_SECRET', 'NEXMO_API_SECRET'],
  applicationId: ['VONAGE_APPLICATION_ID', 'VONAGE_APP_ID', 'NEXMO_APPLICATION_ID', 'NEXMO_APP_ID'],
  privateKey: ['VONAGE_PRIVATE_KEY', 'VONAGE_APPLICATION_PRIVATE_KEY', 'NEXMO_PRIVATE_KEY'],
  privateKeyPath: [
    'VONAGE_PRIVATE_KEY_PATH',
    'VONAGE_APPLICATION_PRIVATE_KEY_PATH',
    'NEXMO_PRIVATE_KEY_PATH',
    'NEXMO_APPLICATION_PRIVATE_KEY_PATH',
  ],
  signatureSecret: ['VONAGE_SIGNATURE_SECRET', 'NEXMO_SIGNATURE_SECRET'],
} as const;

/**
 * The variables of a .env text. dotenv reads `KEY=value`, `export `, comments,
 * quotes and a PEM pasted across lines; a quote it could not close is kept in
 * the value, so such a value is refused here, by name, never echoed.
 */
export function variablesFromEnvText(text: string): Result<Record<string, string>> {
  const variables = parseDotenv(text);
  const strayLine = firstStrayLine(text, Object.values(variables));
  if (strayLine !== undefined)
    return fail('ENV_FILE_INVALID', `Line ${strayLine} is not KEY=value.`, 'Fix that line of the .env file.');
  for (const [name, value] of Object.entries(variables)) {
    if (/^["'`]/.test(value))
      return fail(
        'ENV_FILE_INVALID',
        `The value of ${name} has no closing quote.`,
        'Close the quote in the .env file.',
      );
  }
  return ok(variables);
}

/**
 * dotenv skips a line it cannot read; a pasted .env with such a line would
 * lose a credential without a word, so it is named instead. A line that lies
 * inside a quoted value (a PEM across lines) is part of that value.
 */
function firstStrayLine(text: string, values: string[]): number | undefined {
  const lines = text.split(/\r\n?|\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || /^(?:export\s+)?[\w.-]+\s*[=:]/.test(line)) continue;
    const valuePart = line.replace(/["'`]\s*(?:#.*)?$/, '');
    if (values.some((value) => value.includes(valuePart))) continue;
    return index + 1;
  }
  return undefined;
}

/** The first of `names` with a value, and that name, so a message can say which variable it came from. */
function pickNamed(
  variables: Record<string, string | undefined>,
  names: readonly string[],
): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = variables[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

function pick(variables: Record<string, string | undefined>, names: readonly string[]): string | undefined {
  return pickNamed(variables, names)?.value;
}

/** Credentials read from variables, and the key file that could not be read, if one was named. */
export interface VariableCredentials {
  credentials: EnvCredentials;
  keyFileNotRead?: KeyFileNotRead;
}

/**
 * Maps VONAGE_* / NEXMO_* variables to credentials. A key file path is read
 * relative to `baseDirectory` (the .env file's folder, or the working folder);
 * null means there is no folder (pasted text), so only an absolute path is
 * read. A key file that cannot be read is reported, and the rest still returned.
 * A private key given inline with literal `\n` is unescaped.
 */
export async function credentialsFromVariables(
  variables: Record<string, string | undefined>,
  baseDirectory: string | null,
): Promise<VariableCredentials> {
  const credentials: EnvCredentials = {};
  const apiKey = pick(variables, variableNames.apiKey);
  const apiSecret = pick(variables, variableNames.apiSecret);
  const applicationId = pick(variables, variableNames.applicationId);
  const signatureSecret = pick(variables, variableNames.signatureSecret);
  if (apiKey) credentials.apiKey = apiKey;
  if (apiSecret) credentials.apiSecret = apiSecret;
  if (applicationId) credentials.applicationId = applicationId;
  if (signatureSecret) credentials.signatureSecret = signatureSecret;

  const inlineKey = pick(variables, variableNames.privateKey);
  const keyPath = pickNamed(variables, variableNames.privateKeyPath);
  if (inlineKey) {
    credentials.privateKey = inlineKey.replace(/\\n/g, '\n');
    return { credentials };
  }
  if (!keyPath) return { credentials };
  if (!isAbsolute(keyPath.value) && baseDirectory === null) {
    return {
      credentials,
      keyFileNotRead: {
        variable: keyPath.name,
        path: keyPath.value,
        reason: 'It is relative to the .env file, and pasted text has no folder to find it in.',
      },
    };
  }
  const fullPath = isAbsolute(keyPath.value) ? keyPath.value : resolve(baseDirectory!, keyPath.value);
  try {
    credentials.privateKey = await readFile(fullPath, 'utf8');
    return { credentials };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'No file is there.' : `It could not be read (${code ?? 'error'}).`;
    return { credentials, keyFileNotRead: { variable: keyPath.name, path: fullPath, reason } };
  }
}

/** For a send or the emulator, where a key file named but not read is a failure, not a note. */
export function everyCredential({ credentials, keyFileNotRead }: VariableCredentials): Result<EnvCredentials> {
  if (!keyFileNotRead) return ok(credentials);
  return fail(
    'PRIVATE_KEY_FILE_UNREADABLE',
    `The private key file ${keyFileNotRead.path} named by ${keyFileNotRead.variable} was not read. ${keyFileNotRead.reason}`,
    `Check ${keyFileNotRead.variable}: a relative path is read from the working folder.`,
  );
}

export const environmentProfileName = 'environment';

/** A key that is not valid PEM cannot be fingerprinted; signing will name the problem, not the mask. */
function maskOrDots(kind: 'apiSecret' | 'privateKey' | 'signatureSecret', secret: string): string {
  try {
    return maskFor(kind, secret);
  } catch {
    return '••••';
  }
}

export function createEnvironmentCredentials(options: {
  variables: Record<string, string | undefined>;
  baseDirectory: string;
  target: ProfileTarget;
}): Pick<ProfileService, 'readCredentials'> {
  return {
    async readCredentials(name): Promise<Result<ProfileCredentials>> {
      if (name !== environmentProfileName) {
        return fail(
          'PROFILE_NOT_FOUND',
          `Only the environment's credentials are available here, not "${name}".`,
          'Name no profile, or use --profile.',
        );
      }
      const found = everyCredential(await credentialsFromVariables(options.variables, options.baseDirectory));
      if (!found.ok) return found;
      const { apiKey = null, applicationId = null, ...secrets } = found.value;
      const now = new Date().toISOString();
      const secretState = (secret: string | undefined, kind: 'apiSecret' | 'privateKey' | 'signatureSecret') =>
        secret ? { isSet: true, masked: maskOrDots(kind, secret) } : { isSet: false, masked: null };
      const profile: ProfileView = {
        id: environmentProfileName,
        name: environmentProfileName,
        target: options.target,
        apiKey,
        applicationId,
        defaultSenders: {},
        secrets: {
          apiSecret: secretState(secrets.apiSecret, 'apiSecret'),
          privateKey: secretState(secrets.privateKey, 'privateKey'),
          signatureSecret: secretState(secrets.signatureSecret, 'signatureSecret'),
        },
        createdAt: now,
        updatedAt: now,
      };
      return ok({ profile, apiKey, applicationId, secrets });
    },
  };
}
