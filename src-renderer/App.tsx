import { lazy, Suspense, useEffect, useState } from 'react';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { ReconnectPrompt } from './components/ReconnectPrompt';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { LazyCommandPalette, PaletteLauncher } from './features/palette/PaletteLauncher';
import { JsonEditor } from './components/JsonEditor';
import { navigate, pages, parseHash, useRoute, type PageId, type Route } from './routes';
import { loadDrafts } from './stores/builder-drafts';

/**
 * Each page is its own chunk, fetched the first time it is shown, so the first
 * paint waits for the frame and one page instead of the whole renderer.
 */
const pageLoaders = {
  builder: () => import('./features/builder/BuilderPage').then((module) => ({ default: module.BuilderPage })),
  timeline: () => import('./features/timeline/TimelinePage').then((module) => ({ default: module.TimelinePage })),
  explain: () => import('./features/explainer/ExplainerPage').then((module) => ({ default: module.ExplainerPage })),
  collections: () =>
    import('./features/collections/CollectionsPage').then((module) => ({ default: module.CollectionsPage })),
  settings: () => import('./features/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })),
  jwt: () => import('./features/jwt/JwtPage').then((module) => ({ default: module.JwtPage })),
  emulator: () => import('./features/emulator/EmulatorPage').then((module) => ({ default: module.EmulatorPage })),
} satisfies Record<PageId, unknown>;

type PageLoaders = typeof pageLoaders;
type LazyPages = { [Id in PageId]: ReturnType<typeof lazy<Awaited<ReturnType<PageLoaders[Id]>>['default']>> };

/** A fresh lazy component per page: React keeps a failed load, so a retry needs a new one. */
function lazyPages(): LazyPages {
  return {
    builder: lazy(pageLoaders.builder),
    timeline: lazy(pageLoaders.timeline),
    explain: lazy(pageLoaders.explain),
    collections: lazy(pageLoaders.collections),
    settings: lazy(pageLoaders.settings),
    jwt: lazy(pageLoaders.jwt),
    emulator: lazy(pageLoaders.emulator),
  };
}

function CurrentPage({ route, loaded }: { route: Route; loaded: LazyPages }) {
  switch (route.page) {
    case 'builder':
      return <loaded.builder />;
    case 'timeline':
      return <loaded.timeline />;
    case 'explain':
      return <loaded.explain code={route.rest[0]} />;
    case 'collections':
      return <loaded.collections />;
    case 'settings':
      return <loaded.settings />;
    case 'jwt':
      return <loaded.jwt />;
    case 'emulator':
      return <loaded.emulator />;
    default: {
      const unreachable: never = route.page;
      throw new Error(`unknown page ${String(unreachable)}`);
    }
  }
}

function pageLabel(page: PageId): string {
  return pages.find((candidate) => candidate.id === page)?.label ?? page;
}

/** Shown while a page's chunk is on its way; named, so a screen reader hears what is coming. */
function PageLoading({ page }: { page: PageId }) {
  const label = pageLabel(page);
  return (
    <p className="page-loading muted" role="status" data-testid="page-loading">
      Loading {label}…
    </p>
  );
}

/**
 * The first page's own data, asked for at start: opened on the builder, its draft is read while the
 * page's code is still on its way (a call waits for the socket to open), not once the page has rendered.
 */
const firstPageData: Promise<unknown> =
  parseHash(window.location.hash).page === 'builder' ? loadDrafts() : Promise.resolve();

/** What the first page leaves for later: the other pages, the palette and the JSON editor. */
const idleLoads = [...Object.values(pageLoaders), LazyCommandPalette.preload, JsonEditor.preload];

/**
 * Fetches the other pages' chunks while the app is idle, so switching to them
 * does not wait. It sits inside the page's Suspense boundary and waits for the
 * first page's data, so it starts only once the first page is shown and filled:
 * the prefetch never competes with it (an idle wait for the draft is not idle).
 */
function PrefetchOtherPages() {
  useEffect(() => {
    let cancelled = false;
    let idle: number | undefined;
    let timer: number | undefined;
    const prefetch = () => {
      for (const load of idleLoads) void load();
    };
    void firstPageData.then(() => {
      if (cancelled) return;
      idle = window.requestIdleCallback?.(prefetch, { timeout: 2000 });
      timer = idle === undefined ? window.setTimeout(prefetch, 200) : undefined;
    });
    return () => {
      cancelled = true;
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, []);
  return null;
}

/** Alt+1…7 jumps between pages from anywhere, including inside editors. */
function usePageShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const page = pages.find((candidate) => event.code === `Digit${candidate.shortcut}`);
      if (!page) return;
      event.preventDefault();
      navigate(page.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

export function App() {
  const route = useRoute();
  const [loaded, setLoaded] = useState(lazyPages);
  usePageShortcuts();
  return (
    <div className="app-frame" data-testid="app-frame">
      {/* Not href="#main": the hash is the route. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(clicked) => {
          clicked.preventDefault();
          document.getElementById('main')?.focus();
        }}
        data-testid="skip-link"
      >
        Skip to the page
      </a>
      <Sidebar current={route.page} />
      <main className="app-main" id="main" tabIndex={-1}>
        <ReconnectPrompt />
        <PageErrorBoundary
          key={route.page}
          label={pageLabel(route.page)}
          onRetry={() => setLoaded((current) => ({ ...current, [route.page]: lazyPages()[route.page] }))}
        >
          <Suspense fallback={<PageLoading page={route.page} />}>
            <CurrentPage route={route} loaded={loaded} />
            <PrefetchOtherPages />
          </Suspense>
        </PageErrorBoundary>
        <PaletteLauncher />
      </main>
      <StatusBar />
    </div>
  );
}
