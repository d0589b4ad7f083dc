import { useState } from 'react';

interface PathEditorProps {
  initial: string;
  /** What confirming does, e.g. "Rename". */
  action: string;
  onConfirm(path: string): void;
  onCancel(): void;
}

/** An inline field for a new path (rename, move, duplicate, create): Enter confirms, Escape cancels. */
export function PathEditor({ initial, action, onConfirm, onCancel }: PathEditorProps) {
  const [path, setPath] = useState(initial);
  return (
    <form
      className="settings-row"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim()) onConfirm(path.trim());
      }}
    >
      <input
        aria-label={`${action}: new path`}
        value={path}
        autoFocus
        onChange={(event) => setPath(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && onCancel()}
        data-testid="collections-path-input"
      />
      <button type="submit" data-testid="collections-path-confirm">
        {action}
      </button>
      <button type="button" className="button-quiet" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
