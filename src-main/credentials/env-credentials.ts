import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/result';

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
 * Parses .env text: `KEY=value`, optional `export `, `#` comments, single
 * quotes taken literally, double quotes with \n escapes and line breaks (how
 * people paste a PEM). Never echoes a value in an error.
 */
export function parseDotenv(text: string): Result<Record<string, string>> {
  const variables: Record<string, string> = {};
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      return fail('ENV_FILE_INVALID', `Line ${index + 1} is not KEY=value.`, 'Fix that line of the .env file.');
    }
    const [, name, rest] = match as unknown as [string, string, string];
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      let raw = rest.slice(1);
      while (!endsWithQuote(raw, quote) && index + 1 < lines.length) {
        index += 1;
        raw += `\n${lines[index]}`;
      }
      if (!endsWithQuote(raw, quote)) {
        return fail(
          'ENV_FILE_INVALID',
          `The value of ${name} has no closing quote.`,
          'Close the quote in the .env file.',
        );
      }
      const body = raw.slice(0, raw.lastIndexOf(quote));
      variables[name] = quote === '"' ? body.replace(/\\n/g, '\n').replace(/\\"/g, '"') : body;
    } else {
      variables[name] = rest.replace(/\s+#.*$/, '').trim();
    }
  }
  return ok(variables);
}

/** True when the text ends with the quote followed only by spaces or a comment. */
function endsWithQuote(raw: string, quote: string): boolean {
  return new RegExp(`(?<!\\\\)${quote}\\s*(#.*)?$`).test(raw);
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
