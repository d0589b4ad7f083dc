import { describe, expect, it } from 'vitest';
import type { WebhookEvent } from '../../../src-shared/webhook-events';
import { newerThanListed, prependNewest } from '../../../src-renderer/stores/timeline-list-merge';
import { sampleEvent } from './sample-event';

const at = (second: number) => new Date(Date.UTC(2025, 1, 3, 12, 0, second)).toISOString();
const keys = (events: WebhookEvent[]) => events.map((event) => `${event.source ?? 'local'}:${event.id}`);

describe("the timeline list's merge of new events", () => {
  const listed = [
    sampleEvent({ id: 3, receivedAt: at(30) }),
    sampleEvent({ id: 2, receivedAt: at(20) }),
    sampleEvent({ id: 1, receivedAt: at(10) }),
  ];

  it('puts live arrivals in front and tells a team event from a local one with the same id', () => {
    const arrivals = [sampleEvent({ id: 3, source: 'team', receivedAt: at(40) })];
    expect(keys(prependNewest(listed, arrivals))).toEqual(['team:3', 'local:3', 'local:2', 'local:1']);
  });

  it('places events a reconnecting team inbox catches up on by received time, not on top', () => {
    const caughtUp = [
      sampleEvent({ id: 8, source: 'team', receivedAt: at(25) }),
      sampleEvent({ id: 7, source: 'team', receivedAt: at(15) }),
    ];
    expect(keys(prependNewest(listed, caughtUp))).toEqual(['local:3', 'team:8', 'local:2', 'team:7', 'local:1']);
  });

  it('replaces an event listed already instead of listing it twice', () => {
    const updated = sampleEvent({ id: 2, receivedAt: at(20), status: 'read' });
    const merged = prependNewest(listed, [updated]);
    expect(keys(merged)).toEqual(['local:3', 'local:2', 'local:1']);
    expect(merged[1]).toBe(updated);
  });

  it('takes from a fresh first page only what is new and not older than the newest shown', () => {
    const page = [
      sampleEvent({ id: 4, source: 'team', receivedAt: at(35) }),
      sampleEvent({ id: 3, receivedAt: at(30) }),
      sampleEvent({ id: 9, source: 'team', receivedAt: at(5) }),
    ];
    expect(keys(newerThanListed(page, listed, []))).toEqual(['team:4']);
  });
});
