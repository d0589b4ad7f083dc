import { describe, expect, it } from 'vitest';
import { removeAt, setAt, valueAt } from '../../../src-renderer/features/builder/json-pointer';

describe('editing a value at a json pointer', () => {
  const payload = { sms: { encoding_type: 'auto' }, failover: [{ text: 'a' }], 'a/b~c': 1 };

  it('reads members and items, and undefined past the end', () => {
    expect(valueAt(payload, '/failover/0/text')).toBe('a');
    expect(valueAt(payload, '/a~1b~0c')).toBe(1);
    expect(valueAt(payload, '/sms/encoding_type/x')).toBeUndefined();
  });

  it('sets without touching the input, creating objects and arrays on the way', () => {
    const next = setAt(payload, '/template/parameters/0', 'Daisy');
    expect(next).toMatchObject({ template: { parameters: ['Daisy'] } });
    expect(payload).not.toHaveProperty('template');
    expect(setAt(payload, '/failover/0/text', 'b')).toMatchObject({ failover: [{ text: 'b' }] });
    expect(payload.failover[0]!.text).toBe('a');
  });

  it('removes members and array items', () => {
    expect(removeAt(payload, '/sms/encoding_type')).toMatchObject({ sms: {} });
    expect(removeAt(payload, '/failover/0')).toMatchObject({ failover: [] });
    expect(removeAt(payload, '/absent')).toBe(payload);
  });
});
