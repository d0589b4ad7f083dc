import { useEffect, useState } from 'react';
import type { CollectionEntry } from '../../../src-shared/collections';
import { api } from '../../api';
import { useCollectionsStore } from '../../stores/collections-store';
import { curlSnippet, nodeSdkSnippet } from '../builder/request-snippets';

type Format = 'postman' | 'curl' | 'node';
const vonageBaseUrl = 'https://api.nexmo.com';

/** A request or group as a Postman v2.1 collection, and a request as cURL or a Node SDK call; credentials always as variables. */
export function ExportPanel({
  entry,
  onClose,
}: {
  entry: CollectionEntry | { kind: 'collection'; path: '' };
  onClose(): void;
}) {
  const root = useCollectionsStore((store) => store.root);
  const [format, setFormat] = useState<Format>('postman');
  const [postman, setPostman] = useState('');
  const request = entry.kind === 'request' && entry.file.request.kind === 'send' ? entry.file.request : null;

  useEffect(() => {
    if (!root) return;
    void api
      .call('collections.exportPostman', { root, path: entry.path })
      .then((result) => setPostman(result.ok ? result.value.text : `${result.error.message} ${result.error.hint}`));
  }, [root, entry.path]);

  const text =
    format === 'postman'
      ? postman
      : request
        ? (format === 'curl' ? curlSnippet : nodeSdkSnippet)({
            api: request.api,
            payload: request.payload,
            baseUrl: vonageBaseUrl,
          })
        : '';
  return (
    <section aria-label="Export" data-testid="collections-export">
      <div className="settings-row">
        <strong>Export {entry.path || 'the collection'}</strong>
        <div className="segmented" role="group" aria-label="Export format">
          {(['postman', 'curl', 'node'] as const)
            .filter((option) => option === 'postman' || request)
            .map((option) => (
              <button
                key={option}
                type="button"
                className="segment"
                aria-pressed={format === option}
                onClick={() => setFormat(option)}
                data-testid={`collections-export-${option}`}
              >
                {{ postman: 'Postman v2.1', curl: 'cURL', node: 'Node SDK' }[option]}
              </button>
            ))}
        </div>
        <button type="button" className="button-secondary" onClick={() => void navigator.clipboard?.writeText(text)}>
          Copy
        </button>
        <button type="button" className="button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
      <pre className="code-block" data-testid="collections-export-text">
        {text}
      </pre>
    </section>
  );
}
