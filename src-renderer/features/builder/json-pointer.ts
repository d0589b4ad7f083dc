/**
 * Reading and writing a JSON value at a JSON pointer (RFC 6901), the path
 * form the message model reports issues at. Writes return a new value and
 * leave the input untouched, so the store can compare before and after.
 */
import { parsePointer, toPointer } from '../../../src-shared/json-pointer';

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

export function valueAt(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const key of parsePointer(pointer)) {
    if (!isContainer(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Sets the value at the pointer, creating objects (or arrays for numeric keys) on the way. */
export function setAt(root: unknown, pointer: string, value: unknown): unknown {
  return setPath(root, parsePointer(pointer), value);
}

function setPath(node: unknown, keys: string[], value: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  const container: Record<string, unknown> | unknown[] = isContainer(node) ? node : /^\d+$/.test(key) ? [] : {};
  const copy: Record<string, unknown> | unknown[] = Array.isArray(container) ? [...container] : { ...container };
  (copy as Record<string, unknown>)[key] = setPath((container as Record<string, unknown>)[key], rest, value);
  return copy;
}

/** Removes the member or array item at the pointer; an absent one leaves the value as it was. */
export function removeAt(root: unknown, pointer: string): unknown {
  const keys = parsePointer(pointer);
  const last = keys.pop();
  if (last === undefined) return root;
  const parent = valueAt(root, toPointer(keys));
  if (!isContainer(parent)) return root;
  let replacement: unknown;
  if (Array.isArray(parent)) {
    replacement = parent.filter((_item, index) => String(index) !== last);
  } else {
    if (!Object.hasOwn(parent, last)) return root;
    const { [last]: _removed, ...rest } = parent;
    replacement = rest;
  }
  return setPath(root, keys, replacement);
}
