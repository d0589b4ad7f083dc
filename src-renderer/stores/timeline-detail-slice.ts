/**
 * The selected event and what the detail panel does with it: its thread,
 * replay to a URL, and the NDJSON export of the filtered list.
 */
import type { StateCreator } from 'zustand';
import type { MethodOutput } from '../../src-shared/contract';
import type { AppError } from '../../src-shared/result';
import type { ForwardResult, WebhookEvent } from '../../src-shared/webhook-events';
import { api } from '../api';
import type { TimelineStore } from './timeline-store';

export type MessageThread = MethodOutput<'webhooks.thread'>;

/** Pages asked for at once while exporting: the largest the store hands out. */
const exportPageSize = 1000;

type Loadable<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: AppError };

export interface TimelineDetailSlice {
  selectedId: number | null;
  /** Kept apart from the list, so the panel stays when the list is trimmed or refiltered. */
  selectedEvent: WebhookEvent | null;
  detailOpen: boolean;
  thread: Loadable<MessageThread>;
  /** Bumped when an event about the selected message arrives, so an open thread reloads. */
  threadRevision: number;
  replay: Loadable<ForwardResult>;
  /** Events written so far by the running or last export. */
  exportState: { status: 'idle' | 'exporting' | 'done' | 'failed'; count: number; error?: AppError };
  selectEvent(id: number | null): void;
  moveSelection(delta: number): void;
  openDetail(): void;
  closeDetail(): void;
  refreshSelectedEvent(updated: Map<number, WebhookEvent>): void;
  loadThread(messageUuid: string): Promise<void>;
  replayEvent(id: number, url: string, resignWithProfile?: string): Promise<void>;
  /** Every event matching the filter as NDJSON, newest first; undefined when the store failed. */
  exportFilteredEvents(): Promise<string | undefined>;
}

export const createTimelineDetailSlice: StateCreator<TimelineStore, [], [], TimelineDetailSlice> = (set, get) => ({
  selectedId: null,
  selectedEvent: null,
  detailOpen: false,
  thread: { status: 'idle' },
  threadRevision: 0,
  replay: { status: 'idle' },
  exportState: { status: 'idle', count: 0 },

  selectEvent(id) {
    const event = id === null ? null : (get().events.find((candidate) => candidate.id === id) ?? null);
    set({ selectedId: id, selectedEvent: event, thread: { status: 'idle' }, replay: { status: 'idle' } });
  },

  moveSelection(delta) {
    const { events, selectedId } = get();
    if (events.length === 0) return;
    const index = events.findIndex((event) => event.id === selectedId);
    const next = index === -1 ? 0 : Math.min(Math.max(index + delta, 0), events.length - 1);
    get().selectEvent(events[next]!.id);
    if (next >= events.length - 10) void get().loadMore();
  },

  openDetail() {
    if (get().selectedEvent) set({ detailOpen: true });
  },

  closeDetail() {
    set({ detailOpen: false });
  },

  refreshSelectedEvent(updated) {
    const { selectedId } = get();
    const event = selectedId === null ? undefined : updated.get(selectedId);
    if (event) set({ selectedEvent: event });
  },

  async loadThread(messageUuid) {
    set({ thread: { status: 'loading' } });
    const result = await api.call('webhooks.thread', { messageUuid });
    if (get().selectedEvent?.messageUuid !== messageUuid) return;
    set({ thread: result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error } });
  },

  async replayEvent(id, url, resignWithProfile) {
    set({ replay: { status: 'loading' } });
    const result = await api.call('webhooks.replay', { id, url, ...(resignWithProfile ? { resignWithProfile } : {}) });
    if (get().selectedId !== id) return;
    set({ replay: result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error } });
  },

  async exportFilteredEvents() {
    const { filter } = get();
    const lines: string[] = [];
    let cursor: string | null | undefined;
    set({ exportState: { status: 'exporting', count: 0 } });
    do {
      const result = await api.call('webhooks.list', {
        ...filter,
        limit: exportPageSize,
        ...(cursor ? { cursor } : {}),
      });
      if (!result.ok) {
        set({ exportState: { status: 'failed', count: lines.length, error: result.error } });
        return undefined;
      }
      for (const event of result.value.events) lines.push(JSON.stringify(event));
      cursor = result.value.nextCursor;
      set({ exportState: { status: 'exporting', count: lines.length } });
    } while (cursor);
    const ndjson = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    set({ exportState: { status: 'done', count: lines.length } });
    return ndjson;
  },
});
