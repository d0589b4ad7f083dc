/**
 * Fills a request's `{{variables}}` from an environment of the collection and
 * values captured earlier, the one resolver behind collection runs and the
 * builder's sends. Credential references are read from the sender's
 * credentials here, in the core, only for the variables a request uses; the
 * two secrets are refused, because sent bodies are kept in send history.
 */
import {
  substituteVariables,
  variablesUsedIn,
  type CredentialField,
  type VariableValue,
} from '../../src-shared/collections';
import { fail, ok, type Result } from '../../src-shared/result';

export interface VariableSources {
  /** The environment's variables, as written in workbench.environments.json. */
  defined: Record<string, VariableValue>;
  /** The environment's name, to say where a variable is missing; null when none is used. */
  environmentName: string | null;
  /** Values captured from earlier answers of a run; they win over the environment. */
  captured?: ReadonlyMap<string, string>;
  /** Reads a credential for a `{ fromCredentials }` variable; called only when a request uses one. */
  credential(field: CredentialField): Promise<Result<string>>;
}

async function valuesFor(names: string[], sources: VariableSources): Promise<Result<Map<string, string>>> {
  const values = new Map<string, string>();
  for (const name of names) {
    const value = sources.captured?.get(name) ?? sources.defined[name];
    if (value === undefined) continue;
    if (typeof value === 'string') {
      values.set(name, value);
      continue;
    }
    if (value.fromCredentials === 'apiSecret' || value.fromCredentials === 'signatureSecret') {
      // A sent body is recorded in send history; a secret substituted into it would end up on disk.
      return fail(
        'SECRET_IN_REQUEST',
        `The request uses {{${name}}}, the ${value.fromCredentials} of its credentials, which would be written to send history.`,
        'Remove it from the request: the send is already signed with those credentials (see "auth").',
      );
    }
    const secret = await sources.credential(value.fromCredentials);
    if (!secret.ok) return secret;
    values.set(name, secret.value);
  }
  return ok(values);
}

/** The request with every variable filled in, or VARIABLE_UNDEFINED naming those nothing defines. */
export async function resolveVariables<T>(request: T, sources: VariableSources): Promise<Result<T>> {
  const values = await valuesFor(variablesUsedIn(request), sources);
  if (!values.ok) return values;
  const substituted = substituteVariables(request, values.value);
  const { missing } = substituted;
  if (missing.length === 0) return ok(substituted.value);
  const where =
    sources.environmentName === null ? ': no environment is picked' : ` in environment '${sources.environmentName}'`;
  return fail(
    'VARIABLE_UNDEFINED',
    `{{${missing.join('}}, {{')}}} ${missing.length === 1 ? 'is' : 'are'} not defined${where}.`,
    'Define it in workbench.environments.json, pick another environment, or capture it from an earlier request.',
  );
}
