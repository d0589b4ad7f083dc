/**
 * The text written for a collection file: the workbench's own keys in one
 * fixed order, the user's payload keys in the order they were written, two
 * spaces, a final newline. Saving the same request twice gives the same
 * bytes, so git shows only real edits.
 */
import type { RequestFile } from './request-file';

const requestFileKeys: (keyof RequestFile)[] = [
  'format',
  'version',
  'name',
  'auth',
  'request',
  'assertions',
  'captures',
];

function ordered<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  const copy: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) copy[key] = value[key];
  return copy;
}

export function requestFileText(file: RequestFile): string {
  return `${JSON.stringify(ordered(file, requestFileKeys), null, 2)}\n`;
}

export function jsonFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
