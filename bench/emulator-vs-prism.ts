/**
 * The emulator against the mock a user would otherwise run: Prism, which
 * Vonage's CLI starts for `vonage mock`. Prism serves the project's own small
 * OpenAPI description of the v1 SMS text send (sms-send.openapi.yaml): it
 * checks the credentials are present, validates the body and answers the 202
 * example. The emulator does that and more: it checks the credentials
 * themselves, runs its scenarios and sends signed status webhooks, here to a
 * counting receiver in this process.
 *
 * Each server runs in its own child process; both get the same autocannon
 * load, in alternating rounds (emulator, Prism, Prism, emulator, ...), so a
 * drift in the machine's load falls on both. Sends per second are the mean of
 * the rounds; p99 is the worst round's.
 *
 * Part of `npm run bench`; alone: `npx tsx bench/emulator-vs-prism.ts
 * [--seconds 5] [--rounds 2] [--connections 32]`. Progress goes to stderr.
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

async function round(url: string, seconds: number, connections: number): Promise<Round> {
  const result = await autocannon({ url, method: 'POST', headers, body, connections, duration: seconds });
  return {
    sendsPerSecond: result['2xx'] / result.duration,
    p99Ms: result.latency.p99,
    rejected: result.non2xx + result.errors + result.timeouts,
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
  const rounds = option('rounds', 2);
  const connections = option('connections', 32);
  const receiver = countingServer(200, () => '');
  const receiverUrl = await listen(receiver.server);
  const emulator = await startChildServer(__filename, ['emulator', `${receiverUrl}/status`]);
  const prism = await startPrism();
  try {
    process.stderr.write(`emulator vs prism: ${rounds} rounds of ${seconds} s each, ${connections} connections\n`);
    // A short warm-up of each, so neither pays for JIT compilation in a measured round.
    await round(emulator.url, 1, connections);
    await round(prism.url, 1, connections);
    const emulatorRounds: Round[] = [];
    const prismRounds: Round[] = [];
    for (let index = 0; index < rounds; index++) {
      const order = index % 2 === 0 ? ['emulator', 'prism'] : ['prism', 'emulator'];
      for (const which of order) {
        if (which === 'emulator') emulatorRounds.push(await round(emulator.url, seconds, connections));
        else prismRounds.push(await round(prism.url, seconds, connections));
      }
    }
    await emulator.ask('settle');
    const emulatorRun = summary(emulatorRounds);
    const prismRun = summary(prismRounds);
    process.stderr.write(
      `emulator vs prism: emulator ${JSON.stringify(emulatorRounds)}; prism ${JSON.stringify(prismRounds)}; ${receiver.count()} status webhooks delivered\n`,
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
    await close(receiver.server);
  }
}

if (require.main === module) {
  const served = serveArguments();
  const run = served
    ? serveEmulator(served[1] ?? '')
    : emulatorVsPrism().then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`));
  run.catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
