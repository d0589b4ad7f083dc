import { EmptyState } from '../../components/EmptyState';

export function CollectionsPage() {
  return (
    <EmptyState title="Collections" testId="collections-empty">
      <p>Save requests as plain files in a folder you choose, share them through git, and replay them here or in CI.</p>
    </EmptyState>
  );
}
