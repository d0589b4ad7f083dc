/**
 * The selected event and what the detail panel does with it: its thread,
 * replay to a URL, and the NDJSON export of the filtered list. The export is
 * written by the core (to a file in the desktop app, as a download from the
 * browser host); this page only starts it and follows its progress events.
 */
import type { StateCreator } from 'zustand';
import type { MethodOutput } from '../../src-shared/contract';
import type { ExportProgress } from '../../src-shared/event-export';
import type { AppError } from '../../src-shared/result';
import { eventKey, sourceOf, type ForwardResult, type WebhookEvent } from '../../src-shared/webhook-events';
import { api, hostKind } from '../api';
import type { TimelineStore } from './timeline-store';

export type MessageThread = MethodOutput<'webhooks.thread'>;

type Loadable<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: AppError };

export interface TimelineDetailSlice {
  /** The selected event's `eventKey` (ids are per store). */
  selectedKey: string | null;
  /** Kept apart from the list, so the panel stays when the list is trimmed or refiltered. */
  selectedEvent: WebhookEvent | null;
  detailOpen: boolean;
  thread: Loadable<MessageThread>;
  /** Bumped when an event about the selected message arrives, so an open thread reloads. */
  threadRevision: number;
  replay: Loadable<ForwardResult>;
  /** The running or last export: events written so far, and the file they go to once it is known. */
  exportState: {
    status: 'idle' | 'exporting' | 'done' | 'failed';
    exportId?: string;
    count: number;
    fileName?: string;
    error?: AppError;
  };
  selectEvent(key: string | null): void;
  moveSelection(delta: number): void;
  openDetail(): void;
  closeDetail(): void;
  refreshSelectedEvent(updated: Map<string, WebhookEvent>): void;
  /** The thread in the store the selected event comes from (a team event's statuses are in the team inbox). */
  loadThread(messageUuid: string): Promise<void>;
  /** Sends the event again from the store it is in, to `url`. */
  replayEvent(event: WebhookEvent, url: string, resignWithProfile?: string): Promise<void>;
  /**
   * Exports every event matching the filter, newest first. In the browser it
   * resolves with the one-time path to download (the caller starts it); in the
   * desktop app the core asks where to save and writes the file itself.
   */
  exportFilteredEvents(): Promise<{ downloadPath: string } | undefined>;
  receiveExportProgress(progress: ExportProgress[]): void;
}

export const createTimelineDetailSlice: StateCreator<TimelineStore, [], [], TimelineDetailSlice> = (set, get) => ({
  selectedKey: null,
  selectedEvent: null,
  detailOpen: false,
  thread: { status: 'idle' },
  threadRevision: 0,
  replay: { status: 'idle' },
  exportState: { status: 'idle', count: 0 },

  selectEvent(key) {
    const event = key === null ? null : (get().events.find((candidate) => eventKey(candidate) === key) ?? null);
    set({ selectedKey: key, selectedEvent: event, thread: { status: 'idle' }, replay: { status: 'idle' } });
  },

  moveSelection(delta) {
    const { events, selectedKey } = get();
    if (events.length === 0) return;
    const index = events.findIndex((event) => eventKey(event) === selectedKey);
    const next = index === -1 ? 0 : Math.min(Math.max(index + delta, 0), events.length - 1);
    get().selectEvent(eventKey(events[next]!));
    if (next >= events.length - 10) void get().loadMore();
  },

  openDetail() {
    if (get().selectedEvent) set({ detailOpen: true });
  },

  closeDetail() {
    set({ detailOpen: false });
  },

  refreshSelectedEvent(updated) {
    const { selectedKey } = get();
    const event = selectedKey === null ? undefined : updated.get(selectedKey);
    if (event) set({ selectedEvent: event });
  },

  async loadThread(messageUuid) {
    const selectedKey = get().selectedKey;
    const source = get().selectedEvent ? sourceOf(get().selectedEvent!) : 'local';
    set({ thread: { status: 'loading' } });
    const result = await api.call('webhooks.thread', { messageUuid, source });
    if (get().selectedKey !== selectedKey) return;
    set({ thread: result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error } });
  },

  async replayEvent(event, url, resignWithProfile) {
    set({ replay: { status: 'loading' } });
    const result = await api.call('webhooks.replay', {
      id: event.id,
      source: sourceOf(event),
      url,
      ...(resignWithProfile ? { resignWithProfile } : {}),
    });
    if (get().selectedKey !== eventKey(event)) return;
    set({ replay: result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error } });
  },

  async exportFilteredEvents() {
    const exportId = crypto.randomUUID();
    const input = { filter: get().filter, exportId };
    set({ exportState: { status: 'exporting', exportId, count: 0 } });
    const failed = (error: AppError) => set({ exportState: { status: 'failed', exportId, count: 0, error } });
    if (hostKind === 'electron') {
      const result = await api.call('webhooks.exportToFile', input);
      if (!result.ok) failed(result.error);
      else if (!result.value.saved) set({ exportState: { status: 'idle', count: 0 } });
      else {
        const { fileName, written } = result.value;
        set({ exportState: { status: 'done', exportId, count: written, fileName } });
      }
      return undefined;
    }
    const result = await api.call('webhooks.exportDownload', input);
    if (!result.ok) {
      failed(result.error);
      return undefined;
    }
    set({ exportState: { status: 'exporting', exportId, count: 0, fileName: result.value.fileName } });
    return { downloadPath: result.value.path };
  },

  receiveExportProgress(progress) {
    const { exportId } = get().exportState;
    const latest = progress.findLast((entry) => entry.exportId === exportId);
    // A file export's own answer settles it; its progress events only count up until then.
    if (!latest || get().exportState.status !== 'exporting') return;
    const { written: count, fileName } = latest;
    if (latest.phase === 'writing') set({ exportState: { status: 'exporting', exportId, count, fileName } });
    else if (latest.phase === 'done') set({ exportState: { status: 'done', exportId, count, fileName } });
    else
      set({
        exportState: { status: 'failed', exportId, count, fileName, ...(latest.error ? { error: latest.error } : {}) },
      });
  },
});
