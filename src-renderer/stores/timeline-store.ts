/**
 * The timeline feature's one store, composed of three slices (list, detail,
 * layout) that each stay small. It subscribes to its own event.
 */
import { create } from 'zustand';
import { api } from '../api';
import { createTimelineDetailSlice, type TimelineDetailSlice } from './timeline-detail-slice';
import { createTimelineLayoutSlice, type TimelineLayoutSlice } from './timeline-layout-slice';
import { createTimelineListSlice, type TimelineListSlice } from './timeline-list-slice';

export type TimelineStore = TimelineListSlice & TimelineDetailSlice & TimelineLayoutSlice;

export const useTimelineStore = create<TimelineStore>()((...parts) => ({
  ...createTimelineListSlice(...parts),
  ...createTimelineDetailSlice(...parts),
  ...createTimelineLayoutSlice(...parts),
}));

api.on('webhooks.received', (batches) => useTimelineStore.getState().receiveBatches(batches));
