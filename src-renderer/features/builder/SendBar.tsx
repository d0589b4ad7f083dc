/** Send, Save and Export, with what each shortcut does and why a send may not go. */
import { useState } from 'react';
import { lazyPart } from '../../components/LazyPart';
import { nameOf, useBuilderStore } from '../../stores/builder-store';
import { useCollectionsStore } from '../../stores/collections-store';
import { fieldId } from './FormField';
import { saveBuilderRequest, useSaveDialog } from './save-request';

// Dialogs fetched on first use: a modal has no place to hold, so nothing stands in while it comes.
const ExportDialog = lazyPart(() => import('./ExportDialog').then((module) => module.ExportDialog), {
  what: 'export dialog',
  testId: 'builder-export-dialog',
  fallback: () => null,
});
const SaveToCollectionDialog = lazyPart(
  () => import('./SaveToCollectionDialog').then((module) => module.SaveToCollectionDialog),
  { what: 'save dialog', testId: 'builder-save-dialog', fallback: () => null },
);

const draftLabels = {
  unsaved: 'Unsaved changes',
  saving: 'Saving draft…',
  saved: 'Draft saved',
  failed: 'Draft not saved',
} as const;

/** Brings a place into the middle of the view and focuses it, so what blocks the send is seen, not only focused. */
function showBlocker(target: HTMLElement | null): void {
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * Sends when nothing blocks; otherwise shows what does: the broken JSON, or
 * the first error at its field with its message beside it (the list of
 * problems when the form has no such field). Never silent.
 */
export function sendOrShowErrors(): void {
  const { report, syntaxError, sendRequest } = useBuilderStore.getState();
  const [first] = report.errors;
  if (syntaxError) {
    document.querySelector('[data-testid="builder-json-syntax-error"]')?.scrollIntoView({ block: 'center' });
    showBlocker(document.querySelector<HTMLElement>('[data-testid="builder-json-content"]'));
    return;
  }
  if (first) {
    const field = document.getElementById(fieldId(first.path));
    const issue = document.querySelector<HTMLElement>(`[data-testid="builder-issue-error"] button`);
    showBlocker(field ?? issue);
    return;
  }
  void sendRequest();
}

export function SendBar() {
  const errorCount = useBuilderStore((store) => store.report.errors.length);
  const syntaxError = useBuilderStore((store) => store.syntaxError);
  const sendStatus = useBuilderStore((store) => store.sendStatus);
  const draftStatus = useBuilderStore((store) => store.draftStatus);
  const draftError = useBuilderStore((store) => store.draftError);
  const sendRequest = useBuilderStore((store) => store.sendRequest);
  const lastSaved = useBuilderStore((store) => store.lastSaved);
  const saveDialogOpen = useSaveDialog((store) => store.open);
  const collectionOpen = useCollectionsStore((store) => store.root !== null);
  const [exportOpen, setExportOpen] = useState(false);
  const blocked = syntaxError !== null || errorCount > 0;
  return (
    // Sticky at the bottom of the page: Send and why it may not go stay in view above a long form.
    <div className="send-bar" data-testid="builder-send-bar">
      <button
        type="button"
        onClick={sendOrShowErrors}
        disabled={syntaxError !== null || sendStatus === 'sending'}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        title="Send (Ctrl/⌘+Enter)"
        data-testid="builder-send"
      >
        {sendStatus === 'sending' ? 'Sending…' : 'Send'}
      </button>
      {errorCount > 0 && !syntaxError ? (
        <button
          type="button"
          className="button-quiet"
          onClick={() => void sendRequest({ override: true })}
          data-testid="builder-send-anyway"
        >
          Send anyway, to see the API’s answer
        </button>
      ) : null}
      <button
        type="button"
        className="button-quiet"
        onClick={saveBuilderRequest}
        aria-keyshortcuts="Control+S Meta+S"
        title={collectionOpen ? 'Save to the collection (Ctrl/⌘+S)' : 'Save (Ctrl/⌘+S)'}
        data-testid="builder-save"
      >
        Save
      </button>
      {saveDialogOpen ? (
        <SaveToCollectionDialog
          open
          onOpenChange={(open) => useSaveDialog.setState({ open })}
          suggestedName={nameOf(useBuilderStore.getState().payload, useBuilderStore.getState().api)}
        />
      ) : null}
      <button
        type="button"
        className="button-quiet"
        disabled={syntaxError !== null}
        onClick={() => setExportOpen(true)}
        aria-haspopup="dialog"
        aria-expanded={exportOpen}
        data-testid="builder-export"
      >
        Export…
      </button>
      {exportOpen ? <ExportDialog onOpenChange={setExportOpen} /> : null}
      {lastSaved ? (
        <span className="muted" role="status" data-testid="builder-saved-notice">
          Saved as “{lastSaved.name}”: reopen it with Ctrl/⌘+K. Open a collection to save requests as files.
        </span>
      ) : null}
      <span className="send-bar-status muted" role="status">
        {blocked ? (
          <span className="error" data-testid="builder-send-blocked">
            {syntaxError
              ? 'Fix the JSON to send. '
              : `${errorCount} error${errorCount === 1 ? '' : 's'} to fix before sending. `}
          </span>
        ) : null}
        <span
          data-testid="builder-draft-status"
          data-state={draftStatus}
          title={draftError ? `${draftError.message} ${draftError.hint}` : undefined}
        >
          {draftLabels[draftStatus]}
        </span>
      </span>
    </div>
  );
}
