import { z } from 'zod';
import type { ErrorEntry } from './entry';
import { httpStatusEntries, normalizeTypeUrl, problemTypeEntries } from './problem-types';
import { productCodeEntries } from './product-codes';
import { vonageCodeEntries } from './vonage-codes';

/** Input of errors.explain: a code, status, type URL, product code or title. */
export const explainInputSchema = z.object({ query: z.union([z.string(), z.number()]) });

/** Every entry the explainer knows, in catalogue order. */
export function errorCatalog(): ErrorEntry[] {
  return structuredClone([...vonageCodeEntries, ...problemTypeEntries, ...httpStatusEntries, ...productCodeEntries]);
}

/** A Vonage numeric code (as number or string, e.g. a v1 error.title). */
export function lookupCode(code: number | string): ErrorEntry | undefined {
  return vonageCodeEntries.find((entry) => entry.key === String(code).trim());
}

/**
 * Entries for a problem type URL. A numeric anchor under /messages may also
 * be a status-webhook code (`error.type` of a v1 status), so both readings
 * are returned, API problem first.
 */
export function lookupProblemType(url: string): ErrorEntry[] {
  const wanted = normalizeTypeUrl(url);
  const problems = problemTypeEntries.filter((entry) => normalizeTypeUrl(entry.key) === wanted);
  const anchor = /\/api-errors\/messages#(\d+)$/.exec(wanted)?.[1];
  const code = anchor === undefined ? undefined : lookupCode(anchor);
  return code ? [...problems, code] : problems;
}

export function lookupStatus(status: number): ErrorEntry | undefined {
  return httpStatusEntries.find((entry) => entry.key === String(status));
}

export function lookupProductCode(code: string): ErrorEntry | undefined {
  return productCodeEntries.find((entry) => entry.key === code.trim().toUpperCase());
}

/**
 * Explains whatever a developer pastes: a Vonage code ("1340", 1340), an
 * HTTP status (429), a problem type URL, a product code (PAYLOAD_INVALID) or
 * a problem title ("Invalid sender"). Returns every matching entry; an empty
 * list when nothing matches.
 */
export function explainError(query: string | number): ErrorEntry[] {
  const text = String(query).trim();
  // The PATCH "Operation not supported" problem comes with an empty type.
  if (text === '') return structuredClone(problemTypeEntries.filter((entry) => entry.key === ''));
  if (/^\d+$/.test(text)) {
    const status = Number(text) < 600 ? lookupStatus(Number(text)) : undefined;
    const code = lookupCode(text);
    return structuredClone([status, code].filter((entry): entry is ErrorEntry => entry !== undefined));
  }
  if (/^https?:\/\//i.test(text)) return structuredClone(lookupProblemType(text));
  const product = lookupProductCode(text);
  if (product) return structuredClone([product]);
  const title = text.toLowerCase();
  return errorCatalog().filter((entry) => entry.title.toLowerCase() === title);
}
