/**
 * The timeline's columns (shown, width) and saved filters, kept in the
 * core's settings.json so they survive reloads and host changes.
 */
import type { StateCreator } from 'zustand';
import type { AppError } from '../../src-shared/result';
import type { SavedTimelineFilter, TimelineColumnSetting } from '../../src-shared/settings';
import { api } from '../api';
import { defaultTimelineColumns, timelineColumnIds, type TimelineColumnId } from './timeline-columns';
import type { TimelineStore } from './timeline-store';

export interface TimelineColumnLayout {
  id: TimelineColumnId;
  visible: boolean;
  width: number;
}

export interface TimelineLayoutSlice {
  columns: TimelineColumnLayout[];
  savedFilters: SavedTimelineFilter[];
  layoutError?: AppError;
  loadTimelineSettings(): Promise<void>;
  resizeColumn(id: TimelineColumnId, width: number): void;
  toggleColumn(id: TimelineColumnId): void;
  saveCurrentFilter(name: string): Promise<void>;
  removeSavedFilter(name: string): Promise<void>;
}

/** Stored columns in their stored order, then any column this build added since. */
function columnsFromSettings(stored: TimelineColumnSetting[]): TimelineColumnLayout[] {
  const known = stored.filter((column): column is TimelineColumnLayout =>
    (timelineColumnIds as readonly string[]).includes(column.id),
  );
  const missing = defaultTimelineColumns.filter((column) => !known.some((candidate) => candidate.id === column.id));
  return [...known, ...missing];
}

/** Dragging a column edge fires many resizes; the file is written once the drag settles. */
const columnSaveDelayMs = 400;

export const createTimelineLayoutSlice: StateCreator<TimelineStore, [], [], TimelineLayoutSlice> = (set, get) => {
  let columnSaveTimer: ReturnType<typeof setTimeout> | undefined;

  function saveColumnsSoon() {
    clearTimeout(columnSaveTimer);
    columnSaveTimer = setTimeout(() => {
      void api.call('settings.update', { timeline: { columns: get().columns } }).then((result) => {
        if (!result.ok) set({ layoutError: result.error });
      });
    }, columnSaveDelayMs);
  }

  async function saveFilters(savedFilters: SavedTimelineFilter[]) {
    const result = await api.call('settings.update', { timeline: { savedFilters } });
    set(
      result.ok
        ? { savedFilters: result.value.timeline.savedFilters, layoutError: undefined }
        : { layoutError: result.error },
    );
  }

  return {
    columns: defaultTimelineColumns,
    savedFilters: [],

    async loadTimelineSettings() {
      const result = await api.call('settings.get', {});
      if (!result.ok) {
        set({ layoutError: result.error });
        return;
      }
      set({
        columns: columnsFromSettings(result.value.timeline.columns),
        savedFilters: result.value.timeline.savedFilters,
      });
    },

    resizeColumn(id, width) {
      const clamped = Math.round(Math.min(Math.max(width, 40), 1000));
      set((state) => ({
        columns: state.columns.map((column) => (column.id === id ? { ...column, width: clamped } : column)),
      }));
      saveColumnsSoon();
    },

    toggleColumn(id) {
      set((state) => ({
        columns: state.columns.map((column) => (column.id === id ? { ...column, visible: !column.visible } : column)),
      }));
      saveColumnsSoon();
    },

    async saveCurrentFilter(name) {
      const others = get().savedFilters.filter((saved) => saved.name !== name);
      await saveFilters([...others, { name, filter: get().filter }]);
    },

    async removeSavedFilter(name) {
      await saveFilters(get().savedFilters.filter((saved) => saved.name !== name));
    },
  };
};
