import { describe, expect, it } from 'vitest';
import { locatePointer } from '../../../src-renderer/features/builder/json-text-locations';

const text = `{
  "to": "447700900000",
  "template": { "name": "welcome", "parameters": ["Daisy", "12345"] },
  "a/b": 1
}`;

const at = (pointer: string) => {
  const { from, to } = locatePointer(text, pointer);
  return text.slice(from, to);
};

describe('locatePointer', () => {
  it('finds members, nested members, array items and escaped keys', () => {
    expect(at('/to')).toBe('"to": "447700900000"');
    expect(at('/template/name')).toBe('"name": "welcome"');
    expect(at('/template/parameters/1')).toBe('"12345"');
    expect(at('/a~1b')).toBe('"a/b": 1');
  });

  it('falls back to the nearest existing ancestor for an absent member', () => {
    expect(at('/template/locale')).toContain('"template": {');
    expect(at('/whatsapp/locale')).toBe('{');
  });

  it('still maps text that does not parse', () => {
    const broken = '{ "to": "4477", "text": }';
    const { from, to } = locatePointer(broken, '/to');
    expect(broken.slice(from, to)).toBe('"to": "4477"');
  });
});
