/** The palette PaletteLauncher opens: type to find a page, a channel and type to start, an error to explain, or a saved, collection or recent request. */
import { Dialog } from 'radix-ui';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { navigate } from '../../routes';
import { loadDrafts } from '../../stores/builder-drafts';
import { openInBuilder } from '../collections/open-in-builder';
import { useCollectionsStore } from '../../stores/collections-store';
import { useBuilderStore } from '../../stores/builder-store';
import { usePaletteStore } from '../../stores/palette-store';
import { filterCommands, paletteCommands, type PaletteCommand } from './palette-commands';
import './palette.css';

async function run(command: PaletteCommand): Promise<void> {
  const { action } = command;
  switch (action.kind) {
    case 'page':
      navigate(action.page);
      return;
    case 'template':
      navigate('builder');
      // The stored draft is read first, so it cannot land over the template just picked.
      await loadDrafts();
      useBuilderStore.getState().startFromTemplate(action.api, action.channel, action.messageType);
      return;
    case 'explain':
      navigate('explain', action.key);
      return;
    case 'saved':
      navigate('builder');
      await loadDrafts();
      useBuilderStore.getState().openRequest(action.request);
      return;
    case 'collection':
      await openInBuilder(action.entry);
      return;
    case 'send':
      navigate('builder');
      await usePaletteStore.getState().openSend(action.id);
      return;
    default: {
      const unreachable: never = action;
      throw new Error(`unknown palette action ${JSON.stringify(unreachable)}`);
    }
  }
}

export function CommandPalette() {
  const { open, recentSends, recentError, openPalette, closePalette } = usePaletteStore();
  const saved = useBuilderStore((store) => store.saved);
  const collection = useCollectionsStore((store) => store.entries);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () => filterCommands(paletteCommands(saved, recentSends, collection), query),
    [saved, recentSends, collection, query],
  );

  // Each opening starts from an empty query (the Ctrl/⌘+K shortcut lives in PaletteLauncher).
  useEffect(() => {
    if (!open) return;
    setQuery('');
    setActive(0);
  }, [open]);

  const choose = (command: PaletteCommand | undefined) => {
    if (!command) return;
    closePalette();
    void run(command);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.min(Math.max(current + step, 0), Math.max(matches.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(matches[active]);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? openPalette() : closePalette())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content" data-testid="palette" aria-describedby={undefined}>
          <Dialog.Title className="visually-hidden">Command palette</Dialog.Title>
          <input
            className="palette-input"
            role="combobox"
            aria-expanded="true"
            aria-controls="palette-list"
            aria-activedescendant={matches[active] ? `palette-item-${active}` : undefined}
            aria-label="Go to a page, start a channel and type, or reopen a request"
            placeholder="Type a page, a message type, an error code or a request's name"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            data-testid="palette-input"
          />
          {recentError ? (
            <p className="field-error" role="status">
              Recent sends could not be listed: {recentError.message}
            </p>
          ) : null}
          <ul className="palette-list" role="listbox" id="palette-list" aria-label="Commands">
            {matches.length === 0 ? <li className="muted">Nothing matches “{query}”.</li> : null}
            {matches.map((command, index) => (
              <li
                key={command.id}
                id={`palette-item-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'palette-item is-active' : 'palette-item'}
                onMouseMove={() => setActive(index)}
                onClick={() => choose(command)}
                data-testid="palette-item"
              >
                <span>
                  <span className="palette-group">{command.group}</span> {command.label}
                </span>
                <span className="muted">{command.detail}</span>
              </li>
            ))}
          </ul>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
