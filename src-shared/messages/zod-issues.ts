import type { z } from 'zod';
import type { CustomIssueParams } from './fields';
import { dottedPath, makeIssue, type Issue, type IssueCode } from './issue';
import { messagesApiModelVersion } from './model-version';

/**
 * Turns zod's issues into developer sentences. zod knows the rule that
 * failed; this module knows what the field is for (examples, hints) and which
 * message it belongs to (the label, e.g. "WhatsApp template").
 */

/** Example values, by the field's dotted path with indexes removed, then by its last key. */
const examples: Record<string, string> = {
  to: '447700900000',
  from: '447700900001',
  text: '"Hello from Vonage"',
  url: 'https://example.com/media/picture.jpg',
  thumb_url: 'https://example.com/media/thumb.jpg',
  locale: 'en_GB',
  'template.name': 'my_namespace:welcome',
  tag: 'ACCOUNT_UPDATE',
  duration: '"30"',
  file_size: '"5"',
  message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
  emoji: '👍',
  number: '447700900000',
  id: '1234567890',
  type: 'image',
  action: 'react',
  whatsapp: '{ "locale": "en_GB" }',
  viber_service: '{ "duration": "30", "file_size": "5" }',
  context: '{ "message_uuid": "aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab" }',
  'email.subject': '"Your order has shipped"',
  email: '{ "subject": "Your order has shipped" }',
  'html.body': '"<p>Hello from Vonage</p>"',
  body: '"<p>Hello from Vonage</p>"',
  custom: '{ "type": "interactive", ... }',
  card: '{ "title": "…", "text": "…", "media_url": "https://…" }',
  title: '"Spring sale"',
  media_url: 'https://example.com/media/picture.jpg',
  postback_data: '"chose_yes"',
  phone_number: '14155550100',
  pin_label: '"Our shop"',
  start_time: '2026-01-01T10:00:00Z',
  end_time: '2026-01-01T11:00:00Z',
  address: 'someone@example.com',
};

/** Field-specific advice where the generic one would mislead. */
const hints: Record<string, string> = {
  'whatsapp.policy': 'WhatsApp dropped the fallback policy in January 2020 (Vonage answers it with an error).',
  'rcs.category': 'Some SDK versions spell it acknoledgement, which the API rejects.',
  ttl: 'ttl is a whole number of seconds.',
  client_ref: 'v1 takes up to 100 characters (error 1450 beyond); keep it to 40 if you may send with v0.1.',
  locale: 'Use the language the template is registered in; Vonage maps en-GB to en_GB.',
  webhook_url: 'Give a full http(s) URL that Vonage can reach from the internet, e.g. through the tunnel.',
  suggestions: 'A message takes up to 11 suggestion chips, a card up to 4.',
  cards: 'A carousel holds 2 to 10 cards.',
};

/** Advice per string format zod checks, given the field's example (", e.g. …") when it has one. */
const formatAdvice: Record<string, (eg: string) => string> = {
  url: (eg) => `Write a full URL with https://${eg}.`,
  datetime: () => 'Write an ISO 8601 date and time with its zone, e.g. 2026-01-01T10:00:00Z.',
  email: () => 'Write one plain address, e.g. someone@example.com.',
};
const formatNames: Record<string, string> = { url: 'http(s) URL', datetime: 'date and time', email: 'email address' };

function lookup(table: Record<string, string>, path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((part): part is string => typeof part === 'string');
  const full = keys.join('.');
  const lastTwo = keys.slice(-2).join('.');
  return table[full] ?? table[lastTwo] ?? table[keys[keys.length - 1] ?? ''];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** The offending value as the developer wrote it: `the string "300"`, `1.5`, `an object`. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return String(value);
}

function closest(value: string, options: readonly unknown[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const saved = row[j] ?? 0;
        row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = saved;
      }
    }
    return row[b.length] ?? Infinity;
  };
  const near = options.filter((o): o is string => typeof o === 'string' && distance(value, o) <= 2);
  return near[0];
}

export interface MapContext {
  /** The raw payload, to quote the offending value. */
  input: unknown;
  /** What the payload is, e.g. "WhatsApp template". */
  label: string;
  /** Prepended to every path (a failover item's position). */
  prefix: readonly PropertyKey[];
}

/** Maps zod issues to our issues; unknown keys become warnings. */
export function mapZodIssues(
  issues: readonly z.core.$ZodIssue[],
  context: MapContext,
): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const issue of issues) {
    const path = [...context.prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = [...path, key];
        warnings.push(
          makeIssue(
            at,
            'UNKNOWN_FIELD',
            `${dottedPath(at)} is not in the Messages API ${messagesApiModelVersion} model of ${context.label} (it may be newer than this version)`,
            'Check the spelling and where the field sits. If Vonage documents it after this version, it is sent as written.',
          ),
        );
      }
      continue;
    }
    errors.push(describe(issue, path, context));
  }
  return { errors, warnings };
}

