/**
 * Each send combination's request schema as JSON Schema, for `workbench
 * catalog --json-schema`: editors and other tools can check a request file
 * against the same rules the workbench uses.
 */
import { z } from 'zod';
import type { ApiVersion } from './channels';
import { v01RequestSchemas } from './v01-request';
import { v1RequestSchemas } from './v1-request';

/** The JSON Schema of one combination's request body, or undefined when the model has no such combination. */
export function requestJsonSchema(
  api: ApiVersion,
  channel: string,
  messageType: string,
): Record<string, unknown> | undefined {
  const table: Record<string, z.ZodType> = api === 'v1' ? v1RequestSchemas : v01RequestSchemas;
  const key = `${channel}/${messageType}`;
  if (!Object.hasOwn(table, key)) return undefined;
  // Refinements have no JSON Schema form; the structure, types and limits do.
  return z.toJSONSchema(table[key]!, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
}
