import { describe, expect, it } from 'vitest';
import { matchesTimelineFilter } from '../../../src-renderer/stores/timeline-filter-match';
import { sampleEvent } from './sample-event';

describe('matching live events to the timeline filter', () => {
  const event = sampleEvent({ errorCode: '1300', status: 'rejected', clientRef: 'order-42' });
  const receivedMs = Date.parse(event.receivedAt);

  it('matches an empty filter', () => {
    expect(matchesTimelineFilter(event, {})).toBe(true);
  });

  it("matches the source: no source is this app's own store", () => {
    const shared = sampleEvent({ source: 'team' });
    expect(matchesTimelineFilter(event, { source: 'local' })).toBe(true);
    expect(matchesTimelineFilter(event, { source: 'team' })).toBe(false);
    expect(matchesTimelineFilter(shared, { source: 'team' })).toBe(true);
    expect(matchesTimelineFilter(shared, { source: 'local' })).toBe(false);
  });

  it('matches every exact field only when equal, like the store', () => {
    expect(
      matchesTimelineFilter(event, {
        kind: 'status',
        channel: 'sms',
        status: 'rejected',
        verdict: 'verified',
        errorCode: '1300',
        clientRef: 'order-42',
      }),
    ).toBe(true);
    expect(matchesTimelineFilter(event, { kind: 'inbound' })).toBe(false);
    expect(matchesTimelineFilter(event, { channel: 'SMS' })).toBe(false);
    expect(matchesTimelineFilter(event, { errorCode: '13' })).toBe(false);
    expect(matchesTimelineFilter(event, { messageUuid: 'other' })).toBe(false);
  });

  it('keeps the time range half-open, since included and until excluded', () => {
    expect(matchesTimelineFilter(event, { sinceMs: receivedMs })).toBe(true);
    expect(matchesTimelineFilter(event, { sinceMs: receivedMs + 1 })).toBe(false);
    expect(matchesTimelineFilter(event, { untilMs: receivedMs + 1 })).toBe(true);
    expect(matchesTimelineFilter(event, { untilMs: receivedMs })).toBe(false);
  });
});
