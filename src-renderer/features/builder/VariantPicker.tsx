/** The kind of one item of a union list (an RCS suggestion: reply, dial, ...); changing it keeps the shared fields. */
import { useBuilderStore } from '../../stores/builder-store';
import { switchVariant, variantNames, type FieldSchema } from './form-schema';
import { fieldId } from './FormField';

interface VariantPickerProps {
  /** The union schema of the list's items. */
  schema: FieldSchema;
  item: unknown;
  pointer: string;
}

export function VariantPicker({ schema, item, pointer }: VariantPickerProps) {
  const editField = useBuilderStore((store) => store.editField);
  const kinds = variantNames(schema);
  const current =
    typeof item === 'object' && item !== null && 'type' in item ? String((item as { type: unknown }).type) : '';
  const id = `${fieldId(pointer)}-kind`;
  return (
    <div className="variant-picker">
      <label htmlFor={id}>Kind</label>
      <select
        id={id}
        value={current}
        onChange={(event) => editField(pointer, switchVariant(schema, item, event.target.value))}
        data-testid="builder-variant"
      >
        {kinds.includes(current) ? null : <option value={current}>{current || '— choose —'}</option>}
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {kind.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </div>
  );
}
