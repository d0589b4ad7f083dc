import { describe, expect, it } from 'vitest';
import { v01Channels, v1Channels } from '../../../src-shared/messages/channels';
import { v01CommonSchema } from '../../../src-shared/messages/v01-request';
import { v1CommonSchema } from '../../../src-shared/messages/v1-request';

/**
 * A payload whose message type is missing or unknown is still checked against
 * the fields its channel shares. zod generates an object's parser on its first
 * use, so a schema built anew for each payload made each such check cost half a
 * millisecond (a hundred times a valid payload's).
 */
describe('the schemas of the fields every channel shares', () => {
  it.each(v1Channels)('v1 %s is the same schema on every call', (channel) => {
    expect(v1CommonSchema(channel)).toBe(v1CommonSchema(channel));
  });

  it.each(v01Channels)('v0.1 %s is the same schema on every call', (channel) => {
    expect(v01CommonSchema(channel)).toBe(v01CommonSchema(channel));
  });
});
