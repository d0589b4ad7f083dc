import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../../src-main/webhooks/body-depth';

describe('nestsDeeperThan', () => {
  it('counts objects and arrays inside one another, not side by side', () => {
    expect(nestsDeeperThan('{"a":[{"b":[]}]}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(nestsDeeperThan('[[],[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ text: '[[[[{{{{', quoted: '"[[[[', slash: '\\' }), 1)).toBe(false);
    expect(nestsDeeperThan('["\\\\", [[]]]', 2)).toBe(true);
  });

  it('judges text that is not JSON, or cut short, without throwing', () => {
    expect(nestsDeeperThan('[[[[', 3)).toBe(true);
    expect(nestsDeeperThan(']]]][[', 3)).toBe(false);
    expect(nestsDeeperThan('"unterminated [[[[', 1)).toBe(false);
    expect(nestsDeeperThan('[['.repeat(500_000), 256)).toBe(true);
  });
});
