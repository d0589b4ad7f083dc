import { describe, expect, it } from 'vitest';
import { planCurlImport, planPostmanImport, shellWords } from '../../../src-shared/collections';
import { readCollectionFixture } from '../../support/collections-fixtures';

const secrets = [
  's3cr3t-literal-password',
  's3cr3t-collection-secret',
  'abcd1234',
  'eyJhbGciOiJSUzI1NiJ9',
  'YWJjZDEyMzQ6czNjcjN0',
  'literal-secret-value',
];

describe('Postman v2.1 import', () => {
  const plan = planPostmanImport(readCollectionFixture('acme-onboarding.postman_collection.json'));
  if (!plan.ok) throw new Error(plan.error.message);
  const byName = (name: string) => plan.value.files.find((file) => file.file.name === name)!;

  it('keeps folders and order as numbered paths', () => {
    expect(plan.value.files.map((file) => file.path)).toEqual([
      '01 WhatsApp/01 Send welcome text.json',
      '01 WhatsApp/02 Mark as read.json',
      '02 Legacy SMS (v0.1).json',
      '03 Account balance.json',
    ]);
  });

  it('types /v1/messages and /v0.1/messages calls, with auth inherited from the collection', () => {
    expect(byName('Send welcome text').file).toMatchObject({
      auth: 'basic',
      request: { kind: 'send', api: 'v1', payload: { channel: 'whatsapp', to: '{{to_number}}' } },
    });
    expect(byName('Mark as read').file).toMatchObject({
      auth: 'jwt',
      request: { kind: 'update', messageUuid: '{{message_uuid}}', payload: { status: 'read' } },
    });
    expect(byName('Legacy SMS (v0.1)').file).toMatchObject({ auth: 'basic', request: { kind: 'send', api: 'v0.1' } });
  });

  it('turns the status check and the message_uuid capture of a test script into an assertion and a capture', () => {
    expect(byName('Send welcome text').file).toMatchObject({
      assertions: [{ kind: 'httpStatus', equals: 202 }],
      captures: [{ variable: 'message_uuid', jsonPath: '$.message_uuid' }],
    });
  });

  it('keeps anything else raw, without its Authorization header, and reports it', () => {
    expect(byName('Account balance').file.request).toMatchObject({ kind: 'raw', method: 'GET', headers: {} });
    expect(plan.value.notes.join('\n')).toMatch(
      /03 Account balance: GET \/account\/get-balance is not a Messages API call/,
    );
    expect(plan.value.notes.join('\n')).toMatch(/Authorization header was not copied/);
    expect(plan.value.notes.join('\n')).toMatch(
      /02 Legacy SMS \(v0\.1\): 1 Postman script line\(s\) were not converted/,
    );
  });

  it('turns credential variables into references and copies no secret anywhere', () => {
    expect(plan.value.variables).toEqual({
      base_url: 'https://api.nexmo.com',
      api_key: { fromCredentials: 'apiKey' },
      api_secret: { fromCredentials: 'apiSecret' },
      to_number: '447700900123',
      whatsapp_number: '14157386102',
    });
    const written = JSON.stringify(plan.value);
    for (const secret of secrets) expect(written).not.toContain(secret);
  });

  it('refuses what is not a v2.1 collection', () => {
    expect(
      planPostmanImport(
        '{"info":{"name":"x","schema":"https://schema.getpostman.com/json/collection/v1.0.0/collection.json"},"item":[]}',
      ),
    ).toMatchObject({ ok: false, error: { code: 'IMPORT_UNREADABLE' } });
    expect(planPostmanImport('not json')).toMatchObject({ ok: false, error: { code: 'IMPORT_UNREADABLE' } });
  });
});

describe('cURL import', () => {
  it('splits words as a shell does', () => {
    expect(shellWords(`curl -d 'it'\\''s' -H "A: \\"b\\"" \\\n  x`)).toEqual([
      'curl',
      '-d',
      "it's",
      '-H',
      'A: "b"',
      'x',
    ]);
  });

  it('reads several commands, maps auth to the run credentials, keeps no secret', () => {
    const plan = planCurlImport(readCollectionFixture('send-commands.sh'));
    if (!plan.ok) throw new Error(plan.error.message);
    const [sms, image, balance] = plan.value.files.map((file) => file.file);
    expect(sms).toMatchObject({
      auth: 'basic',
      request: { kind: 'send', api: 'v1', payload: { channel: 'sms', text: "It's ready: reply YES" } },
    });
    expect(image).toMatchObject({
      auth: 'jwt',
      request: { kind: 'send', api: 'v1', payload: { message_type: 'image' } },
    });
    expect(balance!.request).toMatchObject({ kind: 'raw', method: 'GET' });
    expect(JSON.stringify(plan.value)).not.toContain('literal-secret-value');
    expect(JSON.stringify(plan.value)).not.toContain('$VONAGE_JWT');
  });

  it('refuses text with no curl command', () => {
    expect(planCurlImport('wget x')).toMatchObject({ ok: false, error: { code: 'IMPORT_UNREADABLE' } });
  });
});
