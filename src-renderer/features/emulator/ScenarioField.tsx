import { useId, type ReactNode } from 'react';

/** What a control inside a scenario field receives, so label, error and test id stay wired the same way everywhere. */
export interface ScenarioControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'data-testid': string;
  'data-pointer': string;
}

interface ScenarioFieldProps {
  label: string;
  /** JSON pointer of the value, as the core names it in a refusal. */
  pointer: string;
  /** The core's reason when it refused this very field. */
  refusal: string | undefined;
  children(props: ScenarioControlProps): ReactNode;
}

/** One labelled scenario control with the refusal shown beside it. */
export function ScenarioField({ label, pointer, refusal, children }: ScenarioFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="scenario-field" data-invalid={refusal !== undefined}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': refusal !== undefined,
        'aria-describedby': refusal !== undefined ? errorId : undefined,
        'data-testid': 'emulator-rule-input',
        'data-pointer': pointer,
      })}
      {refusal !== undefined && (
        <p id={errorId} className="field-error" role="alert" data-testid="emulator-rule-error" data-pointer={pointer}>
          {refusal}
        </p>
      )}
    </div>
  );
}
