/**
 * A real `workbench serve` on 127.0.0.1 against bytes no browser would send:
 * raw request lines over net, oversized headers, and WebSocket frames the
 * protocol forbids. After each, the same process must still answer.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { rawExchange, rawRequest, readAnswer } from '../../support/raw-http';
import { startServe, type ServeProcess } from '../../support/serve-process';

let serve: ServeProcess;

/** A fresh `workbench serve` for each block, so one block's crash cannot fail another's tests. */
function withServe(): void {
  beforeAll(async () => {
    serve = await startServe();
  });
  afterAll(async () => {
    expect(await serve.stop()).toBe(0);
  });
}

const request = (line: string, headers: string[] = []) => rawRequest(serve.port, line, headers);
const exchange = async (bytes: string) => readAnswer(await rawExchange(serve.port, bytes));

async function expectHostAlive(): Promise<void> {
  expect(serve.child.exitCode).toBeNull();
  expect((await fetch(serve.url)).status).toBe(200);
}

describe('workbench serve against odd request lines', () => {
  withServe();

  it('answers `GET //` without a token, with the CSP, and lives on (it used to exit: Invalid URL)', async () => {
    const answer = await exchange(request('GET // HTTP/1.1'));
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    await expectHostAlive();
    expect(serve.stderr()).not.toContain(serve.token);
  });

  it('answers every strange target, method and version with a status and the security headers', async () => {
    const attempts = [
      request('GET http://evil.example/x HTTP/1.1'),
      request('GET * HTTP/1.1'),
      request('OPTIONS * HTTP/1.1'),
      request('GET /%zz%E0%A4 HTTP/1.1'),
      request('GET /?token=%zz HTTP/1.1'),
      request('GET //?token=x HTTP/1.1'),
      request(`GET /${'a/'.repeat(4000)} HTTP/1.1`),
      request('CONNECT 127.0.0.1:1 HTTP/1.1'),
      request('BREW / HTTP/1.1'),
      request('GET / HTTP/9.9'),
      request('GET / HTTP/1.1', ['Bad Header: x']),
      '\u0000\u0001 garbage\r\n\r\n',
      request('GET // HTTP/1.1', [
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      ]),
      request(`GET /contract?token=${serve.token} HTTP/1.1`, [
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Version: 99',
        'Sec-WebSocket-Key: short',
      ]),
    ];
    for (const attempt of attempts) {
      const answer = await exchange(attempt);
      expect(answer.status, attempt.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(answer.headers.get('content-security-policy'), attempt.slice(0, 60)).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
    await expectHostAlive();
  });

  it('answers oversized headers with 431 and the CSP', async () => {
    const answer = await exchange(request('GET / HTTP/1.1', [`X-Filler: ${'x'.repeat(20_000)}`]));
    expect(answer.status).toBe(431);
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    await expectHostAlive();
  });
});

describe('workbench serve keeps its token out of cookies', () => {
  withServe();

  it('sets no cookie, needs the token for the page only, and serves assets without it', async () => {
    const page = await fetch(serve.url);
    expect(page.headers.get('set-cookie')).toBeNull();
    const script = /<script[^>]+src="([^"]+)"/.exec(await page.text())?.[1];
    expect(script).toMatch(/^(\.\/|\/)?assets\//);
    const asset = await fetch(new URL(script!, serve.origin));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${serve.origin}/`)).status).toBe(401);
    expect((await fetch(`${serve.origin}/`, { headers: { cookie: `workbench_token=${serve.token}` } })).status).toBe(
      401,
    );
  });
});

interface OpenSocket {
  socket: WebSocket;
  frames: { type: string; id?: number; result?: { ok: boolean }; error?: { code: string } }[];
  nextFrame(): Promise<OpenSocket['frames'][number]>;
  closed: Promise<{ code: number; reason: string }>;
}

async function openContract(): Promise<OpenSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/contract?token=${serve.token}`);
  const frames: OpenSocket['frames'] = [];
  const waiting: ((frame: OpenSocket['frames'][number]) => void)[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    const waiter = waiting.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  // A socket the host closes on a protocol breach also reports an error here; the close event carries the code.
  socket.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`socket refused: ${response.statusCode}`)),
    );
  });
  const nextFrame = () => {
    const queued = frames.shift();
    return queued
      ? Promise.resolve(queued)
      : new Promise<OpenSocket['frames'][number]>((resolve) => waiting.push(resolve));
  };
  expect(await nextFrame()).toEqual({ type: 'hello', host: 'browser' });
  return { socket, frames, nextFrame, closed };
}

