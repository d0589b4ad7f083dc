/**
 * Ctrl/⌘+K from anywhere opens the command palette. Its code (the dialog and
 * every command, the error catalogue among them) is fetched when idle or on
 * first use, so the first page does not wait for it.
 */
import { useEffect, useState } from 'react';
import { lazyPart } from '../../components/LazyPart';
import { usePaletteStore } from '../../stores/palette-store';

export const LazyCommandPalette = lazyPart(() => import('./CommandPalette').then((module) => module.CommandPalette), {
  what: 'command palette',
  testId: 'palette',
  // A modal: nothing to hold a place for; it opens as soon as its code is here.
  fallback: () => null,
});

export function PaletteLauncher() {
  const open = usePaletteStore((store) => store.open);
  const [used, setUsed] = useState(false);
  if (open && !used) setUsed(true);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        usePaletteStore.getState().openPalette();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);

  return used ? <LazyCommandPalette /> : null;
}
