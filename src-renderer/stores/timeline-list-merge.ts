/**
 * How the timeline's in-memory list takes in new events: pure, so the order
 * rules are tested apart from the store. Events are told apart by `eventKey`
 * (ids are per store) and ordered by received time, as the core orders them.
 */
import { eventKey, type WebhookEvent } from '../../src-shared/webhook-events';

export const receivedMs = (event: WebhookEvent | undefined) => (event ? Date.parse(event.receivedAt) : -Infinity);

/**
 * Merges `arrivals` (newest first) into `events`, replacing any already listed. Live arrivals are
 * normally the newest and go in front; a team inbox catching up after a dropped connection
 * delivers older ones, which take their place by received time instead of the top.
 */
export function prependNewest(events: WebhookEvent[], arrivals: WebhookEvent[]): WebhookEvent[] {
  if (arrivals.length === 0) return events;
  const arriving = new Set(arrivals.map(eventKey));
  const kept = events.filter((event) => !arriving.has(eventKey(event)));
  const merged: WebhookEvent[] = [];
  let [a, k] = [0, 0];
  while (a < arrivals.length || k < kept.length) {
    const takeArrival = k >= kept.length || (a < arrivals.length && receivedMs(arrivals[a]) >= receivedMs(kept[k]));
    merged.push(takeArrival ? arrivals[a++]! : kept[k++]!);
  }
  return merged;
}

/** Of a page of the newest events, those not shown yet and not older than the newest shown. */
export function newerThanListed(page: WebhookEvent[], ...listed: WebhookEvent[][]): WebhookEvent[] {
  const known = new Set(listed.flatMap((events) => events.map(eventKey)));
  const newestMs = Math.max(...listed.map((events) => receivedMs(events[0])));
  return page.filter((event) => !known.has(eventKey(event)) && receivedMs(event) >= newestMs);
}
