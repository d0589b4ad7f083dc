/**
 * The emulator against the mock a user would otherwise run: Prism, which
 * Vonage's CLI starts for `vonage mock`. Prism serves the project's own small
 * OpenAPI description of the v1 SMS text send (sms-send.openapi.yaml): it
 * checks the credentials are present, validates the body and answers the 202
 * example. The emulator does that and more: it checks the credentials
 * themselves, runs its scenarios and sends signed status webhooks, here to a
 * counting receiver.
 *
 * Each server runs in its own child process, and so does that receiver, so the
 * load generator's thread serves none of them; both servers get the same autocannon
 * load, in alternating rounds (emulator, Prism, Prism, emulator, ...), so a
 * drift in the machine's load falls on both, after a warm-up round each (Prism
 * answers about half as fast in its first seconds as once warm). An emulator
 * round ends when its last webhook is delivered. Sends per second are the mean
 * of four rounds each (with two, the same code read 2.85× to 3.40× from run to
 * run, as Prism's rounds swing widely); p99 is the worst round's.
 *
 * On a machine of two cores the emulator's side is bound by CPU: a send with
 * its two status webhooks costs the emulator, the receiver and autocannon
 * about 400 µs, so the emulator's two threads fill both cores near 5,000
 * sends/s, while Prism, on one thread, takes one core at 1,000–1,900/s.
 *
 * Part of `npm run bench`; alone: `npx tsx bench/emulator-vs-prism.ts
 * [--seconds 5] [--rounds 4] [--connections 32] [--warm-up SECONDS]`. Progress
 * goes to stderr.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { createEmulator } from '../src-main/emulator';
import { createMemoryLogger } from '../src-main/logger';
import { autocannon } from './autocannon';
import { answerParent, serveArguments, startChildServer } from './child-server';
import { figure, option, type Figure } from './figure';
import { close, countingServer, freePort, listen } from './local-servers';
import { basicJsonHeaders } from './basic-json-headers';
import { builtWebhookThread } from '../test/support/webhook-harness';

const credentials = { apiKey: 'bench', apiSecret: 'bench-secret' };
const body = JSON.stringify({
  channel: 'sms',
  message_type: 'text',
  to: '447700900000',
  from: '447700900001',
  text: 'Hello from the bench',
});
const headers = basicJsonHeaders(credentials);

/** Child role: the emulator, its status webhooks going to `statusUrl`. */
async function serveEmulator(statusUrl: string): Promise<void> {
  const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const emulator = createEmulator({
    credentials: {
      ...credentials,
      applicationId: crypto.randomUUID(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
    signatureSecret: 'bench-signature-secret',
    statusUrl,
    scenarios: [],
    timings: { submittedMs: 0, deliveredMs: 0, readMs: 0 },
    logger: createMemoryLogger(),
    webhookThreadScript: builtWebhookThread,
  });
  await emulator.start();
  answerParent(`${emulator.url}/v1/messages`, {
    settle: async () => {
      await emulator.settled();
      return {};
    },
    report: async () => {
      await emulator.close();
      return {};
    },
  });
}

/** Child role: the receiver of the emulator's status webhooks, counting them. */
async function serveReceiver(): Promise<void> {
  const receiver = countingServer(200, () => '');
  answerParent(`${await listen(receiver.server)}/status`, {
    report: async () => {
      await close(receiver.server);
      return { delivered: receiver.count() };
    },
  });
}

/** A child's role, as the parent names it: anything else stops the child rather than serving the wrong thing. */
function serveRole(role: string | undefined, statusUrl: string | undefined): Promise<void> {
  if (role === 'receiver') return serveReceiver();
  if (role === 'emulator' && statusUrl !== undefined) return serveEmulator(statusUrl);
  return Promise.reject(new Error(`unknown bench child: ${role ?? '(none)'} ${statusUrl ?? ''}`));
}

/** Prism as users run it (`prism mock FILE`), with its default logging, which this process drains. */
async function startPrism(): Promise<{ url: string; stop: () => void }> {
  const cli = path.join(path.dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [cli, 'mock', path.join(__dirname, 'sms-send.openapi.yaml'), '-h', '127.0.0.1', '-p', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.resume();
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Prism is listening')) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve();
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`prism exited with ${code}: ${output.slice(-500)}`)));
  });
  return { url: `http://127.0.0.1:${port}/v1/messages`, stop: () => child.kill() };
}

