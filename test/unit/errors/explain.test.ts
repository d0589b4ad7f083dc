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

/**
 * The 72 status-webhook codes of spec 1.20.0 with the names that spec gives
 * them, written out here by hand so the catalogue is checked against the
 * spec and not against itself.
 */
const specTitles: Record<number, string> = {
  1000: 'Throttled',
  1010: 'Missing params',
  1020: 'Invalid params',
  1021: 'Invalid tag',
  1022: 'Invalid template',
  1030: 'Internal error',
  1040: 'Invalid message',
  1050: 'Number barred',
  1060: 'Partner account barred',
  1070: 'Provider quota exceeded',
  1080: 'Account not enabled for REST',
  1090: 'Message too long',
  1100: 'Communication Failed',
  1120: 'Illegal Sender Address - rejected',
  1130: 'Invalid TTL',
  1140: 'Facility not allowed',
  1150: 'Invalid Message class',
  1160: 'Non White-listed Destination',
  1170: 'Invalid recipient',
  1180: 'Destination temporarily unavailable',
  1190: 'Absent Subscriber Permanent',
  1200: 'Portability Error',
  1210: 'Anti-Spam Rejection',
  1220: 'Handset Busy',
  1230: 'Temporary network failure',
  1240: 'Illegal Number',
  1241: 'Too many send requests',
  1242: 'Number pool does not exists',
  1250: 'Unroutable',
  1251: 'Unable to route traffic to a destination',
  1260: 'Destination unreachable',
  1270: 'Subscriber Age Restriction',
  1280: 'Number Blocked by Carrier',
  1282: 'Message rejected by provider',
  1290: 'Pre-Paid - Insufficient funds',
  1300: 'Not part of the provider network',
  1310: 'Not suitable device',
  1320: 'Message already sent',
  1330: 'Delivery failed',
  1331: 'Provider error',
  1340: 'Outside of the allowed window',
  1350: 'Phone matching fee not paid',
  1360: 'TTL was activated',
  1370: 'Expired access Token',
  1380: 'Invalid resource',
  1381: 'Resource size is too large',
  1382: 'Unsupported resource type',
  1400: 'Unsupported channel',
  1410: 'Invalid channel parameters',
  1420: 'Invalid sender',
  1430: 'Invalid recipient',
  1431: 'Multiple recipients error',
  1440: 'Invalid message type',
  1450: 'Invalid client reference',
  1451: 'Invalid context',
  1460: 'Daily message limit exceeded',
  1461: 'Auto-limiting of messages by Provider',
  1470: 'Fraud Defender Traffic Rule',
  1472: 'Fraud Defender SMS Burst Protection',
  1473: 'AIT Protection',
  1474: 'Fraud Defender Traffic Rule',
  1475: 'Fraud Defender Traffic Rule',
  1476: 'Do Not Originate (DNO)',
  1480: 'Entity Filter',
  1481: 'Header Filter',
  1482: 'Content Filter',
  1483: 'Consent Filter',
  1484: 'Authentication or compliance failure',
  1490: 'SMS segment timeout',
  2001: 'Fraud protection triggered',
  2002: 'Email size exceeded',
  2003: 'Destination unavailable',
};
const specCodes = Object.keys(specTitles).map(Number);
/** The codes the v0.1 error list also has (1000 to 1382 of the 1.11.0 list). */
const v01Codes = new Set([
  1000, 1010, 1020, 1021, 1022, 1030, 1040, 1050, 1060, 1070, 1080, 1090, 1100, 1120, 1130, 1140, 1150, 1160, 1170,
  1180, 1190, 1200, 1210, 1220, 1230, 1240, 1241, 1250, 1260, 1270, 1280, 1290, 1300, 1310, 1320, 1330, 1331, 1340,
  1350, 1360, 1370, 1380, 1381, 1382,
]);
/** Added in 1.20.0, and the codes whose name changed since 1.11.0 (with the old name). */
const addedIn120 = [1242, 1431, 1474, 1475, 1476, 1490, 2001, 2002, 2003];
const renamedIn120: [number, string][] = [
  [1070, 'Partner quota exceeded'],
  [1170, 'Invalid or Missing Msisdn Param'],
  [1180, 'Absent Subscriber Temporary'],
  [1230, 'Network Error'],
  [1282, 'Message blocked by provider'],
  [1330, 'Unknown'],
  [1382, 'Resource type is invalid'],
  [1484, 'Regulation Error'],
];

