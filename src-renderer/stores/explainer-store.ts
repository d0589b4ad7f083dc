/**
 * The error explainer: the whole catalogue (errors.catalog) to browse and
 * filter, and the exact answer of errors.explain for what was searched.
 */
import { create } from 'zustand';
import type { ErrorEntry } from '../../src-shared/errors';
import type { AppError } from '../../src-shared/result';
import { api } from '../api';

interface ExplainerStore {
  catalogStatus: 'idle' | 'loading' | 'ready' | 'failed';
  catalog: ErrorEntry[];
  catalogError: AppError | null;
  query: string;
  /** What errors.explain says for the query exactly; empty when nothing matches. */
  matches: ErrorEntry[];
  matchesError: AppError | null;
  loadCatalog(): Promise<void>;
  search(query: string): Promise<void>;
}

export const useExplainerStore = create<ExplainerStore>()((set, get) => ({
  catalogStatus: 'idle',
  catalog: [],
  catalogError: null,
  query: '',
  matches: [],
  matchesError: null,
  async loadCatalog() {
    if (get().catalogStatus === 'loading' || get().catalogStatus === 'ready') return;
    set({ catalogStatus: 'loading' });
    const result = await api.call('errors.catalog', {});
    set(
      result.ok
        ? { catalogStatus: 'ready', catalog: result.value, catalogError: null }
        : { catalogStatus: 'failed', catalogError: result.error },
    );
  },
  async search(query) {
    set({ query });
    if (query.trim() === '') {
      set({ matches: [], matchesError: null });
      return;
    }
    const result = await api.call('errors.explain', { query });
    // A later keystroke may have answered first; keep only the answer to the current query.
    if (get().query !== query) return;
    set(result.ok ? { matches: result.value, matchesError: null } : { matches: [], matchesError: result.error });
  },
}));
