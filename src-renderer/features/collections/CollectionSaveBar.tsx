import { useCollectionsStore } from '../../stores/collections-store';
import { saveBuilderToCollection } from './open-in-builder';

/** Shown in the builder while it edits a collection request: where it will be saved, and the save itself. */
export function CollectionSaveBar() {
  const editing = useCollectionsStore((store) => store.editing);
  const error = useCollectionsStore((store) => store.error);
  if (!editing) return null;
  return (
    <div className="notice" role="status" data-testid="collections-editing">
      <span>
        Editing <strong data-testid="collections-editing-path">{editing.path}</strong> from the collection. Ctrl/⌘+S
        saves it back.
      </span>{' '}
      <button
        type="button"
        className="button-secondary"
        onClick={() => saveBuilderToCollection()}
        data-testid="collections-save-back"
      >
        Save to collection
      </button>{' '}
      <button type="button" className="button-quiet" onClick={() => useCollectionsStore.setState({ editing: null })}>
        Stop editing
      </button>
      {error && <p className="error">{error.message}</p>}
    </div>
  );
}
