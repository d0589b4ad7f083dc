/** What a collection run produced, request by request and assertion by assertion. */
import { z } from 'zod';
import { appErrorSchema } from '../result';
import { collectionProblemSchema } from './collection-tree';

export const assertionOutcomeSchema = z.object({
  /** E.g. `status delivered within 10000 ms`. */
  label: z.string(),
  passed: z.boolean(),
  /** What was found instead, or how long it took. */
  detail: z.string(),
});
export type AssertionOutcome = z.infer<typeof assertionOutcomeSchema>;

export const requestOutcomeSchema = z.object({
  path: z.string(),
  name: z.string(),
  /** `skipped`: a raw imported request, which the runner does not send. */
  verdict: z.enum(['passed', 'failed', 'skipped']),
  status: z.number().int().nullable(),
  messageUuid: z.string().nullable(),
  /** The send exchange's id, to open it from history. */
  exchangeId: z.string().nullable(),
  durationMs: z.number(),
  /** Why the request could not be sent or had no answer. */
  error: appErrorSchema.nullable(),
  assertions: z.array(assertionOutcomeSchema),
  /** Variables this request captured, by name (values are response data, never credentials). */
  captured: z.record(z.string(), z.string()),
});
export type RequestOutcome = z.infer<typeof requestOutcomeSchema>;

export const runReportSchema = z.object({
  id: z.string(),
  root: z.string(),
  /** The request or folder that ran; '' for the whole collection. */
  path: z.string(),
  environment: z.string().nullable(),
  /** `emulator`, `profile NAME`, `environment` (VONAGE_*), plus the base URL when one was given. */
  target: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  /** False when a request failed or a file the run covers could not be read. */
  passed: z.boolean(),
  requests: z.array(requestOutcomeSchema),
  /** Files the run covers that could not be read or parsed, so nothing of theirs ran (none in runs recorded before this field). */
  unreadable: z.array(collectionProblemSchema).default([]),
});
export type RunReport = z.infer<typeof runReportSchema>;

export const runSummarySchema = runReportSchema.omit({ requests: true }).extend({
  counts: z.object({ passed: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export function summariseRun(report: RunReport): RunSummary {
  const { requests, ...rest } = report;
  const count = (verdict: RequestOutcome['verdict']) =>
    requests.filter((request) => request.verdict === verdict).length;
  return { ...rest, counts: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') } };
}

/** Where a run sends: the emulator (default), a saved profile, or the VONAGE_* environment of the core. */
export const runTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('emulator') }),
  z.object({ kind: z.literal('profile'), profile: z.string().min(1) }),
  z.object({ kind: z.literal('environment') }),
]);
export type RunTarget = z.infer<typeof runTargetSchema>;
