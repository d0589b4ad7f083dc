/**
 * fast-check generators of hostile HTTP requests and WebSocket frames: strange
 * methods, request targets, headers and bodies, as raw bytes. Every request is
 * framed correctly (Content-Length or chunked), so a server must answer each;
 * what is hostile is what the frame holds.
 */
import fc from 'fast-check';

const nastyTargets = [
  '/',
  '//',
  '///',
  '//evil.example/x',
  '/\\evil',
  '*',
  'http://evil.example/webhooks/status',
  'http://[::1/x',
  'https://',
  '/%',
  '/%zz/%c0%af',
  '/%00',
  '/webhooks/status?%',
  '/webhooks/inbound?a=1&a=2&__proto__=x',
  '/?token=',
  '/index.html?token=%ff',
  '/assets/../../etc/passwd',
  '/assets/%2e%2e/%2e%2e/package.json',
  '/contract',
  '/download',
  '/download/',
  `/download/${'A'.repeat(43)}`,
  '/download/%2e%2e/%2e%2e/index.html',
  `/download/${'A'.repeat(43)}?token=`,
  '/v1/messages',
  '/v0.1/messages',
  '/v1/messages/00000000-0000-0000-0000-000000000000',
  '/__proto__',
  '/constructor/prototype',
  `/${'a'.repeat(8000)}`,
  '/ü/☃/\u{1F600}',
];

const pathSegment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._~-]{0,12}$/),
  fc.stringMatching(/^(%[0-9A-Fa-f]{2}){1,4}$/),
  fc.stringMatching(/^%[G-Zg-z]?[0-9]?$/),
  fc.constantFrom('..', '.', '', '__proto__', 'v1', 'messages', 'webhooks', 'status', 'inbound', 'assets', 'download'),
);

const target = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nastyTargets) },
  { weight: 3, arbitrary: fc.array(pathSegment, { maxLength: 6 }).map((segments) => `/${segments.join('/')}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(pathSegment, { maxLength: 3 }), fc.string({ maxLength: 40 }))
      .map(([segments, query]) => `/${segments.join('/')}?${encodeURI(query).replace(/%25/g, '%')}`),
  },
);

const method = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') },
  { weight: 1, arbitrary: fc.constantFrom('TRACE', 'PROPFIND', 'M-SEARCH', 'PURGE', 'LINK', 'SEARCH', 'QUERY') },
);

const headerName = fc.oneof(
  fc.constantFrom(
    'Content-Type',
    'Authorization',
    'Cookie',
    'Origin',
    'X-Forwarded-For',
    'Accept',
    'User-Agent',
    '__proto__',
    'constructor',
    'Expect',
    'Upgrade',
    'If-None-Match',
    'Range',
  ),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/),
);

const headerValue = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,60}$/) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json',
      'application/json; charset=latin1',
      'text/plain',
      'multipart/form-data; boundary=',
      'Bearer ',
      'Bearer a.b.c',
      'Bearer eyJhbGciOiJub25lIn0.eyJpYXQiOiJzb29uIn0.',
      'Basic !!!',
      'Basic ' + Buffer.from(':').toString('base64'),
      'workbench_token=abc; other=1',
      'null',
      'http://evil.example',
      '100-continue',
      'websocket',
      'bytes=0-0,-1',
    ),
  },
  // Now and then a value big enough that the head passes Node's 16 KiB limit.
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 24 }).map((kilobytes) => 'x'.repeat(kilobytes * 1024)) },
);

/** JSON nested `depth` levels deep, arrays and objects alternating. */
export function deepJson(depth: number): string {
  return '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth);
}

const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant(Buffer.alloc(0)) },
  { weight: 4, arbitrary: fc.json({ maxDepth: 6 }).map((text) => Buffer.from(text)) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30_000 }).map((depth) => Buffer.from(deepJson(depth))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Buffer.from([0xe2, 0x28, 0xa1]),
      Buffer.from('{"text":"\ud800"}'),
      Buffer.from('{"a":1,"a":2}'),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ status: fc.string(), message_uuid: fc.string(), channel: fc.string(), timestamp: fc.string() })
      .map((value) => Buffer.from(JSON.stringify(value))),
  },
);

export interface HostileRequest {
  method: string;
  target: string;
  headers: [string, string][];
  body: Buffer;
  chunked: boolean;
}

/** A generator of requests; `extraHeaders` are added to each one (e.g. the Host a server demands). */
export function hostileRequest(
  extraHeaders: fc.Arbitrary<[string, string][]> = fc.constant([]),
): fc.Arbitrary<HostileRequest> {
  return fc.record({
    method,
    target,
    headers: fc
      .tuple(fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }), extraHeaders)
      .map(([random, extra]) => [...extra, ...random]),
    body,
    chunked: fc.boolean(),
  });
}

const framingHeaders = new Set(['content-length', 'transfer-encoding', 'connection', 'expect', 'upgrade']);

/** The request as bytes, framed so a correct server can read exactly one complete request. */
export function requestBytes(request: HostileRequest): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  for (const [name, value] of request.headers) {
    if (!framingHeaders.has(name.toLowerCase())) lines.push(`${name}: ${value}`);
  }
  lines.push('Connection: close');
  if (request.chunked) lines.push('Transfer-Encoding: chunked');
  else lines.push(`Content-Length: ${request.body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  if (!request.chunked) return Buffer.concat([head, request.body]);
  const chunk =
    request.body.length === 0
      ? Buffer.alloc(0)
      : Buffer.concat([Buffer.from(`${request.body.length.toString(16)}\r\n`), request.body, Buffer.from('\r\n')]);
  return Buffer.concat([head, chunk, Buffer.from('0\r\n\r\n')]);
}

/** A header block the server must refuse as a whole: too large, or bytes HTTP forbids. */
export const malformedHead = fc.constantFrom(
  Buffer.from(`GET / HTTP/1.1\r\nX-Big: ${'y'.repeat(70 * 1024)}\r\n\r\n`),
  Buffer.from('GET / HTTP/1.1\r\nBad Header: x\r\n\r\n'),
  Buffer.from('GET / HTTP/1.1\r\nX: a\x00b\r\n\r\n'),
  Buffer.from('GET /\x7f HTTP/1.1\r\n\r\n'),
  Buffer.from('GET / HTTP/9.9\r\n\r\n'),
  Buffer.from('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03'),
  Buffer.from('POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello'),
  Buffer.from('POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'),
  Buffer.from('POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n'),
  Buffer.from('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'),
);

/** Text and binary frames for the contract socket: calls with odd inputs, JSON that is not a call, not JSON, not UTF-8. */
export const hostileFrame = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        id: fc.oneof(fc.nat(), fc.integer(), fc.string(), fc.constant(null)),
        method: fc.oneof(
          fc.constantFrom('app.info', 'webhooks.list', 'messages.validate', 'errors.explain', 'nope', '__proto__'),
          fc.string(),
        ),
        input: fc.jsonValue({ maxDepth: 4 }),
      })
      .map((call) => ({ text: true as const, data: Buffer.from(JSON.stringify({ type: 'call', ...call })) })),
  },
  { weight: 2, arbitrary: fc.json({ maxDepth: 4 }).map((text) => ({ text: true as const, data: Buffer.from(text) })) },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ text: true as const, data: Buffer.from(text) })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ text: false as const, data: Buffer.from(bytes) })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { text: true as const, data: Buffer.from([0xe2, 0x28, 0xa1]) },
      {
        text: true as const,
        data: Buffer.from(`{"type":"call","id":1,"method":"app.info","input":${deepJson(20_000)}}`),
      },
    ),
  },
);
