import { describe, expect, it } from 'vitest';
import { columnsThatFit } from '../../../src-renderer/features/timeline/columns-that-fit';
import type { TimelineColumnId } from '../../../src-renderer/stores/timeline-columns';

const columns: { id: TimelineColumnId; width: number }[] = [
  { id: 'time', width: 110 },
  { id: 'channel', width: 100 },
  { id: 'httpStatus', width: 64 },
  { id: 'messageUuid', width: 130 },
];
const ids = (width: number) => columnsThatFit(columns, width).map((column) => column.id);

describe('the timeline columns that fit beside the detail', () => {
  it('keeps every column when all fit, to the pixel', () => {
    expect(ids(404)).toEqual(['time', 'channel', 'httpStatus', 'messageUuid']);
  });

  it('drops the lowest-ranked columns first and keeps the rest in their order', () => {
    // time + HTTP + message_uuid = 304: channel, ranked below them, is the one that goes.
    expect(ids(403)).toEqual(['time', 'httpStatus', 'messageUuid']);
    expect(ids(304)).toEqual(['time', 'httpStatus', 'messageUuid']);
  });

  it('fills the room left with a smaller column of lower rank', () => {
    // time + HTTP = 174; message_uuid (130) no longer fits in 280, channel (100) does.
    expect(ids(280)).toEqual(['time', 'channel', 'httpStatus']);
  });

  it('keeps the best-ranked column however narrow the list', () => {
    expect(ids(0)).toEqual(['time']);
    expect(columnsThatFit([], 500)).toEqual([]);
  });
});
