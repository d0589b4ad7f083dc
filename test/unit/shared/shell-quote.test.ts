import { parse } from 'shell-quote';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../../src-shared/shell-quote';

describe('shellQuote', () => {
  it('closes, escapes and reopens around an inner single quote', () => {
    expect(shellQuote("It's")).toBe(`'It'\\''s'`);
  });

  // A shell parser (the shell-quote library's) reads each quoted text back as exactly one word, unchanged.
  it.each([
    ["It's here"],
    ['$HOME and `id` and $(id)'],
    ['a "double" \\ backslash'],
    ['line one\nline two'],
    ["''"],
    [''],
    ['{"text": "It\'s 100% * ? [x]"}'],
  ])('keeps %j one word', (text) => {
    expect(parse(`curl -d ${shellQuote(text)} next`)).toEqual(['curl', '-d', text, 'next']);
  });
});
