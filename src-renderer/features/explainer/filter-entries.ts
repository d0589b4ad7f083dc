import type { ErrorEntry } from '../../../src-shared/errors';

/** Entries whose key, title or text contain every word of the query. */
export function filterEntries(entries: ErrorEntry[], query: string): ErrorEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const haystack = `${entry.key} ${entry.title} ${entry.explanation} ${entry.next}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
