import { describe, expect, it } from 'vitest';
import { decodePath, parseRequestTarget } from '../../../src-main/http/request-target';

describe('the request target parser', () => {
  it('reads path and query of the forms clients send, and of the ones they should not', () => {
    const cases: [string | undefined, string, string][] = [
      ['/webhooks/status?a=1', '/webhooks/status', 'a=1'],
      ['//', '//', ''],
      ['//?token=x', '//', 'token=x'],
      ['http://evil.example/x?y', '/x', 'y'],
      ['http://evil.example', '/', ''],
      ['HTTPS://EVIL.example:8080/a/b', '/a/b', ''],
      ['*', '*', ''],
      ['127.0.0.1:443', '127.0.0.1:443', ''],
      ['?only=query', '/', 'only=query'],
      ['/a#fragment?not-query', '/a', ''],
      ['', '/', ''],
      [undefined, '/', ''],
      ['/%zz%E0?x=%zz', '/%zz%E0', 'x=%zz'],
    ];
    for (const [target, path, query] of cases) {
      expect(parseRequestTarget(target), String(target)).toMatchObject({ path, query });
    }
  });

  it('never throws on broken percent-encoding or absurd length, and keeps what it cannot decode', () => {
    expect(parseRequestTarget('/?token=%zz&token=b').params.getAll('token')).toEqual(['%zz', 'b']);
    const long = `/${'a'.repeat(100_000)}?${'b=c&'.repeat(10_000)}`;
    expect(parseRequestTarget(long).path).toHaveLength(100_001);
    expect(decodePath('/v1/messages/%E0%A4%zz')).toBeUndefined();
    expect(decodePath('a%20b')).toBe('a b');
  });
});
