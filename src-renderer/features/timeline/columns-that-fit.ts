import type { TimelineColumnId } from '../../stores/timeline-columns';

/**
 * Which columns stay when the list is narrow: those that tell events apart and say whether one failed, first.
 * A column not named here (a new one) goes last.
 */
const keptFirst: TimelineColumnId[] = [
  'time',
  'kind',
  'httpStatus',
  'status',
  'messageUuid',
  'channel',
  'messageType',
  'errorCode',
  'verdict',
  'from',
  'to',
];

const rank = (id: TimelineColumnId) => {
  const index = keptFirst.indexOf(id);
  return index === -1 ? keptFirst.length : index;
};

/**
 * The columns that fit whole in `width` pixels, in their own order, chosen by rank; the best-ranked always
 * stays. With the detail open the list is narrow: columns past its edge would be cut mid-cell behind a sideways
 * scroll, while the detail beside it shows every field of the selected event. Closing the detail (or widening
 * the window) brings the others back.
 */
export function columnsThatFit<Column extends { id: TimelineColumnId; width: number }>(
  columns: Column[],
  width: number,
): Column[] {
  const kept = new Set<Column>();
  let used = 0;
  for (const column of [...columns].sort((a, b) => rank(a.id) - rank(b.id))) {
    if (kept.size > 0 && used + column.width > width) continue;
    kept.add(column);
    used += column.width;
  }
  return columns.filter((column) => kept.has(column));
}
