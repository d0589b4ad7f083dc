import { describe, expect, it } from 'vitest';
import { baseUrlBelongsToProfile, profileOrigins } from '../../../src-shared/profiles';

const emulatorUrl = 'http://127.0.0.1:4010';

describe("a profile's own hosts", () => {
  it('are the emulator for an emulator profile, whatever the path', () => {
    expect(profileOrigins({ kind: 'emulator' }, emulatorUrl)).toEqual([emulatorUrl]);
    expect(baseUrlBelongsToProfile(`${emulatorUrl}/v1`, { kind: 'emulator' }, emulatorUrl)).toBe(true);
    expect(baseUrlBelongsToProfile('http://127.0.0.1:4011', { kind: 'emulator' }, emulatorUrl)).toBe(false);
    expect(baseUrlBelongsToProfile(emulatorUrl, { kind: 'emulator' }, '')).toBe(false);
  });

  it('are every Vonage region for a Vonage profile, over https only', () => {
    const vonage = { kind: 'vonage', region: 'api-eu' } as const;
    for (const url of [
      'https://api.nexmo.com',
      'https://api-eu.nexmo.com/',
      'https://api-us.nexmo.com/x',
      'https://api-ap.nexmo.com',
    ]) {
      expect(baseUrlBelongsToProfile(url, vonage, emulatorUrl), url).toBe(true);
    }
    for (const url of [
      'http://api.nexmo.com',
      'https://api.nexmo.com.evil.example',
      'https://evil.example/api.nexmo.com',
      'https://api.nexmo.com:8443',
    ]) {
      expect(baseUrlBelongsToProfile(url, vonage, emulatorUrl), url).toBe(false);
    }
  });

  it('are the origin of its base URL for a custom profile; anything unparsable belongs to none', () => {
    const custom = { kind: 'custom', baseUrl: 'https://gateway.example:8443/messages' } as const;
    expect(baseUrlBelongsToProfile('https://gateway.example:8443/other', custom, emulatorUrl)).toBe(true);
    expect(baseUrlBelongsToProfile('https://gateway.example/messages', custom, emulatorUrl)).toBe(false);
    expect(baseUrlBelongsToProfile('not a url', custom, emulatorUrl)).toBe(false);
  });
});
