/**
 * Postman collection v2.1 (schema.getpostman.com/json/collection/v2.1.0) to
 * workbench files: folders become subfolders, auth is inherited from the
 * collection and folders as Postman does, collection variables go to the
 * `default` environment, and credentials in variables or auth become
 * references to the run's credentials, never values in a file.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { credentialFieldFor, looksSecret, type VariableValue } from './environments-file';
import { importHttpRequest, numberedName, type ForeignHttpRequest } from './imported-request';
import type { ImportPlan } from './import-plan';
import { convertPostmanScripts } from './postman-scripts';

const keyValue = z.object({ key: z.string(), value: z.unknown().optional(), disabled: z.boolean().optional() }).loose();
const authSchema = z.object({ type: z.string() }).loose();
const urlSchema = z.union([
  z.string(),
  z
    .object({
      raw: z.string().optional(),
      host: z.union([z.string(), z.array(z.string())]).optional(),
      path: z.union([z.string(), z.array(z.string())]).optional(),
    })
    .loose(),
]);
const requestSchema = z.union([
  z.string(),
  z
    .object({
      method: z.string().default('GET'),
      url: urlSchema.optional(),
      header: z.union([z.array(keyValue), z.string()]).optional(),
      body: z.object({ mode: z.string().optional(), raw: z.string().optional() }).loose().optional(),
      auth: authSchema.nullable().optional(),
    })
    .loose(),
]);
type PostmanItem = {
  name?: string;
  item?: PostmanItem[];
  request?: z.infer<typeof requestSchema>;
  auth?: z.infer<typeof authSchema> | null;
  event?: unknown[];
};
const itemSchema: z.ZodType<PostmanItem> = z.lazy(() =>
  z
    .object({
      name: z.string().optional(),
      item: z.array(itemSchema).optional(),
      request: requestSchema.optional(),
      auth: authSchema.nullable().optional(),
      event: z.array(z.unknown()).optional(),
    })
    .loose(),
);
const collectionSchema = z
  .object({
    info: z.object({ name: z.string(), schema: z.string() }).loose(),
    item: z.array(itemSchema),
    auth: authSchema.nullable().optional(),
    variable: z.array(keyValue).optional(),
  })
  .loose();

type PostmanAuth = z.infer<typeof authSchema> | null | undefined;

function authKind(auth: PostmanAuth): ForeignHttpRequest['auth'] {
  if (auth === undefined) return 'unknown';
  if (auth === null || auth.type === 'noauth') return 'none';
  if (auth.type === 'bearer') return 'bearer';
  if (auth.type !== 'basic') return 'other';
  const entries = Array.isArray(auth.basic) ? (auth.basic as { key?: string; value?: unknown }[]) : [];
  const values = entries
    .filter((entry) => entry.key === 'username' || entry.key === 'password')
    .map((entry) => String(entry.value ?? ''));
  return values.length > 0 && values.every((value) => /^\{\{[^}]+\}\}$/.test(value.trim()))
    ? 'basic-variables'
    : 'basic-literal';
}

function urlText(url: z.infer<typeof urlSchema> | undefined): string {
  if (url === undefined) return '';
  if (typeof url === 'string') return url;
  if (url.raw) return url.raw;
  const host = Array.isArray(url.host) ? url.host.join('.') : (url.host ?? '');
  const path = Array.isArray(url.path) ? url.path.join('/') : (url.path ?? '');
  return `${host}/${path}`;
}

function collectionVariables(variables: z.infer<typeof keyValue>[], notes: string[]): Record<string, VariableValue> {
  const kept: Record<string, VariableValue> = {};
  for (const variable of variables) {
    if (variable.disabled || !/^[A-Za-z_][\w.-]*$/.test(variable.key)) continue;
    const field = credentialFieldFor(variable.key);
    if (field) {
      kept[variable.key] = { fromCredentials: field };
      notes.push(`Variable ${variable.key}: taken from the run's ${field}, its value was not copied.`);
    } else if (looksSecret(variable.key)) {
      notes.push(
        `Variable ${variable.key} looks like a secret and was not copied; define it in the environments file as a credential reference.`,
      );
    } else {
      kept[variable.key] = typeof variable.value === 'string' ? variable.value : JSON.stringify(variable.value ?? '');
    }
  }
  return kept;
}

export function planPostmanImport(text: string): Result<ImportPlan> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(
      'IMPORT_UNREADABLE',
      `The file is not JSON: ${(error as Error).message}`,
      'Export the collection from Postman as Collection v2.1.',
    );
  }
  const parsed = collectionSchema.safeParse(json);
  if (!parsed.success) {
    return fail(
      'IMPORT_UNREADABLE',
      'The file is not a Postman collection (no info and item).',
      'Export the collection from Postman as Collection v2.1.',
    );
  }
  const collection = parsed.data;
  if (!/v2\.[01]\.\d+\/collection\.json$/.test(collection.info.schema)) {
    return fail(
      'IMPORT_UNREADABLE',
      `Postman schema ${collection.info.schema} is not v2.1.`,
      'Export the collection from Postman as Collection v2.1.',
    );
  }
  const notes: string[] = [];
  const files: ImportPlan['files'] = [];
  const walk = (items: PostmanItem[], folder: string, inherited: PostmanAuth) => {
    items.forEach((item, index) => {
      const name = item.name?.trim() || `request ${index + 1}`;
      const path = `${folder}${numberedName(index, items.length, name)}`;
      if (item.item) return walk(item.item, `${path}/`, item.auth === undefined ? inherited : item.auth);
      if (item.request === undefined) return notes.push(`${path}: no request, skipped.`);
      const request = typeof item.request === 'string' ? { method: 'GET', url: item.request } : item.request;
      const headers = Array.isArray(request.header)
        ? Object.fromEntries(
            request.header
              .filter((header) => !header.disabled)
              .map((header) => [header.key, String(header.value ?? '')]),
          )
        : {};
      const body =
        typeof request === 'object' && 'body' in request && request.body?.mode === 'raw'
          ? (request.body.raw ?? null)
          : null;
      const auth = typeof item.request === 'object' && item.request.auth !== undefined ? item.request.auth : inherited;
      const imported = importHttpRequest({
        name,
        method: request.method,
        url: urlText(request.url),
        headers,
        body,
        auth: authKind(auth),
      });
      const scripts = convertPostmanScripts(item.event ?? []);
      if (scripts.unconverted > 0)
        imported.notes.push(
          `${scripts.unconverted} Postman script line(s) were not converted; add assertions to the request file instead.`,
        );
      const file =
        imported.file.request.kind === 'raw'
          ? imported.file
          : { ...imported.file, assertions: scripts.assertions, captures: scripts.captures };
      files.push({ path: `${path}.json`, file });
      notes.push(...imported.notes.map((note) => `${path}: ${note}`));
    });
  };
  walk(collection.item, '', collection.auth);
  return ok({ files, variables: collectionVariables(collection.variable ?? [], notes), notes });
}
