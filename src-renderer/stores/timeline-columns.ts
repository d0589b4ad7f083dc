/** The timeline's columns: their ids, headings and default widths. */
export const timelineColumnIds = [
  'source',
  'time',
  'kind',
  'channel',
  'messageType',
  'httpStatus',
  'status',
  'verdict',
  'messageUuid',
  'errorCode',
  'from',
  'to',
] as const;
export type TimelineColumnId = (typeof timelineColumnIds)[number];

export const timelineColumnLabels: Record<TimelineColumnId, string> = {
  source: 'Source',
  time: 'Time',
  kind: 'Kind',
  channel: 'Channel',
  messageType: 'message_type',
  httpStatus: 'HTTP',
  status: 'Status',
  verdict: 'Signature',
  messageUuid: 'message_uuid',
  errorCode: 'Error',
  from: 'From',
  to: 'To',
};

const defaultWidths: Record<TimelineColumnId, number> = {
  source: 64,
  time: 110,
  kind: 80,
  channel: 100,
  messageType: 110,
  httpStatus: 64,
  status: 110,
  verdict: 140,
  messageUuid: 130,
  errorCode: 90,
  from: 140,
  to: 140,
};

/** From and To are there to be chosen; the rest show by default. */
export const defaultTimelineColumns = timelineColumnIds.map((id) => ({
  id,
  visible: id !== 'from' && id !== 'to',
  width: defaultWidths[id],
}));
