/**
 * `workbench.environments.json` at the root of a collection: named sets of
 * `{{variables}}`. A value is plain text, or a reference to a credential of
 * the profile or VONAGE_* environment the run uses: the reference is written
 * here, the secret is read in the core at send time and never written back.
 */
import { z } from 'zod';

export const environmentsFileName = 'workbench.environments.json';
export const environmentsFileFormat = 'messages-workbench/environments';

export const credentialFields = ['apiKey', 'apiSecret', 'applicationId', 'signatureSecret'] as const;
export type CredentialField = (typeof credentialFields)[number];

export const variableValueSchema = z.union([
  z.string(),
  z.object({ fromCredentials: z.enum(credentialFields) }).strict(),
]);
export type VariableValue = z.infer<typeof variableValueSchema>;

export const environmentsFileSchema = z
  .object({
    format: z.literal(environmentsFileFormat),
    version: z.literal(1),
    environments: z.record(z.string().min(1), z.record(z.string().regex(/^[A-Za-z_][\w.-]*$/), variableValueSchema)),
  })
  .strict();
export type EnvironmentsFile = z.infer<typeof environmentsFileSchema>;

export const emptyEnvironmentsFile: EnvironmentsFile = { format: environmentsFileFormat, version: 1, environments: {} };

/** Variable names that hold secrets in other tools' collections: never copied as values on import. */
export function looksSecret(name: string): boolean {
  return /secret|password|passwd|token|private|signature|jwt|bearer|api_?key|credential/i.test(name);
}

/** Where a well-known secret variable's value comes from instead of a file. */
export function credentialFieldFor(name: string): CredentialField | null {
  const normalised = name.toLowerCase().replace(/[^a-z]/g, '');
  if (['apikey', 'vonageapikey', 'nexmoapikey', 'key'].includes(normalised)) return 'apiKey';
  if (['apisecret', 'vonageapisecret', 'nexmoapisecret', 'secret'].includes(normalised)) return 'apiSecret';
  if (['applicationid', 'appid', 'vonageapplicationid'].includes(normalised)) return 'applicationId';
  if (['signaturesecret', 'vonagesignaturesecret'].includes(normalised)) return 'signatureSecret';
  return null;
}
