/**
 * Collections as the core runs them: folder listing and edits, watching open
 * folders (changes become `collections.changed` events), runs with their
 * history and progress events, import and Postman export, as contract handlers.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Handlers } from '../../src-shared/contract';
import { jsonFileText, planCurlImport, planPostmanImport, postmanCollection } from '../../src-shared/collections';
import { fail, ok } from '../../src-shared/result';
import type { WebhookEvent } from '../../src-shared/webhook-events';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import { absolutePathIn, listCollection } from './collection-folder';
import { createFolder, movePath, removePath, restorePaths, saveRequest } from './collection-edits';
import { requestsUnder, runRequests, unreadableUnder } from './collection-runner';
import { watchCollection, type CollectionWatcher } from './collection-watcher';
import { writeImportPlan } from './import-writer';
import { createRunHistory } from './run-history';
import { runSenderFor, type RunSenderOptions } from './run-senders';
import { environmentNotFound } from './send-variables';
import type { WebhookSource } from './webhook-waiter';

type CollectionMethod = Extract<keyof Handlers, `collections.${string}`>;

export interface CollectionServiceOptions extends Omit<RunSenderOptions, 'variables'> {
  dataDir: string;
  events: EventHub;
  logger: Logger;
  /** Where runs look for webhooks: the store (webhooks.list) plus the live feed. */
  listWebhooks: WebhookSource['list'];
  /** The environment for runs that target it; process.env by default. */
  variables?: Record<string, string | undefined>;
  /** Quiet time before a folder change is reported. */
  watchDebounceMs?: number;
  /** Records the folder opened last, so every page (and the next start) reopens it. */
  rememberRoot?: (root: string) => Promise<void>;
  /** Shows a path in the OS file manager; only the desktop app has one. */
  revealPath?: (absolutePath: string) => void;
}

export interface CollectionService {
  handlers: Pick<Handlers, CollectionMethod>;
  close(): void;
}

export function createCollectionService(options: CollectionServiceOptions): CollectionService {
  const watchers = new Map<string, CollectionWatcher>();
  const history = createRunHistory({ dataDir: options.dataDir });
  const webhooks: WebhookSource = {
    list: options.listWebhooks,
    subscribe: (listener) =>
      options.events.subscribe((batch) => {
        const received: WebhookEvent[] = [];
        for (const event of batch) {
          if (event.name !== 'webhooks.received') continue;
          for (const item of event.payload.items) if (item.change === 'received') received.push(item.event);
        }
        if (received.length > 0) listener(received);
      }),
  };

  return {
    handlers: {
      'collections.reveal': ({ root, path: relative }) => {
        const absolute = absolutePathIn(root, relative);
        if (!absolute.ok) return absolute;
        if (!options.revealPath) {
          return fail(
            'HOST_CANNOT_REVEAL',
            'Only the desktop app can open the file manager.',
            `The file is at ${absolute.value}.`,
          );
        }
        options.revealPath(absolute.value);
        return ok({ revealed: absolute.value });
      },
      'collections.open': async ({ root }) => {
        const tree = await listCollection(root);
        if (!tree.ok) return tree;
        if (!watchers.has(tree.value.root)) {
          watchers.set(
            tree.value.root,
            watchCollection({
              root: tree.value.root,
              ...(options.watchDebounceMs === undefined ? {} : { debounceMs: options.watchDebounceMs }),
              onChange: (paths) => options.events.emit('collections.changed', { root: tree.value.root, paths }),
              onError: (error) => options.logger.error(`watching ${tree.value.root} failed: ${error.message}`),
            }),
          );
        }
        await options.rememberRoot?.(tree.value.root);
        return tree;
      },
      'collections.close': ({ root }) => {
        const absolute = path.resolve(root);
        const watcher = watchers.get(absolute);
        watcher?.close();
        watchers.delete(absolute);
        return ok({ closed: watcher !== undefined });
      },
      'collections.list': ({ root }) => listCollection(root),
      'collections.saveRequest': ({ root, path: relative, file }) => saveRequest(root, relative, file),
      'collections.createFolder': ({ root, path: relative }) => createFolder(root, relative),
      'collections.move': ({ root, from, to }) => movePath(root, from, to, 'move'),
      'collections.duplicate': ({ root, from, to }) => movePath(root, from, to, 'copy'),
      'collections.remove': ({ root, path: relative }) => removePath(root, relative),
      'collections.restore': ({ root, files, folders }) => restorePaths(root, { files, folders }),
      'collections.run': async ({ root, path: relative, environment, target, baseUrl }) => {
        const tree = await listCollection(root);
        if (!tree.ok) return tree;
        const unreadable = unreadableUnder(tree.value.problems, relative);
        // A run naming one unreadable file runs nothing and reports that file.
        const requests = unreadable.some((problem) => problem.path === relative)
          ? ok([])
          : requestsUnder(tree.value.entries, relative);
        if (!requests.ok) return requests;
        const environments = tree.value.environments?.environments ?? {};
        const environmentName = environment ?? (environments.default ? 'default' : null);
        if (environmentName !== null && !environments[environmentName])
          return environmentNotFound(environmentName, tree.value.environments, '/environment');
        const sender = runSenderFor(target, baseUrl, { ...options, variables: options.variables ?? process.env });
        const runId = randomUUID();
        try {
          const report = await runRequests({
            id: runId,
            root: tree.value.root,
            path: relative,
            requests: requests.value,
            unreadable,
            environmentName,
            variables: environmentName ? environments[environmentName]! : {},
            sender,
            webhooks,
            onProgress: (outcome, index, total) =>
              options.events.emit('collections.runProgressed', { runId, root: tree.value.root, index, total, outcome }),
          });
          await history.record(report);
          return ok(report);
        } finally {
          sender.close();
        }
      },
      'collections.runs': async ({ limit }) => ok(await history.list(limit)),
      'collections.import': async ({ kind, text, into }) => {
        const plan = kind === 'postman' ? planPostmanImport(text) : planCurlImport(text);
        return plan.ok ? writeImportPlan(path.resolve(into), plan.value) : plan;
      },
      'collections.exportPostman': async ({ root, path: relative }) => {
        const tree = await listCollection(root);
        if (!tree.ok) return tree;
        const requests = requestsUnder(tree.value.entries, relative);
        if (!requests.ok) return requests;
        const folder = relative.endsWith('.json') ? path.posix.dirname(relative) : relative;
        const prefix = folder && folder !== '.' ? `${folder}/` : '';
        const name = path.basename(relative ? relative.replace(/\.json$/, '') : tree.value.root);
        const items = requests.value.map((entry) => ({ path: entry.path.slice(prefix.length), file: entry.file }));
        return ok({ text: jsonFileText(postmanCollection(name, items)) });
      },
    },
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
