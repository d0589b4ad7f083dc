import {
  ruleMatches,
  scenarioRuleSchema,
  type MessageFacts,
  type ScenarioRule,
  type ScenarioRuleInput,
} from '../../src-shared/emulator-scenarios';
import type { SignatureFault } from '../../src-shared/emulator-scenarios';

/** The rate-limit window a 429 reports in its X-RateLimit-* and Retry-After headers. */
export interface RateLimitWindow {
  /** Calls allowed per window. */
  limit: number;
  /** Calls left in the current window. */
  remaining: number;
  /** When the window frees a call, in Unix milliseconds. */
  resetAtMs: number;
}

/**
 * The limit a fixed `http` 429 rule reports: Vonage's documented default of
 * 30 API requests per second per key, over a one-second window.
 */
const FIXED_RULE_LIMIT = 30;

/** How one API call is answered, decided by the scenario rules. */
export interface CallDecision {
  /** Wait this long before answering (sum of matching `slow` rules). */
  delayMs: number;
  /** Answer with this problem status instead of 202. */
  httpStatus?: 402 | 429 | 500;
  /** Set with a 429: the window that refused the call. */
  rateLimit?: RateLimitWindow;
  /** Names of the rules that shaped the answer, for the timeline. */
  ruleNames: string[];
}

/** What happens to one message after its 202. */
export type DeliveryPlan = ({ kind: 'deliver'; read: boolean } | { kind: 'reject' | 'undeliverable'; code: number }) & {
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

  /** Lets a call through the rule's rolling second, or returns the full window that refuses it. */
  function admit(rule: ScenarioRule, perSecond: number, now: number): RateLimitWindow | undefined {
    const times = (recentCalls.get(rule) ?? []).filter((time) => now - time < 1000);
    recentCalls.set(rule, times);
    if (times.length < perSecond) {
      times.push(now);
      return undefined;
    }
    return { limit: perSecond, remaining: 0, resetAtMs: times[0]! + 1000 };
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
          case 'throttle': {
            const refused = admit(rule, outcome.perSecond, now);
            if (refused === undefined) continue;
            decision.ruleNames.push(rule.name);
            return { ...decision, httpStatus: 429, rateLimit: refused };
          }
          case 'http':
            decision.ruleNames.push(rule.name);
            return outcome.status === 429
              ? {
                  ...decision,
                  httpStatus: 429,
                  rateLimit: { limit: FIXED_RULE_LIMIT, remaining: 0, resetAtMs: now + 1000 },
                }
              : { ...decision, httpStatus: outcome.status };
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
