/**
 * The team inbox as the renderer sees it: its state (URL without password,
 * live or not) and the calls that set it up. Its events are not kept here:
 * the core merges them into the timeline's own list and feed. The password is
 * sent once to `teamInbox.configure` and never kept here.
 */
import { create } from 'zustand';
import type { AppError } from '../../src-shared/result';
import type { TeamInboxState } from '../../src-shared/team-inbox';
import { api } from '../api';

interface TeamInboxStore {
  state?: TeamInboxState;
  /** Why the last configure was refused; `path` names the field. */
  error?: AppError;
  load(): Promise<void>;
  /** Resolves true when saved; an empty password keeps the stored one. */
  configure(url: string, password: string): Promise<boolean>;
  forget(): Promise<void>;
}

export const useTeamInboxStore = create<TeamInboxStore>()((set) => {
  api.on('teamInbox.stateChanged', (states) => set({ state: states[states.length - 1] }));

  return {
    async load() {
      const state = await api.call('teamInbox.state', {});
      set(state.ok ? { state: state.value } : { error: state.error });
    },
    async configure(url, password) {
      const result = await api.call('teamInbox.configure', { url, ...(password === '' ? {} : { password }) });
      if (!result.ok) {
        set({ error: result.error });
        return false;
      }
      set({ state: result.value, error: undefined });
      return true;
    },
    async forget() {
      const result = await api.call('teamInbox.configure', { url: null });
      set(result.ok ? { state: result.value, error: undefined } : { error: result.error });
    },
  };
});
