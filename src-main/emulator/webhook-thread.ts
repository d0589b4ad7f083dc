/**
 * The emulator's webhook thread (a worker_threads entry; webhook-poster.ts
 * starts it and says why). It signs every webhook and owns the undici agent
 * that POSTs them: it takes them in batches, sends each at once, and answers
 * them in batches, one per event-loop turn.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Agent } from 'undici';
import type { PosterReply, PosterRequest, PosterSettings } from './webhook-poster';
import { createTargetReader, postWebhook } from './webhook-post';
import { createWebhookSigner } from './webhook-signer';
import type { SignatureFault } from '../../src-shared/emulator-scenarios';

const port = parentPort;
if (!port) throw new Error('webhook-thread runs only as a worker thread');
const settings = workerData as PosterSettings;

const agent = new Agent({
  connections: settings.connectionsPerReceiver,
  connect: { timeout: settings.connectTimeoutMs },
  headersTimeout: settings.answerTimeoutMs,
  bodyTimeout: settings.answerTimeoutMs,
});
const targetOf = createTargetReader();
const signer = createWebhookSigner(settings.signing);
let answers: PosterReply['answers'] = [];

function flush(): void {
  const reply: PosterReply = { answers };
  answers = [];
  port!.postMessage(reply);
}

function answer(entry: PosterReply['answers'][number]): void {
  if (answers.length === 0) setImmediate(flush);
  answers.push(entry);
}

/** What a failed attempt reports: undici's error code (UND_ERR_CONNECT_TIMEOUT...) or the system's (ECONNREFUSED), else the message. */
const reasonOf = (error: unknown): string => (error as { code?: string }).code ?? (error as Error).message;

function post(id: number, url: string, fault: SignatureFault | null, body: string): void {
  const began = performance.now();
  const bytes = Buffer.from(body);
  const authorization = signer.authorization(bytes, fault ?? undefined);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  headers['user-agent'] = settings.userAgent;
  let target;
  try {
    target = targetOf(url);
  } catch (error) {
    answer({ id, failure: reasonOf(error), durationMs: performance.now() - began });
    return;
  }
  postWebhook(agent, target, headers, bytes).then(
    (reply) => answer({ id, status: reply.status, preview: reply.preview, durationMs: performance.now() - began }),
    (error: unknown) => answer({ id, failure: reasonOf(error), durationMs: performance.now() - began }),
  );
}

port.on('message', (message: PosterRequest) => {
  if (message.type === 'close') {
    // Fails whatever is still in flight; nobody waits for those answers any more.
    void agent.destroy().finally(() => port.close());
    return;
  }
  const { webhooks } = message;
  for (let index = 0; index < webhooks.length; index += 4)
    post(
      webhooks[index] as number,
      webhooks[index + 1] as string,
      webhooks[index + 2] as SignatureFault | null,
      webhooks[index + 3] as string,
    );
});
