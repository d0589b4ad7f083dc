/**
 * Workbench requests to a Postman collection v2.1: subfolders become folders,
 * the base URL is the `{{base_url}}` variable, and auth is Basic from
 * `{{api_key}}` / `{{api_secret}}` (or Bearer `{{jwt}}`) at request level, so
 * the exported file carries no credential either.
 */
import type { RequestFile } from './request-file';

interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: Record<string, unknown>;
}

function authFor(auth: RequestFile['auth']): Record<string, unknown> {
  switch (auth) {
    case 'basic':
    case 'auto':
      return {
        type: 'basic',
        basic: [
          { key: 'username', value: '{{api_key}}', type: 'string' },
          { key: 'password', value: '{{api_secret}}', type: 'string' },
        ],
      };
    case 'jwt':
      return { type: 'bearer', bearer: [{ key: 'token', value: '{{jwt}}', type: 'string' }] };
    case 'none':
      return { type: 'noauth' };
    default: {
      const unreachable: never = auth;
      throw new Error(`unknown auth ${String(unreachable)}`);
    }
  }
}

function requestFor(file: RequestFile): Record<string, unknown> {
  const { request } = file;
  const json = (payload: unknown) => ({
    mode: 'raw',
    raw: JSON.stringify(payload ?? null, null, 2),
    options: { raw: { language: 'json' } },
  });
  const jsonHeaders = [
    { key: 'Content-Type', value: 'application/json' },
    { key: 'Accept', value: 'application/json' },
  ];
  const url = (segments: string[]) => ({
    raw: `{{base_url}}/${segments.join('/')}`,
    host: ['{{base_url}}'],
    path: segments,
  });
  switch (request.kind) {
    case 'send':
      return {
        method: 'POST',
        auth: authFor(file.auth),
        header: jsonHeaders,
        body: json(request.payload),
        url: url([request.api, 'messages']),
      };
    case 'update':
      return {
        method: 'PATCH',
        auth: authFor(file.auth),
        header: jsonHeaders,
        body: json(request.payload),
        url: url(['v1', 'messages', request.messageUuid]),
      };
    case 'raw':
      return {
        method: request.method,
        header: Object.entries(request.headers).map(([key, value]) => ({ key, value })),
        ...(request.body === null ? {} : { body: { mode: 'raw', raw: request.body } }),
        url: request.url,
      };
    default: {
      const unreachable: never = request;
      throw new Error(`unknown request ${JSON.stringify(unreachable)}`);
    }
  }
}

/** `requests` in run order, paths relative to the collection; folder names keep their numbering. */
export function postmanCollection(
  name: string,
  requests: { path: string; file: RequestFile }[],
): Record<string, unknown> {
  const root: PostmanItem[] = [];
  for (const { path, file } of requests) {
    const segments = path.split('/');
    let level = root;
    for (const folder of segments.slice(0, -1)) {
      let found = level.find((item) => item.item && item.name === folder);
      if (!found) level.push((found = { name: folder, item: [] }));
      level = found.item!;
    }
    level.push({ name: file.name, request: requestFor(file) });
  }
  return {
    info: { name, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: root,
    variable: [
      { key: 'base_url', value: 'https://api.nexmo.com' },
      { key: 'api_key', value: '' },
      { key: 'api_secret', value: '' },
      { key: 'jwt', value: '' },
    ],
  };
}
