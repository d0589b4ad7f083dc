import { useState } from 'react';
import type { CollectionEntry } from '../../../src-shared/collections';
import { useCollectionsStore } from '../../stores/collections-store';
import { CollectionRowMenu, type RowMenuAction } from './CollectionRowMenu';
import { newRequestFile } from './new-request';
import { openInBuilder } from './open-in-builder';
import { PathEditor } from './PathEditor';
import { freePath, newRequestPath } from './tree-filter';

type Editing = { action: 'Rename or move' | 'Duplicate' | 'Create request' | 'Create folder'; initial: string } | null;

interface CollectionRowProps {
  entry: CollectionEntry;
  entries: CollectionEntry[];
  onExport(): void;
}

/** One request or folder: its name, indented by depth, Open and Run, and the rest in its "More" menu. */
export function CollectionRow({ entry, entries, onExport }: CollectionRowProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const { move, remove, run, reveal, createRequest, createFolder } = useCollectionsStore.getState();
  const running = useCollectionsStore((store) => store.running !== null);
  const depth = entry.path.split('/').length - 1;
  const name = entry.kind === 'request' ? entry.file.name : entry.name;
  const openable = entry.kind === 'request' && entry.file.request.kind === 'send';

  function select(action: RowMenuAction) {
    switch (action) {
      case 'new-request':
        return setEditing({ action: 'Create request', initial: newRequestPath(entries, entry.path) });
      case 'new-folder':
        return setEditing({ action: 'Create folder', initial: `${entry.path}/new folder` });
      case 'rename':
        return setEditing({ action: 'Rename or move', initial: entry.path });
      case 'duplicate':
        return setEditing({ action: 'Duplicate', initial: freePath(entries, entry.path, 'copy') });
      case 'reveal':
        return void reveal(entry.path);
      case 'export':
        return onExport();
      case 'delete':
        return void remove(entry.path);
      default: {
        const unreachable: never = action;
        throw new Error(`unknown row action ${String(unreachable)}`);
      }
    }
  }

  async function confirm(path: string) {
    if (!editing) return;
    const done =
      editing.action === 'Rename or move'
        ? await move(entry.path, path, 'move')
        : editing.action === 'Duplicate'
          ? await move(entry.path, path, 'duplicate')
          : editing.action === 'Create folder'
            ? await createFolder(path)
            : await createRequest(
                path.endsWith('.json') ? path : `${path}.json`,
                newRequestFile(
                  path
                    .split('/')
                    .pop()!
                    .replace(/\.json$/, ''),
                ),
              );
    if (done) setEditing(null);
  }

  return (
    <li
      className="collections-row"
      style={{ paddingInlineStart: `${depth * 1.25 + 0.25}rem` }}
      data-testid="collections-row"
      data-path={entry.path}
      data-kind={entry.kind}
    >
      <span className="collections-row-name" data-testid="collections-row-name">
        {entry.kind === 'folder' ? <strong>{name}/</strong> : name}{' '}
        {entry.kind === 'request' && (
          <span className="muted">
            {entry.file.request.kind === 'raw'
              ? 'raw'
              : entry.file.request.kind === 'send'
                ? entry.file.request.api
                : 'update'}{' '}
            · <span className="collections-row-file">{entry.path.split('/').pop()}</span>
          </span>
        )}
      </span>
      <span className="collections-row-actions">
        {openable && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => void openInBuilder(entry)}
            data-testid="collections-open"
          >
            Open
          </button>
        )}
        <button
          type="button"
          className="button-quiet"
          disabled={running}
          onClick={() => void run(entry.path)}
          data-testid="collections-run"
        >
          Run
        </button>
        <CollectionRowMenu name={name} isFolder={entry.kind === 'folder'} onSelect={select} />
      </span>
      {editing && (
        <PathEditor
          initial={editing.initial}
          action={editing.action}
          onConfirm={(path) => void confirm(path)}
          onCancel={() => setEditing(null)}
        />
      )}
    </li>
  );
}
