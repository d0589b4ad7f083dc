/**
 * Whether a live event belongs in the list under the current filter. Only the
 * exact-match fields and the time range are judged here, with the same meaning
 * as the store's SQL; text search is left to the store (FTS5).
 */
import type { TimelineFilter } from '../../src-shared/settings';
import type { WebhookEvent } from '../../src-shared/webhook-events';

const exactFields = ['kind', 'channel', 'status', 'verdict', 'errorCode', 'messageUuid', 'clientRef'] as const;

export function matchesTimelineFilter(event: WebhookEvent, filter: TimelineFilter): boolean {
  for (const field of exactFields) {
    const wanted = filter[field];
    if (wanted !== undefined && event[field] !== wanted) return false;
  }
  const receivedMs = Date.parse(event.receivedAt);
  if (filter.sinceMs !== undefined && receivedMs < filter.sinceMs) return false;
  if (filter.untilMs !== undefined && receivedMs >= filter.untilMs) return false;
  return true;
}
