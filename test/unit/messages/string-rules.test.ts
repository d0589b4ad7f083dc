import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isPlainDecimalWithin } from '../../../src-shared/messages/decimal-string';
import { coordinate, dialNumber } from '../../../src-shared/messages/fields';
import { validateRequest } from '../../../src-shared/messages/validate';
import { fuzzSeed } from '../../support/fuzzed-http';

/**
 * Coordinates and dial numbers are checked by refine predicates, coordinates
 * with a short cut for plain decimals. They must accept exactly what the rules
 * as first written accept, and raise the same issues.
 */

/** The coordinate rule as first written: whatever Number() reads as finite and within the limit, blanks aside. */
function coordinateAsWritten(value: string, limit: number): boolean {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= limit;
}

const edgeStrings = [
  '',
  ' ',
  '\t51.5\n',
  ' 51.5',
  '51.5 ',
  '\u00a090',
  '0',
  '-0',
  '+0',
  '-0.0',
  '00',
  '000',
  '0000',
  '090',
  '0090',
  '90',
  '90.',
  '.5',
  '-.5',
  '90.0',
  '90.0000000000000000001',
  '89.99999999999999999999',
  '-90',
  '-90.000',
  '-90.01',
  '91',
  '180',
  '180.0',
  '180.5',
  '-180',
  '-181',
  '999',
  '1e3',
  '1e1',
  '-1e-3',
  '0x10',
  '0b11',
  '0o7',
  'Infinity',
  '-Infinity',
  'NaN',
  '١٢',
  '５',
  '51,5',
  '5_1',
  '--5',
  '-',
  '.',
  '1.2.3',
  '9'.repeat(400),
  '1' + '0'.repeat(308) + '.5',
];

/** Strings shaped like numbers: signs, digits, dots, exponents, spaces and the odd letter. */
const numberLike = fc
  .array(fc.constantFrom('-', '+', '.', 'e', 'x', ' ', '0', '1', '5', '8', '9', '0', '9'), { maxLength: 8 })
  .map((chars) => chars.join(''));
const anyString = fc.oneof(numberLike, fc.string(), fc.double().map(String), fc.constantFrom(...edgeStrings));

describe('coordinates', () => {
  it.each([90, 180] as const)('accept what the rule as first written accepts, within ±%i', (limit) => {
    const schema = coordinate(limit, 'coordinate');
    fc.assert(
      fc.property(anyString, (value) => {
        expect(schema.safeParse(value).success).toBe(coordinateAsWritten(value, limit));
      }),
      { seed: fuzzSeed, numRuns: 5000 },
    );
  });

  it('take the short cut only for strings the rule as first written accepts', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom(90, 180), (value, limit) => {
        if (isPlainDecimalWithin(value, limit)) expect(coordinateAsWritten(value, limit)).toBe(true);
      }),
      { seed: fuzzSeed, numRuns: 5000 },
    );
    // The common forms do take it, or it saves nothing.
    for (const value of ['51.5074', '-0.1278', '0', '-90', '179.999', '90.000']) {
      expect(isPlainDecimalWithin(value, value.startsWith('179') ? 180 : 90)).toBe(true);
    }
  });
});

describe('dial numbers', () => {
  it('accept E.164 with an optional +, and nothing else', () => {
    const reference = /^\+?[1-9]\d{1,14}$/;
    fc.assert(
      fc.property(fc.oneof(anyString, fc.stringMatching(reference)), (value) => {
        expect(dialNumber.safeParse(value).success).toBe(reference.test(value));
      }),
      { seed: fuzzSeed, numRuns: 3000 },
    );
  });
});

describe('the issues of a refused coordinate and dial number', () => {
  it('are the same whether zod compiled the schema or interprets it', () => {
    const schema = z.strictObject({
      latitude: coordinate(90, 'latitude'),
      longitude: coordinate(180, 'longitude'),
      phone_number: dialNumber,
    });
    const compiled = z.compile(schema, { strict: true });
    fc.assert(
      fc.property(anyString, anyString, anyString, (latitude, longitude, phoneNumber) => {
        const value = { latitude, longitude, phone_number: phoneNumber };
        expect(compiled.safeParse(value)).toEqual(schema.safeParse(value));
      }),
      { seed: fuzzSeed, numRuns: 2000 },
    );
  });

  it('quote the value and keep their code and hint', () => {
    const payload = {
      channel: 'rcs',
      message_type: 'text',
      to: '447700900000',
      from: 'Shop',
      text: 'Hi',
      suggestions: [
        { type: 'dial', text: 'Call', postback_data: 'call', phone_number: '0207 946 0000' },
        {
          type: 'view_location',
          text: 'Map',
          postback_data: 'map',
          latitude: '91',
          longitude: '1e3',
          pin_label: 'Shop',
        },
      ],
    };
    expect(validateRequest(payload, { api: 'v1' }).errors).toEqual([
      {
        path: '/suggestions/0/phone_number',
        code: 'INVALID_FORMAT',
        message: '"0207 946 0000" is not a number a phone can dial: use up to 15 digits in E.164 form',
        hint: 'Start with the country code, e.g. 14155550100 or +14155550100, without spaces or dashes.',
      },
      {
        path: '/suggestions/1/latitude',
        code: 'INVALID_FORMAT',
        message: '"91" is not a latitude: a decimal number from -90 to 90, written as a string',
        hint: 'Send it as a JSON string, e.g. "51.5074".',
      },
      {
        path: '/suggestions/1/longitude',
        code: 'INVALID_FORMAT',
        message: '"1e3" is not a longitude: a decimal number from -180 to 180, written as a string',
        hint: 'Send it as a JSON string, e.g. "-0.1278".',
      },
    ]);
  });
});
