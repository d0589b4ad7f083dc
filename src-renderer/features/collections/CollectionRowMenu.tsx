import { DropdownMenu } from 'radix-ui';
import { hostKind } from '../../api';

/** What the row's "More" menu offers; folders add the two "new … here" items. */
export type RowMenuAction = 'new-request' | 'new-folder' | 'rename' | 'duplicate' | 'reveal' | 'export' | 'delete';

interface CollectionRowMenuProps {
  /** The row's name, so the menu button says whose actions it holds. */
  name: string;
  isFolder: boolean;
  onSelect(action: RowMenuAction): void;
}

const items: { action: RowMenuAction; label: string; testId: string; folderOnly?: boolean; danger?: boolean }[] = [
  { action: 'new-request', label: 'New request here…', testId: 'collections-new-request-here', folderOnly: true },
  { action: 'new-folder', label: 'New folder here…', testId: 'collections-new-folder-here', folderOnly: true },
  { action: 'rename', label: 'Rename or move…', testId: 'collections-rename' },
  { action: 'duplicate', label: 'Duplicate…', testId: 'collections-duplicate' },
  { action: 'reveal', label: 'Reveal in file manager', testId: 'collections-reveal' },
  { action: 'export', label: 'Export…', testId: 'collections-export' },
  { action: 'delete', label: 'Delete', testId: 'collections-delete', danger: true },
];

/**
 * The row's less frequent actions behind one button, so a row shows two or
 * three controls instead of seven. Radix's menu gives it arrow keys, Enter,
 * Escape and focus return.
 */
export function CollectionRowMenu({ name, isFolder, onSelect }: CollectionRowMenuProps) {
  const shown = items.filter(
    (item) => (isFolder || !item.folderOnly) && (item.action !== 'reveal' || hostKind === 'electron'),
  );
  return (
    // Not modal: a modal menu hides the page with aria-hidden while focus can still land there (axe: aria-hidden-focus).
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className="button-quiet collections-row-more"
          aria-label={`More actions for ${name}`}
          data-testid="collections-row-menu"
        >
          More <span aria-hidden="true">▾</span>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="popover collections-menu" align="end" sideOffset={4}>
          {shown.map((item) => (
            <DropdownMenu.Item
              key={item.action}
              className={item.danger ? 'collections-menu-item is-danger' : 'collections-menu-item'}
              onSelect={() => onSelect(item.action)}
              data-testid={item.testId}
            >
              {item.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
