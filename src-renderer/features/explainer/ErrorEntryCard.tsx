/** One explained error: what it is, whether retrying helps, what to do next, and related entries. */
import type { ErrorEntry } from '../../../src-shared/errors';

const kindLabels: Record<ErrorEntry['kind'], string> = {
  'vonage-code': 'Vonage error code',
  'problem-type': 'API problem type',
  'http-status': 'HTTP status',
  'product-code': 'Workbench error',
};

export function ErrorEntryCard({ entry, isMatch = false }: { entry: ErrorEntry; isMatch?: boolean }) {
  return (
    <article
      className={isMatch ? 'explainer-entry is-match' : 'explainer-entry'}
      data-testid={isMatch ? 'explainer-match' : 'explainer-entry'}
      data-key={entry.key}
      aria-label={`${entry.key}: ${entry.title}`}
    >
      <span className="explainer-kind">
        {kindLabels[entry.kind]}
        {entry.httpStatus ? ` · HTTP ${entry.httpStatus}` : ''}
        {entry.apiVersions ? ` · ${entry.apiVersions.join(', ')}` : ''}
      </span>
      <h3>
        <code>{entry.key || '(empty type)'}</code> {entry.title}
      </h3>
      <p>{entry.explanation}</p>
      <p>
        <strong>What to do:</strong> {entry.next}
      </p>
      <p className="muted">
        {entry.temporary
          ? 'Temporary: the same request may succeed later.'
          : 'Permanent: retrying unchanged will fail again.'}
      </p>
      {entry.related && entry.related.length > 0 ? (
        <p>
          Related:{' '}
          {entry.related.map((key) => (
            <a key={key} href={`#/explain/${encodeURIComponent(key)}`} className="explainer-related">
              {key}{' '}
            </a>
          ))}
        </p>
      ) : null}
    </article>
  );
}
