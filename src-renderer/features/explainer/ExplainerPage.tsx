import { EmptyState } from '../../components/EmptyState';

export function ExplainerPage({ code }: { code?: string }) {
  return (
    <EmptyState title="Error explainer" testId="explainer-empty">
      {code ? <p>Explanation for {code} will appear here.</p> : null}
      <p>Search any Vonage error code or problem type, or one of the workbench’s own codes, to learn what it means and what to do next.</p>
    </EmptyState>
  );
}
