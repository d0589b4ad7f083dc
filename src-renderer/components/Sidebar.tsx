import { pages, type PageId } from '../routes';

export function Sidebar({ current }: { current: PageId }) {
  return (
    <nav className="sidebar" aria-label="Pages">
      <div className="sidebar-brand" aria-hidden="true">
        <img src="./icon.svg" alt="" width={28} height={28} />
      </div>
      <ul>
        {pages.map((page) => (
          <li key={page.id}>
            <a
              href={`#/${page.id}`}
              className="sidebar-link"
              aria-current={page.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${page.shortcut}`}
              title={`${page.label} (Alt+${page.shortcut})`}
              data-testid={`nav-${page.id}`}
            >
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
