/**
 * Vonage credentials from variables: the VONAGE_* / NEXMO_* environment of the
 * process, or the text of a .env file (read with dotenv's parser). Used to
 * import a profile, and, shaped like a stored profile, to send in CI without
 * one (`workbench send`, runs with `--base-url`). Nothing is written anywhere.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { ProfileTarget, ProfileView } from '../../src-shared/profiles';
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

function pick(variables: Record<string, string | undefined>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = variables[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * Maps VONAGE_* / NEXMO_* variables to credentials. A key file path is read
 * relative to `baseDirectory` (the .env file's folder, or the working folder).
 * A private key given inline with literal `\n` is unescaped.
 */
export async function credentialsFromVariables(
  variables: Record<string, string | undefined>,
  baseDirectory: string,
): Promise<Result<EnvCredentials>> {
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
  const keyPath = pick(variables, variableNames.privateKeyPath);
  if (inlineKey) {
    credentials.privateKey = inlineKey.replace(/\\n/g, '\n');
  } else if (keyPath) {
    const fullPath = isAbsolute(keyPath) ? keyPath : resolve(baseDirectory, keyPath);
    try {
      credentials.privateKey = await readFile(fullPath, 'utf8');
    } catch (error) {
      return fail(
        'PRIVATE_KEY_FILE_UNREADABLE',
        `The private key file ${fullPath} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        'Check VONAGE_PRIVATE_KEY_PATH: it is read relative to the .env file.',
      );
    }
  }
  return ok(credentials);
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
      const found = await credentialsFromVariables(options.variables, options.baseDirectory);
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
