/**
 * Sends per second through the core's send path (validation hook, Basic
 * header, capture, timing phases) against raw undici Pool requests to the
 * same loopback server in the same run. Goal: the core within 1.3× of raw.
 * History is left out: it is a database write, measured on its own terms.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { basicAuthorization } from '../src-main/auth/basic';
import { createSendService } from '../src-main/send/send-service';
import { figure, throughput, type Figure } from './figure';
import { catalog } from '../src-shared/messages';

const payload = catalog('v1').find(
  (entry) => entry.channel === 'whatsapp' && entry.messageType === 'template',
)!.minimal;
const answer = JSON.stringify({ message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab' });
const sends = 5_000;
const concurrency = 16;

function startServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(202, { 'content-type': 'application/json' });
      response.end(answer);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

export async function sendPathThroughput(): Promise<Figure[]> {
  const { server, url } = await startServer();
  const core = createSendService({ validatePayload: () => [], connectionsPerOrigin: concurrency });
  const raw = new Pool(url, { connections: concurrency });
  const authorization = basicAuthorization('abc123de', 'Ab3De6Gh9Jk2cd12');

  const coreSend = async () => {
    const result = await core.send({
      baseUrl: url,
      auth: { kind: 'basic', apiKey: 'abc123de', apiSecret: 'Ab3De6Gh9Jk2cd12' },
      operation: { kind: 'send', api: 'v1', payload },
    });
    if (!result.ok || !result.value.succeeded) throw new Error('core send failed');
  };
  const rawSend = async () => {
    const response = await raw.request({
      method: 'POST',
      path: '/v1/messages',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization },
      body: JSON.stringify(payload),
    });
    JSON.parse(await response.body.text());
    if (response.statusCode !== 202) throw new Error('raw send failed');
  };

  // Warm both paths (JIT, connections), then alternate runs so drift hits both alike.
  await throughput(1_000, concurrency, coreSend);
  await throughput(1_000, concurrency, rawSend);
  const coreRates: number[] = [];
  const rawRates: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    rawRates.push(await throughput(sends, concurrency, rawSend));
    coreRates.push(await throughput(sends, concurrency, coreSend));
  }
  await core.close();
  await raw.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));

  const best = (rates: number[]) => Math.max(...rates);
  const coreRate = best(coreRates);
  const rawRate = best(rawRates);
  // Stated as raw / core, so "within 1.3×" reads as ratio <= 1.3.
  return [
    figure({
      name: 'send path: raw undici per core send',
      unit: '×',
      value: rawRate / coreRate,
      baselineName: 'raw undici sends/s',
      baseline: 1,
      goal: '≤ 1.3×',
    }),
    figure({
      name: 'send path: core sends',
      unit: 'sends/s',
      value: coreRate,
      baselineName: 'raw undici sends/s',
      baseline: rawRate,
    }),
  ];
}
