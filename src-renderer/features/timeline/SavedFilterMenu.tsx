import { Popover } from 'radix-ui';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTimelineStore } from '../../stores/timeline-store';

/** Saved filters: apply one, remove one, or save the current filter under a name. */
export function SavedFilterMenu() {
  const { savedFilters, filter, applyFilter, saveCurrentFilter, removeSavedFilter } = useTimelineStore(
    useShallow((store) => ({
      savedFilters: store.savedFilters,
      filter: store.filter,
      applyFilter: store.applyFilter,
      saveCurrentFilter: store.saveCurrentFilter,
      removeSavedFilter: store.removeSavedFilter,
    })),
  );
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const hasFilter = Object.keys(filter).length > 0;

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button type="button" className="secondary" data-testid="timeline-saved-filters">
          Saved filters{savedFilters.length > 0 ? ` (${savedFilters.length})` : ''}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover"
          align="end"
          sideOffset={4}
          aria-label="Saved filters"
          data-testid="timeline-saved-filters-panel"
        >
          {savedFilters.length === 0 ? <p className="muted">No saved filters yet.</p> : null}
          <ul className="saved-filter-list">
            {savedFilters.map((saved) => (
              <li key={saved.name}>
                <button
                  type="button"
                  className="link-button"
                  data-testid="timeline-saved-filter"
                  onClick={() => {
                    void applyFilter(saved.filter);
                    setOpen(false);
                  }}
                >
                  {saved.name}
                </button>
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Remove ${saved.name}`}
                  onClick={() => void removeSavedFilter(saved.name)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <form
            className="saved-filter-form"
            onSubmit={(submitted) => {
              submitted.preventDefault();
              if (!name.trim()) return;
              void saveCurrentFilter(name.trim());
              setName('');
            }}
          >
            <input
              value={name}
              onChange={(changed) => setName(changed.target.value)}
              placeholder="name for the current filter"
              aria-label="Saved filter name"
              data-testid="timeline-saved-filter-name"
              disabled={!hasFilter}
            />
            <button type="submit" disabled={!hasFilter || !name.trim()} data-testid="timeline-save-filter">
              Save
            </button>
          </form>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
