/**
 * The team inbox as the renderer sees it: its state (URL without password,
 * live or not), the newest shared events, and the calls that set it up. The
 * password is sent once to `teamInbox.configure` and never kept here.
 */
import { create } from 'zustand';
import type { AppError } from '../../src-shared/result';
import type { TeamInboxState } from '../../src-shared/team-inbox';
import type { WebhookEvent } from '../../src-shared/webhook-events';
import { api } from '../api';

/** Shared events kept on screen; older ones stay in the team's database. */
const shownLimit = 200;

interface TeamInboxStore {
  state?: TeamInboxState;
  /** Newest first, each marked `source: 'team'`. */
  events: WebhookEvent[];
  /** Why the last configure or list was refused; `path` names the field. */
  error?: AppError;
  load(): Promise<void>;
  /** Resolves true when saved; an empty password keeps the stored one. */
  configure(url: string, password: string): Promise<boolean>;
  forget(): Promise<void>;
}

function newestFirst(arrivals: WebhookEvent[], shown: WebhookEvent[]): WebhookEvent[] {
  const arriving = new Set(arrivals.map((event) => event.id));
  const merged = [...arrivals.slice().reverse(), ...shown.filter((event) => !arriving.has(event.id))];
  return merged.sort((a, b) => b.id - a.id).slice(0, shownLimit);
}

export const useTeamInboxStore = create<TeamInboxStore>()((set, get) => {
  api.on('teamInbox.stateChanged', (states) => set({ state: states[states.length - 1] }));
  api.on('teamInbox.received', (batches) =>
    set({
      events: newestFirst(
        batches.flatMap((batch) => batch.events),
        get().events,
      ),
    }),
  );

  async function loadNewest(): Promise<void> {
    const page = await api.call('teamInbox.list', { limit: 50 });
    if (page.ok) set({ events: newestFirst(page.value.events, get().events) });
  }

  return {
    events: [],
    async load() {
      const state = await api.call('teamInbox.state', {});
      if (!state.ok) return set({ error: state.error });
      set({ state: state.value });
      if (state.value.url !== null) await loadNewest();
    },
    async configure(url, password) {
      const result = await api.call('teamInbox.configure', { url, ...(password === '' ? {} : { password }) });
      if (!result.ok) {
        set({ error: result.error });
        return false;
      }
      set({ state: result.value, error: undefined, events: [] });
      await loadNewest();
      return true;
    },
    async forget() {
      const result = await api.call('teamInbox.configure', { url: null });
      set(result.ok ? { state: result.value, error: undefined, events: [] } : { error: result.error });
    },
  };
});
