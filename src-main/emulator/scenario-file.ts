import { fail, ok, type Result } from '../../src-shared/result';
import { scenarioFileSchema, type ScenarioRule } from '../../src-shared/emulator-scenarios';
import { fieldName } from './validation-problem';

/**
 * Checks scenario rules given as JSON: `{ "rules": [ { "name", "match", "outcome" } ] }`.
 * Every problem is reported with the field it concerns, e.g.
 * `rules[2].outcome.code: is not a Messages API error code`.
 */
export function parseScenarios(json: unknown): Result<ScenarioRule[]> {
  const parsed = scenarioFileSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data.rules);
  const lines = parsed.error.issues.map((issue) => {
    const pointer = issue.path.map((part) => `/${String(part)}`).join('');
    return `${fieldName(pointer)}: ${issue.message}`;
  });
  const firstPath = parsed.error.issues[0]?.path.map((part) => `/${String(part)}`).join('');
  return fail(
    'SCENARIO_INVALID',
    `The scenario rules are invalid: ${lines.join('; ')}`,
    'Each rule needs a name, an optional match (to, channel, message_type, textContains) and an outcome with a kind.',
    firstPath,
  );
}
