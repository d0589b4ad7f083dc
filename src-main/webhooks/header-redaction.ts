/**
 * Masks credentials in recorded request headers, so the event store, the
 * live feed, `workbench listen` and the timeline never hold one in clear.
 *
 * Why: browsers send cookies to every port of 127.0.0.1, so any cookie a
 * local page sets (a session, a token) reaches the receiver with whatever
 * else the browser was visiting, and a Referer can carry a page's own token in
 * its query. The header names (and query parameter names) stay, so a
 * developer still sees what arrived; only the values go.
 *
 * What stays in clear: an Authorization that is a Bearer JWT, which is how
 * Vonage signs a webhook. It authenticates that one body only (its
 * payload_hash), and replay "as received" needs it.
 */

/** What a masked value is replaced by; the same mark send history uses for its Authorization. */
export const redactionMark = '[redacted]';

/** Header names whose values are credentials wherever they appear in a name (`x-api-key`, `x-auth-token`…). */
const credentialNamePart =
  /(?:^|-)(?:auth|authorization|token|secret|password|passwd|api-?key|apikey|session|csrf|xsrf|credentials?)(?:$|-)/;
const compactJwt = /^Bearer\s+[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\s*$/i;

/** A copy of the headers (names lower-cased, as recorded) with every credential value masked; never throws. */
export function redactCredentialHeaders(headers: Record<string, string>): Record<string, string> {
  // No prototype, like the receiver's own header map: a header named __proto__ stays a header.
  const redacted = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) redacted[name] = redactHeaderValue(name, value);
  return redacted;
}

function redactHeaderValue(name: string, value: string): string {
  switch (name) {
    case 'cookie':
      return maskCookieValues(value);
    case 'authorization':
      return compactJwt.test(value) ? value : keepScheme(value);
    case 'proxy-authorization':
      return keepScheme(value);
    case 'set-cookie':
      return redactionMark;
    case 'referer':
      return withoutQueryValues(value);
    default:
      return credentialNamePart.test(name) ? redactionMark : value;
  }
}

/** `a=1; b=2` becomes `a=[redacted]; b=[redacted]`: which cookies came is useful, what they held is not ours to keep. */
function maskCookieValues(value: string): string {
  return value
    .split(';')
    .map((pair) => {
      const equals = pair.indexOf('=');
      // A pair without `=` is a bare value to browsers, not a name.
      return equals === -1
        ? pair.trim() === ''
          ? pair
          : redactionMark
        : `${pair.slice(0, equals + 1)}${redactionMark}`;
    })
    .join(';');
}

/** A page's address can carry its own token (`?token=…`): the parameter names stay, their values go. */
function withoutQueryValues(value: string): string {
  const mark = value.indexOf('?');
  if (mark === -1) return value;
  const hash = value.indexOf('#', mark);
  const query = value.slice(mark + 1, hash === -1 ? undefined : hash);
  const masked = query
    .split('&')
    .map((pair) => (pair.includes('=') ? `${pair.slice(0, pair.indexOf('=') + 1)}${redactionMark}` : pair))
    .join('&');
  return `${value.slice(0, mark + 1)}${masked}`;
}

/** `Basic dXNlcjpw…` becomes `Basic [redacted]`; a value with no scheme is masked whole. */
function keepScheme(value: string): string {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} ${redactionMark}` : redactionMark;
}

/** True when a recorded value is a mask: a copy sent on (forward, replay) leaves such headers out rather than send the mark. */
export function isRedactedHeaderValue(value: string): boolean {
  return value.includes(redactionMark);
}
