import { EmptyState } from '../../components/EmptyState';

export function TimelinePage() {
  return (
    <EmptyState title="Timeline" testId="timeline-empty">
      <p>Status and inbound webhooks will stream here live, newest first, each with its raw JSON and signature verdict.</p>
      <p>Send a message to the built-in emulator to see its status events arrive.</p>
    </EmptyState>
  );
}
