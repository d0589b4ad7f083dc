import { channelLabels, updateDirections, validateUpdate, type V1Channel } from '../../src-shared/messages';
import { makeIssue } from '../../src-shared/messages/issue';
import type { MessageRegistry } from './message-registry';
import { problems, type ProblemAnswer } from './problems';
import { v1ValidationProblem } from './validation-problem';

/**
 * Judges PATCH /v1/messages/{message_uuid} as spec 1.20.0 describes it:
 * WhatsApp inbound messages can be marked read (optionally with a replying
 * indicator); RCS inbound messages can be marked read and RCS outbound ones
 * revoked. Every refusal is a 422 "Invalid params" whose invalid_parameters
 * name the field, as 1.20.0 gives PATCH the same 422 problems as a send; an
 * unknown message is a 404, as the docs describe.
 */

export type UpdateVerdict = { ok: true } | { ok: false; problem: ProblemAnswer };

/** A refusal of the status the body asks for, in the shape of a validation 422. */
const refuseStatus = (reason: string): UpdateVerdict => ({
  ok: false,
  problem: v1ValidationProblem({ errors: [makeIssue(['status'], 'NOT_ALLOWED_VALUE', reason, '')], warnings: [] }),
});

export function judgeUpdate(registry: MessageRegistry, messageUuid: string, payload: unknown): UpdateVerdict {
  const known = registry.find(messageUuid);
  if (known === undefined) return { ok: false, problem: problems.notFound(messageUuid) };
  const report = validateUpdate(payload, known.channel);
  if (report.errors.some((issue) => issue.code === 'UNKNOWN_CHANNEL')) {
    return refuseStatus(`Messages on ${known.channel} cannot be updated; only WhatsApp and RCS messages can.`);
  }
  if (report.errors.length > 0) return { ok: false, problem: v1ValidationProblem(report) };
  const status = (payload as { status: string }).status;
  const label = channelLabels[known.channel as V1Channel] ?? known.channel;
  const wanted = updateDirections[known.channel as keyof typeof updateDirections][status];
  if (wanted !== known.direction) {
    return refuseStatus(
      `"${status}" applies only to ${wanted ?? 'no'} ${label} messages; this one is ${known.direction}.`,
    );
  }
  return { ok: true };
}
