import { describe, expect, it } from 'vitest';
import {
  errorCatalog,
  errorEntrySchema,
  explainError,
  lookupCode,
  lookupProblemType,
  lookupProductCode,
  lookupStatus,
} from '../../../src-shared/errors';

/** The codes of the v0.1 error list (44), written out independently of the catalogue. */
const v01Codes = [
  1000, 1010, 1020, 1021, 1022, 1030, 1040, 1050, 1060, 1070, 1080, 1090, 1100, 1120, 1130, 1140, 1150, 1160, 1170,
  1180, 1190, 1200, 1210, 1220, 1230, 1240, 1241, 1250, 1260, 1270, 1280, 1290, 1300, 1310, 1320, 1330, 1331, 1340,
  1350, 1360, 1370, 1380, 1381, 1382,
];
/** The 19 codes v1 added. */
const v1OnlyCodes = [1251, 1282, 1400, 1410, 1420, 1430, 1440, 1450, 1451, 1460, 1461, 1470, 1472, 1473, 1480, 1481, 1482, 1483, 1484];

describe('error catalogue: Vonage codes', () => {
  it('lists 44 v0.1 codes and 63 v1 codes', () => {
    expect(v01Codes).toHaveLength(44);
    expect(new Set([...v01Codes, ...v1OnlyCodes]).size).toBe(63);
  });

  it.each([...v01Codes, ...v1OnlyCodes])('code %i has a complete entry', (code) => {
    const entry = lookupCode(code);
    expect(entry).toBeDefined();
    expect(entry?.title.length).toBeGreaterThan(2);
    expect(entry?.explanation.length).toBeGreaterThan(10);
    expect(entry?.next.length).toBeGreaterThan(5);
    expect(entry?.apiVersions).toEqual(v1OnlyCodes.includes(code) ? ['v1'] : ['v1', 'v0.1']);
  });

  it('has no codes beyond the documented ones', () => {
    const codes = errorCatalog().filter((e) => e.kind === 'vonage-code').map((e) => Number(e.key));
    expect(codes.sort()).toEqual([...v01Codes, ...v1OnlyCodes].sort());
  });

  it('marks temporary and permanent failures as the docs describe them', () => {
    for (const code of [1000, 1180, 1220, 1230, 1331]) expect(lookupCode(code)?.temporary).toBe(true);
    for (const code of [1190, 1240, 1340]) expect(lookupCode(code)?.temporary).toBe(false);
  });

  it('finds a code given as a v1 error.title string', () => {
    expect(lookupCode(' 1340 ')?.title).toBe('Outside of the allowed window');
  });
});

describe('error catalogue: problem types and statuses', () => {
  it('finds a problem type however Vonage spells the URL', () => {
    for (const url of [
      'https://developer.vonage.com/api-errors/#unathorized',
      'https://developer.nexmo.com/api-errors/#unathorized',
      'https://developer.vonage.com/api-errors#unathorized',
    ]) {
      expect(lookupProblemType(url).map((e) => e.title)).toEqual(['Unauthorized']);
    }
  });

  it('returns both readings of an ambiguous messages anchor', () => {
    const found = lookupProblemType('https://developer.vonage.com/api-errors/messages#1100');
    expect(found.map((e) => [e.kind, e.title])).toEqual([
      ['problem-type', 'Unsupported channel'],
      ['vonage-code', 'Communication Failed'],
    ]);
    expect(found[0]?.related).toEqual(['1400']);
  });

  it('reads a status-webhook error type as its code', () => {
    expect(lookupProblemType('https://developer.vonage.com/api-errors/messages#1340').map((e) => e.key)).toEqual(['1340']);
  });

  it('tells 429 and 500 apart although they share a type URL', () => {
    const both = lookupProblemType('https://developer.vonage.com/api-errors/messages#1000');
    expect(both.filter((e) => e.kind === 'problem-type').map((e) => e.httpStatus)).toEqual([429, 500]);
  });

  it.each([400, 401, 402, 404, 422, 429, 500])('status %i has an entry', (status) => {
    expect(lookupStatus(status)?.httpStatus).toBe(status);
  });

  it('knows the v0.1 problem type', () => {
    expect(lookupProblemType('https://www.nexmo.com/messages/Errors#InvalidParams')[0]?.httpStatus).toBe(400);
  });
});

describe('explainError', () => {
  it('answers a number with the status and the code that share it', () => {
    expect(explainError(429).map((e) => e.kind)).toEqual(['http-status']);
    expect(explainError('1000').map((e) => e.kind)).toEqual(['vonage-code']);
  });

  it('answers URLs, product codes, titles and the empty PATCH type', () => {
    expect(explainError('https://developer.vonage.com/api-errors#invalid-json')[0]?.httpStatus).toBe(422);
    expect(explainError('keychain_unavailable')[0]?.key).toBe('KEYCHAIN_UNAVAILABLE');
    expect(explainError('Invalid sender').map((e) => e.kind).sort()).toEqual(['problem-type', 'vonage-code']);
    expect(explainError('')[0]?.title).toBe('Operation not supported');
  });

  it('returns an empty list for anything unknown', () => {
    expect(explainError('9999')).toEqual([]);
    expect(explainError('nonsense')).toEqual([]);
  });

  it('lists the product codes the services use', () => {
    for (const code of ['PAYLOAD_INVALID', 'INPUT_INVALID', 'METHOD_UNKNOWN', 'INTERNAL', 'KEYCHAIN_UNAVAILABLE', 'TUNNEL_UNREACHABLE']) {
      expect(lookupProductCode(code)).toBeDefined();
    }
  });

  it('returns schema-valid copies', () => {
    const all = errorCatalog();
    for (const entry of all) expect(errorEntrySchema.parse(entry)).toEqual(entry);
    const first = explainError(1000)[0];
    if (first) first.title = 'changed';
    expect(explainError(1000)[0]?.title).toBe('Throttled');
  });
});
