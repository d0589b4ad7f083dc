import { DropdownMenu } from 'radix-ui';
import { useShallow } from 'zustand/react/shallow';
import { timelineColumnLabels } from '../../stores/timeline-columns';
import { useTimelineStore } from '../../stores/timeline-store';

/** Which columns the list shows; the choice is kept in settings. */
export function ColumnChooser() {
  const { columns, toggleColumn } = useTimelineStore(
    useShallow((store) => ({ columns: store.columns, toggleColumn: store.toggleColumn })),
  );
  const shown = columns.filter((column) => column.visible).length;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="secondary" data-testid="timeline-columns">
          Columns
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="popover" align="end" sideOffset={4}>
          {columns.map((column) => (
            <DropdownMenu.CheckboxItem
              key={column.id}
              className="menu-item"
              checked={column.visible}
              // The last shown column stays: an empty grid would look like an empty store.
              disabled={column.visible && shown === 1}
              onSelect={(selected) => selected.preventDefault()}
              onCheckedChange={() => toggleColumn(column.id)}
              data-testid={`timeline-column-toggle-${column.id}`}
            >
              <DropdownMenu.ItemIndicator className="menu-check">✓</DropdownMenu.ItemIndicator>
              {timelineColumnLabels[column.id]}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
