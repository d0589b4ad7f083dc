import type { AppError } from '../../src-shared/result';
import type { SendOperation } from '../../src-shared/send-exchange';

/** How a request proves who sends it. Secrets here are used for one request and never stored. */
export type SendAuth =
  { kind: 'basic'; apiKey: string; apiSecret: string } | { kind: 'bearer'; token: string } | { kind: 'none' };

export interface SendRequest {
  /** Where the API lives, e.g. `https://api.nexmo.com` or the emulator's URL; a path prefix is kept. */
  baseUrl: string;
  auth: SendAuth;
  operation: SendOperation;
  /** Send even though the payload fails validation, to see the API's own answer. */
  override?: boolean;
  /** Overrides the service's timeout for this request, in ms. */
  timeoutMs?: number;
  /** Carried into the exchange as they are, e.g. why the credentials were withheld. */
  warnings?: AppError[];
  /** Recorded in history so sends can be filtered by profile; not used to send. */
  profileName?: string | null;
}

/** Checks a payload before it is sent; an empty list means valid. Injected: the message model owns the rules. */
export type PayloadValidator = (payload: unknown, operation: SendOperation) => AppError[];
