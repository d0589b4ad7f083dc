/**
 * Whether a live event belongs in the list under the current filter. Only the
 * store it comes from, the exact-match fields and the time range are judged
 * here, with the same meaning as the stores' SQL; text search is left to the
 * stores (FTS5, PostgreSQL's).
 */
import type { TimelineFilter } from '../../src-shared/settings';
import { sourceOf, type WebhookEvent } from '../../src-shared/webhook-events';

const exactFields = ['kind', 'channel', 'status', 'verdict', 'errorCode', 'messageUuid', 'clientRef'] as const;

export function matchesTimelineFilter(event: WebhookEvent, filter: TimelineFilter): boolean {
  if (filter.source !== undefined && sourceOf(event) !== filter.source) return false;
  for (const field of exactFields) {
    const wanted = filter[field];
    if (wanted !== undefined && event[field] !== wanted) return false;
  }
  const receivedMs = Date.parse(event.receivedAt);
  if (filter.sinceMs !== undefined && receivedMs < filter.sinceMs) return false;
  if (filter.untilMs !== undefined && receivedMs >= filter.untilMs) return false;
  return true;
}
