import { useState } from 'react';
import { api } from '../../api';
import { useCollectionsStore } from '../../stores/collections-store';

/** Paste a Postman v2.1 collection or curl commands; they are written into the open folder and every change is listed. */
export function ImportPanel() {
  const root = useCollectionsStore((store) => store.root);
  const [kind, setKind] = useState<'postman' | 'curl'>('curl');
  const [text, setText] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  if (!root) return null;

  async function submit() {
    const result = await api.call('collections.import', { kind, text, into: root! });
    if (!result.ok) return useCollectionsStore.setState({ error: result.error });
    setNotes([`Wrote ${result.value.written.length} file(s).`, ...result.value.notes]);
    setText('');
    await useCollectionsStore.getState().reload();
  }

  return (
    <details data-testid="collections-import">
      <summary>Import from Postman or cURL</summary>
      <div className="settings-row">
        <select
          aria-label="Import format"
          value={kind}
          onChange={(event) => setKind(event.target.value as 'postman' | 'curl')}
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
      <textarea
        aria-label="Text to import"
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="collections-import-text"
      />
      <ul data-testid="collections-import-notes">
        {notes.map((note, index) => (
          <li key={index}>{note}</li>
        ))}
      </ul>
    </details>
  );
}
