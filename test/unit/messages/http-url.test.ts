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
