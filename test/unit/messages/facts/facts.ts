/**
 * The shape of the facts table: what the Messages API says about one channel
 * and message type, written as examples. A spec bump is a change to these
 * files; the model's tests (../facts.test.ts) read nothing else.
 */

export type Payload = Record<string, unknown>;

export interface Refusal {
  /** JSON pointer of the field set to `value`. */
  pointer: string;
  value: unknown;
  /** The issue code expected. */
  code: string;
  /** Where the error is expected, when not at `pointer` itself (an item inside it). */
  at?: string;
}

export interface CombinationFacts {
  channel: string;
  messageType: string;
  /** Requests Vonage accepts: each validates with no error and no warning. */
  valid: Payload[];
  /**
   * JSON pointers of required fields. Each is present in at least one valid
   * example, and dropping it from any example that has it is an error there.
   */
  required: string[];
  /**
   * Values at the edge of a documented limit, set (parents created) on the
   * first valid example: no error. Advice may still be warned (a 3,200
   * character SMS is 21 billed parts).
   */
  accepted?: { pointer: string; value: unknown }[];
  /** Values past a documented limit, set (parents created) on the first valid example. */
  refused?: Refusal[];
}

/** The four fields every request has, in the order a reader expects them. */
export function envelope(channel: string, messageType: string, to: string, from: string): Payload {
  return { channel, message_type: messageType, to, from };
}

/** Required fields of every request. */
export const envelopeRequired = ['/to', '/from', '/channel', '/message_type'];
