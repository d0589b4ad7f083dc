import { z } from 'zod';
import { toPointer } from '../json-pointer';

/** A source field that has no counterpart in the target version, and why. */
export const lossSchema = z.object({
  /** JSON pointer into the source payload. */
  path: z.string(),
  reason: z.string(),
});
export type Loss = z.infer<typeof lossSchema>;

export const conversionSchema = z.object({
  from: z.enum(['v1', 'v0.1']),
  to: z.enum(['v1', 'v0.1']),
  payload: z.record(z.string(), z.unknown()),
  /** Empty when the mapping was total for this payload. */
  losses: z.array(lossSchema),
});
export type Conversion = z.infer<typeof conversionSchema>;

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects losses while a converter walks the source. */
export function lossRecorder() {
  const losses: Loss[] = [];
  return {
    losses,
    lose(path: (string | number)[], reason: string): void {
      losses.push({ path: toPointer(path), reason });
    },
    /** Reports every key of `source` not in `handled`, as fields the target lacks. */
    loseRest(source: Json, handled: readonly string[], path: (string | number)[], reason: string): void {
      for (const key of Object.keys(source)) {
        if (!handled.includes(key)) losses.push({ path: toPointer([...path, key]), reason });
      }
    },
  };
}

/** Copies the listed keys that are present. */
export function pick(source: Json, keys: readonly string[]): Json {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}
