import type { ScenarioRuleInput } from '../../../src-shared/emulator-scenarios';
import { channelLabels, v1Channels } from '../../../src-shared/messages';
import type { AppError } from '../../../src-shared/result';
import { messageTypeSuggestionsId } from './MessageTypeSuggestions';
import { ScenarioField } from './ScenarioField';
import { ScenarioOutcomeFields } from './ScenarioOutcomeFields';
import {
  matchesEveryMessage,
  refusalAt,
  refusedRuleIndex,
  withMatchField,
  withRecipientTest,
  type RecipientTest,
} from './scenario-drafts';

interface ScenarioRuleCardProps {
  rule: ScenarioRuleInput;
  index: number;
  count: number;
  error: AppError | undefined;
  onChange(rule: ScenarioRuleInput): void;
  onMove(offset: number): void;
  onRemove(): void;
}

const recipientTests: { test: RecipientTest; label: string }[] = [
  { test: 'endsWith', label: 'To ends with' },
  { test: 'startsWith', label: 'To starts with' },
  { test: 'equals', label: 'To equals' },
];

/** One rule: its name, what it matches (all given tests must hold) and its outcome, with controls to reorder or remove it. */
export function ScenarioRuleCard({ rule, index, count, error, onChange, onMove, onRemove }: ScenarioRuleCardProps) {
  const base = `/rules/${index}`;
  const field = (path: string) => ({ pointer: `${base}${path}`, refusal: refusalAt(error, `${base}${path}`) });
  const match = rule.match ?? {};
  const title = rule.name || `Rule ${index + 1}`;
  return (
    <li
      className="scenario-rule"
      data-testid="emulator-rule"
      data-refused={refusedRuleIndex(error) === index}
      aria-label={`Rule ${index + 1}: ${title}`}
    >
      <div className="scenario-rule-head">
        <span className="scenario-rule-number" aria-hidden="true">
          {index + 1}
        </span>
        <ScenarioField label="Name" {...field('/name')}>
          {(props) => (
            <input {...props} value={rule.name} onChange={(event) => onChange({ ...rule, name: event.target.value })} />
          )}
        </ScenarioField>
        <div className="scenario-rule-actions">
          <button
            type="button"
            className="button-quiet"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={`Move ${title} up`}
            data-testid="emulator-rule-up"
          >
            ↑
          </button>
          <button
            type="button"
            className="button-quiet"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={`Move ${title} down`}
            data-testid="emulator-rule-down"
          >
            ↓
          </button>
          <button
            type="button"
            className="button-danger"
            onClick={onRemove}
            aria-label={`Remove ${title}`}
            data-testid="emulator-rule-remove"
          >
            Remove
          </button>
        </div>
      </div>
      <fieldset className="scenario-match">
        <legend>Matches (empty: any)</legend>
        {recipientTests.map(({ test, label }) => (
          <ScenarioField key={test} label={label} {...field(`/match/to/${test}`)}>
            {(props) => (
              <input
                {...props}
                value={match.to?.[test] ?? ''}
                onChange={(event) => onChange(withRecipientTest(rule, test, event.target.value))}
              />
            )}
          </ScenarioField>
        ))}
        <ScenarioField label="Channel" {...field('/match/channel')}>
          {(props) => (
            <select
              {...props}
              value={match.channel ?? ''}
              onChange={(event) => onChange(withMatchField(rule, 'channel', event.target.value))}
            >
              <option value="">any</option>
              {v1Channels.map((channel) => (
                <option key={channel} value={channel}>
                  {channelLabels[channel]}
                </option>
              ))}
            </select>
          )}
        </ScenarioField>
        <ScenarioField label="Message type" {...field('/match/message_type')}>
          {(props) => (
            <input
              {...props}
              list={messageTypeSuggestionsId}
              value={match.message_type ?? ''}
              onChange={(event) => onChange(withMatchField(rule, 'message_type', event.target.value))}
            />
          )}
        </ScenarioField>
        <ScenarioField label="Text contains" {...field('/match/textContains')}>
          {(props) => (
            <input
              {...props}
              value={match.textContains ?? ''}
              onChange={(event) => onChange(withMatchField(rule, 'textContains', event.target.value))}
            />
          )}
        </ScenarioField>
      </fieldset>
      {matchesEveryMessage(rule) ? (
        <p className="scenario-matches-all" data-testid="emulator-rule-matches-all">
          No test yet: this rule catches every message that reaches it. Fill a test above to narrow it.
        </p>
      ) : null}
      <ScenarioOutcomeFields
        outcome={rule.outcome}
        pointer={`${base}/outcome`}
        error={error}
        onChange={(outcome) => onChange({ ...rule, outcome })}
      />
    </li>
  );
}
