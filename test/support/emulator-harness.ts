import crypto from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { createEmulator, type Emulator, type EmulatorEvent, type EmulatorOptions } from '../../src-main/emulator';
import { createMemoryLogger } from '../../src-main/logger';
import { startReceiver, type Receiver, type ReceiverOptions, type ReceivedWebhook } from './emulator-receiver';
import { builtWebhookThread } from './webhook-harness';

/** Credentials made up for one test run: a fresh RSA key pair per run. */
export function makeCredentials() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    apiKey: 'abcd1234',
    apiSecret: 'emulator-test-secret',
    applicationId: crypto.randomUUID(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    signatureSecret: 'signature-secret-for-tests-0123456789',
  };
}
export type TestCredentials = ReturnType<typeof makeCredentials>;

export const basicAuth = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

/** A Vonage-style RS256 application JWT; `claims` override or add. */
export async function applicationJwt(
  privateKeyPem: string,
  applicationId: string,
  claims: Record<string, unknown> = {},
) {
  const key = crypto.createPrivateKey(privateKeyPem);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ application_id: applicationId, iat: now, exp: now + 900, jti: crypto.randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .sign(key);
}

/**
 * Checks a received webhook the way a careful receiver does: HS256 with the
 * signature secret, then payload_hash against the raw bytes. Returns the claims.
 */
export async function verifyWebhook(webhook: ReceivedWebhook, signatureSecret: string) {
  const token = /^Bearer (.+)$/.exec(webhook.headers.authorization ?? '')?.[1];
  if (token === undefined) throw new Error('webhook without a Bearer token');
  const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(signatureSecret), {
    algorithms: ['HS256'],
  });
  const hash = crypto.createHash('sha256').update(webhook.raw).digest('hex');
  if (payload.payload_hash !== hash) throw new Error('payload_hash does not match the body bytes');
  return { payload, protectedHeader };
}

export interface EmulatorCallOptions {
  method?: string;
  /** The Authorization header; null sends none. */
  authorization?: string | null;
}

export interface EmulatorAnswer {
  status: number;
  body: Record<string, unknown> | null;
  headers: Headers;
}

/** POSTs (or, by `method`, PATCHes) JSON, or raw text as it is, to the emulator at `baseUrl`. */
export async function callEmulator(
  baseUrl: string,
  path: string,
  body: unknown,
  { method = 'POST', authorization = null }: EmulatorCallOptions = {},
): Promise<EmulatorAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}

export interface Harness {
  emulator: Emulator;
  receiver: Receiver;
  credentials: TestCredentials;
  events: EmulatorEvent[];
  logger: ReturnType<typeof createMemoryLogger>;
  /** POSTs or PATCHes JSON (or raw text) to the emulator, with the harness credentials unless told otherwise. */
  call(path: string, body: unknown, options?: EmulatorCallOptions): Promise<EmulatorAnswer>;
  close(): Promise<void>;
}

/** An emulator with zero delays whose status and inbound webhooks go to a fresh local receiver. */
export async function startHarness(
  overrides: Partial<EmulatorOptions> = {},
  receiverOptions: ReceiverOptions = {},
): Promise<Harness> {
  const credentials = makeCredentials();
  const receiver = await startReceiver(receiverOptions);
  const events: EmulatorEvent[] = [];
  const logger = createMemoryLogger();
  const emulator = createEmulator({
    credentials,
    signatureSecret: credentials.signatureSecret,
    statusUrl: `${receiver.url}/status`,
    inboundUrl: `${receiver.url}/inbound`,
    timings: { submittedMs: 0, deliveredMs: 0, readMs: 0, retryDelaysMs: [1, 2, 4] },
    onEvent: (event) => events.push(event),
    logger,
    webhookThreadScript: builtWebhookThread,
    ...overrides,
  });
  await emulator.start();
  const defaultAuth = basicAuth(credentials.apiKey, credentials.apiSecret);
  return {
    emulator,
    receiver,
    credentials,
    events,
    logger,
    call: (path, body, { method, authorization = defaultAuth } = {}) =>
      callEmulator(emulator.url, path, body, { method, authorization }),
    async close() {
      await emulator.close();
      await receiver.close();
    },
  };
}
