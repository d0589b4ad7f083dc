/**
 * Opens a collection folder: typed, picked with the native dialog (desktop
 * app), or browsed in the page (the browser host, which has none). A typed
 * folder that does not exist yet can be created on the spot.
 */
import { useState } from 'react';
import { api, hostKind } from '../../api';
import { useCollectionsStore } from '../../stores/collections-store';
import { useFolderBrowserStore } from '../../stores/folder-browser-store';
import { FolderBrowser } from './FolderBrowser';

export function OpenFolderForm() {
  const root = useCollectionsStore((store) => store.root);
  const error = useCollectionsStore((store) => store.error);
  const { open } = useCollectionsStore.getState();
  const [path, setPath] = useState(() => root ?? '');
  const [browsing, setBrowsing] = useState(false);
  const missing = error?.code === 'COLLECTION_NOT_FOUND' && path.trim() !== '';

  const openPath = async (chosen: string) => {
    setPath(chosen);
    if (await open(chosen)) setBrowsing(false);
  };
  const browse = async () => {
    if (hostKind !== 'electron') return setBrowsing(true);
    const chosen = await api.call('folders.choose', { title: 'Open a collection folder' });
    if (chosen.ok && chosen.value.path) await openPath(chosen.value.path);
  };
  const createAndOpen = async () => {
    const created = await useFolderBrowserStore.getState().createAt(path.trim());
    if (created) await openPath(created);
    else {
      const failure = useFolderBrowserStore.getState().error;
      if (failure) useCollectionsStore.setState({ error: failure });
    }
  };

  return (
    <>
      <form
        className="settings-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim()) void open(path.trim());
        }}
      >
        <input
          aria-label="Collection folder"
          placeholder="/path/to/collection"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          size={60}
          data-testid="collections-root-input"
        />
        <button type="submit" data-testid="collections-open-folder">
          Open folder
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void browse()}
          data-testid="collections-browse"
        >
          Browse…
        </button>
        {missing ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => void createAndOpen()}
            data-testid="collections-create-folder"
          >
            Create this folder and open it
          </button>
        ) : null}
      </form>
      {browsing ? (
        <FolderBrowser
          {...(root ? { start: root } : {})}
          onChoose={(chosen) => void openPath(chosen)}
          onClose={() => setBrowsing(false)}
        />
      ) : null}
    </>
  );
}
