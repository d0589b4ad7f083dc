/** Send, Save and Export, with what each shortcut does and why a send may not go. */
import { useBuilderStore } from '../../stores/builder-store';
import { ExportDialog } from './ExportDialog';
import { fieldId } from './FormField';

const draftLabels = {
  unsaved: 'Unsaved changes',
  saving: 'Saving draft…',
  saved: 'Draft saved',
  failed: 'Draft not saved',
} as const;

/** Sends when the model finds no error; otherwise takes the user to the first one. */
export function sendOrShowErrors(): void {
  const { report, syntaxError, sendRequest } = useBuilderStore.getState();
  const [first] = report.errors;
  if (syntaxError) return;
  if (first) {
    document.getElementById(fieldId(first.path))?.focus();
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
  const saveRequest = useBuilderStore((store) => store.saveRequest);
  const lastSaved = useBuilderStore((store) => store.lastSaved);
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
        onClick={saveRequest}
        aria-keyshortcuts="Control+S Meta+S"
        title="Save (Ctrl/⌘+S)"
        data-testid="builder-save"
      >
        Save
      </button>
      <ExportDialog />
      {lastSaved ? (
        <span className="muted" role="status" data-testid="builder-saved-notice">
          Saved as “{lastSaved.name}”: reopen it with Ctrl/⌘+K.
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
