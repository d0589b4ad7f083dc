import { Dialog } from 'radix-ui';
import type { Ref } from 'react';

interface DialogFormActionsProps {
  /** The submit button's words, and what it says while the work runs. */
  submitLabel: string;
  busyLabel: string;
  /** While true the form cannot be sent twice. */
  busy: boolean;
  cancelTestId: string;
  submitTestId: string;
  /** The action row, e.g. to scroll it into view when the form fails. */
  ref?: Ref<HTMLDivElement>;
}

/** Cancel, which closes the dialog, and the form's submit button, in the dialog's action row. */
export function DialogFormActions({
  submitLabel,
  busyLabel,
  busy,
  cancelTestId,
  submitTestId,
  ref,
}: DialogFormActionsProps) {
  return (
    <div className="dialog-actions" ref={ref}>
      <Dialog.Close asChild>
        <button type="button" className="button-secondary" data-testid={cancelTestId}>
          Cancel
        </button>
      </Dialog.Close>
      <button type="submit" disabled={busy} data-testid={submitTestId}>
        {busy ? busyLabel : submitLabel}
      </button>
    </div>
  );
}
