import { z } from 'zod';

/**
 * Field builders shared by the v1 and v0.1 request schemas. Rules that need a
 * sentence of their own raise a `custom` issue whose params carry our issue
 * code and hint; the issue mapper (issues.ts) reads them back.
 */

export interface CustomIssueParams {
  code: string;
  hint: string;
}

function customIssue(message: string, code: string, hint: string) {
  return { message, params: { code, hint } satisfies CustomIssueParams };
}

/**
 * A phone number in E.164 without the `+`: 7 to 15 digits. A leading `+` is
 * tolerated here and warned about separately, since Vonage strips it.
 */
export const phoneNumber = z.string().superRefine((value, ctx) => {
  const digits = value.startsWith('+') ? value.slice(1) : value;
  if (!/^\d*$/.test(digits)) {
    ctx.addIssue({
      code: 'custom',
      ...customIssue(
        `"${value}" is not a phone number: use digits only`,
        'INVALID_FORMAT',
        'Write the number in E.164 form without spaces, dashes or brackets, e.g. 447700900000.',
      ),
    });
  } else if (digits.length < 7 || digits.length > 15) {
    ctx.addIssue({
      code: 'custom',
      ...customIssue(
        `"${value}" has ${digits.length} digits; a phone number has 7 to 15`,
        'INVALID_FORMAT',
        'Start with the country code and leave out any leading 0 of the national number, e.g. 447700900000.',
      ),
    });
  }
});

/** Messenger page / user ids, Viber service ids: 1 to 50 characters. */
export const platformId = z.string().min(1).max(50);

/** A sender: a number or an alphanumeric sender id, depending on country. */
export const sender = z.string().min(1).max(50);

/** An http(s) URL Vonage can fetch. */
export const httpUrl = z.url({ protocol: /^https?$/ });

export const caption = z.string().min(1).max(3000);

export const clientRef = z.string();

export const webhookVersion = z.enum(['v1', 'v0.1']);

/** A non-negative whole number of seconds, optionally bounded. */
export function seconds(range?: { min: number; max: number }) {
  const base = z.number().int();
  return range ? base.min(range.min).max(range.max) : base.min(0);
}

/** A whole number written as a string, within a range (Viber video duration, size). */
export function numericString(min: number, max: number, unit: string) {
  return z.string().superRefine((value, ctx) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      ctx.addIssue({
        code: 'custom',
        ...customIssue(
          `"${value}" must be a whole number of ${unit} from ${min} to ${max}, written as a string`,
          'OUT_OF_RANGE',
          `Send it as a JSON string, e.g. "${Math.min(max, Math.max(min, 30))}".`,
        ),
      });
    }
  });
}

/** Raises a custom issue at a sub-path with our code and hint. */
export function addIssueAt(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  message: string,
  code: string,
  hint: string,
): void {
  ctx.addIssue({ code: 'custom', path, ...customIssue(message, code, hint) });
}
