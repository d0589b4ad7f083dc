import { EmptyState } from '../../components/EmptyState';

export function BuilderPage() {
  return (
    <EmptyState title="Request builder" testId="builder-empty">
      <p>Pick an API version, a channel and a message type, then fill the form or edit the raw JSON.</p>
      <p>Every problem shows at its field before you send; the response and its status webhooks arrive below.</p>
    </EmptyState>
  );
}
