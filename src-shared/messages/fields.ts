import { z } from 'zod';
import { isPlainDecimalWithin } from './decimal-string';

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
export const phoneNumber = z.string().superRefine(checkPhoneNumber);

/** A whole value that is one `{{variable}}`, as imported collections hold: filled in at run time, so not judged here. */
export function isVariablePlaceholder(value: string): boolean {
  return /^\{\{\s*[A-Za-z_][\w.-]*\s*\}\}$/.test(value);
}

/** The digits a number written with separators stands for, without a leading + or 00. */
export function bareDigits(value: string): string {
  return value.replace(/[\s().-]/g, '').replace(/^(\+|00)/, '');
}

function checkPhoneNumber(value: string, ctx: z.RefinementCtx): void {
  if (isVariablePlaceholder(value)) return;
  const digits = value.startsWith('+') ? value.slice(1) : value;
  if (value === '') {
    ctx.addIssue({
      code: 'custom',
      ...customIssue(
        'A phone number is required here.',
        'REQUIRED',
        'Write it with its country code and without a leading 0, e.g. 447700900000.',
      ),
    });
  } else if (!/^\d*$/.test(digits)) {
    const suggestion = bareDigits(value);
    ctx.addIssue({
      code: 'custom',
      ...customIssue(
        `"${value}" is not a phone number: use digits only`,
        'INVALID_FORMAT',
        /^\d{7,15}$/.test(suggestion)
          ? `Write it as ${suggestion}.`
          : 'Write the number in E.164 form without spaces, dashes or brackets, e.g. 447700900000.',
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
}

/** A WhatsApp business-scoped user id: a two-letter country code, a dot, then the id (US.13491208655302741918). */
const bsuidPattern = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;

/**
 * A WhatsApp recipient: a phone number as elsewhere, or (since 1.20.0) the
 * business-scoped user id Meta gives users who chose a username.
 */
export const whatsappRecipient = z.string().superRefine((value, ctx) => {
  if (bsuidPattern.test(value)) return;
  if (/^[A-Za-z]{2}\./.test(value)) {
    ctx.addIssue({
      code: 'custom',
      ...customIssue(
        `"${value}" is not a business-scoped user id: after the country code and the dot come letters and digits only`,
        'INVALID_FORMAT',
        'Copy the BSUID exactly as the inbound webhook gave it (whatsapp.sender.user_id), e.g. US.13491208655302741918.',
      ),
    });
    return;
  }
  checkPhoneNumber(value, ctx);
});

/**
 * A string rule that raises one custom issue quoting the value. A refine, not
 * a superRefine: zod's compiled validator calls a refine's predicate directly,
 * where a superRefine costs it a payload, an issue list and an addIssue
 * closure on every call, and a carousel holds a few dozen of these fields.
 */
function stringRule(
  accepts: (value: string) => boolean,
  message: (value: string) => string,
  code: string,
  hint: string,
) {
  return z.string().refine(accepts, {
    error: (issue) => message(String(issue.input)),
    params: { code, hint } satisfies CustomIssueParams,
  });
}

/** The number a dial suggestion calls: E.164, a leading + allowed, no leading 0. */
export const dialNumber = stringRule(
  (value) => /^\+?[1-9]\d{1,14}$/.test(value),
  (value) => `"${value}" is not a number a phone can dial: use up to 15 digits in E.164 form`,
  'INVALID_FORMAT',
  'Start with the country code, e.g. 14155550100 or +14155550100, without spaces or dashes.',
);

/** An email address; the same shape Vonage documents for cc and bcc addresses. */
export const emailAddress = z.email({ pattern: /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/ });

/** A date and time in ISO 8601 with a zone (2026-01-01T10:00:00Z, or +01:00). */
export const dateTime = z.iso.datetime({ offset: true });

/** A coordinate written as a string, as RCS location suggestions take it. */
export function coordinate(limit: 90 | 180, name: string) {
  return stringRule(
    (value) => {
      if (isPlainDecimalWithin(value, limit)) return true;
      const n = Number(value);
      return value.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= limit;
    },
    (value) => `"${value}" is not a ${name}: a decimal number from -${limit} to ${limit}, written as a string`,
    'INVALID_FORMAT',
    `Send it as a JSON string, e.g. "${limit === 90 ? '51.5074' : '-0.1278'}".`,
  );
}

/** Messenger page / user ids, Viber service ids: 1 to 50 characters. */
export const platformId = z.string().min(1).max(50);

/** A sender: a number or an alphanumeric sender id, depending on country. */
export const sender = z.string().min(1).max(50);

/**
 * The common start of a media URL: scheme, then a domain of plain labels (no
 * "--", so no punycode) ending in a letters-only top-level domain, then the end
 * or a path, query or fragment. After such a host the parser takes any text
 * (it percent-encodes what it must), so the rest goes unread: it is most of a
 * URL's length, and a carousel carries some fifty URLs. Anything rarer (ports,
 * IP addresses, user info) takes the parser.
 */
const plainHttpUrl = /^https?:\/\/(?:[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\.)+[A-Za-z]{2,63}(?:[/?#]|$)/;

function isHttpUrl(value: string): boolean {
  if (plainHttpUrl.test(value)) return true;
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return false;
  // Not URL.canParse: on Node 20 its optimised fast path starts refusing some
  // non-ASCII URLs (https://é) after a few hundred calls.
  try {
    new URL(trimmed);
    return true;
  } catch {
    return false;
  }
}

/**
 * Raises the issue z.url() raises (invalid_format, format url). Not
 * z.stringFormat('url', …): z.compile takes any format named url for the
 * built-in one and compiles zod's own URL check in place of this one, which
 * takes ftp: and javascript: URLs.
 */
const httpUrlCheck: z.core.$ZodCheck<string> = z.check<string>((payload) => {
  if (isHttpUrl(payload.value)) return;
  payload.issues.push({
    code: 'invalid_format',
    format: 'url',
    origin: 'string',
    input: payload.value,
    inst: httpUrlCheck,
    continue: true,
  });
});
// JSON Schema reads a string's format from its bag: keeps `format: uri` in the catalog's schemas.
httpUrlCheck._zod.onattach.push((schema) => {
  schema._zod.bag.format = 'url';
});
// z.compile calls a check's predicate, when its definition has one, in place of the check itself: the
// validator it generates then skips the payload and issue list the check would be handed (some fifty
// URLs in a carousel). The interpreter still runs the check, so the issue stays the one above.
Object.assign(httpUrlCheck._zod.def, { fn: isHttpUrl });

/**
 * An http(s) URL Vonage can fetch. Plain URLs are recognised by one regular
 * expression; anything else goes to the WHATWG parser after the same
 * scheme check z.url() makes, so both accept the same strings (pinned by a
 * parity test). A carousel carries some fifty URLs, and z.url() was a tenth
 * of its validation time.
 */
export const httpUrl = z.string().check(httpUrlCheck);

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
