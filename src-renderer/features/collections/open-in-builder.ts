/** Opens a collection request in the builder, remembering where it came from so Ctrl/Cmd+S saves it back there. */
import type { CollectionEntry } from '../../../src-shared/collections';
import { navigate } from '../../routes';
import { loadDrafts } from '../../stores/builder-drafts';
import { useBuilderStore } from '../../stores/builder-store';
import { useCollectionsStore } from '../../stores/collections-store';

export async function openInBuilder(entry: Extract<CollectionEntry, { kind: 'request' }>): Promise<void> {
  const { request } = entry.file;
  if (request.kind !== 'send') return;
  // The stored draft is read first, so it cannot land on top of the request opened here.
  await loadDrafts();
  useCollectionsStore.getState().startEditing(entry);
  useBuilderStore.getState().openRequest({ api: request.api, text: JSON.stringify(request.payload, null, 2) });
  navigate('builder');
}

/** Saves the builder's request back to its collection file; false when the builder is not editing one (or its JSON is broken). */
export function saveBuilderToCollection(): boolean {
  const { editing, saveEditing } = useCollectionsStore.getState();
  if (!editing) return false;
  const { api, payload, syntaxError } = useBuilderStore.getState();
  if (syntaxError) {
    useCollectionsStore.setState({
      error: {
        code: 'PAYLOAD_INVALID',
        message: `The JSON does not parse: ${syntaxError}`,
        hint: 'Fix the JSON, then save again.',
      },
    });
    return true;
  }
  void saveEditing({ kind: 'send', api, payload });
  return true;
}
