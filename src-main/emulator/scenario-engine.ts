import { ruleMatches, scenarioRuleSchema, type MessageFacts, type ScenarioRule, type ScenarioRuleInput } from '../../src-shared/emulator-scenarios';
import type { SignatureFault } from '../../src-shared/emulator-scenarios';

/** How one API call is answered, decided by the scenario rules. */
export interface CallDecision {
  /** Wait this long before answering (sum of matching `slow` rules). */
  delayMs: number;
  /** Answer with this problem status instead of 202. */
  httpStatus?: 402 | 429 | 500;
  /** Names of the rules that shaped the answer, for the timeline. */
  ruleNames: string[];
}

/** What happens to one message after its 202. */
export type DeliveryPlan = (
  | { kind: 'deliver'; read: boolean }
  | { kind: 'reject' | 'undeliverable'; code: number }
) & {
  /** Names of the rules that decided it. */
  ruleNames: string[];
  signatureFault?: SignatureFault;
};

/**
 * Applies scenario rules. Holds the only state rules need: for each
 * throttle rule, the times of the calls it let through in the last second.
 */
export function createScenarioEngine(initialRules: readonly ScenarioRuleInput[]) {
  let rules: ScenarioRule[] = initialRules.map((rule) => scenarioRuleSchema.parse(rule));
  let recentCalls = new Map<ScenarioRule, number[]>();

  function admitted(rule: ScenarioRule, perSecond: number, now: number): boolean {
    const times = (recentCalls.get(rule) ?? []).filter((time) => now - time < 1000);
    const ok = times.length < perSecond;
    if (ok) times.push(now);
    recentCalls.set(rule, times);
    return ok;
  }

  return {
    /** The rules in force, parsed (defaults applied). */
    rules: (): ScenarioRule[] => structuredClone(rules),

    /** Replaces the rules; throttle counts start afresh. Throws on rules that do not parse (validate first). */
    replace(next: readonly ScenarioRuleInput[]): void {
      rules = next.map((rule) => scenarioRuleSchema.parse(rule));
      recentCalls = new Map();
    },

    /** Decides the HTTP answer to a send call. `now` is in milliseconds. */
    decideCall(facts: MessageFacts, now = Date.now()): CallDecision {
      const decision: CallDecision = { delayMs: 0, ruleNames: [] };
      for (const rule of rules) {
        if (!ruleMatches(rule.match, facts)) continue;
        const outcome = rule.outcome;
        switch (outcome.kind) {
          case 'slow':
            decision.delayMs += outcome.delayMs;
            decision.ruleNames.push(rule.name);
            continue;
          case 'signature':
            continue;
          case 'throttle':
            if (admitted(rule, outcome.perSecond, now)) continue;
            decision.ruleNames.push(rule.name);
            return { ...decision, httpStatus: 429 };
          case 'http':
            decision.ruleNames.push(rule.name);
            return { ...decision, httpStatus: outcome.status };
          case 'deliver':
          case 'reject':
          case 'undeliverable':
            return decision;
          default:
            return unreachable(outcome);
        }
      }
      return decision;
    },

    /** Decides what the webhooks of one accepted message (or failover item) say. */
    planDelivery(facts: MessageFacts): DeliveryPlan {
      const extras: Pick<DeliveryPlan, 'ruleNames' | 'signatureFault'> = { ruleNames: [] };
      for (const rule of rules) {
        if (!ruleMatches(rule.match, facts)) continue;
        const outcome = rule.outcome;
        switch (outcome.kind) {
          case 'slow':
          case 'throttle':
            continue;
          case 'signature':
            extras.signatureFault = outcome.fault;
            extras.ruleNames.push(rule.name);
            continue;
          case 'http':
            // A primary message failing at the API never gets here; a failover item matching it is delivered.
            return { kind: 'deliver', read: true, ...extras, ruleNames: [...extras.ruleNames, rule.name] };
          case 'deliver':
            return { kind: 'deliver', read: outcome.read, ...extras, ruleNames: [...extras.ruleNames, rule.name] };
          case 'reject':
          case 'undeliverable':
            return { kind: outcome.kind, code: outcome.code, ...extras, ruleNames: [...extras.ruleNames, rule.name] };
          default:
            return unreachable(outcome);
        }
      }
      return { kind: 'deliver', read: true, ...extras };
    },
  };
}

export type ScenarioEngine = ReturnType<typeof createScenarioEngine>;

function unreachable(value: never): never {
  throw new Error(`Unhandled scenario outcome: ${JSON.stringify(value)}`);
}
