/** Tolerant readers for message JSON: a missing or mistyped field reads as absent, never throws. */
import { isObject, type Json } from '../messages/conversion';

export { isObject, type Json };
export const objectAt = (value: unknown): Json => (isObject(value) ? value : {});
export const stringAt = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const numberAt = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
};
export const arrayAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Copies only the defined values, so optional fields stay absent rather than undefined. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
