/**
 * One webhook POST, through undici's dispatcher directly rather than its
 * `request()`: no body stream, abort listener or URL parse per webhook, which
 * under the bench's load was a tenth of the emulator's CPU. The answer's body
 * is kept only as far as the preview needs; the rest is drained.
 */
import { errors, type Agent, type Dispatcher } from 'undici';

const RESPONSE_PREVIEW_BYTES = 2_048;

/** The receiver's answer: its status and the start of its body ('' when the body broke off). */
export interface WebhookAnswer {
  status: number;
  preview: string;
}

export interface PostTarget {
  origin: string;
  path: string;
}

/**
 * Reads a URL into the origin and path undici dispatches to, refusing other
 * protocols as undici's `request(url)` does; keeps the last one, as nearly
 * every webhook of a run goes to the same status URL.
 */
export function createTargetReader(): (url: string) => PostTarget {
  let last: (PostTarget & { url: string }) | undefined;
  return (url) => {
    if (last?.url === url) return last;
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new errors.InvalidArgumentError('Invalid URL protocol: the URL must start with `http:` or `https:`.');
    last = { url, origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    return last;
  };
}

/** Collects one answer; a class, so a webhook costs one object rather than a closure per callback. */
class AnswerReader implements Dispatcher.DispatchHandler {
  private status: number | undefined;
  private readonly chunks: Buffer[] = [];
  private kept = 0;

  constructor(
    private readonly resolve: (answer: WebhookAnswer) => void,
    private readonly reject: (error: Error) => void,
  ) {}

  // Present so undici takes this as a handler of its current interface.
  onRequestStart(): void {}

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    // An informational answer (1xx) comes before the real one.
    if (statusCode >= 200) this.status = statusCode;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.kept >= RESPONSE_PREVIEW_BYTES) return;
    this.chunks.push(chunk);
    this.kept += chunk.length;
  }

  onResponseEnd(): void {
    const bytes = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.resolve({ status: this.status ?? 0, preview: bytes.subarray(0, RESPONSE_PREVIEW_BYTES).toString('utf8') });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    // The receiver has answered: a break now cuts only the preview, and the attempt is still reported.
    if (this.status === undefined) this.reject(error);
    else this.resolve({ status: this.status, preview: '' });
  }
}

/** POSTs `body`; resolves with the answer, rejects when none came (refused, timed out, cut, closed). */
export function postWebhook(
  agent: Agent,
  target: PostTarget,
  headers: Record<string, string>,
  body: Buffer,
): Promise<WebhookAnswer> {
  return new Promise((resolve, reject) => {
    agent.dispatch(
      { origin: target.origin, path: target.path, method: 'POST', headers, body },
      new AnswerReader(resolve, reject),
    );
  });
}