interface Round {
  sendsPerSecond: number;
  p99Ms: number;
  rejected: number;
}

/**
 * One round of load; `settle`, when given, waits until every webhook of the
 * round is delivered, and that wait counts in the round's time: sends whose
 * webhooks are still queued at the end are not sends the server kept up with.
 */
async function round(
  url: string,
  seconds: number,
  connections: number,
  settle?: () => Promise<unknown>,
): Promise<Round & { settleSeconds: number }> {
  const result = await autocannon({ url, method: 'POST', headers, body, connections, duration: seconds });
  const began = performance.now();
  await settle?.();
  const settleSeconds = (performance.now() - began) / 1000;
  return {
    sendsPerSecond: result['2xx'] / (result.duration + settleSeconds),
    p99Ms: result.latency.p99,
    rejected: result.non2xx + result.errors + result.timeouts,
    settleSeconds,
  };
}

function summary(rounds: Round[]): Round {
  return {
    sendsPerSecond: rounds.reduce((sum, each) => sum + each.sendsPerSecond, 0) / rounds.length,
    p99Ms: Math.max(...rounds.map((each) => each.p99Ms)),
    rejected: rounds.reduce((sum, each) => sum + each.rejected, 0),
  };
}

export async function emulatorVsPrism(): Promise<Figure[]> {
  const seconds = option('seconds', 5);
  const rounds = option('rounds', 4);
  const connections = option('connections', 32);
  const warmUpSeconds = option('warm-up', seconds);
  const receiver = await startChildServer(__filename, ['receiver']);
  const emulator = await startChildServer(__filename, ['emulator', receiver.url]);
  const prism = await startPrism();
  try {
    process.stderr.write(`emulator vs prism: ${rounds} rounds of ${seconds} s each, ${connections} connections\n`);
    // A warm-up round of each, so neither pays for JIT compilation or heap growth in a measured one.
    const settleEmulator = () => emulator.ask('settle');
    await round(emulator.url, warmUpSeconds, connections, settleEmulator);
    await round(prism.url, warmUpSeconds, connections);
    const emulatorRounds: Round[] = [];
    const prismRounds: Round[] = [];
    for (let index = 0; index < rounds; index++) {
      const order = index % 2 === 0 ? ['emulator', 'prism'] : ['prism', 'emulator'];
      for (const which of order) {
        if (which === 'emulator') emulatorRounds.push(await round(emulator.url, seconds, connections, settleEmulator));
        else prismRounds.push(await round(prism.url, seconds, connections));
      }
    }
    const emulatorRun = summary(emulatorRounds);
    const prismRun = summary(prismRounds);
    process.stderr.write(
      `emulator vs prism: emulator ${JSON.stringify(emulatorRounds)}; prism ${JSON.stringify(prismRounds)}\n`,
    );
    if (emulatorRun.rejected + prismRun.rejected > 0)
      process.stderr.write(
        `emulator vs prism: non-2xx or errors: emulator ${emulatorRun.rejected}, prism ${prismRun.rejected}\n`,
      );
    return [
      {
        ...figure({
          name: 'SMS sends accepted, status webhooks flowing',
          unit: 'sends/s',
          value: emulatorRun.sendsPerSecond,
          baselineName: 'Prism mock, same OpenAPI call',
          baseline: prismRun.sendsPerSecond,
          goal: '≥ 3×',
        }),
        valueP99Ms: emulatorRun.p99Ms,
        baselineP99Ms: prismRun.p99Ms,
      },
    ];
  } finally {
    prism.stop();
    await emulator.report();
    const { delivered } = await receiver.report<{ delivered: number }>();
    process.stderr.write(`emulator vs prism: ${delivered} status webhooks delivered\n`);
  }
}

if (require.main === module) {
  const served = serveArguments();
  const run = served
    ? serveRole(served[0], served[1])
    : emulatorVsPrism().then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`));
  run.catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
