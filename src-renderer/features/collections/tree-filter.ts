/** Which tree rows a search shows: matching requests and groups, and the groups above them so the match keeps its place. */
import type { CollectionEntry } from '../../../src-shared/collections';

export function visibleEntries(entries: CollectionEntry[], query: string): CollectionEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  const matches = (entry: CollectionEntry) => {
    const haystack = `${entry.path} ${entry.kind === 'request' ? entry.file.name : ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  };
  const shown = new Set<string>();
  for (const entry of entries) {
    if (!matches(entry)) continue;
    shown.add(entry.path);
    const parts = entry.path.split('/');
    for (let depth = 1; depth < parts.length; depth++) shown.add(parts.slice(0, depth).join('/'));
  }
  return entries.filter((entry) => shown.has(entry.path));
}

/** A path next to `path` that does not exist yet: `name copy.json`, `name copy 2.json`… */
export function freePath(entries: CollectionEntry[], path: string, suffix: string): string {
  const taken = new Set(entries.map((entry) => entry.path));
  const extension = path.endsWith('.json') ? '.json' : '';
  const stem = extension ? path.slice(0, -extension.length) : path;
  for (let count = 1; ; count++) {
    const candidate = `${stem} ${suffix}${count > 1 ? ` ${count}` : ''}${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}
