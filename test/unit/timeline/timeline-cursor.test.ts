import { describe, expect, it } from 'vitest';
import { cursorBelow, decodeTimelineCursor, encodeTimelineCursor } from '../../../src-shared/timeline-cursor';
import { sampleEvent } from './sample-event';

describe('the merged timeline cursor', () => {
  it('keeps each store its own place and ends when both are done', () => {
    const cursor = encodeTimelineCursor({ local: 41, team: 'newest' });
    expect(decodeTimelineCursor(cursor ?? undefined)).toEqual({ local: 41, team: 'newest' });
    expect(encodeTimelineCursor({ local: 'done', team: 'done' })).toBeNull();
    expect(decodeTimelineCursor(undefined)).toEqual({ local: 'newest', team: 'newest' });
    // A cursor that is not ours (hand-typed, from an older build) starts over rather than failing.
    expect(decodeTimelineCursor('17')).toEqual({ local: 'newest', team: 'newest' });
    expect(decodeTimelineCursor('local=1;team=-5')).toEqual({ local: 'newest', team: 'newest' });
  });

  it('continues below the oldest listed event of each store, and from the newest of a store with none listed', () => {
    const events = [
      sampleEvent({ id: 9, source: 'team' }),
      sampleEvent({ id: 30 }),
      sampleEvent({ id: 7, source: 'team' }),
      sampleEvent({ id: 28 }),
    ];
    expect(decodeTimelineCursor(cursorBelow(events) ?? undefined)).toEqual({ local: 28, team: 7 });
    expect(decodeTimelineCursor(cursorBelow([sampleEvent({ id: 3 })]) ?? undefined)).toEqual({
      local: 3,
      team: 'newest',
    });
  });
});
