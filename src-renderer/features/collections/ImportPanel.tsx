import { useRef, useState, type DragEvent } from 'react';
import { api } from '../../api';
import { useCollectionsStore } from '../../stores/collections-store';

type ImportKind = 'postman' | 'curl';

/** A Postman export is JSON; anything else is taken as curl command lines. */
function kindOf(fileName: string, text: string): ImportKind {
  return fileName.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{') ? 'postman' : 'curl';
}

/**
 * A Postman v2.1 collection or curl commands, pasted, picked as a file or
 * dropped on the panel; written into the open folder, every change listed.
 * A file is read here in the page, so the core never needs the user's path.
 */
export function ImportPanel() {
  const root = useCollectionsStore((store) => store.root);
  const [kind, setKind] = useState<ImportKind>('curl');
  const [text, setText] = useState('');
  const [readFrom, setReadFrom] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  if (!root) return null;

  async function readFile(file: File | undefined) {
    if (!file) return;
    const content = await file.text();
    setText(content);
    setKind(kindOf(file.name, content));
    setReadFrom(file.name);
  }

  async function submit() {
    const result = await api.call('collections.import', { kind, text, into: root! });
    if (!result.ok) return useCollectionsStore.setState({ error: result.error });
    setNotes([`Wrote ${result.value.written.length} file(s).`, ...result.value.notes]);
    setText('');
    setReadFrom(undefined);
    await useCollectionsStore.getState().reload();
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void readFile(event.dataTransfer.files[0]);
  };

  return (
    <section className="collections-import" aria-labelledby="collections-import-title" data-testid="collections-import">
      <h2 id="collections-import-title" className="pane-title">
        Import from Postman or cURL
      </h2>
      <div
        className={dragging ? 'collections-drop is-dragging' : 'collections-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="collections-import-drop"
      >
        <p>
          Drop a Postman collection (.json) or a file of curl commands here, or{' '}
          <button
            type="button"
            className="button-secondary"
            onClick={() => fileInput.current?.click()}
            data-testid="collections-import-pick"
          >
            Choose a file…
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".json,.sh,.txt,.curl,application/json,text/plain"
            onChange={(event) => {
              void readFile(event.target.files?.[0]);
              event.target.value = '';
            }}
            data-testid="collections-import-file-input"
          />
        </p>
        {readFrom && (
          <p className="muted" role="status" data-testid="collections-import-read-from">
            Read from {readFrom}; check the format, then Import.
          </p>
        )}
        <label className="collections-import-field">
          <span>Or paste it</span>
          <textarea
            rows={8}
            value={text}
            spellCheck={false}
            onChange={(event) => {
              setReadFrom(undefined);
              setText(event.target.value);
            }}
            data-testid="collections-import-text"
          />
        </label>
      </div>
      <div className="settings-row">
        <select
          aria-label="Import format"
          value={kind}
          onChange={(event) => setKind(event.target.value as ImportKind)}
          data-testid="collections-import-kind"
        >
          <option value="curl">cURL command lines</option>
          <option value="postman">Postman collection v2.1 (JSON)</option>
        </select>
        <button
          type="button"
          disabled={!text.trim()}
          onClick={() => void submit()}
          data-testid="collections-import-submit"
        >
          Import
        </button>
      </div>
      {notes.length > 0 && (
        <ul role="status" data-testid="collections-import-notes">
          {notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
