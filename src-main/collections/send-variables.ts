/**
 * The builder's sends with `{{variables}}`: the renderer names the collection
 * and one of its environments, never values, and the core fills the request
 * in just before it goes, with the runner's resolver; credential references
 * are read from the credentials the send uses.
 */
import type { EnvironmentsFile } from '../../src-shared/collections';
import { fail, type Result } from '../../src-shared/result';
import type { SendOperation } from '../../src-shared/send-exchange';
import { readEnvironments } from './collection-folder';
import { resolveVariables, type VariableSources } from './variable-resolution';

export interface SendVariables {
  /** The collection folder whose workbench.environments.json holds the values. */
  root: string;
  /** One of its environments; null when none is picked (only captured-free, variable-free requests then go). */
  environment: string | null;
}

export function environmentNotFound(name: string, file: EnvironmentsFile | null, path: string): Result<never> {
  const known = Object.keys(file?.environments ?? {}).join(', ') || 'none';
  return fail(
    'ENVIRONMENT_NOT_FOUND',
    `The collection has no environment "${name}" (it has: ${known}).`,
    'Name one from workbench.environments.json.',
    path,
  );
}

export async function resolveSendVariables(
  variables: SendVariables,
  operation: SendOperation,
  credential: VariableSources['credential'],
): Promise<Result<SendOperation>> {
  const file = await readEnvironments(variables.root);
  if (!file.ok) return file;
  const { environment } = variables;
  const defined = environment === null ? {} : file.value?.environments[environment];
  if (defined === undefined) return environmentNotFound(environment!, file.value, '/variables/environment');
  return resolveVariables(operation, { defined, environmentName: environment, credential });
}
