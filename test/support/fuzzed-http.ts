/**
 * fast-check generators of request heads no well-behaved client sends, for the
 * seeded fuzzing of every listener. Replay a failure with WORKBENCH_FUZZ_SEED.
 */
import fc from 'fast-check';

export const fuzzSeed = Number(process.env.WORKBENCH_FUZZ_SEED ?? 20261130);

/** Characters that make URLs and headers interesting: separators, escapes, controls and a few non-ASCII ones. */
const oddCharacter = fc.constantFrom(
  ...'/?#%:@*.-_~=&+;,[]\\ "<>\t\u0000\u007fé€aZ09'.split(''),
  '%zz',
  '%E0%A4',
  '%2e%2e',
  '//',
  '..',
);
export const oddText = (maxLength: number) => fc.array(oddCharacter, { maxLength }).map((parts) => parts.join(''));

/** One whole request head (request line, Host, Connection: close and one odd header), as bytes. */
export function oddRequestHead(port: number): fc.Arbitrary<Buffer> {
  return fc
    .record({
      method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'BREW', 'get', ''),
      target: fc.oneof(
        oddText(40),
        oddText(40).map((text) => `/${text}`),
        fc.constant('*'),
        oddText(20).map((text) => `http://${text}/x`),
      ),
      version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', ''),
      header: fc.tuple(
        fc.constantFrom('X-Fuzz', 'Origin', 'Host', 'Cookie', 'Accept', 'Authorization', 'Bad Name', ''),
        oddText(30),
      ),
    })
    .map(({ method, target, version, header: [name, value] }) =>
      Buffer.from(
        `${method} ${target} ${version}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${name}: ${value}\r\n\r\n`,
        'utf8',
      ),
    );
}
