import { describe, expect, it } from 'vitest';
import { variablesFromEnvText } from '../../../src-main/credentials/environment-credentials';

const pem = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA',
  '-----END PRIVATE KEY-----',
];

describe('variablesFromEnvText', () => {
  it('reads the .env forms people write: export, comments, single quotes literally, a PEM across lines or with \\n', () => {
    const text = [
      '# Vonage',
      'export VONAGE_API_KEY=abc123 # the key',
      "VONAGE_API_SECRET='s3cr#et'",
      `VONAGE_PRIVATE_KEY="${pem.join('\n')}"`,
      `NEXMO_PRIVATE_KEY="${pem.join('\\n')}"`,
      '',
    ].join('\r\n');
    expect(variablesFromEnvText(text)).toEqual({
      ok: true,
      value: {
        VONAGE_API_KEY: 'abc123',
        VONAGE_API_SECRET: 's3cr#et',
        VONAGE_PRIVATE_KEY: pem.join('\n'),
        NEXMO_PRIVATE_KEY: pem.join('\n'),
      },
    });
  });

  it('refuses a quote left open, naming the variable and never its value', () => {
    const result = variablesFromEnvText('VONAGE_API_SECRET="hunter2-secret\nVONAGE_API_KEY=abc123\n');
    expect(result).toMatchObject({ ok: false, error: { code: 'ENV_FILE_INVALID' } });
    expect(!result.ok && result.error.message).toBe('The value of VONAGE_API_SECRET has no closing quote.');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('names a line that is not KEY=value instead of dropping it', () => {
    const result = variablesFromEnvText('VONAGE_API_KEY=abc123\nVONAGE_API_SECRET hunter2\n');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ENV_FILE_INVALID', message: 'Line 2 is not KEY=value.' },
    });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
