/**
 * How the builder judges a request written with `{{variables}}`: each one is
 * a placeholder filled from the active environment before the model looks,
 * so `"to": "{{to_number}}"` is judged as the number it stands for. A
 * variable no environment defines is named at its field instead of the
 * model's complaint about the braces (a warning while no collection is open,
 * since the request is then sent as written); one read from credentials is known
 * only in the core at send time, so its field is not judged here.
 */
import type { Issue, ValidationReport } from '../messages/issue';
import { toPointer } from '../json-pointer';
import type { VariableValue } from './environments-file';
import { substituteVariables, variablesUsedIn } from './variables';

export interface VariableScope {
  /** The active environment's name, or null when none is picked. */
  environmentName: string | null;
  /** Its variables as written in workbench.environments.json (credential references, never values). */
  defined: Record<string, VariableValue>;
}

/** Every string in a payload that uses variables, by JSON pointer, with the names it uses. */
export function variableFields(payload: unknown): { pointer: string; names: string[] }[] {
  const found: { pointer: string; names: string[] }[] = [];
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (typeof node === 'string') {
      const names = variablesUsedIn(node);
      if (names.length > 0) found.push({ pointer: toPointer(path), names });
    } else if (Array.isArray(node)) node.forEach((child, index) => walk(child, [...path, index]));
    else if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(payload, []);
  return found;
}

/** The plain-text values of a scope, the ones the renderer may fill in. */
export function plainValues(scope: VariableScope | null): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(scope?.defined ?? {}))
    if (typeof value === 'string') values.set(name, value);
  return values;
}

export function undefinedVariableMessage(names: string[], scope: VariableScope | null): string {
  const where = !scope
    ? ': no collection is open, so it is sent as written'
    : scope.environmentName
      ? ` in environment '${scope.environmentName}'`
      : ': no environment is picked';
  return `{{${names.join('}}, {{')}}} ${names.length === 1 ? 'is' : 'are'} not defined${where}`;
}

/**
 * Judges a payload with its variables filled from the scope: `validate` is the
 * model's judge. Issues at a field that uses variables are reworded to say
 * which value was judged, replaced by "not defined" when a variable has no
 * value, and dropped when a credential fills it at send time.
 */
export function judgeWithVariables(
  payload: unknown,
  scope: VariableScope | null,
  validate: (payload: unknown) => ValidationReport,
): ValidationReport {
  const fields = variableFields(payload);
  if (fields.length === 0) return validate(payload);
  const values = plainValues(scope);
  const report = validate(substituteVariables(payload, values).value);
  const byPointer = new Map(fields.map((field) => [field.pointer, field.names]));
  const reworded = (issue: Issue): Issue | null => {
    const names = byPointer.get(issue.path);
    if (!names) return issue;
    if (names.some((name) => !values.has(name))) return null;
    const shown = names.map((name) => `{{${name}}} is "${values.get(name)}"`).join(', ');
    return { ...issue, message: `${issue.message} (${shown} in '${scope?.environmentName}')` };
  };
  const undefinedIssues: Issue[] = fields.flatMap(({ pointer, names }) => {
    const missing = names.filter((name) => scope?.defined[name] === undefined);
    return missing.length === 0
      ? []
      : [
          {
            path: pointer,
            code: 'VARIABLE_UNDEFINED',
            message: undefinedVariableMessage(missing, scope),
            hint: !scope
              ? 'Open the collection it comes from and pick an environment that defines it.'
              : scope.environmentName
                ? 'Add it to that environment in workbench.environments.json, or pick another environment.'
                : 'Pick an environment of the open collection above the form.',
          },
        ];
  });
  // With no collection open nothing could fill it in, and the braces may be meant: a warning, not a block.
  const [blocking, advisory] = scope ? [undefinedIssues, []] : [[], undefinedIssues];
  const keep = (issues: Issue[]) => issues.map(reworded).filter((issue): issue is Issue => issue !== null);
  return { errors: [...blocking, ...keep(report.errors)], warnings: [...advisory, ...keep(report.warnings)] };
}
