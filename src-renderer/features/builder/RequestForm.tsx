/** The form generated from the model for the request's channel and type, kept in sync with the raw JSON. */
import { useBuilderStore } from '../../stores/builder-store';
import { combinationOf, schemaOf } from './form-schema';
import { ObjectFields } from './ObjectFields';

export function RequestForm() {
  const apiVersion = useBuilderStore((store) => store.api);
  const payload = useBuilderStore((store) => store.payload);
  const syntaxError = useBuilderStore((store) => store.syntaxError);
  const combination = combinationOf(apiVersion, payload);
  const schema = combination ? schemaOf(combination) : null;

  return (
    <section className="builder-form" aria-label="Request form" data-testid="builder-form">
      {syntaxError ? (
        <p className="notice notice-warning" role="status" data-testid="builder-form-stale">
          The raw JSON does not parse, so the form shows the last version that did. Fix the JSON to edit here again.
        </p>
      ) : null}
      {!schema ? (
        <p className="notice" data-testid="builder-form-unknown">
          The model knows no {apiVersion} message for{' '}
          {combination
            ? `${combination.channel} / ${combination.messageType}`
            : 'this payload (its channel or message type is missing)'}
          ; edit it in the raw JSON, or pick a channel and type above.
        </p>
      ) : (
        <fieldset className="form-fieldset" disabled={syntaxError !== null}>
          <ObjectFields schema={schema} value={payload as Record<string, unknown>} pointer="" />
        </fieldset>
      )}
    </section>
  );
}
