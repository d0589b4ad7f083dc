/**
 * Runs collection requests in order: substitutes `{{variables}}` (the
 * environment's, then those captured from earlier answers), sends, judges the
 * assertions and captures values for the next requests. Credential variables
 * are read from the run's credential source just before the send that needs
 * them and are never part of the report.
 */
import {
  environmentsFileName,
  readJsonPath,
  type AssertionOutcome,
  type CollectionEntry,
  type CollectionProblem,
  type CredentialField,
  type RequestOutcome,
  type RunReport,
  type VariableValue,
} from '../../src-shared/collections';
import { fail, ok, type Result } from '../../src-shared/result';
import type { SendExchange, SendOperation } from '../../src-shared/send-exchange';
import { checkAssertions } from './assertion-checks';
import { resolveVariables } from './variable-resolution';
import type { WebhookSource } from './webhook-waiter';

type RequestEntry = Extract<CollectionEntry, { kind: 'request' }>;

/** Sends to the run's target with its credentials. */
export interface RunSender {
  /** E.g. `emulator`, `profile acme`; shown in reports. */
  label: string;
  send(operation: SendOperation, auth: RequestEntry['file']['auth']): Promise<Result<SendExchange>>;
  /** A credential for a `{ fromCredentials }` variable; read only when a request uses it. */
  credential(field: CredentialField): Promise<Result<string>>;
}

export interface RunOptions {
  /** Given before the run starts, so progress events can name it. */
  id: string;
  root: string;
  path: string;
  requests: RequestEntry[];
  /** Files the run covers that could not be read; the report lists them and fails. */
  unreadable: CollectionProblem[];
  environmentName: string | null;
  variables: Record<string, VariableValue>;
  sender: RunSender;
  webhooks: WebhookSource;
  onProgress?: (outcome: RequestOutcome, index: number, total: number) => void;
}

function recipientOf(payload: unknown): string | null {
  const to = (payload as { to?: unknown } | null)?.to;
  if (typeof to === 'string') return to;
  const number =
    (to as { number?: unknown; id?: unknown } | undefined)?.number ?? (to as { id?: unknown } | undefined)?.id;
  return typeof number === 'string' ? number : null;
}

function outcomeOf(entry: RequestEntry, started: number, fields: Partial<RequestOutcome>): RequestOutcome {
  return {
    path: entry.path,
    name: entry.file.name,
    verdict: 'failed',
    status: null,
    messageUuid: null,
    exchangeId: null,
    durationMs: Date.now() - started,
    error: null,
    assertions: [],
    captured: {},
    ...fields,
  };
}

async function runOne(
  entry: RequestEntry,
  options: RunOptions,
  captured: Map<string, string>,
): Promise<RequestOutcome> {
  const started = Date.now();
  const { file } = entry;
  if (file.request.kind === 'raw') return outcomeOf(entry, started, { verdict: 'skipped' });
  const resolved = await resolveVariables(file.request, {
    defined: options.variables,
    environmentName: options.environmentName,
    captured,
    credential: (field) => options.sender.credential(field),
  });
  if (!resolved.ok) return outcomeOf(entry, started, { error: resolved.error });
  const operation = resolved.value as SendOperation;
  const sentAtMs = Date.now();
  const sent = await options.sender.send(operation, file.auth);
  if (!sent.ok) return outcomeOf(entry, started, { error: sent.error });
  const exchange = sent.value;
  const assertions: AssertionOutcome[] = await checkAssertions(file.assertions, {
    exchange,
    recipient: recipientOf(operation.payload),
    sentAtMs,
    webhooks: options.webhooks,
  });
  const capturedHere: Record<string, string> = {};
  for (const capture of file.captures) {
    const read = readJsonPath(exchange.response?.json ?? null, capture.jsonPath);
    const found = read.ok && read.value.found;
    if (found) {
      const value = read.value.value;
      capturedHere[capture.variable] = typeof value === 'string' ? value : JSON.stringify(value);
      captured.set(capture.variable, capturedHere[capture.variable]!);
    }
    assertions.push({
      label: `capture {{${capture.variable}}} from ${capture.jsonPath}`,
      passed: found,
      detail: found ? 'captured' : 'nothing there',
    });
  }
  return outcomeOf(entry, started, {
    verdict: exchange.error === null && assertions.every((assertion) => assertion.passed) ? 'passed' : 'failed',
    status: exchange.response?.status ?? null,
    messageUuid: exchange.messageUuid,
    exchangeId: exchange.id,
    error: exchange.error,
    assertions,
    captured: capturedHere,
  });
}

export async function runRequests(options: RunOptions): Promise<RunReport> {
  const startedAt = new Date();
  const captured = new Map<string, string>();
  const requests: RequestOutcome[] = [];
  for (const [index, entry] of options.requests.entries()) {
    const outcome = await runOne(entry, options, captured);
    requests.push(outcome);
    options.onProgress?.(outcome, index, options.requests.length);
  }
  return {
    id: options.id,
    root: options.root,
    path: options.path,
    environment: options.environmentName,
    target: options.sender.label,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    passed: options.unreadable.length === 0 && requests.every((request) => request.verdict !== 'failed'),
    requests,
    unreadable: options.unreadable,
  };
}

/**
 * The files a run over `path` needs but cannot read: the file it names, any
 * corrupt request file under the folder it names, and a corrupt environments
 * file. Another tool's JSON lying in a group is not a request and is left out.
 */
export function unreadableUnder(problems: CollectionProblem[], path: string): CollectionProblem[] {
  return problems.filter(
    (problem) =>
      problem.path === path ||
      (problem.kind === 'corrupt' &&
        (!path || problem.path.startsWith(`${path}/`) || problem.path === environmentsFileName)),
  );
}

/** The requests a path names: one request file, or every request under a folder ('' for all), in run order. */
export function requestsUnder(entries: CollectionEntry[], path: string): Result<RequestEntry[]> {
  const requests = entries.filter((entry): entry is RequestEntry => entry.kind === 'request');
  if (!path) return ok(requests);
  const exact = requests.find((entry) => entry.path === path);
  if (exact) return ok([exact]);
  if (!entries.some((entry) => entry.kind === 'folder' && entry.path === path)) {
    return fail(
      'COLLECTION_PATH_NOT_FOUND',
      `${path} is neither a request nor a group in the collection.`,
      'Check the path; it is relative to the collection folder.',
      '/path',
    );
  }
  return ok(requests.filter((entry) => entry.path.startsWith(`${path}/`)));
}
