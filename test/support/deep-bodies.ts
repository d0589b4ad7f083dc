/**
 * Webhook bodies nested far deeper than any real payload: JSON.stringify,
 * structured clone and recursive renderers overflow their stack on them.
 */

/** `{"note":"<word>","status":"delivered","deep":[[[…]]]}` with `depth` arrays inside one another. */
export function deepJsonBody(depth: number, word = 'zebracorn'): string {
  return `{"note":"${word}","status":"delivered","deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** The deepest body that fits in `bytes`: only brackets, `[[[…]]]`. */
export function deepestBodyWithin(bytes: number): string {
  const depth = Math.floor(bytes / 2);
  return '['.repeat(depth) + ']'.repeat(depth);
}
