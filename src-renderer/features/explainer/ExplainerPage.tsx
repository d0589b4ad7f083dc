/**
 * Every error code, problem type and workbench code, searchable. A deep link
 * (`#/explain/1300`, or a problem type URL) opens with that entry explained
 * on top.
 */
import { useEffect, useMemo } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useExplainerStore } from '../../stores/explainer-store';
import { filterEntries } from './filter-entries';
import { ErrorEntryCard } from './ErrorEntryCard';
import './explainer.css';

export function ExplainerPage({ code }: { code?: string }) {
  const { catalogStatus, catalog, catalogError, query, matches, matchesError, loadCatalog, search } =
    useExplainerStore();
  useEffect(() => {
    void loadCatalog();
  }, [loadCatalog]);
  useEffect(() => {
    if (code !== undefined) void search(code);
  }, [code, search]);
  // Exact matches are shown on top already; the list holds the other entries that mention the query.
  const listed = useMemo(() => {
    const exact = new Set(matches.map((entry) => `${entry.kind} ${entry.key}`));
    return filterEntries(catalog, query).filter((entry) => !exact.has(`${entry.kind} ${entry.key}`));
  }, [catalog, query, matches]);

  const onQuery = (next: string) => {
    void search(next);
    // The address follows the search, so it can be shared, without one history entry per keystroke.
    window.history.replaceState(null, '', next ? `#/explain/${encodeURIComponent(next)}` : '#/explain');
  };

  return (
    <section className="explainer" aria-labelledby="explainer-title">
      <h1 id="explainer-title">Error explainer</h1>
      <input
        type="search"
        className="explainer-search"
        aria-label="Error code, problem type, HTTP status or workbench code"
        placeholder="1300, 429, https://developer.vonage.com/api-errors/…, PAYLOAD_INVALID, or words"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        data-testid="explainer-search"
      />
      {matchesError ? (
        <p className="error" role="alert">
          {matchesError.message} {matchesError.hint}
        </p>
      ) : null}
      {matches.length > 0 ? (
        <div className="explainer-list" aria-label="Exact match" data-testid="explainer-matches">
          {matches.map((entry) => (
            <ErrorEntryCard key={`${entry.kind} ${entry.key}`} entry={entry} isMatch />
          ))}
        </div>
      ) : null}
      {catalogStatus === 'loading' || catalogStatus === 'idle' ? (
        <p className="muted" role="status">
          Loading the catalogue…
        </p>
      ) : null}
      {catalogStatus === 'failed' && catalogError ? (
        <p className="error" role="alert" data-testid="explainer-error">
          {catalogError.message} {catalogError.hint}
        </p>
      ) : null}
      {catalogStatus === 'ready' && query === '' ? (
        <EmptyState title="Search any error" testId="explainer-empty">
          <p>
            Type a Vonage error code, an HTTP status, a problem type URL, one of the workbench’s own codes, or a few
            words.
          </p>
          <p>All {catalog.length} entries are listed below.</p>
        </EmptyState>
      ) : null}
      {catalogStatus === 'ready' && query !== '' && listed.length === 0 && matches.length === 0 ? (
        <p className="muted" data-testid="explainer-no-results">
          Nothing in the catalogue matches “{query}”.
        </p>
      ) : null}
      {catalogStatus === 'ready' && listed.length > 0 ? (
        <>
          <h3 className="muted">
            {query
              ? `${listed.length === 1 ? '1 other entry mentions' : `${listed.length} other entries mention`} “${query}”`
              : 'Every entry'}
          </h3>
          <ul className="explainer-list" data-testid="explainer-list">
            {listed.map((entry) => (
              <li key={`${entry.kind} ${entry.key}`}>
                <ErrorEntryCard entry={entry} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
