/**
 * Watches a collection folder so a `git pull` or an editor's save shows up
 * at once. fs.watch with `recursive` (Linux from Node 20, macOS, Windows)
 * reports each touched path, often several times per save; changes are
 * gathered and reported once the folder has been quiet for `debounceMs`.
 * Temporary files of our own atomic writes are ignored.
 */
import fs from 'node:fs';

export interface CollectionWatcherOptions {
  root: string;
  /** Quiet time before a batch of changes is reported (default 150 ms). */
  debounceMs?: number;
  onChange: (paths: string[]) => void;
  onError: (error: Error) => void;
}

export interface CollectionWatcher {
  close(): void;
}

export function watchCollection(options: CollectionWatcherOptions): CollectionWatcher {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = fs.watch(options.root, { recursive: true, persistent: false }, (_event, file) => {
    const relative = file ? String(file).split(/[\\/]/).join('/') : '';
    if (relative.endsWith('.tmp') || relative.split('/').some((part) => part.startsWith('.') && part.length > 1))
      return;
    changed.add(relative);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed].sort();
      changed.clear();
      options.onChange(paths);
    }, options.debounceMs ?? 150);
  });
  watcher.on('error', options.onError);
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
