import { useState } from 'react';

/**
 * Radix returns focus to a Dialog.Trigger on close; these dialogs are opened
 * from table rows and toolbar buttons without one, so the element focused when
 * the dialog mounted is remembered and focused again when it closes.
 * Pass the result as the Content's onCloseAutoFocus.
 */
export function useReturnFocus(): (event: Event) => void {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  return (event) => {
    if (!opener?.isConnected) return;
    event.preventDefault();
    opener.focus();
  };
}