describe('error catalogue: the 72 codes of spec 1.20.0', () => {
  it('holds exactly the spec codes, no more, no fewer', () => {
    expect(specCodes).toHaveLength(72);
    const codes = errorCatalog()
      .filter((e) => e.kind === 'vonage-code')
      .map((e) => Number(e.key));
    expect(codes.sort((a, b) => a - b)).toEqual(specCodes);
  });

  it.each(specCodes)('code %i is named as 1.20.0 names it and explained', (code) => {
    const entry = lookupCode(code);
    expect(entry?.title).toBe(specTitles[code]);
    expect(entry?.explanation).toMatch(/\w+ \w+ \w+/);
    expect(entry?.next).toMatch(/\w+ \w+/);
    expect(entry?.explanation).not.toBe(entry?.next);
    expect(entry?.apiVersions).toEqual(v01Codes.has(code) ? ['v1', 'v0.1'] : ['v1']);
  });

  it.each(addedIn120)('new code %i is found by explainError', (code) => {
    expect(explainError(String(code)).map((e) => [e.kind, e.title])).toEqual([['vonage-code', specTitles[code]]]);
  });

  it.each(renamedIn120)('code %i goes by its new name, not "%s"', (code, oldTitle) => {
    expect(lookupCode(code)?.title).not.toBe(oldTitle);
    expect(explainError(oldTitle).filter((e) => e.kind === 'vonage-code' && e.key === String(code))).toEqual([]);
    expect(explainError(specTitles[code]!).map((e) => e.key)).toContain(String(code));
  });

  it('tells the three Fraud Defender traffic rules apart by their reason', () => {
    const rules = explainError('Fraud Defender Traffic Rule');
    expect(rules.map((e) => e.key)).toEqual(['1470', '1474', '1475']);
    expect(rules.map((e) => e.explanation)).toEqual([
      expect.stringMatching(/traffic rules/),
      expect.stringMatching(/country/),
      expect.stringMatching(/network/),
    ]);
  });

  it('explanations are the product\u2019s own, one per code', () => {
    const explanations = specCodes.map((code) => lookupCode(code)?.explanation);
    expect(new Set(explanations).size).toBe(72);
  });

  it('marks temporary and permanent failures as the docs describe them', () => {
    for (const code of [1000, 1180, 1220, 1230, 1331, 1490]) expect(lookupCode(code)?.temporary).toBe(true);
    for (const code of [1190, 1240, 1330, 1340, 1476, 2001, 2002, 2003])
      expect(lookupCode(code)?.temporary).toBe(false);
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
    expect(lookupProblemType('https://developer.vonage.com/api-errors/messages#1340').map((e) => e.key)).toEqual([
      '1340',
    ]);
  });

  it('tells 429 and 500 apart although they share a type URL', () => {
    const both = lookupProblemType('https://developer.vonage.com/api-errors/messages#1000');
    expect(both.filter((e) => e.kind === 'problem-type').map((e) => e.httpStatus)).toEqual([429, 500]);
  });

  it.each([400, 401, 402, 404, 422, 429, 500])('status %i has an entry', (status) => {
    expect(lookupStatus(status)?.httpStatus).toBe(status);
  });

  it('knows the generic problem type of spec 1.20.0, with or without a trailing slash', () => {
    for (const url of ['https://developer.vonage.com/api-errors', 'https://developer.vonage.com/api-errors/']) {
      expect(lookupProblemType(url).map((e) => [e.title, e.related])).toEqual([
        ['An error occurred', ['402', '404', '429', '500']],
      ]);
    }
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
    expect(
      explainError('Invalid sender')
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['problem-type', 'vonage-code']);
    expect(explainError('')[0]?.title).toBe('Operation not supported');
  });

  it('returns an empty list for anything unknown', () => {
    expect(explainError('9999')).toEqual([]);
    expect(explainError('nonsense')).toEqual([]);
  });

  it('lists the product codes the services use', () => {
    for (const code of [
      'PAYLOAD_INVALID',
      'INPUT_INVALID',
      'METHOD_UNKNOWN',
      'INTERNAL',
      'KEYCHAIN_UNAVAILABLE',
      'TUNNEL_UNREACHABLE',
    ]) {
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