async function expectSocketServes(open: OpenSocket): Promise<void> {
  open.socket.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', input: {} }));
  expect(await open.nextFrame()).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
}

describe('the contract socket of workbench serve against bad frames', () => {
  withServe();

  it('closes a socket that sends a frame over 16 MiB with 1009; another socket keeps working', async () => {
    const bystander = await openContract();
    const offender = await openContract();
    offender.socket.send(Buffer.alloc(16 * 1024 * 1024 + 1, 0x20), { binary: false });
    expect((await offender.closed).code).toBe(1009);
    await expectSocketServes(bystander);
    await expectSocketServes(await openContract());
    bystander.socket.close();
    await expectHostAlive();
  });

  it('answers a text frame of invalid UTF-8 with a protocol error, closes with 1007, and lives on', async () => {
    const bystander = await openContract();
    const offender = await openContract();
    offender.socket.send(Buffer.from([0xff, 0xfe, 0xfd]), { binary: false });
    expect(await offender.nextFrame()).toMatchObject({ type: 'protocolError', error: { code: 'FRAME_NOT_UTF8' } });
    expect((await offender.closed).code).toBe(1007);
    await expectSocketServes(bystander);
    bystander.socket.close();
    await expectHostAlive();
  });

  it('closes a socket that breaks WebSocket framing (a reserved opcode) with 1002, and lives on', async () => {
    const bystander = await openContract();
    const closeCode = await new Promise<number>((resolve, reject) => {
      const socket = net.connect(serve.port, '127.0.0.1');
      let received = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        const upgraded = received.length === 0 && chunk.toString('latin1').startsWith('HTTP/1.1 101');
        received = Buffer.concat([received, chunk]);
        // Opcode 0x3 is reserved (RFC 6455 5.2); the frame is masked as a client's must be.
        if (upgraded) socket.write(Buffer.from([0x83, 0x80, 1, 2, 3, 4]));
        const close = received.indexOf(Buffer.from([0x88, 0x02]));
        if (close === -1 || received.length < close + 4) return;
        resolve(received.readUInt16BE(close + 2));
        socket.destroy();
      });
      socket.once('error', reject);
      socket.write(
        rawRequest(serve.port, `GET /contract?token=${serve.token} HTTP/1.1`, [
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        ]).replace('Connection: close\r\n', ''),
      );
    });
    expect(closeCode).toBe(1002);
    await expectSocketServes(bystander);
    bystander.socket.close();
    await expectHostAlive();
  });

  it('answers malformed JSON and a call without a method, so no caller waits forever', async () => {
    const open = await openContract();
    open.socket.send('{"type":"call","id":5,');
    expect(await open.nextFrame()).toMatchObject({ type: 'protocolError', error: { code: 'FRAME_NOT_JSON' } });
    open.socket.send(JSON.stringify({ type: 'call', id: 6 }));
    expect(await open.nextFrame()).toMatchObject({
      type: 'result',
      id: 6,
      result: { ok: false, error: { code: 'FRAME_NOT_A_CALL' } },
    });
    await expectSocketServes(open);
    open.socket.close();
  });
});

describe('WORKBENCH_TOKEN', () => {
  it('refuses a token a page could guess, naming the variable', async () => {
    for (const weak of [
      'a',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      '0123456789abcdef',
      'token with spaces and more than enough characters',
    ]) {
      // A serve that wrongly starts is stopped here, so a failing run leaves no process behind.
      const outcome = await startServe({ token: weak }).then(
        async (started) => `started with ${started.token}, exit ${await started.stop()}`,
        (error: Error) => error.message,
      );
      expect(outcome).toMatch(/exited with 2 before printing a URL: .*WORKBENCH_TOKEN/);
    }
  });

  it('accepts 32 random bytes in base64url and uses them', async () => {
    const token = 'Vq3nX0b9-HkP2sLr_7TyW4cZ8mJd1eFa6gNu5oQiRtY';
    const strong = await startServe({ token });
    expect(strong.token).toBe(token);
    expect((await fetch(strong.url)).status).toBe(200);
    expect(await strong.stop()).toBe(0);
  });
});
