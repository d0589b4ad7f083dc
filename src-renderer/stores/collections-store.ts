/**
 * The open collection folder: its tree and unreadable files, kept current by
 * `collections.changed`; edits with a one-step undo of the last delete; the
 * request open in the builder for saving back; runs with their progress.
 */
import { create } from 'zustand';
import type {
  CollectionEntry,
  CollectionProblem,
  EnvironmentsFile,
  RequestFile,
  RequestOutcome,
  RunReport,
  RunSummary,
  RunTarget,
} from '../../src-shared/collections';
import type { AppError } from '../../src-shared/result';
import { api } from '../api';

type RequestEntry = Extract<CollectionEntry, { kind: 'request' }>;
type Removed = { files: { path: string; text: string }[]; folders: string[] };

interface CollectionsStore {
  root: string | null;
  entries: CollectionEntry[];
  problems: CollectionProblem[];
  environments: string[];
  /** The environments file as read (names and plain values; credentials appear only as references). */
  environmentsFile: EnvironmentsFile | null;
  /** The environment the builder fills `{{variables}}` from; null for none. */
  activeEnvironment: string | null;
  error: AppError | null;
  /** The last delete, until undone or replaced by another. */
  lastRemoved: { path: string; removed: Removed } | null;
  /** The request being edited in the builder. */
  editing: { root: string; path: string; file: RequestFile } | null;
  running: { path: string; progress: RequestOutcome[] } | null;
  lastRun: RunReport | null;
  runs: RunSummary[];
  /** What runs use: an environment of the collection (null: `default` when it exists) and where they send. */
  runSettings: { environment: string | null; target: RunTarget };
  /** Reopens the folder the core remembers (settings), once per page load. */
  restore(): Promise<void>;
  /** Opens and watches a folder; false (with the error shown) when it cannot. */
  open(root: string, environment?: string | null): Promise<boolean>;
  pickEnvironment(name: string | null): void;
  reload(): Promise<void>;
  createRequest(path: string, file: RequestFile): Promise<boolean>;
  createFolder(path: string): Promise<boolean>;
  move(from: string, to: string, mode: 'move' | 'duplicate'): Promise<boolean>;
  /** Shows the file in the OS file manager (desktop app only). */
  reveal(path: string): Promise<void>;
  remove(path: string): Promise<void>;
  undoRemove(): Promise<void>;
  startEditing(entry: RequestEntry): void;
  saveEditing(request: RequestFile['request']): Promise<boolean>;
  run(path: string): Promise<void>;
  chooseRunSettings(settings: Partial<CollectionsStore['runSettings']>): void;
  loadRuns(): Promise<void>;
  dismissError(): void;
}

let restoring: Promise<void> | null = null;

/** The environment to start with: the one remembered, else `default` as runs use, else none. */
function initialEnvironment(file: EnvironmentsFile | null, remembered: string | null): string | null {
  const names = Object.keys(file?.environments ?? {});
  if (remembered && names.includes(remembered)) return remembered;
  return names.includes('default') ? 'default' : null;
}

