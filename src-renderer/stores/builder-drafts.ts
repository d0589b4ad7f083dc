/**
 * Keeps the builder's draft and saved requests in the core (drafts.load /
 * drafts.save), so they survive a reload and a restart even though the
 * browser host's origin, and with it localStorage, changes with its port.
 * Saves are debounced: typing writes once it pauses.
 */
import type { DraftsDocument } from '../../src-shared/drafts';
import { api } from '../api';
import { useBuilderStore } from './builder-store';

const saveDelayMs = 400;
let loading: Promise<void> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Reads the stored drafts once per page load; later calls wait for the same read.
 * A read that fails (the core restarting, say) is not taken for "no draft": the
 * error is shown, and the next call reads again.
 */
export function loadDrafts(): Promise<void> {
  loading ??= (async () => {
    const result = await api.call('drafts.load', {});
    if (result.ok) {
      useBuilderStore.getState().restoreDrafts(result.value);
      useBuilderStore.setState({ draftStatus: 'saved', draftError: null });
    } else {
      loading = null;
      useBuilderStore.setState({ draftStatus: 'failed', draftError: result.error });
    }
  })();
  return loading;
}

/** Starts the builder without the stored drafts, when the user chooses to after a failed read. */
export function startWithoutDrafts(): void {
  useBuilderStore.getState().restoreDrafts({ current: null, saved: [] });
}

function documentOf(): DraftsDocument {
  const { started, api: apiVersion, text, profileId, saved } = useBuilderStore.getState();
  return { version: 1, current: started ? { api: apiVersion, text, profileId } : null, saved };
}

async function writeDrafts(): Promise<void> {
  useBuilderStore.setState({ draftStatus: 'saving' });
  const result = await api.call('drafts.save', documentOf());
  // Another edit may have arrived while this one was on its way; it has its own timer.
  if (timer !== undefined) return;
  useBuilderStore.setState(
    result.ok ? { draftStatus: 'saved', draftError: null } : { draftStatus: 'failed', draftError: result.error },
  );
}

useBuilderStore.subscribe((state, previous) => {
  if (!state.loaded || !previous.loaded) return;
  const changed =
    state.text !== previous.text ||
    state.api !== previous.api ||
    state.profileId !== previous.profileId ||
    state.saved !== previous.saved;
  if (!changed) return;
  useBuilderStore.setState({ draftStatus: 'unsaved' });
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void writeDrafts();
  }, saveDelayMs);
});
