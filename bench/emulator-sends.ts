/**
 * Sends per second the emulator accepts (auth, validation, scenarios, 202)
 * while its status webhooks flow, signed, to a local receiver, against a bare
 * node:http server answering 202 to the same request: same autocannon load,
 * same run.
 */
import crypto from 'node:crypto';
import { createEmulator } from '../src-main/emulator';
import { createMemoryLogger } from '../src-main/logger';
import { autocannon } from './autocannon';
import { figure, type Figure } from './figure';
import { close, countingServer, listen } from './local-servers';
import { basicJsonHeaders } from './basic-json-headers';
import { builtWebhookThread } from '../test/support/webhook-harness';

const connections = 16;
const seconds = 5;

async function acceptedPerSecond(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ perSecond: number; p99Ms: number }> {
  const result = await autocannon({ url, method: 'POST', headers, body, connections, duration: seconds });
  return { perSecond: result['2xx'] / result.duration, p99Ms: result.latency.p99 };
}

export async function emulatorSends(): Promise<Figure[]> {
  const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const credentials = {
    apiKey: 'bench',
    apiSecret: 'bench-secret',
    applicationId: crypto.randomUUID(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  const receiver = countingServer(200, () => '');
  const receiverUrl = await listen(receiver.server);
  const emulator = createEmulator({
    credentials,
    signatureSecret: 'bench-signature-secret',
    statusUrl: `${receiverUrl}/status`,
    scenarios: [],
    timings: { submittedMs: 0, deliveredMs: 0, readMs: 0 },
    logger: createMemoryLogger(),
    webhookThreadScript: builtWebhookThread,
  });
  await emulator.start();
  const bare = countingServer(202, () => JSON.stringify({ message_uuid: crypto.randomUUID() }));
  const bareUrl = await listen(bare.server);

  const body = JSON.stringify({
    channel: 'whatsapp',
    message_type: 'text',
    to: '447700900000',
    from: '447700900001',
    text: 'Hello from the bench',
  });
  const headers = basicJsonHeaders(credentials);
  // A short warm-up of each path, so neither pays for JIT compilation in the measured run.
  await autocannon({ url: `${emulator.url}/v1/messages`, method: 'POST', headers, body, connections, duration: 1 });
  await autocannon({ url: bareUrl, method: 'POST', headers, body, connections, duration: 1 });

  const baseline = await acceptedPerSecond(bareUrl, headers, body);
  const value = await acceptedPerSecond(`${emulator.url}/v1/messages`, headers, body);
  await emulator.settled();
  process.stderr.write(`emulator bench: ${receiver.count()} status webhooks delivered\n`);

  await emulator.close();
  await close(bare.server);
  await close(receiver.server);
  return [
    {
      ...figure({
        name: 'emulator sends accepted (webhooks flowing)',
        unit: 'sends/s',
        value: value.perSecond,
        baselineName: 'bare node:http 202',
        baseline: baseline.perSecond,
      }),
      valueP99Ms: value.p99Ms,
      baselineP99Ms: baseline.p99Ms,
    },
  ];
}
