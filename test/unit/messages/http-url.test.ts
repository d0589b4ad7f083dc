import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpUrl } from '../../../src-shared/messages/fields';

/** The model's http(s) URL check takes a short cut for plain URLs; it must accept exactly what z.url() accepts. */
describe('httpUrl', () => {
  const reference = z.url({ protocol: /^https?$/ });
  const schemes = ['http://', 'https://', 'HTTPS://', 'https:', 'https:/', 'ftp://', ' https://', 'javascript:'];
  const hosts = [
    'example.com',
    'my-shop.example.co.uk',
    'xn--abc.com',
    'a.xn--p1ai',
    'a--b.com',
    'x.c0m',
    '1a.b2',
    'localhost',
    'a',
    '..',
    '.',
    '-',
    'a..b',
    '',
    '1.2.3.4',
    '999.1.1.1',
    '0x7f.1',
    '[::1]',
    'user:pw@x.com',
    'é.com',
    'a_b.com',
  ];
  const tails = ['', '/', '/media/a.jpg', '?q=1', '#f', '/a%zz', '/a\\b', ':80/', ':99999', '/é', ' ', '\t', '/a b'];
  const cases = schemes.flatMap((scheme) => hosts.flatMap((host) => tails.map((tail) => scheme + host + tail)));

  it(`agrees with z.url() on ${cases.length} URLs, odd ones included`, () => {
    const disagreements = cases.filter((url) => reference.safeParse(url).success !== httpUrl.safeParse(url).success);
    expect(disagreements).toEqual([]);
  });

  // The short cut reads a plain URL only up to its host; whatever follows must not change the answer.
  const oddCharacters = [
    '\u0000',
    '\u0001',
    '\t',
    '\n',
    '\r',
    ' ',
    '\u007f',
    '\u00a0',
    '\u1680',
    '\u2000',
    '\u2028',
    '\u2029',
    '\u202f',
    '\u3000',
    '\ufeff',
    '\ud800',
    '\udc00',
    '\uffff',
    '%',
    '%zz',
    '\\',
    '@',
    ':',
    '[',
    '//',
    '..',
    'é',
    '😀',
  ];
  const tailCases = ['https://example.com', 'http://my-shop.example.co.uk'].flatMap((start) =>
    ['/', '?', '#'].flatMap((separator) =>
      oddCharacters.flatMap((odd) => [
        start + separator + odd,
        `${start}${separator}a${odd}b`,
        start + separator + odd + ' ',
      ]),
    ),
  );

  it(`agrees with z.url() on ${tailCases.length} plain hosts followed by odd paths, queries and fragments`, () => {
    const disagreements = tailCases.filter(
      (url) => reference.safeParse(url).success !== httpUrl.safeParse(url).success,
    );
    expect(disagreements).toEqual([]);
    expect(tailCases.every((url) => httpUrl.safeParse(url).success)).toBe(true);
  });

  it('reports a bad URL as an invalid url format, as z.url() does', () => {
    expect(httpUrl.safeParse('https:example.com').error?.issues[0]).toMatchObject({
      code: 'invalid_format',
      format: 'url',
    });
  });

  it('keeps the JSON Schema format of z.url()', () => {
    expect(z.toJSONSchema(httpUrl)).toEqual(z.toJSONSchema(reference));
  });
});
