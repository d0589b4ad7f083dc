/**
 * A list in the form: template parameters, MMS content parts, RCS cards and
 * suggestions, failover messages. Each item is edited by its own schema (a
 * failover item by its own channel's, a suggestion by its kind), or as JSON
 * when the model leaves it open. The count is shown against the list's limit.
 */
import { catalog } from '../../../src-shared/messages';
import { useBuilderStore } from '../../stores/builder-store';
import { emptyValueOf, itemSchemaOf, variantsOf, type FieldSchema } from './form-schema';
import { fieldId, FormField } from './FormField';
import { LimitMeter } from './LimitMeter';
import { VariantPicker } from './VariantPicker';

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
  const union = variantsOf(schema.items) ? schema.items : undefined;
  const full = schema.maxItems !== undefined && value.length >= schema.maxItems;
  return (
    <div className="array-field">
      {value.length === 0 ? <p className="muted">No items yet.</p> : null}
      <ol className="array-items">
        {value.map((item, index) => (
          <li key={index} className="array-item">
            {union ? <VariantPicker schema={union} item={item} pointer={`${pointer}/${index}`} /> : null}
            <FormField
              name={`${name}[${index}]`}
              pointer={`${pointer}/${index}`}
              schema={itemSchemaOf(apiVersion, schema, item)}
              required
              value={item}
            />
            <button
              type="button"
              className="button-quiet"
              onClick={() => removeField(`${pointer}/${index}`)}
              aria-label={`Remove item ${index + 1} of ${name}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button-quiet"
        onClick={() => editField(`${pointer}/${value.length}`, newItem(name, schema))}
        disabled={full}
        title={full ? `${name} takes at most ${String(schema.maxItems)} items` : undefined}
        data-testid="builder-array-add"
      >
        + Add to {name}
      </button>
      <LimitMeter
        id={`${fieldId(pointer)}-count`}
        count={value.length}
        max={schema.maxItems}
        min={schema.minItems}
        unit="items"
        testId="builder-array-limit"
      />
    </div>
  );
}
