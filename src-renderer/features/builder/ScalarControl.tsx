/** The input for one text, number, boolean, enum or fixed value of the form. */
import { useBuilderStore } from '../../stores/builder-store';
import type { FieldKind, FieldSchema } from './form-schema';

interface ScalarControlProps {
  id: string;
  kind: FieldKind;
  schema: FieldSchema;
  value: unknown;
  required: boolean;
  pointer: string;
}

/** Digits become a JSON number; anything else stays text, so the model can say what is wrong with it. */
function numberOrText(text: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

export function ScalarControl({ id, kind, schema, value, required, pointer }: ScalarControlProps) {
  const editField = useBuilderStore((store) => store.editField);
  const removeField = useBuilderStore((store) => store.removeField);
  const invalid = useBuilderStore((store) => store.report.errors.some((issue) => issue.path === pointer));
  const common = { id, 'aria-invalid': invalid || undefined, 'aria-describedby': `${id}-issues`, 'data-testid': 'builder-field-input' };
  // Clearing an optional field removes it instead of sending an empty string.
  const write = (next: unknown) => (next === '' && !required ? removeField(pointer) : editField(pointer, next));

  switch (kind) {
    case 'fixed':
      return (
        <output {...common} className="field-fixed">
          {String(schema.const)}
        </output>
      );
    case 'select':
      return (
        <select {...common} value={value === undefined ? '' : String(value)} onChange={(event) => write(event.target.value)}>
          {!required || value === undefined ? <option value="">— not set —</option> : null}
          {(schema.enum ?? []).map((option) => (
            <option key={String(option)} value={String(option)}>
              {String(option)}
            </option>
          ))}
        </select>
      );
    case 'boolean':
      return <input {...common} type="checkbox" checked={value === true} onChange={(event) => editField(pointer, event.target.checked)} />;
    case 'number':
      return (
        <input
          {...common}
          type="text"
          inputMode="numeric"
          value={value === undefined ? '' : String(value)}
          onChange={(event) => write(event.target.value === '' ? '' : numberOrText(event.target.value))}
        />
      );
    default: {
      const text = typeof value === 'string' ? value : '';
      // Message bodies and captions get room to write; everything else is one line.
      return /\/(text|caption)$/.test(pointer) ? (
        <textarea {...common} rows={3} value={text} onChange={(event) => write(event.target.value)} />
      ) : (
        <input {...common} type="text" value={text} onChange={(event) => write(event.target.value)} />
      );
    }
  }
}
