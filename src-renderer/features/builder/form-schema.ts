/**
 * The form's description of a request, taken from the message model's own
 * zod schemas (as JSON Schema), so the form marks exactly what validation
 * requires and offers exactly the values it allows.
 */
import { z } from 'zod';
import { v01RequestSchemas, v1RequestSchemas, type ApiVersion } from '../../../src-shared/messages';

/** The part of JSON Schema the generated form reads. */
export interface FieldSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, FieldSchema>;
  required?: string[];
  items?: FieldSchema;
  enum?: (string | number)[];
  const?: string | number;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  /** A union; the form reads those whose branches differ by a constant `type` (RCS suggestions, email parts). */
  oneOf?: FieldSchema[];
  anyOf?: FieldSchema[];
  additionalProperties?: FieldSchema | boolean;
}

export interface Combination {
  api: ApiVersion;
  channel: string;
  messageType: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Which channel and message type a payload is, read the way each API version writes it. */
export function combinationOf(api: ApiVersion, payload: unknown): Combination | null {
  if (!isRecord(payload)) return null;
  if (api === 'v1') {
    const { channel, message_type: messageType } = payload;
    return typeof channel === 'string' && typeof messageType === 'string' ? { api, channel, messageType } : null;
  }
  const to = payload.to;
  const content = isRecord(payload.message) ? payload.message.content : undefined;
  const channel = isRecord(to) ? to.type : undefined;
  const messageType = isRecord(content) ? content.type : undefined;
  return typeof channel === 'string' && typeof messageType === 'string' ? { api, channel, messageType } : null;
}

const cache = new Map<string, FieldSchema>();

/** The form schema of one combination, or null when the model has no such combination. */
export function schemaOf(combination: Combination): FieldSchema | null {
  const key = `${combination.channel}/${combination.messageType}`;
  const table: Record<string, z.ZodType> = combination.api === 'v1' ? v1RequestSchemas : v01RequestSchemas;
  const zodSchema = Object.hasOwn(table, key) ? table[key] : undefined;
  if (!zodSchema) return null;
  const cacheKey = `${combination.api} ${key}`;
  let schema = cache.get(cacheKey);
  if (!schema) {
    // Refinements (phone numbers, numeric strings) have no JSON Schema form; they stay plain strings here
    // and are still judged by validateRequest.
    schema = z.toJSONSchema(zodSchema, { unrepresentable: 'any', io: 'input' }) as FieldSchema;
    cache.set(cacheKey, schema);
  }
  return schema;
}

/**
 * The schema of one item of an array. v1 failover items are whole requests
 * of their own channel, which the model leaves open; read them by their
 * own channel and message_type.
 */
export function itemSchemaOf(api: ApiVersion, arraySchema: FieldSchema, item: unknown): FieldSchema | null {
  const items = arraySchema.items;
  if (items && items.type) return items;
  if (variantsOf(items)) return variantOf(items, item);
  const combination = combinationOf(api, item);
  return combination ? schemaOf(combination) : null;
}

/** The branches of a union that differ by a constant `type`, or null when the schema is no such union. */
export function variantsOf(schema: FieldSchema | null | undefined): FieldSchema[] | null {
  const branches = schema?.oneOf ?? schema?.anyOf;
  if (!branches || branches.length === 0) return null;
  return branches.every((branch) => branch.properties?.type?.const !== undefined) ? branches : null;
}

/** The kind names of such a union, in the model's order (reply, dial, ...). */
export function variantNames(schema: FieldSchema | null | undefined): string[] {
  return (variantsOf(schema) ?? []).map((branch) => String(branch.properties?.type?.const));
}

/** The branch an item belongs to by its `type`, or null when the type is missing or unknown. */
export function variantOf(schema: FieldSchema | null | undefined, item: unknown): FieldSchema | null {
  const type = isRecord(item) ? item.type : undefined;
  return variantsOf(schema)?.find((branch) => branch.properties?.type?.const === type) ?? null;
}

/**
 * An item turned into another kind of the union: the new kind's required
 * fields, keeping what the user wrote in fields both kinds share (a chip's
 * text and postback data survive a change from reply to dial).
 */
export function switchVariant(schema: FieldSchema, item: unknown, kind: string): unknown {
  const branch = variantsOf(schema)?.find((candidate) => candidate.properties?.type?.const === kind);
  if (!branch) return item;
  const next = emptyValueOf(branch) as Record<string, unknown>;
  if (isRecord(item)) {
    for (const [key, value] of Object.entries(item)) {
      if (key !== 'type' && branch.properties?.[key]) next[key] = value;
    }
  }
  return next;
}

export function isRequired(parent: FieldSchema, key: string): boolean {
  return parent.required?.includes(key) ?? false;
}

/** How a field is edited: a typed input, a select, nested fields, a list, or a JSON sub-editor. */
export type FieldKind = 'fixed' | 'select' | 'text' | 'number' | 'boolean' | 'object' | 'array' | 'json';

export function fieldKindOf(schema: FieldSchema): FieldKind {
  if (schema.const !== undefined) return 'fixed';
  if (schema.enum) return 'select';
  switch (schema.type) {
    case 'string':
      return 'text';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      // A free-form object (custom payloads) has no listed members: edit it as JSON.
      return schema.properties && Object.keys(schema.properties).length > 0 ? 'object' : 'json';
    case 'array':
      return 'array';
    default:
      return 'json';
  }
}

/** An empty value of the right JSON type, for adding an optional field or a list item. */
export function emptyValueOf(schema: FieldSchema | null | undefined): unknown {
  if (!schema) return {};
  const variants = variantsOf(schema);
  if (variants) return emptyValueOf(variants[0]);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return schema.minimum !== undefined && schema.minimum > 0 ? schema.minimum : 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = emptyValueOf(schema.properties?.[key]);
      return value;
    }
    default:
      return {};
  }
}
