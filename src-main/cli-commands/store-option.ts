import { InvalidArgumentError } from 'commander';
import { parseDatabaseUrl } from '../team-inbox/postgres-connection';
import type { WebhookStoreOptions } from '../webhooks/event-store';

/** `--store`: a postgres:// URL, refused by name otherwise (the message never repeats the URL, which may hold a password). */
export function storeUrlOption(value: string): string {
  const parsed = parseDatabaseUrl(value);
  if (!parsed.ok) throw new InvalidArgumentError(`${parsed.error.message} ${parsed.error.hint}`);
  return value;
}

/** `--durability`: what an acknowledged webhook survives in the data folder's store (see WebhookStoreOptions). */
export function durabilityOption(value: string): WebhookStoreOptions['durability'] {
  if (value === 'process-crash' || value === 'power-loss') return value;
  throw new InvalidArgumentError(
    'expected process-crash (answer at the commit; the default) or power-loss (answer after the fsync).',
  );
}

/** `--forward-team NAME=URL`, repeatable: webhooks that belong to that teammate (PostgreSQL role) go to URL. */
export function teamRouteOption(value: string, routes: Map<string, string> = new Map()): Map<string, string> {
  const separator = value.indexOf('=');
  const name = value.slice(0, separator).trim();
  const url = value.slice(separator + 1).trim();
  if (separator <= 0 || name === '')
    throw new InvalidArgumentError('expected TEAMMATE=URL, e.g. alice=http://localhost:3000.');
  try {
    const { protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') throw new Error(protocol);
  } catch {
    throw new InvalidArgumentError(`the URL for ${name} is not an http(s) URL.`);
  }
  if (routes.has(name)) throw new InvalidArgumentError(`${name} is given twice.`);
  return new Map(routes).set(name, url);
}
