/**
 * Saving the builder's request as a file of the open collection: the path
 * a name and group make, and the file written (a new one from the
 * collection's starting shape, an existing one keeping its assertions).
 */
import { requestFileFormat, type CollectionEntry, type RequestFile } from '../../src-shared/collections';
import type { AppError } from '../../src-shared/result';
import { api } from '../api';
import { useBuilderStore } from './builder-store';
import { useCollectionsStore } from './collections-store';

/** `group/name.json`, from a name as typed (slashes are not groups here: they would hide the file elsewhere). */
export function requestPathOf(group: string, name: string): string {
  const file = name
    .trim()
    .replace(/[/\\]/g, '-')
    .replace(/\.json$/i, '');
  return `${group ? `${group}/` : ''}${file}.json`;
}

export function existingRequest(path: string): Extract<CollectionEntry, { kind: 'request' }> | undefined {
  return useCollectionsStore
    .getState()
    .entries.find(
      (entry): entry is Extract<CollectionEntry, { kind: 'request' }> =>
        entry.kind === 'request' && entry.path === path,
    );
}

/** Writes the builder's request (its `{{variables}}` kept as written) to a path of the open collection. */
export async function saveBuilderAs(path: string, name: string): Promise<AppError | null> {
  const { root } = useCollectionsStore.getState();
  const { api: apiVersion, payload, syntaxError } = useBuilderStore.getState();
  if (!root) return { code: 'COLLECTION_NOT_FOUND', message: 'No collection is open.', hint: 'Open one first.' };
  if (syntaxError)
    return { code: 'PAYLOAD_INVALID', message: `The JSON does not parse: ${syntaxError}`, hint: 'Fix it, then save.' };
  const previous = existingRequest(path)?.file;
  const file: RequestFile = {
    format: requestFileFormat,
    version: 2,
    auth: 'auto',
    assertions: [{ kind: 'httpStatus', equals: 202 }],
    captures: [{ variable: 'message_uuid', jsonPath: '$.message_uuid' }],
    ...previous,
    name: name.trim(),
    request: { kind: 'send', api: apiVersion, payload },
  };
  const result = await api.call('collections.saveRequest', { root, path, file });
  if (!result.ok) return result.error;
  await useCollectionsStore.getState().reload();
  useCollectionsStore.setState({ editing: { root, path, file } });
  return null;
}
