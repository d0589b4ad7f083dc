/**
 * The timeline's list: the filter, the loaded pages (newest first), live
 * arrivals while following, and arrivals held back while paused. The query
 * itself runs in the core (webhooks.list), which merges this app's events and
 * the team inbox's; the renderer only keeps what is on screen or one scroll
 * away. Ids are per store, so events are told apart by `eventKey` and ordered
 * by received time, as the core orders them.
 */
import type { StateCreator } from 'zustand';
import type { AppError } from '../../src-shared/result';
import type { TimelineFilter } from '../../src-shared/settings';
import { cursorBelow } from '../../src-shared/timeline-cursor';
import { eventKey, type WebhookEvent, type WebhookFeedBatch } from '../../src-shared/webhook-events';
import { api } from '../api';
import { matchesTimelineFilter } from './timeline-filter-match';
import { newerThanListed, prependNewest, receivedMs } from './timeline-list-merge';
import type { TimelineStore } from './timeline-store';

const pageSize = 100;
/** Most events kept in memory while following; older ones are paged in again from the store on scroll. */
const liveWindow = 5_000;
/**
 * Most events held while paused. Beyond a page, resuming asks the store for the newest page
 * instead: one small render rather than thousands of rows added at once.
 */
const heldLimit = pageSize;

export type ListStatus = 'loading' | 'ready' | 'failed';

export interface TimelineListSlice {
  filter: TimelineFilter;
  events: WebhookEvent[];
  nextCursor: string | null;
  listStatus: ListStatus;
  listError?: AppError;
  loadingMore: boolean;
  /** Whether new arrivals go straight into the list (which then stays scrolled to the newest). */
  following: boolean;
  /** Paused because the user scrolled away from the newest, so scrolling back resumes. */
  pausedByScroll: boolean;
  /** Arrivals matching the filter since the pause; the counter the user sees. */
  arrivedWhilePaused: number;
  /** Those arrivals, newest first, up to `heldLimit`. */
  heldEvents: WebhookEvent[];
  /** Events the core could not deliver to this page because it fell behind. */
  missedEvents: number;
  /** Bumped by every new query, so a slow answer to an older one is dropped. */
  queryGeneration: number;
  applyFilter(filter: TimelineFilter): Promise<void>;
  reloadList(): Promise<void>;
  loadMore(): Promise<void>;
  pauseFollowing(): void;
  resumeFollowing(): void;
  /** Scrolling away from the newest pauses; scrolling back to it resumes, unless the user paused. */
  noteScrolledToNewest(atNewest: boolean): void;
  receiveBatches(batches: WebhookFeedBatch[]): void;
}

/** Drops filter fields left empty by the form, so they do not reach the query. */
export function cleanFilter(filter: TimelineFilter): TimelineFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''),
  ) as TimelineFilter;
}

