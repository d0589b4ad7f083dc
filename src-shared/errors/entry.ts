import { z } from 'zod';

/**
 * One explainable error: a Vonage numeric code (status webhooks), an HTTP
 * problem type (API responses), an HTTP status, or one of the product's own
 * codes. `temporary` means the same request may succeed later unchanged.
 */
export const errorEntrySchema = z.object({
  kind: z.enum(['vonage-code', 'problem-type', 'http-status', 'product-code']),
  /** The code, type URL, status or product code this entry is found by. */
  key: z.string(),
  title: z.string(),
  explanation: z.string(),
  temporary: z.boolean(),
  /** What to do next. */
  next: z.string(),
  /** For Vonage codes: the API versions whose docs list it. */
  apiVersions: z.array(z.enum(['v1', 'v0.1'])).optional(),
  /** For problem types: the HTTP status they come with. */
  httpStatus: z.number().optional(),
  /** Keys of entries that describe the same failure from another angle. */
  related: z.array(z.string()).optional(),
});
export type ErrorEntry = z.infer<typeof errorEntrySchema>;

/** One of the product's own codes as its catalogue lists it; `temporary` as in ErrorEntry. */
export type ProductCodeRow = [code: string, title: string, temporary: boolean, explanation: string, next: string];

/** One Vonage numeric code as its catalogue lists it: T = retrying later may work, P = it will not. */
export type VonageCodeRow = [code: number, title: string, retry: 'T' | 'P', explanation: string, next: string];
