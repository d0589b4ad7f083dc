/**
 * The command palette: whether it is open, and the recent sends it offers
 * (send.history), fetched each time it opens so they are current.
 */
import { create } from 'zustand';
import type { AppError } from '../../src-shared/result';
import type { SendHistoryEntry } from '../../src-shared/send-exchange';
import { api } from '../api';
import { loadDrafts } from './builder-drafts';
import { formatJson, useBuilderStore } from './builder-store';

interface PaletteStore {
  open: boolean;
  recentSends: SendHistoryEntry[];
  recentError: AppError | null;
  openPalette(): void;
  closePalette(): void;
  loadRecentSends(): Promise<void>;
  /** Puts a past send's request into the builder. */
  openSend(id: string): Promise<void>;
}

export const usePaletteStore = create<PaletteStore>()((set, get) => ({
  open: false,
  recentSends: [],
  recentError: null,
  openPalette() {
    set({ open: true });
    void get().loadRecentSends();
  },
  closePalette() {
    set({ open: false });
  },
  async loadRecentSends() {
    const result = await api.call('send.history', { limit: 10 });
    set(
      result.ok
        ? { recentSends: result.value.filter((entry) => entry.operation !== 'update-v1'), recentError: null }
        : { recentError: result.error },
    );
  },
  async openSend(id) {
    const result = await api.call('send.get', { id });
    if (!result.ok) {
      set({ recentError: result.error });
      return;
    }
    const { operation, request } = result.value;
    let text = request.body;
    try {
      text = formatJson(JSON.parse(request.body));
    } catch {
      // Kept as sent: the builder shows text that does not parse as it is.
    }
    await loadDrafts();
    useBuilderStore.getState().openRequest({ api: operation === 'send-v0.1' ? 'v0.1' : 'v1', text });
  },
}));
