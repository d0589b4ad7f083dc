/**
 * Collections: a folder of request files, opened by browsing or by its path
 * (the core remembers it for every page), shown as a tree in run order with search,
 * edits and a one-step undo of the last delete, runs with their results, and
 * import and export.
 */
import { useEffect, useState } from 'react';
import type { CollectionEntry } from '../../../src-shared/collections';
import { EmptyState } from '../../components/EmptyState';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { useCollectionsStore } from '../../stores/collections-store';
import { CollectionRow } from './CollectionRow';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { newRequestFile } from './new-request';
import { OpenFolderForm } from './OpenFolderForm';
import { PathEditor } from './PathEditor';
import { RunResults } from './RunResults';
import { RunSettings } from './RunSettings';
import { newRequestPath, visibleEntries } from './tree-filter';
import './collections.css';

export function CollectionsPage() {
  const { root, entries, problems, error, lastRemoved } = useCollectionsStore();
  const { createRequest, createFolder, run, undoRemove, dismissError, loadRuns } = useCollectionsStore.getState();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState<'request' | 'group' | null>(null);
  const [exporting, setExporting] = useState<CollectionEntry | { kind: 'collection'; path: '' } | null>(null);

  useEffect(() => {
    void loadRuns();
    void useCollectionsStore.getState().restore();
  }, [loadRuns]);

  const shown = visibleEntries(entries, query);
  return (
    <div className="page page-wide" data-testid="collections">
      <h1>Collections</h1>
      <OpenFolderForm key={root ?? ''} />
      {error && <SettingsErrorBanner error={error} onDismiss={dismissError} testId="collections-error" />}
      {!root ? (
        <EmptyState title="Open a collection folder" testId="collections-empty">
          <p>
            Save requests as plain files in a folder you choose, share them through git, and replay them here or in CI
            with <code>workbench run</code>.
          </p>
          <p>
            Browse to a folder on the machine running the workbench, or type its path; a new folder can be made from the
            browser, or by typing a path that does not exist yet.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="settings-row">
            <input
              type="search"
              aria-label="Search requests"
              placeholder="Search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              data-testid="collections-search"
            />
            <RunSettings />
            <button type="button" onClick={() => setCreating('request')} data-testid="collections-new-request">
              New request
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => setCreating('group')}
              data-testid="collections-new-group"
            >
              New folder
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => void run('')}
              data-testid="collections-run-all"
            >
              Run all
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => setExporting({ kind: 'collection', path: '' })}
              data-testid="collections-export-all"
            >
              Export…
            </button>
          </div>
          {creating && (
            <PathEditor
              initial={creating === 'request' ? newRequestPath(entries, '') : 'new folder'}
              action={creating === 'request' ? 'Create request' : 'Create folder'}
              onCancel={() => setCreating(null)}
              onConfirm={(path) =>
                void (
                  creating === 'request'
                    ? createRequest(
                        path.endsWith('.json') ? path : `${path}.json`,
                        newRequestFile(
                          path
                            .split('/')
                            .pop()!
                            .replace(/\.json$/, ''),
                        ),
                      )
                    : createFolder(path)
                ).then((done) => done && setCreating(null))
              }
            />
          )}
          {lastRemoved && (
            <p className="notice" role="status" data-testid="collections-undo-notice">
              Deleted {lastRemoved.path}.{' '}
              <button
                type="button"
                className="button-link"
                onClick={() => void undoRemove()}
                data-testid="collections-undo"
              >
                Undo
              </button>
            </p>
          )}
          {entries.length === 0 && problems.length === 0 && (
            <p className="muted">This folder has no requests yet: create one, or import from Postman or cURL.</p>
          )}
          <ul className="collections-tree" aria-label="Requests" data-testid="collections-tree">
            {shown.map((entry) => (
              <CollectionRow key={entry.path} entry={entry} entries={entries} onExport={() => setExporting(entry)} />
            ))}
          </ul>
          {problems.length > 0 && (
            <section aria-label="Files not loaded" data-testid="collections-problems">
              <h3 className="pane-title">Files not loaded (left untouched)</h3>
              <ul>
                {problems.map((problem) => (
                  <li key={problem.path} data-testid="collections-problem">
                    <code>{problem.path}</code> — {problem.kind}: {problem.reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {exporting && <ExportPanel entry={exporting} onClose={() => setExporting(null)} />}
          {/* Results right under the tree they came from; importing is a separate, occasional task below. */}
          <RunResults />
          <ImportPanel />
        </>
      )}
    </div>
  );
}
