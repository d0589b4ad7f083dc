/** A stored webhook as a cURL command that sends it again to `baseUrl`, as received. */
import type { WebhookEvent } from '../../../src-shared/webhook-events';
import { shellQuote } from '../../../src-shared/shell-quote';

/** Headers cURL sets itself, or that describe the old connection rather than the request. */
const connectionHeaders = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'accept-encoding',
]);

export function eventAsCurl(event: WebhookEvent, baseUrl: string): string {
  const url = `${baseUrl.replace(/\/$/, '')}${event.path}${event.query ? `?${event.query}` : ''}`;
  const lines = [`curl -X ${event.method} ${shellQuote(url)}`];
  for (const [name, value] of Object.entries(event.headers)) {
    if (!connectionHeaders.has(name)) lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (event.bodyText !== '') lines.push(`  --data-binary ${shellQuote(event.bodyText)}`);
  return lines.join(' \\\n');
}
