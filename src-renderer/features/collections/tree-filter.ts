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

/**
 * Where a new request in `folder` goes: after the last one when its siblings
 * are numbered for run order (`01 welcome.json` → `03 new request.json`),
 * else plainly named. The user edits it before it is created.
 */
export function newRequestPath(entries: CollectionEntry[], folder: string): string {
  const prefix = folder ? `${folder}/` : '';
  const siblings = entries
    .map((entry) => entry.path)
    .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'));
  const numbers = siblings.flatMap((path) => /^(\d+) /.exec(path.slice(prefix.length))?.slice(1) ?? []);
  if (numbers.length === 0) return `${prefix}new request.json`;
  const width = Math.max(...numbers.map((number) => number.length));
  const next = String(Math.max(...numbers.map(Number)) + 1).padStart(width, '0');
  return `${prefix}${next} new request.json`;
}
