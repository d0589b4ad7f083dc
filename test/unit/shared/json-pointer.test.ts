import { describe, expect, it } from 'vitest';
import { parsePointer, toPointer } from '../../../src-shared/json-pointer';

describe('json pointers', () => {
  it('writes RFC 6901 escapes, ~ before /, so a key holding both survives', () => {
    expect(toPointer(['template', 'parameters', 2])).toBe('/template/parameters/2');
    expect(toPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
    expect(toPointer(['~1'])).toBe('/~01');
    expect(toPointer([])).toBe('');
  });

  it('reads them back into the same keys, indexes as strings', () => {
    for (const path of [['a/b~c', '0'], ['~1'], ['~01/'], [''], []])
      expect(parsePointer(toPointer(path))).toEqual(path);
    expect(parsePointer('/a~1b~0c/0')).toEqual(['a/b~c', '0']);
    expect(parsePointer('')).toEqual([]);
  });
});
