/**
 * Save: the request becomes a file of the open collection, named by the
 * user, in the group they choose; replacing a file asks first. The draft
 * autosave is separate and always on.
 */
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import type { AppError } from '../../../src-shared/result';
import { useCollectionsStore } from '../../stores/collections-store';
import { existingRequest, requestPathOf, saveBuilderAs } from '../../stores/save-to-collection';

interface SaveToCollectionDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The name to start from, e.g. the request's channel and recipient. */
  suggestedName: string;
}

export function SaveToCollectionDialog({ open, onOpenChange, suggestedName }: SaveToCollectionDialogProps) {
  const root = useCollectionsStore((store) => store.root);
  const entries = useCollectionsStore((store) => store.entries);
  const [name, setName] = useState(suggestedName);
  const [group, setGroup] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const path = requestPathOf(group, name);
  const exists = existingRequest(path) !== undefined;

  const save = async (replace: boolean) => {
    if (!name.trim()) return;
    if (exists && !replace) return setConfirming(true);
    const failure = await saveBuilderAs(path, name);
    setError(failure);
    if (!failure) onOpenChange(false);
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content" data-testid="builder-save-dialog">
          <Dialog.Title>Save to the collection</Dialog.Title>
          <Dialog.Description className="muted">
            Written as a request file in <code>{root}</code>, with its {'{{variables}}'} as they are.
          </Dialog.Description>
          <form
            className="save-dialog-form"
            onSubmit={(event) => {
              event.preventDefault();
              void save(confirming);
            }}
          >
            <label>
              Name
              <input
                value={name}
                autoFocus
                onChange={(event) => {
                  setName(event.target.value);
                  setConfirming(false);
                }}
                data-testid="builder-save-name"
              />
            </label>
            <label>
              Group
              <select
                value={group}
                onChange={(event) => {
                  setGroup(event.target.value);
                  setConfirming(false);
                }}
                data-testid="builder-save-group"
              >
                <option value="">(top of the collection)</option>
                {entries
                  .filter((entry) => entry.kind === 'folder')
                  .map((entry) => (
                    <option key={entry.path} value={entry.path}>
                      {entry.path}
                    </option>
                  ))}
              </select>
            </label>
            <p className="muted" data-testid="builder-save-path">
              File: <code>{path}</code>
              {exists && !confirming ? ' (exists)' : ''}
            </p>
            {confirming ? (
              <p className="notice notice-warning" role="alert" data-testid="builder-save-confirm">
                {path} exists. Replace it with this request? Its assertions and captures are kept.
              </p>
            ) : null}
            {error ? (
              <p className="error" role="alert" data-testid="builder-save-error">
                {error.message} {error.hint}
              </p>
            ) : null}
            <div className="dialog-actions">
              <button type="submit" disabled={!name.trim()} data-testid="builder-save-confirm-button">
                {confirming ? 'Replace' : 'Save'}
              </button>
              <Dialog.Close asChild>
                <button type="button" className="button-quiet">
                  Cancel
                </button>
              </Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
