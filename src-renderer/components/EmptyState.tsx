import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children: ReactNode;
  testId: string;
}

/** What a page shows before it has anything: what will be here and how to get it. */
export function EmptyState({ title, children, testId }: EmptyStateProps) {
  return (
    <section className="empty-state" data-testid={testId}>
      <h2>{title}</h2>
      <div className="empty-state-body">{children}</div>
    </section>
  );
}
