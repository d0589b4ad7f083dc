import { useEffect } from 'react';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { BuilderPage } from './features/builder/BuilderPage';
import { CollectionsPage } from './features/collections/CollectionsPage';
import { EmulatorPage } from './features/emulator/EmulatorPage';
import { ExplainerPage } from './features/explainer/ExplainerPage';
import { JwtPage } from './features/jwt/JwtPage';
import { CommandPalette } from './features/palette/CommandPalette';
import { SettingsPage } from './features/settings/SettingsPage';
import { TimelinePage } from './features/timeline/TimelinePage';
import { navigate, pages, useRoute, type Route } from './routes';

function CurrentPage({ route }: { route: Route }) {
  switch (route.page) {
    case 'builder':
      return <BuilderPage />;
    case 'timeline':
      return <TimelinePage />;
    case 'explain':
      return <ExplainerPage code={route.rest[0]} />;
    case 'collections':
      return <CollectionsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'jwt':
      return <JwtPage />;
    case 'emulator':
      return <EmulatorPage />;
    default: {
      const unreachable: never = route.page;
      throw new Error(`unknown page ${String(unreachable)}`);
    }
  }
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
  usePageShortcuts();
  return (
    <div className="app-frame" data-testid="app-frame">
      <Sidebar current={route.page} />
      <main className="app-main" id="main">
        <CurrentPage route={route} />
      </main>
      <StatusBar />
      <CommandPalette />
    </div>
  );
}
