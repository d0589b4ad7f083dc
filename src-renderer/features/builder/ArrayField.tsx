/**
 * A list in the form: template parameters, MMS content parts, failover
 * messages. Each item is edited by its own schema (a failover item by its
 * own channel's), or as JSON when the model leaves it open.
 */
import { catalog } from '../../../src-shared/messages';
import { useBuilderStore } from '../../stores/builder-store';
import { emptyValueOf, itemSchemaOf, type FieldSchema } from './form-schema';
import { FormField } from './FormField';

interface ArrayFieldProps {
  name: string;
  schema: FieldSchema;
  value: unknown[];
  pointer: string;
}

/** What "Add" appends: an SMS for a failover list (the usual fallback), else an empty item of the list's type. */
function newItem(name: string, schema: FieldSchema): unknown {
  if (name === 'failover') return catalog('v1').find((entry) => entry.channel === 'sms')?.minimal ?? {};
  return emptyValueOf(schema.items);
}

export function ArrayField({ name, schema, value, pointer }: ArrayFieldProps) {
  const apiVersion = useBuilderStore((store) => store.api);
  const editField = useBuilderStore((store) => store.editField);
  const removeField = useBuilderStore((store) => store.removeField);
  return (
    <div className="array-field">
      {value.length === 0 ? <p className="muted">No items yet.</p> : null}
      <ol className="array-items">
        {value.map((item, index) => (
          <li key={index} className="array-item">
            <FormField name={`${name}[${index}]`} pointer={`${pointer}/${index}`} schema={itemSchemaOf(apiVersion, schema, item)} required value={item} />
            <button type="button" className="button-quiet" onClick={() => removeField(`${pointer}/${index}`)} aria-label={`Remove item ${index + 1} of ${name}`}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button-quiet" onClick={() => editField(`${pointer}/${value.length}`, newItem(name, schema))} data-testid="builder-array-add">
        + Add to {name}
      </button>
    </div>
  );
}
