/**
 * A searchable single choice: a button that opens a filter box over a list.
 * Keyboard first: type to filter, arrows to move, Enter to pick, Escape to close.
 */
import { Popover } from 'radix-ui';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';

export interface FilterSelectOption {
  value: string;
  label: string;
  /** Shown dimmed after the label, and searched too. */
  detail?: string;
  /** Searched but not shown: other names people use for this option. */
  keywords?: string;
}

interface FilterSelectProps {
  label: string;
  options: FilterSelectOption[];
  value: string | null;
  onChange(value: string): void;
  testId: string;
  disabled?: boolean;
}

export function FilterSelect({ label, options, value, onChange, testId, disabled = false }: FilterSelectProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(() => {
    // Every word typed, in any order: "rich card" finds "a rich card", "card rich" too. Matches by what is
    // shown come first, those found only through keywords after, so "mess" picks Messenger before MMS.
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const matchesAll = (text: string) => words.every((word) => text.toLowerCase().includes(word));
    const shown = (option: FilterSelectOption) => `${option.label} ${option.value} ${option.detail ?? ''}`;
    const direct = options.filter((option) => matchesAll(shown(option)));
    const throughKeywords = options.filter(
      (option) => !direct.includes(option) && matchesAll(`${shown(option)} ${option.keywords ?? ''}`),
    );
    return [...direct, ...throughKeywords];
  }, [options, query]);
  const current = options.find((option) => option.value === value);

  const openWith = (next: boolean) => {
    setOpen(next);
    setQuery('');
    setActive(
      Math.max(
        0,
        options.findIndex((option) => option.value === value),
      ),
    );
  };
  const pick = (option: FilterSelectOption | undefined) => {
    if (!option) return;
    onChange(option.value);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: matches.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.min(Math.max(moves[event.key]!, 0), Math.max(matches.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(matches[active]);
    }
  };

  return (
    <div className="filter-select">
      <span className="field-label" id={`${listId}-label`}>
        {label}
      </span>
      <Popover.Root open={open} onOpenChange={openWith}>
        <Popover.Trigger asChild>
          <button
            type="button"
            className="filter-select-trigger"
            aria-labelledby={`${listId}-label ${listId}-value`}
            data-testid={testId}
            disabled={disabled}
          >
            <span id={`${listId}-value`}>{current?.label ?? 'Choose…'}</span>
            <span aria-hidden="true">▾</span>
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            className="filter-select-popover"
            align="start"
            sideOffset={4}
            aria-labelledby={`${listId}-label`}
          >
            <input
              className="filter-select-input"
              role="combobox"
              aria-expanded="true"
              aria-controls={listId}
              aria-activedescendant={matches[active] ? `${listId}-${active}` : undefined}
              aria-label={`Filter ${label.toLowerCase()}`}
              placeholder="Type to filter"
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              data-testid={`${testId}-filter`}
            />
            <ul className="filter-select-list" role="listbox" id={listId} aria-label={label}>
              {matches.length === 0 ? <li className="muted filter-select-empty">Nothing matches “{query}”</li> : null}
              {matches.map((option, index) => (
                <li
                  key={option.value}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'filter-select-option is-active' : 'filter-select-option'}
                  onMouseMove={() => setActive(index)}
                  onClick={() => pick(option)}
                  data-testid={`${testId}-option`}
                  data-value={option.value}
                >
                  {option.label}
                  {option.detail ? <span className="muted"> {option.detail}</span> : null}
                </li>
              ))}
            </ul>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  );
}
