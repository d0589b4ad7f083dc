import type { SignatureFault } from './webhook-signer';

/**
 * What the emulator reports through `onEvent`: every API call it answers and
 * every webhook attempt it makes, so a timeline can show both sides. Bodies
 * are the exact text on the wire; Authorization headers are never included.
 */

export interface EmulatorRequestEvent {
  kind: 'emulator.request';
  /** Unique per event. */
  id: string;
  /** ISO time the answer was sent. */
  at: string;
  method: string;
  path: string;
  /** The send API the path belongs to, null for unknown routes. */
  api: 'v1' | 'v0.1' | null;
  /** How the caller authenticated (or tried to). */
  auth: 'basic' | 'jwt' | 'none';
  status: number;
  requestBody: string;
  responseBody: string;
  /** The message the call created or updated. */
  messageUuid?: string;
  workflowId?: string;
  /** Scenario rules that shaped the answer or the webhooks to come. */
  scenarioRules: string[];
  durationMs: number;
}

export interface EmulatorWebhookEvent {
  kind: 'emulator.webhook';
  id: string;
  /** ISO time the attempt finished. */
  at: string;
  target: 'status' | 'inbound';
  url: string;
  /** 1 for the first try, then 2, 3... */
  attempt: number;
  messageUuid: string;
  /** The status the body reports (submitted, delivered...), or the inbound message_type. */
  label: string;
  version: 'v1' | 'v0.1';
  /** Set when the webhook was signed badly on purpose. */
  signatureFault?: SignatureFault;
  body: string;
  /** The receiver's HTTP status; absent when the connection failed. */
  responseStatus?: number;
  /** The first bytes of the receiver's answer. */
  responseBody?: string;
  /** Why the attempt failed before an answer (refused, timeout...). */
  error?: string;
  /** Set when another attempt is scheduled. */
  retryInMs?: number;
  /** True when this attempt ends the delivery: accepted, or no retry left. */
  final: boolean;
  durationMs: number;
}

export type EmulatorEvent = EmulatorRequestEvent | EmulatorWebhookEvent;
