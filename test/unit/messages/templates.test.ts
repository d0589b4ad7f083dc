import { describe, expect, it } from 'vitest';
import { combinations } from '../../../src-shared/messages/channels';
import { catalog } from '../../../src-shared/messages/catalog';
import { validateRequest } from '../../../src-shared/messages/validate';

describe('catalog', () => {
  it('has one entry per combination: 36 for v1, 16 for v0.1', () => {
    expect(catalog('v1')).toHaveLength(36);
    expect(catalog('v0.1')).toHaveLength(16);
    const keys = catalog().map((e) => `${e.api} ${e.channel}/${e.messageType}`);
    const expected = combinations().map((c) => `${c.api} ${c.channel}/${c.messageType}`);
    expect(keys.sort()).toEqual(expected.sort());
  });

  it('hands out copies, so editing one does not change the next', () => {
    const first = catalog('v1')[0];
    if (first) first.minimal.to = 'changed';
    expect(catalog('v1')[0]?.minimal.to).toBe('447700900000');
  });

  describe.each(catalog())('$api $channel/$messageType', (entry) => {
    it('minimal template validates with no errors and no warnings', () => {
      expect(validateRequest(entry.minimal, { api: entry.api })).toEqual({ errors: [], warnings: [] });
    });

    it('full template validates with no errors and no warnings', () => {
      expect(validateRequest(entry.full, { api: entry.api })).toEqual({ errors: [], warnings: [] });
    });

    it('full template uses more fields than the minimal one', () => {
      expect(JSON.stringify(entry.full).length).toBeGreaterThan(JSON.stringify(entry.minimal).length);
    });
  });
});
