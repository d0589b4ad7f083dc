/**
 * A URL cut after each run of separators (`/ ? & = #`), where a line may break. Chromium does not break after
 * a slash by itself, so a long URL would otherwise wrap mid-word; `https://` stays whole.
 */
export function urlSegments(url: string): string[] {
  return url.match(/[^/?&=#]+[/?&=#]*|[/?&=#]+/g) ?? [];
}
