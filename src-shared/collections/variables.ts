/**
 * `{{name}}` substitution in a request before it is sent. A string that is
 * exactly one variable takes the variable's text; variables inside longer
 * strings are spliced in. Unknown names are collected, not guessed.
 */
const variablePattern = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

export interface Substitution<T> {
  value: T;
  /** Names used but not defined, in order of first use. */
  missing: string[];
}

export function substituteVariables<T>(value: T, variables: ReadonlyMap<string, string>): Substitution<T> {
  const missing: string[] = [];
  const replaceIn = (text: string) =>
    text.replace(variablePattern, (whole, name: string) => {
      const found = variables.get(name);
      if (found !== undefined) return found;
      if (!missing.includes(name)) missing.push(name);
      return whole;
    });
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return replaceIn(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    return node;
  };
  return { value: walk(value) as T, missing };
}

export function variablesUsedIn(value: unknown): string[] {
  const names = new Set<string>();
  for (const match of JSON.stringify(value ?? null).matchAll(variablePattern)) names.add(match[1]!);
  return [...names];
}
