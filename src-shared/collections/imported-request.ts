/**
 * Turns an HTTP request found in another tool's file into a workbench request:
 * a call to /v1/messages or /v0.1/messages becomes a typed send, a PATCH of
 * /v1/messages/ID a typed update, and anything else is kept raw. Credentials
 * are never carried over: what the request authenticated with only decides
 * which of the run's credentials sign it.
 */
import { requestFileFormat, type RequestFile } from './request-file';

export interface ForeignHttpRequest {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  /** What the source authenticated with; `basic-variables` when the user and password were `{{variables}}`. */
  auth: 'basic-variables' | 'basic-literal' | 'bearer' | 'none' | 'unknown' | 'other';
}

export interface ImportedRequest {
  file: RequestFile;
  /** What was changed or dropped, one sentence each, for the import report. */
  notes: string[];
}

/** Bare `{{name}}` where a JSON value is expected (`"ttl": {{ttl}}`) is quoted so the body still parses. */
function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return JSON.parse(body.replace(/(:\s*|\[\s*|,\s*)(\{\{[^}]+\}\})/g, '$1"$2"'));
  }
}

function authChoice(request: ForeignHttpRequest, notes: string[]): RequestFile['auth'] {
  switch (request.auth) {
    case 'basic-variables':
      notes.push(
        'Basic auth from variables maps to the API key and secret of the profile or VONAGE_* environment the run uses.',
      );
      return 'basic';
    case 'basic-literal':
      notes.push(
        'Basic auth with literal values: the values were not copied; the run uses the API key and secret of its profile or environment.',
      );
      return 'basic';
    case 'bearer':
      notes.push('Bearer token not copied: the run signs a JWT from its profile or environment.');
      return 'jwt';
    case 'none':
      return 'none';
    case 'unknown':
      return 'auto';
    case 'other':
      notes.push('An auth type other than Basic or Bearer: the run picks JWT or Basic from its credentials.');
      return 'auto';
    default: {
      const unreachable: never = request.auth;
      throw new Error(`unknown auth ${String(unreachable)}`);
    }
  }
}

function pathOf(url: string): string {
  const withoutQuery = url.split(/[?#]/)[0]!;
  const match = /^(?:[a-z]+:\/\/)?(?:\{\{[^}]+\}\}|[^/]+)?(\/.*)?$/i.exec(withoutQuery);
  return (match?.[1] ?? '/').replace(/\/+$/, '');
}

function withoutAuthorization(headers: Record<string, string>, notes: string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (/^(authorization|x-api-key|cookie)$/i.test(name)) notes.push(`The ${name} header was not copied.`);
    else kept[name] = value;
  }
  return kept;
}

export function importHttpRequest(request: ForeignHttpRequest): ImportedRequest {
  const notes: string[] = [];
  const method = request.method.toUpperCase();
  const path = pathOf(request.url);
  const send = /\/(v1|v0\.1)\/messages$/.exec(path);
  const update = /\/v1\/messages\/([^/]+)$/.exec(path);
  const base = { format: requestFileFormat, version: 2 as const, name: request.name, assertions: [], captures: [] };
  if ((method === 'POST' && send) || (method === 'PATCH' && update)) {
    try {
      const payload = parseJsonBody(request.body ?? 'null');
      const auth = authChoice(request, notes);
      const operation = send
        ? { kind: 'send' as const, api: send[1] as 'v1' | 'v0.1', payload }
        : { kind: 'update' as const, messageUuid: decodeURIComponent(update![1]!), payload };
      return { file: { ...base, auth, request: operation }, notes };
    } catch {
      notes.push('The body is not JSON, so it was kept as a raw request.');
    }
  } else {
    notes.push(`${method} ${path || '/'} is not a Messages API call: kept as a raw request, which runs skip.`);
  }
  const headers = withoutAuthorization(request.headers, notes);
  return {
    file: { ...base, auth: 'none', request: { kind: 'raw', method, url: request.url, headers, body: request.body } },
    notes,
  };
}

/** A file or folder name from a title: no separators or characters Windows refuses, at most 80 characters. */
export function fileNameFor(title: string): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return cleaned || 'request';
}

/** `01 Name` so the files list in the order the source had them. */
export function numberedName(index: number, count: number, title: string): string {
  return `${String(index + 1).padStart(Math.max(2, String(count).length), '0')} ${fileNameFor(title)}`;
}
