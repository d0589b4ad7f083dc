/**
 * The emulator's webhooks leave from a thread of their own: a missing build
 * is named at start, a thread that stops turns every waiting webhook into a
 * failed attempt rather than a hang, and closing ends what is still waiting.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import { createEmulator, type EmulatorWebhookEvent } from '../../../src-main/emulator';
import { createWebhookPoster, type WebhookPoster } from '../../../src-main/emulator/webhook-poster';
import { makeCredentials, startHarness, type Harness } from '../../support/emulator-harness';
import { builtWebhookThread, makeTempDir } from '../../support/webhook-harness';

const sms = catalog('v1').find((entry) => entry.channel === 'sms')!.minimal;
const credentials = makeCredentials();
const signing = { signatureSecret: credentials.signatureSecret, apiKey: credentials.apiKey };

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function poster(script: string): WebhookPoster {
  const created = createWebhookPoster({
    script,
    signing,
    userAgent: 'webhook-thread-test',
    connectTimeoutMs: 1_000,
    answerTimeoutMs: 1_000,
    connectionsPerReceiver: 4,
  });
  cleanups.push(() => created.close());
  return created;
}

/** A thread entry that stops as soon as it starts, as a thread that crashed would. */
function stoppingThread(): string {
  const dir = makeTempDir('stopping thread');
  cleanups.push(() => fs.promises.rm(dir, { recursive: true, force: true }));
  const script = path.join(dir, 'stops.js');
  fs.writeFileSync(script, 'process.exit(3);\n');
  return script;
}

describe("the emulator's webhook thread", () => {
  it('is named, with what to do, when its built entry is missing', async () => {
    const missing = path.join(makeTempDir('no build'), 'webhook-thread.js');
    const emulator = createEmulator({
      credentials,
      signatureSecret: credentials.signatureSecret,
      webhookThreadScript: missing,
    });
    await expect(emulator.start()).rejects.toThrow(`${missing} is missing; build the app`);
  });

  it('turns every waiting webhook into a failed attempt when the thread stops', async () => {
    const stopping = poster(stoppingThread());
    const outcomes = await Promise.all([
      stopping.post('http://127.0.0.1:9/status', '{}'),
      stopping.post('http://127.0.0.1:9/status', '{"second":true}'),
    ]);
    expect(outcomes).toEqual([
      { failure: "the emulator's webhook thread stopped (exit code 3)", durationMs: 0 },
      { failure: "the emulator's webhook thread stopped (exit code 3)", durationMs: 0 },
    ]);
  });

  it('ends the webhooks still waiting when closed, and takes no more', async () => {
    let arrived!: () => void;
    const held = new Promise<void>((resolve) => (arrived = resolve));
    // A receiver that takes the webhook and never answers it.
    const silent = http.createServer(() => arrived());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    });
    const open = poster(builtWebhookThread);
    const waiting = open.post(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/status`, '{}');
    await held;
    const ended = expect(waiting).rejects.toThrow('closed by the test');
    await open.close(new Error('closed by the test'));
    await ended;
    await expect(open.post('http://127.0.0.1:9/status', '{}')).rejects.toThrow('closed by the test');
  });

  it('opens no more connections to a receiver than its limit, however many webhooks wait', async () => {
    let connections = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    // Answers on the next turn, so the webhooks of the burst overlap rather than follow one another.
    const receiver = http.createServer((request, response) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      request.resume();
      request.on('end', () =>
        setImmediate(() => {
          inFlight--;
          response.end('ok');
        }),
      );
    });
    receiver.on('connection', () => connections++);
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => receiver.close(resolve)));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/status`;
    const open = poster(builtWebhookThread);
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, index) => open.post(url, `{"n":${index}}`)));
    expect(outcomes.filter((outcome) => 'status' in outcome && outcome.status === 200)).toHaveLength(200);
    expect(connections).toBeLessThanOrEqual(4);
    expect(mostInFlight).toBe(4);
  });

  it('gets past a receiver that holds every connection unanswered: those time out, the next webhook goes out', async () => {
    let requests = 0;
    // The first four (the test's limit) are taken and never answered; the rest are answered at once.
    const receiver = http.createServer((request, response) => {
      requests++;
      request.resume();
      if (requests > 4) request.on('end', () => response.end('ok'));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      receiver.closeAllConnections();
      return new Promise((resolve) => receiver.close(resolve));
    });
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/status`;
    const open = poster(builtWebhookThread);
    const held = Array.from({ length: 4 }, (_, index) => open.post(url, `{"held":${index}}`));
    const next = await open.post(url, '{"next":true}');
    expect(await Promise.all(held)).toEqual(
      Array.from({ length: 4 }, () => expect.objectContaining({ failure: 'UND_ERR_HEADERS_TIMEOUT' })),
    );
    // Its own answer timeout starts when it is sent, not while it waits for a connection.
    expect(next).toEqual(expect.objectContaining({ status: 200 }));
  });

  it('delivers a burst in order of acceptance, every status of every message', async () => {
    const harness: Harness = await startHarness();
    cleanups.push(() => harness.close());
    const answers = await Promise.all(Array.from({ length: 50 }, () => harness.call('/v1/messages', sms)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(202));
    await harness.emulator.settled();
    const attempts = harness.events.filter((event): event is EmulatorWebhookEvent => event.kind === 'emulator.webhook');
    expect(attempts).toHaveLength(100);
    expect(attempts.every((attempt) => attempt.responseStatus === 200)).toBe(true);
    for (const answer of answers) {
      const uuid = answer.body?.message_uuid;
      expect(
        harness.receiver.received
          .filter((webhook) => webhook.body.message_uuid === uuid)
          .map((webhook) => webhook.body.status),
      ).toEqual(['submitted', 'delivered']);
    }
  });
});
