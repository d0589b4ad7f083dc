/**
 * Quotes text as one word for a POSIX shell (sh, bash, zsh): inside single
 * quotes nothing is special, so each inner quote closes the quotes, is
 * escaped, and opens them again. Used by the curl lines the app shows.
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
