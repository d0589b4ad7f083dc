/** The app's pages, addressed by hash (`#/timeline`) so deep links such as `#/explain/1300` survive a reload. */
import { useSyncExternalStore } from 'react';

export const pages = [
  { id: 'builder', label: 'Builder', shortcut: '1' },
  { id: 'timeline', label: 'Timeline', shortcut: '2' },
  { id: 'explain', label: 'Explainer', shortcut: '3' },
  { id: 'collections', label: 'Collections', shortcut: '4' },
  { id: 'settings', label: 'Settings', shortcut: '5' },
  { id: 'jwt', label: 'JWT inspector', shortcut: '6' },
  { id: 'emulator', label: 'Emulator', shortcut: '7' },
] as const;

export type PageId = (typeof pages)[number]['id'];

export interface Route {
  page: PageId;
  /** What follows the page in the hash, e.g. the error code of `#/explain/1300`. */
  rest: string[];
}

export function parseHash(hash: string): Route {
  const [first, ...rest] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const page = pages.find((candidate) => candidate.id === first)?.id ?? 'builder';
  return { page, rest: page === first ? rest.map(decodeURIComponent) : [] };
}

export function navigate(page: PageId, ...rest: string[]): void {
  window.location.hash = `#/${[page, ...rest.map(encodeURIComponent)].join('/')}`;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
