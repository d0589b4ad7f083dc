import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '../../../src-main/webhooks/writer-rows';

describe('rows packed for the writer thread', () => {
  it('come back value for value: nulls, numbers, strings of any kind, and bytes', () => {
    const rows = [
      [1_764_576_000_123, 'POST', '/webhooks/status', '', null, Buffer.from('{"a":1}'), 0, 1, -2.5, 2 ** 53 - 1],
      ['', 'héllo ✓ 𝄞', 'lone \ud800 surrogate', '\u0000nul', new Uint8Array(0), Buffer.from([0xff, 0xfe, 0])],
      [],
    ];
    const unpacked = unpackRows(packRows(rows));
    expect(unpacked).toHaveLength(3);
    unpacked.forEach((row, index) => {
      const expected = (rows[index] ?? []).map((value) => (value instanceof Uint8Array ? Buffer.from(value) : value));
      expect(row).toEqual(expected);
    });
    // libsql binds only Buffers as blobs.
    expect(Buffer.isBuffer(unpacked[0]?.[5])).toBe(true);
    expect(unpacked[1]?.[2]).toBe('lone \ud800 surrogate');
  });

  it('keeps a body that is a view into a larger buffer to its own bytes', () => {
    const pool = Buffer.from('xxxx{"body":true}yyyy');
    const [row] = unpackRows(packRows([[pool.subarray(4, 17)]]));
    expect(row?.[0]?.toString()).toBe('{"body":true}');
  });

  it('refuses a value SQLite would not be given, naming its type', () => {
    expect(() => packRows([[undefined]])).toThrow('A webhook row cannot hold a value of type undefined.');
    expect(() => packRows([[true]])).toThrow('type boolean');
  });
});
