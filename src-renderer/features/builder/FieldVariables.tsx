/**
 * Under a form field written with `{{variables}}`: each one highlighted, with
 * the value the active environment gives it, "from credentials" when the core
 * fills it at send time, or "not defined".
 */
import { variablesUsedIn } from '../../../src-shared/collections';
import { useBuilderStore } from '../../stores/builder-store';

export function FieldVariables({ value }: { value: unknown }) {
  const scope = useBuilderStore((store) => store.variableScope);
  if (typeof value !== 'string') return null;
  const names = variablesUsedIn(value);
  if (names.length === 0) return null;
  return (
    <ul className="field-variables" aria-label="Variables in this field">
      {names.map((name) => {
        const defined = scope?.defined[name];
        const state = defined === undefined ? 'undefined' : typeof defined === 'string' ? 'defined' : 'credential';
        return (
          <li key={name} data-testid="builder-field-variable" data-state={state}>
            <code className="variable-token">{`{{${name}}}`}</code>{' '}
            {state === 'defined' ? (
              <>
                = <code>{defined as string}</code>
              </>
            ) : state === 'credential' ? (
              'filled from the credentials at send time'
            ) : (
              <span className="field-variable-missing">not defined</span>
            )}
            {scope?.environmentName ? <span className="muted"> · {scope.environmentName}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
