import { InvalidArgumentError } from 'commander';
import { parseDatabaseUrl } from '../team-inbox/postgres-connection';

/** `--store`: a postgres:// URL, refused by name otherwise (the message never repeats the URL, which may hold a password). */
export function storeUrlOption(value: string): string {
  const parsed = parseDatabaseUrl(value);
  if (!parsed.ok) throw new InvalidArgumentError(`${parsed.error.message} ${parsed.error.hint}`);
  return value;
}