export const useCollectionsStore = create<CollectionsStore>()((set, get) => {
  /** Runs a change, then lists the folder again; the watcher's event would too, but this shows the result at once. */
  async function change(call: Promise<{ ok: true } | { ok: false; error: AppError }>): Promise<boolean> {
    const result = await call;
    if (!result.ok) {
      set({ error: result.error });
      return false;
    }
    await get().reload();
    return true;
  }
  const rootOrNull = () => get().root;

  api.on('collections.changed', (changes) => {
    if (changes.some((changed) => changed.root === rootOrNull())) void get().reload();
  });
  api.on('collections.runProgressed', (batch) => {
    const running = get().running;
    if (!running) return;
    set({
      running: {
        ...running,
        progress: [
          ...running.progress,
          ...batch.filter((item) => item.root === rootOrNull()).map((item) => item.outcome),
        ],
      },
    });
  });

  return {
    root: null,
    entries: [],
    problems: [],
    environments: [],
    environmentsFile: null,
    activeEnvironment: null,
    error: null,
    lastRemoved: null,
    editing: null,
    running: null,
    lastRun: null,
    runs: [],
    runSettings: { environment: null, target: { kind: 'emulator' } },
    restore() {
      restoring ??= (async () => {
        const settings = await api.call('settings.get', {});
        if (!settings.ok) {
          restoring = null;
          return;
        }
        const { root, environment } = settings.value.collections;
        if (root && !get().root) await get().open(root, environment);
      })();
      return restoring;
    },
    async open(root, rememberedEnvironment: string | null = get().activeEnvironment) {
      const result = await api.call('collections.open', { root });
      if (!result.ok) {
        set({ error: result.error });
        return false;
      }
      const previous = get().root;
      if (previous && previous !== result.value.root) void api.call('collections.close', { root: previous });
      set({
        root: result.value.root,
        entries: result.value.entries,
        problems: result.value.problems,
        environments: Object.keys(result.value.environments?.environments ?? {}),
        environmentsFile: result.value.environments,
        activeEnvironment: initialEnvironment(result.value.environments, rememberedEnvironment),
        error: null,
        lastRemoved: null,
      });
      return true;
    },
    pickEnvironment(name) {
      set({ activeEnvironment: name });
      void api.call('settings.update', { collections: { environment: name } });
    },
    async reload() {
      const root = get().root;
      if (!root) return;
      const result = await api.call('collections.list', { root });
      if (!result.ok) set({ error: result.error });
      else
        set({
          entries: result.value.entries,
          problems: result.value.problems,
          environments: Object.keys(result.value.environments?.environments ?? {}),
          environmentsFile: result.value.environments,
          activeEnvironment: initialEnvironment(result.value.environments, get().activeEnvironment),
        });
    },
    createRequest: (path, file) => change(api.call('collections.saveRequest', { root: rootOrNull()!, path, file })),
    createFolder: (path) => change(api.call('collections.createFolder', { root: rootOrNull()!, path })),
    move: (from, to, mode) =>
      change(
        api.call(mode === 'move' ? 'collections.move' : 'collections.duplicate', { root: rootOrNull()!, from, to }),
      ),
    async reveal(path) {
      const result = await api.call('collections.reveal', { root: rootOrNull()!, path });
      if (!result.ok) set({ error: result.error });
    },
    async remove(path) {
      const result = await api.call('collections.remove', { root: rootOrNull()!, path });
      if (!result.ok) return set({ error: result.error });
      set({ lastRemoved: { path, removed: result.value } });
      await get().reload();
    },
    async undoRemove() {
      const last = get().lastRemoved;
      if (!last) return;
      if (await change(api.call('collections.restore', { root: rootOrNull()!, ...last.removed })))
        set({ lastRemoved: null });
    },
    startEditing(entry) {
      set({ editing: { root: rootOrNull()!, path: entry.path, file: entry.file } });
    },
    async saveEditing(request) {
      const editing = get().editing;
      if (!editing) return false;
      const file = { ...editing.file, request };
      const result = await api.call('collections.saveRequest', { root: editing.root, path: editing.path, file });
      if (!result.ok) {
        set({ error: result.error });
        return false;
      }
      set({ editing: { ...editing, file } });
      return true;
    },
    async run(path) {
      const root = rootOrNull();
      if (!root || get().running) return;
      const { environment, target } = get().runSettings;
      set({ running: { path, progress: [] }, error: null });
      const result = await api.call('collections.run', { root, path, target, ...(environment ? { environment } : {}) });
      set(result.ok ? { running: null, lastRun: result.value } : { running: null, error: result.error });
      await get().loadRuns();
    },
    async loadRuns() {
      const result = await api.call('collections.runs', { limit: 20 });
      if (result.ok) set({ runs: result.value });
    },
    chooseRunSettings: (settings) => set({ runSettings: { ...get().runSettings, ...settings } }),
    dismissError: () => set({ error: null }),
  };
});
