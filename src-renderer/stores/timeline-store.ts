/**
 * The timeline feature's one store, composed of slices (list, detail, layout,
 * signature checking) that each stay small. It subscribes to its own event.
 */
import { create } from 'zustand';
import { api } from '../api';
import { createTimelineDetailSlice, type TimelineDetailSlice } from './timeline-detail-slice';
import { createTimelineLayoutSlice, type TimelineLayoutSlice } from './timeline-layout-slice';
import { createTimelineListSlice, type TimelineListSlice } from './timeline-list-slice';
import { createTimelineSignatureSlice, type TimelineSignatureSlice } from './timeline-signature-slice';

export type TimelineStore = TimelineListSlice & TimelineDetailSlice & TimelineLayoutSlice & TimelineSignatureSlice;

export const useTimelineStore = create<TimelineStore>()((...parts) => ({
  ...createTimelineListSlice(...parts),
  ...createTimelineDetailSlice(...parts),
  ...createTimelineLayoutSlice(...parts),
  ...createTimelineSignatureSlice(...parts),
}));

api.on('webhooks.received', (batches) => useTimelineStore.getState().receiveBatches(batches));
api.on('webhooks.exportProgressed', (progress) => useTimelineStore.getState().receiveExportProgress(progress));

// The list merges the team inbox's events (in the core), so a team inbox set, changed or forgotten reloads it.
let teamInboxUrl: string | null = null;
api.on('teamInbox.stateChanged', (states) => {
  const url = states[states.length - 1]?.url ?? null;
  if (url === teamInboxUrl) return;
  teamInboxUrl = url;
  void useTimelineStore.getState().reloadList();
});