export const createTimelineListSlice: StateCreator<TimelineStore, [], [], TimelineListSlice> = (set, get) => {
  /** A live batch under a text filter asks the store for the newest matches; one such request at a time. */
  let headRefresh: Promise<void> | undefined;
  let headRefreshAgain = false;

  async function refreshHead(): Promise<void> {
    if (headRefresh) {
      headRefreshAgain = true;
      return;
    }
    const generation = get().queryGeneration;
    headRefresh = (async () => {
      const result = await api.call('webhooks.list', { ...get().filter, limit: pageSize });
      if (!result.ok || generation !== get().queryGeneration) return;
      takeArrivals(newerThanListed(result.value.events, get().events, get().heldEvents));
    })();
    await headRefresh;
    headRefresh = undefined;
    if (headRefreshAgain) {
      headRefreshAgain = false;
      await refreshHead();
    }
  }

  function takeArrivals(arrivals: WebhookEvent[]): void {
    if (arrivals.length === 0) return;
    const state = get();
    if (!state.following) {
      set({
        arrivedWhilePaused: state.arrivedWhilePaused + arrivals.length,
        heldEvents: prependNewest(state.heldEvents, arrivals).slice(0, heldLimit),
      });
      return;
    }
    let events = prependNewest(state.events, arrivals);
    let nextCursor = state.nextCursor;
    if (events.length > liveWindow) {
      events = events.slice(0, liveWindow);
      // The cursor continues each store below its oldest event kept, so the trimmed tail comes back by paging.
      nextCursor = cursorBelow(events);
    }
    set({ events, nextCursor, listStatus: 'ready' });
  }

  return {
    filter: {},
    events: [],
    nextCursor: null,
    listStatus: 'loading',
    loadingMore: false,
    following: true,
    pausedByScroll: false,
    arrivedWhilePaused: 0,
    heldEvents: [],
    missedEvents: 0,
    queryGeneration: 0,

    async applyFilter(filter) {
      set({ filter: cleanFilter(filter) });
      await get().reloadList();
    },

    async reloadList() {
      const generation = get().queryGeneration + 1;
      set({
        queryGeneration: generation,
        listStatus: 'loading',
        listError: undefined,
        heldEvents: [],
        arrivedWhilePaused: 0,
        missedEvents: 0,
      });
      const shownBefore = get().events;
      const result = await api.call('webhooks.list', { ...get().filter, limit: pageSize });
      if (generation !== get().queryGeneration) return;
      if (result.ok) {
        // Live events that arrived (already matched to this filter) while the query ran may be newer than its first page.
        const arrivedMeanwhile = newerThanListed(get().events, shownBefore, result.value.events);
        set({
          events: prependNewest(result.value.events, arrivedMeanwhile),
          nextCursor: result.value.nextCursor,
          listStatus: 'ready',
        });
      } else set({ events: [], nextCursor: null, listStatus: 'failed', listError: result.error });
    },

    async loadMore() {
      const { nextCursor, loadingMore, filter, queryGeneration } = get();
      if (!nextCursor || loadingMore) return;
      set({ loadingMore: true });
      const result = await api.call('webhooks.list', { ...filter, cursor: nextCursor, limit: pageSize });
      if (queryGeneration !== get().queryGeneration) return;
      if (!result.ok) {
        set({ loadingMore: false, listError: result.error });
        return;
      }
      const known = new Set(get().events.map(eventKey));
      set((state) => ({
        events: [...state.events, ...result.value.events.filter((event) => !known.has(eventKey(event)))],
        nextCursor: result.value.nextCursor,
        loadingMore: false,
      }));
    },

    pauseFollowing() {
      if (!get().following) {
        set({ pausedByScroll: false });
        return;
      }
      set({ following: false, pausedByScroll: false, arrivedWhilePaused: 0, heldEvents: [] });
    },

    resumeFollowing() {
      const { heldEvents, arrivedWhilePaused } = get();
      set({ following: true, pausedByScroll: false, heldEvents: [], arrivedWhilePaused: 0 });
      if (arrivedWhilePaused > heldEvents.length) void get().reloadList();
      else takeArrivals(heldEvents);
    },

    noteScrolledToNewest(atNewest) {
      const { following, pausedByScroll } = get();
      if (atNewest && !following && pausedByScroll) get().resumeFollowing();
      else if (!atNewest && following)
        set({ following: false, pausedByScroll: true, arrivedWhilePaused: 0, heldEvents: [] });
    },

    receiveBatches(batches) {
      const state = get();
      const missed = batches.reduce((sum, batch) => sum + batch.missed, 0);
      if (missed > 0) set({ missedEvents: state.missedEvents + missed });
      const received: WebhookEvent[] = [];
      const updated = new Map<string, WebhookEvent>();
      for (const batch of batches) {
        for (const item of batch.items) {
          if (item.change === 'received') received.push(item.event);
          else updated.set(eventKey(item.event), item.event);
        }
      }
      if (updated.size > 0) {
        const replace = (event: WebhookEvent) => updated.get(eventKey(event)) ?? event;
        set((current) => ({ events: current.events.map(replace), heldEvents: current.heldEvents.map(replace) }));
        get().refreshSelectedEvent(updated);
      }
      if (received.length === 0) return;
      const selectedUuid = state.selectedEvent?.messageUuid;
      if (selectedUuid && received.some((event) => event.messageUuid === selectedUuid))
        set({ threadRevision: state.threadRevision + 1 });
      // Text search is each store's own (FTS5, PostgreSQL's), which the renderer must not imitate: ask the stores instead.
      if (state.filter.text) {
        void refreshHead();
        return;
      }
      const arrivals = received
        .filter((event) => matchesTimelineFilter(event, state.filter))
        .sort((a, b) => receivedMs(b) - receivedMs(a) || b.id - a.id);
      takeArrivals(arrivals);
    },
  };
};
