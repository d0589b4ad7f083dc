import { describe, expect, it } from 'vitest';
import { toEventJsonLine } from '../../../src-main/webhooks/event-json-line';
import { sampleEvent } from '../timeline/sample-event';

describe('the NDJSON line of an event', () => {
  it('names the team inbox on its events, whose ids may equal local ones, and adds nothing to local lines', () => {
    expect(toEventJsonLine(sampleEvent({ id: 7, source: 'team' }))).toMatchObject({ id: 7, source: 'team' });
    expect(toEventJsonLine(sampleEvent({ id: 7 }))).not.toHaveProperty('source');
  });
});
