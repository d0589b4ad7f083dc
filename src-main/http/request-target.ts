/**
 * The one reading of an incoming request line shared by every server of the
 * workbench (browser host, emulator API, webhook receiver). Node hands the
 * request target over exactly as the client wrote it: `//`, `*`,
 * `http://elsewhere/x`, `%zz` or a 16 KB path all arrive here. Nothing in this
 * module throws, so a strange target can only ever get a 4xx, never end a server.
 * `new URL(target, base)` is deliberately not used: it throws on `//`.
 */
import type { IncomingMessage } from 'node:http';

export interface RequestTarget {
  /**
   * The path as sent, still percent-encoded: `/` when the target names none,
   * `*` for the asterisk form, the whole target for the authority form.
   */
  path: string;
  /** The query as sent, without its `?`; empty when there is none. */
  query: string;
  /** The query read as form parameters; bad percent-encoding is kept as written. */
  params: URLSearchParams;
}

export interface ParsedRequest extends RequestTarget {
  /** Upper case, as the HTTP parser accepted it. */
  method: string;
}

/** `scheme://authority` at the start of an absolute-form target (`GET http://host/path`). */
const absoluteFormPrefix = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

export function parseRequestTarget(target: string | undefined): RequestTarget {
  const raw = target ?? '';
  // A fragment is never sent by a browser; anything after '#' is not part of the request.
  const withoutFragment = raw.split('#', 1)[0]!;
  const originForm = withoutFragment.startsWith('/')
    ? withoutFragment
    : withoutFragment.replace(absoluteFormPrefix, '');
  const relative = originForm === '' ? '/' : originForm;
  const mark = relative.indexOf('?');
  const path = mark === -1 ? relative : relative.slice(0, mark) || '/';
  const query = mark === -1 ? '' : relative.slice(mark + 1);
  return { path, query, params: new URLSearchParams(query) };
}

export function parseRequest(request: IncomingMessage): ParsedRequest {
  return { method: (request.method ?? 'GET').toUpperCase(), ...parseRequestTarget(request.url) };
}

/** Percent-decodes one path or path segment; undefined when the encoding is broken (`%zz`, a lone `%E0`). */
export function decodePath(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
