import { useState } from 'react';
import type { CollectionEntry } from '../../../src-shared/collections';
import { hostKind } from '../../api';
import { useCollectionsStore } from '../../stores/collections-store';
import { newRequestFile } from './new-request';
import { openInBuilder } from './open-in-builder';
import { PathEditor } from './PathEditor';
import { freePath } from './tree-filter';

type Editing = { action: 'Rename or move' | 'Duplicate' | 'Create request' | 'Create group'; initial: string } | null;

interface CollectionRowProps {
  entry: CollectionEntry;
  entries: CollectionEntry[];
  onExport(): void;
}

/** One request or group: its name, indented by depth, and what can be done with it. */
export function CollectionRow({ entry, entries, onExport }: CollectionRowProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const { move, remove, run, reveal, createRequest, createFolder } = useCollectionsStore.getState();
  const running = useCollectionsStore((store) => store.running !== null);
  const depth = entry.path.split('/').length - 1;
  const name = entry.kind === 'request' ? entry.file.name : entry.name;
  const openable = entry.kind === 'request' && entry.file.request.kind === 'send';

  async function confirm(path: string) {
    if (!editing) return;
    const done =
      editing.action === 'Rename or move'
        ? await move(entry.path, path, 'move')
        : editing.action === 'Duplicate'
          ? await move(entry.path, path, 'duplicate')
          : editing.action === 'Create group'
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
                : 'update'}
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
        {entry.kind === 'folder' && (
          <>
            <button
              type="button"
              className="button-quiet"
              onClick={() => setEditing({ action: 'Create request', initial: `${entry.path}/new request.json` })}
              data-testid="collections-new-request-here"
            >
              + Request
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => setEditing({ action: 'Create group', initial: `${entry.path}/new group` })}
            >
              + Group
            </button>
          </>
        )}
        <button
          type="button"
          className="button-quiet"
          onClick={() => setEditing({ action: 'Rename or move', initial: entry.path })}
          data-testid="collections-rename"
        >
          Rename / move
        </button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => setEditing({ action: 'Duplicate', initial: freePath(entries, entry.path, 'copy') })}
          data-testid="collections-duplicate"
        >
          Duplicate
        </button>
        {hostKind === 'electron' && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => void reveal(entry.path)}
            data-testid="collections-reveal"
          >
            Reveal in file manager
          </button>
        )}
        <button type="button" className="button-quiet" onClick={onExport} data-testid="collections-export">
          Export
        </button>
        <button
          type="button"
          className="button-danger"
          onClick={() => void remove(entry.path)}
          data-testid="collections-delete"
        >
          Delete
        </button>
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
