import { z } from 'zod';
import { apiVersions, type ApiVersion } from './channels';
import { messagesApiModelVersion } from './model-version';
import { v01Templates } from './templates-v01';
import { v1Templates } from './templates-v1';

export const catalogEntrySchema = z.object({
  api: z.enum(apiVersions),
  /** v1 channel name, or v0.1's (viber_service_msg) for v0.1 entries. */
  channel: z.string(),
  messageType: z.string(),
  /** The Messages API specification version the templates and their validation follow. */
  modelVersion: z.string(),
  minimal: z.record(z.string(), z.unknown()),
  full: z.record(z.string(), z.unknown()),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/**
 * Every send combination with its minimal and full template, for the
 * builder's pickers and `workbench catalog`. Fresh copies each call, so a
 * caller may edit them.
 */
export function catalog(api?: ApiVersion): CatalogEntry[] {
  const entries = (version: ApiVersion, table: Record<string, { minimal: object; full: object }>): CatalogEntry[] =>
    Object.entries(table).map(([key, pair]) => {
      const [channel = '', messageType = ''] = key.split('/');
      return {
        api: version,
        channel,
        messageType,
        modelVersion: messagesApiModelVersion,
        minimal: structuredClone(pair.minimal) as Record<string, unknown>,
        full: structuredClone(pair.full) as Record<string, unknown>,
      };
    });
  const v1 = api === 'v0.1' ? [] : entries('v1', v1Templates);
  const v01 = api === 'v1' ? [] : entries('v0.1', v01Templates);
  return [...v1, ...v01];
}
