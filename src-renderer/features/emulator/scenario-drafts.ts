/**
 * Pure helpers for editing scenario rules before they are saved: a new rule,
 * moving and replacing rules, switching an outcome's kind, reading the JSON
 * form, and finding the refusal that concerns one field.
 */
import type { ScenarioRuleInput } from '../../../src-shared/emulator-scenarios';
import type { AppError } from '../../../src-shared/result';

export type ScenarioOutcome = ScenarioRuleInput['outcome'];
export type OutcomeKind = ScenarioOutcome['kind'];
export type RecipientTest = 'equals' | 'startsWith' | 'endsWith';

/** A sensible first value per kind, so switching kind never leaves a rule half-made. */
const outcomeStarters: { [K in OutcomeKind]: Extract<ScenarioOutcome, { kind: K }> } = {
  deliver: { kind: 'deliver', read: true },
  reject: { kind: 'reject', code: 1300 },
  undeliverable: { kind: 'undeliverable', code: 1330 },
  http: { kind: 'http', status: 429 },
  throttle: { kind: 'throttle', perSecond: 1 },
  slow: { kind: 'slow', delayMs: 1000 },
  signature: { kind: 'signature', fault: 'wrong-secret' },
};

export const outcomeKinds = Object.keys(outcomeStarters) as OutcomeKind[];

export const outcomeKindLabels: Record<OutcomeKind, string> = {
  deliver: 'Deliver',
  reject: 'Reject (status webhook)',
  undeliverable: 'Undeliverable (status webhook)',
  http: 'HTTP error answer',
  throttle: 'Throttle (429 over N/s)',
  slow: 'Slow answer',
  signature: 'Badly signed webhooks',
};

export function outcomeFor(kind: OutcomeKind): ScenarioOutcome {
  return { ...outcomeStarters[kind] };
}

/**
 * A new rule tests nothing yet, so it matches every message, and its card says
 * so until a test narrows it: a made-up test would make it silently match nothing.
 */
export function newRule(position: number): ScenarioRuleInput {
  return { name: `Rule ${position}`, match: {}, outcome: outcomeFor('reject') };
}

/** True when a rule has no test, so it catches every message that reaches it. */
export function matchesEveryMessage(rule: ScenarioRuleInput): boolean {
  const { to, ...others } = rule.match ?? {};
  return Object.keys(to ?? {}).length === 0 && Object.values(others).every((value) => value === undefined);
}

export function moveRule<T>(rules: readonly T[], index: number, offset: number): T[] {
  const target = index + offset;
  if (target < 0 || target >= rules.length) return [...rules];
  const moved = [...rules];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

/** Sets one recipient test; an empty value removes it, and an empty `to` goes too. */
export function withRecipientTest(rule: ScenarioRuleInput, test: RecipientTest, value: string): ScenarioRuleInput {
  const to = { ...rule.match?.to, [test]: value === '' ? undefined : value };
  const kept = Object.fromEntries(Object.entries(to).filter(([, kept]) => kept !== undefined));
  const match = { ...rule.match, to: Object.keys(kept).length > 0 ? kept : undefined };
  return { ...rule, match: dropUndefined(match) };
}

/** Sets a match field other than `to`; an empty value means "any". */
export function withMatchField(
  rule: ScenarioRuleInput,
  field: 'channel' | 'message_type' | 'textContains',
  value: string,
): ScenarioRuleInput {
  return { ...rule, match: dropUndefined({ ...rule.match, [field]: value === '' ? undefined : value }) };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, kept]) => kept !== undefined)) as T;
}

export function scenarioFileText(rules: readonly ScenarioRuleInput[]): string {
  return `${JSON.stringify({ rules }, null, 2)}\n`;
}

export type ParsedScenarioText = { ok: true; rules: unknown[] } | { ok: false; message: string };

/** Reads a scenario file's text: `{ "rules": [...] }`, or a bare array of rules. */
export function parseScenarioText(text: string): ParsedScenarioText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not JSON: ${(error as Error).message}` };
  }
  if (Array.isArray(parsed)) return { ok: true, rules: parsed };
  if (parsed !== null && typeof parsed === 'object' && Array.isArray((parsed as { rules?: unknown }).rules)) {
    return { ok: true, rules: (parsed as { rules: unknown[] }).rules };
  }
  return { ok: false, message: 'Expected { "rules": [ … ] } or an array of rules.' };
}

/**
 * The refusal's own words for the field at `pointer` (`/rules/2/outcome/code`),
 * when the refusal concerns that field. The core reports every problem as
 * "field: reason" joined by "; ", the first one being the field of `path`.
 */
export function refusalAt(error: AppError | undefined, pointer: string): string | undefined {
  if (!error || error.path !== pointer) return undefined;
  const first = error.message.replace(/^[^:]*: /, '').split('; ')[0] ?? error.message;
  const reason = first.slice(first.indexOf(': ') + 2);
  return reason || error.message;
}

/** The index of the rule a refusal concerns, when it concerns one. */
export function refusedRuleIndex(error: AppError | undefined): number | undefined {
  const found = error?.path?.match(/^\/rules\/(\d+)/);
  return found ? Number(found[1]) : undefined;
}
