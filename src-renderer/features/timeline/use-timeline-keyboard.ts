import { useEffect } from 'react';
import { useTimelineStore } from '../../stores/timeline-store';

/** Typing in a field or the editor keeps its keys; the list's keys work everywhere else on the page. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** j/k or arrows move, Enter opens the detail, Escape closes it, / jumps to the search field. */
export function useTimelineKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const store = useTimelineStore.getState();
      if (event.key === 'Escape' && store.detailOpen) {
        store.closeDetail();
        return;
      }
      if (isTyping(event.target)) return;
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          store.moveSelection(1);
          break;
        case 'k':
        case 'ArrowUp':
          store.moveSelection(-1);
          break;
        case 'Enter':
          // A focused button keeps Enter for itself.
          if (event.target instanceof HTMLButtonElement) return;
          store.openDetail();
          break;
        case '/':
          document.getElementById('timeline-filter-text')?.focus();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
