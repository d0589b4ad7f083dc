/** What Save and Ctrl/Cmd+S do in the builder. */
import { create } from 'zustand';
import { useBuilderStore } from '../../stores/builder-store';
import { useCollectionsStore } from '../../stores/collections-store';
import { saveBuilderToCollection } from '../collections/open-in-builder';

/** Whether the Save dialog is showing. */
export const useSaveDialog = create<{ open: boolean }>()(() => ({ open: false }));

/**
 * A request opened from the collection is written back to its file; with a
 * collection open, the dialog asks for a name and group; with none, the
 * request goes to the quick list the palette reopens.
 */
export function saveBuilderRequest(): void {
  if (saveBuilderToCollection()) return;
  if (useCollectionsStore.getState().root) useSaveDialog.setState({ open: true });
  else useBuilderStore.getState().saveRequest();
}
