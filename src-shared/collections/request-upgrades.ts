/**
 * Reads any version of a request file and upgrades it one step at a time to
 * the current one, so each step stays small and is written once. Failing to
 * read says why, in words that go next to the file's path.
 */
import {
  currentRequestVersion,
  requestFileFormat,
  requestFileSchema,
  requestFileV1Schema,
  type RequestFile,
} from './request-file';

export type RequestFileReading =
  | { kind: 'request'; file: RequestFile; upgradedFrom: number | null }
  /** JSON of another tool, or not a request file: left alone. */
  | { kind: 'foreign'; reason: string }
  /** Meant to be a request file but unreadable: left untouched and reported. */
  | { kind: 'corrupt'; reason: string };

/** Each step takes the document of version N (already checked) to version N + 1. */
const upgrades: Record<number, (document: unknown) => unknown> = {
  1: (document) => {
    const v1 = requestFileV1Schema.parse(document);
    return {
      format: requestFileFormat,
      version: 2,
      name: v1.name,
      auth: 'auto',
      request: { kind: 'send', api: v1.api, payload: v1.payload },
      assertions: [],
      captures: [],
    };
  },
};

const stepSchemas: Record<
  number,
  { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }
> = {
  1: requestFileV1Schema,
  [currentRequestVersion]: requestFileSchema,
};

function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] } | undefined): string {
  const issue = error?.issues[0];
  if (!issue) return 'it does not match the request format';
  const where = issue.path.length ? `/${issue.path.map(String).join('/')}` : 'the top level';
  return `${where}: ${issue.message}`;
}

export function readRequestDocument(text: string): RequestFileReading {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { kind: 'corrupt', reason: `not valid JSON (${(error as Error).message})` };
  }
  if (
    typeof document !== 'object' ||
    document === null ||
    (document as { format?: unknown }).format !== requestFileFormat
  ) {
    return { kind: 'foreign', reason: `not a workbench request (no "format": "${requestFileFormat}")` };
  }
  const version = (document as { version?: unknown }).version;
  if (typeof version !== 'number' || !stepSchemas[version]) {
    return {
      kind: 'corrupt',
      reason: `version ${JSON.stringify(version)} is not one this workbench reads (1 to ${currentRequestVersion})`,
    };
  }
  const firstVersion = version;
  let current: unknown = document;
  for (let step = version; step < currentRequestVersion; step++) {
    const checked = stepSchemas[step]!.safeParse(current);
    if (!checked.success) return { kind: 'corrupt', reason: describeIssue(checked.error) };
    current = upgrades[step]!(current);
  }
  const parsed = requestFileSchema.safeParse(current);
  if (!parsed.success) return { kind: 'corrupt', reason: describeIssue(parsed.error) };
  return {
    kind: 'request',
    file: parsed.data,
    upgradedFrom: firstVersion === currentRequestVersion ? null : firstVersion,
  };
}
