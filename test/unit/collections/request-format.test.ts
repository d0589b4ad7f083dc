import { describe, expect, it } from 'vitest';
import {
  readJsonPath,
  readRequestDocument,
  requestFileText,
  substituteVariables,
} from '../../../src-shared/collections';

describe('request files', () => {
  it('upgrades version 1 (a saved builder request) to the current version', () => {
    const reading = readRequestDocument(
      JSON.stringify({
        format: 'messages-workbench/request',
        version: 1,
        name: 'Hi',
        api: 'v1',
        payload: { channel: 'sms' },
      }),
    );
    expect(reading).toMatchObject({
      kind: 'request',
      upgradedFrom: 1,
      file: {
        version: 2,
        auth: 'auto',
        request: { kind: 'send', api: 'v1', payload: { channel: 'sms' } },
        assertions: [],
      },
    });
  });

  it('tells foreign JSON from a corrupt request file, with a reason', () => {
    expect(readRequestDocument('{"name":"package"}')).toMatchObject({ kind: 'foreign' });
    expect(readRequestDocument('{"format":"messages-workbench/request", "version": 2')).toMatchObject({
      kind: 'corrupt',
      reason: expect.stringMatching(/not valid JSON/),
    });
    expect(readRequestDocument('{"format":"messages-workbench/request","version":9}')).toMatchObject({
      kind: 'corrupt',
      reason: expect.stringMatching(/version 9/),
    });
    expect(
      readRequestDocument('{"format":"messages-workbench/request","version":2,"name":"x","request":{"kind":"send"}}'),
    ).toMatchObject({ kind: 'corrupt', reason: expect.stringMatching(/^\/request/) });
  });

  it('writes keys in a fixed order, two spaces, and the same bytes every time', () => {
    const reading = readRequestDocument(
      '{"captures":[],"request":{"payload":{"to":"1","channel":"sms"},"api":"v1","kind":"send"},"name":"x","version":2,"format":"messages-workbench/request"}',
    );
    if (reading.kind !== 'request') throw new Error(reading.reason);
    const text = requestFileText(reading.file);
    expect(text.split('\n').slice(0, 5)).toEqual([
      '{',
      '  "format": "messages-workbench/request",',
      '  "version": 2,',
      '  "name": "x",',
      '  "auth": "auto",',
    ]);
    expect(text).toContain('"payload": {\n      "to": "1",\n      "channel": "sms"');
    const again = readRequestDocument(text);
    expect(again.kind === 'request' && requestFileText(again.file)).toBe(text);
  });
});

describe('variables and JSON paths', () => {
  it('substitutes known variables and lists unknown ones', () => {
    const result = substituteVariables(
      { to: '{{to}}', text: 'Hi {{ name }}, {{missing}}' },
      new Map([
        ['to', '447700900123'],
        ['name', 'Ana'],
      ]),
    );
    expect(result).toEqual({ value: { to: '447700900123', text: 'Hi Ana, {{missing}}' }, missing: ['missing'] });
  });

  it('reads $.a.b[0] paths and refuses what it cannot read', () => {
    const body = { message_uuid: 'u', items: [{ 'odd name': 1 }] };
    expect(readJsonPath(body, '$.message_uuid')).toEqual({ ok: true, value: { found: true, value: 'u' } });
    expect(readJsonPath(body, "$.items[0]['odd name']")).toEqual({ ok: true, value: { found: true, value: 1 } });
    expect(readJsonPath(body, '$.items[3]')).toEqual({ ok: true, value: { found: false, value: undefined } });
    expect(readJsonPath(body, '$..x')).toMatchObject({ ok: false, error: { code: 'JSON_PATH_INVALID' } });
  });
});