function describe(issue: z.core.$ZodIssue, path: PropertyKey[], context: MapContext): Issue {
  // Messages name the field within its own message (a failover item's `text`);
  // the pointer in `path` still locates it in the whole payload.
  const local = issue.path;
  const field = dottedPath(local) || 'the payload';
  const value = valueAt(context.input, local);
  const example = lookup(examples, local);
  const hint = lookup(hints, local);
  const eg = example ? `, e.g. ${example}` : '';
  // The generic advice says what to change; the field's own note, when there is one, adds why.
  const make = (code: IssueCode, message: string, advice: string) =>
    makeIssue(path, code, message, hint ? `${advice} ${hint}` : advice);

  switch (issue.code) {
    case 'custom': {
      const params = issue.params as CustomIssueParams | undefined;
      return makeIssue(
        path,
        (params?.code ?? 'INVALID_FORMAT') as IssueCode,
        issue.message,
        params?.hint ?? hint ?? '',
      );
    }
    case 'invalid_type':
      if (value === undefined) {
        return make('REQUIRED', `${context.label} needs ${field}${eg}`, `Add ${field}${eg}.`);
      }
      return make(
        'WRONG_TYPE',
        `${field} must be ${article(issue.expected)}, not ${describeValue(value)}`,
        `Send ${field} as ${article(issue.expected)}${eg}.`,
      );
    case 'too_big':
      return issue.origin === 'string'
        ? make(
            'TOO_LONG',
            `${field} is ${String(value).length} characters; ${context.label} allows at most ${String(issue.maximum)}`,
            `Shorten it to ${String(issue.maximum)} characters or fewer.`,
          )
        : issue.origin === 'array'
          ? make('TOO_LONG', `${field} has too many items (at most ${String(issue.maximum)})`, 'Remove some items.')
          : make(
              'OUT_OF_RANGE',
              `${field} is ${String(value)}; the most ${context.label} allows is ${String(issue.maximum)}`,
              `Use a value of ${String(issue.maximum)} or less.`,
            );
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? make('TOO_SHORT', `${field} must not be empty`, `Fill in ${field}${eg}, or leave it out if it is optional.`)
          : make(
              'TOO_SHORT',
              `${field} must be at least ${String(issue.minimum)} characters`,
              `Lengthen it to ${String(issue.minimum)} characters or more.`,
            )
        : issue.origin === 'array'
          ? make(
              'TOO_SHORT',
              `${field} needs at least ${String(issue.minimum)} item(s)`,
              `Add an item to ${field}, or remove it.`,
            )
          : make(
              'OUT_OF_RANGE',
              `${field} is ${String(value)}; the least ${context.label} allows is ${String(issue.minimum)}`,
              `Use a value of ${String(issue.minimum)} or more.`,
            );
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      if (value === undefined) {
        return make(
          'REQUIRED',
          `${context.label} needs ${field}, one of ${allowed}`,
          `Add ${field}, e.g. ${JSON.stringify(issue.values[0])}.`,
        );
      }
      const guess = typeof value === 'string' ? closest(value, issue.values) : undefined;
      return make(
        'NOT_ALLOWED_VALUE',
        `${field} is ${JSON.stringify(value)}; ${context.label} takes ${allowed}`,
        guess ? `Did you mean "${guess}"?` : `Use one of ${allowed}.`,
      );
    }
    case 'invalid_format':
      return make(
        'INVALID_FORMAT',
        `${field} is not a valid ${formatNames[issue.format] ?? issue.format}`,
        formatAdvice[issue.format]?.(eg) ?? `Compare it with the template for this message${eg}.`,
      );
    case 'unrecognized_keys':
      return make('UNKNOWN_FIELD', `${field} has unexpected keys: ${issue.keys.join(', ')}`, 'Remove them.');
    case 'invalid_union': {
      // A discriminated union (RCS suggestions, email content) names its discriminator.
      // zod adds `options` to that issue at run time without typing it.
      const options: unknown = (issue as { options?: unknown }).options;
      if ('discriminator' in issue && Array.isArray(options)) {
        const allowed = options.map((option) => JSON.stringify(option)).join(', ');
        return value === undefined
          ? make(
              'REQUIRED',
              `${context.label} needs ${field}, one of ${allowed}`,
              `Add ${field}, e.g. ${JSON.stringify(options[0])}.`,
            )
          : make(
              'NOT_ALLOWED_VALUE',
              `${field} is ${JSON.stringify(value)}; it takes ${allowed}`,
              `Use one of ${allowed}.`,
            );
      }
      return make(
        'INVALID_FORMAT',
        `${field} is not valid: ${issue.message}`,
        'Compare it with the template for this message.',
      );
    }
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
      return make(
        'INVALID_FORMAT',
        `${field} is not valid: ${issue.message}`,
        'Compare it with the template for this message.',
      );
    default:
      return assertNever(issue);
  }
}

/** zod says "int" for a number that must be whole. */
function article(type: string): string {
  if (type === 'int') return 'a whole number';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled zod issue: ${JSON.stringify(value)}`);
}
