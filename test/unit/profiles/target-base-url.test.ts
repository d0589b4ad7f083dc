import { describe, expect, it } from 'vitest';
import {
  baseUrlForTarget,
  resolveBaseUrl,
  vonageRegionOf,
  vonageRegions,
  type ProfileTarget,
} from '../../../src-shared/profiles';

const emulatorUrl = 'http://127.0.0.1:4010';
const emulator: ProfileTarget = { kind: 'emulator' };

describe('a profile target\u2019s base URL', () => {
  it.each([
    ['default', 'https://api.nexmo.com'],
    ['api-eu', 'https://api-eu.nexmo.com'],
    ['api-us', 'https://api-us.nexmo.com'],
    ['api-ap', 'https://api-ap.nexmo.com'],
  ] as const)('sends a Vonage profile of region %s to %s', (region, url) => {
    expect(baseUrlForTarget({ kind: 'vonage', region }, emulatorUrl)).toBe(url);
    expect(vonageRegionOf(url)).toBe(region);
  });

  it('covers every region the profile form offers', () => {
    expect(vonageRegions).toEqual(['default', 'api-eu', 'api-us', 'api-ap']);
  });

  it.each([
    'https://API-EU.nexmo.com/v1/messages',
    'https://api-eu.vonage.com/v1/messages/aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
    'http://api-eu.nexmo.com',
  ])('reads the region of %s', (url) => {
    expect(vonageRegionOf(url)).toBe('api-eu');
  });

  it.each([
    'https://api-xx.nexmo.com',
    'https://evil.api-eu.nexmo.com.example',
    'https://rest.nexmo.com',
    'not a url',
    '',
  ])('finds no Vonage region in %j', (url) => {
    expect(vonageRegionOf(url)).toBeUndefined();
  });
});

describe('where one send goes', () => {
  it('follows the profile target when the request names no URL', () => {
    expect(resolveBaseUrl(emulator, emulatorUrl)).toBe(emulatorUrl);
    expect(resolveBaseUrl({ kind: 'vonage', region: 'api-ap' }, emulatorUrl)).toBe('https://api-ap.nexmo.com');
  });

  it.each([
    'https://api.nexmo.com',
    'https://api-eu.nexmo.com',
    'https://api-us.nexmo.com/',
    'https://api-ap.vonage.com',
  ])('keeps an emulator profile on the emulator when the request names %s', (requested) => {
    expect(resolveBaseUrl(emulator, emulatorUrl, requested)).toBe(emulatorUrl);
  });

  it('keeps the path of a regional URL when it moves it to the emulator', () => {
    expect(resolveBaseUrl(emulator, emulatorUrl, 'https://api-eu.nexmo.com/proxy/')).toBe(`${emulatorUrl}/proxy`);
  });

  it('sends anywhere else as asked, and a Vonage profile to the region the request names', () => {
    expect(resolveBaseUrl(emulator, emulatorUrl, 'http://127.0.0.1:9999')).toBe('http://127.0.0.1:9999');
    expect(resolveBaseUrl({ kind: 'vonage', region: 'default' }, emulatorUrl, 'https://api-eu.nexmo.com')).toBe(
      'https://api-eu.nexmo.com',
    );
  });
});
