import { useState } from 'react';
import { api } from '../../api';
import { FileDropArea } from '../../components/FileDropArea';
import { FilePickButton } from '../../components/FilePickButton';
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
  const [notes, setNotes] = useState<string[]>([]);
  if (!root) return null;

  async function readFile(file: File) {
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

  return (
    <section className="collections-import" aria-labelledby="collections-import-title" data-testid="collections-import">
      <h2 id="collections-import-title" className="pane-title">
        Import from Postman or cURL
      </h2>
      <FileDropArea onFile={(file) => void readFile(file)} testId="collections-import-drop">
        <p>
          Drop a Postman collection (.json) or a file of curl commands here, or{' '}
          <FilePickButton
            className="button-secondary"
            accept=".json,.sh,.txt,.curl,application/json,text/plain"
            onFile={(file) => void readFile(file)}
            testId="collections-import-pick"
            inputTestId="collections-import-file-input"
          >
            Choose a file…
          </FilePickButton>
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
      </FileDropArea>
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
