import { describe, expect, it } from 'vitest';
import { urlSegments } from '../../../src-renderer/components/url-segments';

describe('the places a URL may wrap', () => {
  it('cuts after each separator and keeps the scheme whole', () => {
    expect(urlSegments('https://media.example.com/a/b.jpg?size=large&v=2#top')).toEqual([
      'https://',
      'media.example.com/',
      'a/',
      'b.jpg?',
      'size=',
      'large&',
      'v=',
      '2#',
      'top',
    ]);
  });

  it('gives back every character, in order, whatever the text', () => {
    for (const text of ['', '/', '//x//', 'no separators', 'http://127.0.0.1:3000/webhooks/status', '?&=#'])
      expect(urlSegments(text).join('')).toBe(text);
  });
});
