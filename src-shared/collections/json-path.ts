/**
 * The small JSON path the runner reads responses with: `$`, `.name`,
 * `['name']` and `[index]`, e.g. `$.message_uuid` or `$.invalid_parameters[0].name`.
 * Enough for Messages API answers; filters and wildcards are not supported and say so.
 */
import { fail, ok, type Result } from '../result';

type Step = string | number;

export function parseJsonPath(path: string): Result<Step[]> {
  const refuse = (why: string) =>
    fail<Step[]>(
      'JSON_PATH_INVALID',
      `The JSON path ${JSON.stringify(path)} ${why}.`,
      'Write it like $.message_uuid or $.items[0].name.',
    );
  if (!path.startsWith('$')) return refuse('does not start with $');
  const steps: Step[] = [];
  const pattern = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < path.length) {
    const at = pattern.lastIndex;
    const match = pattern.exec(path);
    if (!match) return refuse(`cannot be read at character ${at + 1}`);
    const [, name, index, single, double] = match;
    steps.push(index !== undefined ? Number(index) : (name ?? single ?? double)!);
  }
  return ok(steps);
}

/** The value at the path, or `found: false` when any step is missing. */
export function readJsonPath(document: unknown, path: string): Result<{ found: boolean; value: unknown }> {
  const steps = parseJsonPath(path);
  if (!steps.ok) return steps;
  let current: unknown = document;
  for (const step of steps.value) {
    if (
      typeof step === 'number'
        ? !Array.isArray(current)
        : current === null || typeof current !== 'object' || Array.isArray(current)
    ) {
      return ok({ found: false, value: undefined });
    }
    const container = current as Record<string | number, unknown>;
    if (!Object.hasOwn(container, step)) return ok({ found: false, value: undefined });
    current = container[step];
  }
  return ok({ found: true, value: current });
}
