/** Browses the folders of the machine running the workbench, makes a new one, and opens one as the collection. */
import { useEffect, useState } from 'react';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { useFolderBrowserStore } from '../../stores/folder-browser-store';

interface FolderBrowserProps {
  /** Where to start; the home folder when absent. */
  start?: string;
  onChoose(path: string): void;
  onClose(): void;
}

export function FolderBrowser({ start, onChoose, onClose }: FolderBrowserProps) {
  const { listing, error } = useFolderBrowserStore();
  const { browse, createFolder } = useFolderBrowserStore.getState();
  const [newName, setNewName] = useState('');
  useEffect(() => {
    void browse(start);
  }, [browse, start]);

  return (
    <section className="folder-browser" aria-label="Choose a folder" data-testid="folders-browser">
      <div className="folder-browser-head">
        <strong data-testid="folders-current">{listing?.path ?? '…'}</strong>
        <button
          type="button"
          className="button-secondary"
          disabled={!listing?.parent}
          onClick={() => listing?.parent && void browse(listing.parent)}
          data-testid="folders-up"
        >
          Up
        </button>
        <button type="button" className="button-secondary" onClick={() => void browse()}>
          Home
        </button>
        <button
          type="button"
          disabled={!listing}
          onClick={() => listing && onChoose(listing.path)}
          data-testid="folders-choose"
        >
          Open this folder
        </button>
        <button type="button" className="button-quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
      {error && <SettingsErrorBanner error={error} testId="folders-error" />}
      {listing && listing.folders.length === 0 ? <p className="muted">No subfolders here.</p> : null}
      <ul className="folder-browser-list" aria-label="Subfolders">
        {listing?.folders.map((folder) => (
          <li key={folder.path}>
            <button
              type="button"
              className="button-link"
              onClick={() => void browse(folder.path)}
              data-testid="folders-entry"
            >
              {folder.name}
            </button>
          </li>
        ))}
      </ul>
      {listing?.truncated ? <p className="muted">Only the first folders are listed: type the path instead.</p> : null}
      <form
        className="settings-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (newName.trim()) void createFolder(newName.trim()).then((created) => created && setNewName(''));
        }}
      >
        <input
          aria-label="New folder name"
          placeholder="New folder name"
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
          data-testid="folders-new-name"
        />
        <button type="submit" className="button-secondary" data-testid="folders-create">
          New folder here
        </button>
      </form>
    </section>
  );
}
