import { signatureFaults, type SignatureFault } from '../../../src-shared/emulator-scenarios';
import type { AppError } from '../../../src-shared/result';
import { ScenarioField } from './ScenarioField';
import {
  outcomeFor,
  outcomeKindLabels,
  outcomeKinds,
  refusalAt,
  type OutcomeKind,
  type ScenarioOutcome,
} from './scenario-drafts';

interface ScenarioOutcomeFieldsProps {
  outcome: ScenarioOutcome;
  /** JSON pointer of this outcome, e.g. /rules/2/outcome. */
  pointer: string;
  error: AppError | undefined;
  onChange(outcome: ScenarioOutcome): void;
}

/** An empty number box stays empty (NaN travels as null), so the core refuses it at its field instead of it turning into 0. */
const numberOf = (text: string) => (text === '' ? Number.NaN : Number(text));
const numberText = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '' : String(value));

/** What a rule does: the kind of outcome and its one parameter; error codes link to the explainer. */
export function ScenarioOutcomeFields({ outcome, pointer, error, onChange }: ScenarioOutcomeFieldsProps) {
  const field = (name: string) => ({ pointer: `${pointer}/${name}`, refusal: refusalAt(error, `${pointer}/${name}`) });
  return (
    <div className="scenario-outcome">
      <ScenarioField label="Outcome" {...field('kind')}>
        {(props) => (
          <select
            {...props}
            value={outcome.kind}
            onChange={(event) => onChange(outcomeFor(event.target.value as OutcomeKind))}
          >
            {outcomeKinds.map((kind) => (
              <option key={kind} value={kind}>
                {outcomeKindLabels[kind]}
              </option>
            ))}
          </select>
        )}
      </ScenarioField>
      {(outcome.kind === 'reject' || outcome.kind === 'undeliverable') && (
        <ScenarioField label="Error code" {...field('code')}>
          {(props) => (
            <span className="scenario-code">
              <input
                {...props}
                type="number"
                value={numberText(outcome.code)}
                onChange={(event) => onChange({ ...outcome, code: numberOf(event.target.value) })}
              />
              {!Number.isNaN(outcome.code) && (
                <a href={`#/explain/${outcome.code}`} data-testid="emulator-rule-explain">
                  explain {outcome.code}
                </a>
              )}
            </span>
          )}
        </ScenarioField>
      )}
      {outcome.kind === 'http' && (
        <ScenarioField label="HTTP status" {...field('status')}>
          {(props) => (
            <span className="scenario-code">
              <select
                {...props}
                value={outcome.status}
                onChange={(event) => onChange({ ...outcome, status: Number(event.target.value) as 402 | 429 | 500 })}
              >
                <option value={402}>402 low balance</option>
                <option value={429}>429 rate limit</option>
                <option value={500}>500 internal error</option>
              </select>
              <a href={`#/explain/${outcome.status}`} data-testid="emulator-rule-explain">
                explain {outcome.status}
              </a>
            </span>
          )}
        </ScenarioField>
      )}
      {outcome.kind === 'throttle' && (
        <ScenarioField label="Calls per second" {...field('perSecond')}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              value={numberText(outcome.perSecond)}
              onChange={(event) => onChange({ ...outcome, perSecond: numberOf(event.target.value) })}
            />
          )}
        </ScenarioField>
      )}
      {outcome.kind === 'slow' && (
        <ScenarioField label="Delay (ms)" {...field('delayMs')}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={0}
              value={numberText(outcome.delayMs)}
              onChange={(event) => onChange({ ...outcome, delayMs: numberOf(event.target.value) })}
            />
          )}
        </ScenarioField>
      )}
      {outcome.kind === 'signature' && (
        <ScenarioField label="Fault" {...field('fault')}>
          {(props) => (
            <select
              {...props}
              value={outcome.fault}
              onChange={(event) => onChange({ ...outcome, fault: event.target.value as SignatureFault })}
            >
              {signatureFaults.map((fault) => (
                <option key={fault} value={fault}>
                  {fault}
                </option>
              ))}
            </select>
          )}
        </ScenarioField>
      )}
      {outcome.kind === 'deliver' && (
        <label className="settings-checkbox">
          <input
            type="checkbox"
            checked={outcome.read !== false}
            onChange={(event) => onChange({ ...outcome, read: event.target.checked })}
          />{' '}
          then read
        </label>
      )}
    </div>
  );
}
