/** The input for one text, number, boolean, enum or fixed value of the form. */
import { useBuilderStore } from '../../stores/builder-store';
import type { FieldKind, FieldSchema } from './form-schema';
import { LimitMeter } from './LimitMeter';

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
  const limited = kind === 'text' && schema.maxLength !== undefined;
  const describedBy = limited ? `${id}-issues ${id}-limit` : `${id}-issues`;
  const common = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'data-testid': 'builder-field-input',
  };
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
        <select
          {...common}
          value={value === undefined ? '' : String(value)}
          onChange={(event) => write(event.target.value)}
        >
          {!required || value === undefined ? <option value="">— not set —</option> : null}
          {(schema.enum ?? []).map((option) => (
            <option key={String(option)} value={String(option)}>
              {String(option)}
            </option>
          ))}
        </select>
      );
    case 'boolean':
      return (
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(event) => editField(pointer, event.target.checked)}
        />
      );
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
      // Message bodies and captions get room to write; labels and everything else are one line.
      const long = schema.maxLength === undefined || schema.maxLength > 100;
      const input =
        long && /\/(text|caption|body|description)$/.test(pointer) ? (
          <textarea {...common} rows={3} value={text} onChange={(event) => write(event.target.value)} />
        ) : (
          <input {...common} type="text" value={text} onChange={(event) => write(event.target.value)} />
        );
      return limited ? (
        <>
          {input}
          <LimitMeter
            id={`${id}-limit`}
            count={text.length}
            max={schema.maxLength}
            unit="characters"
            testId="builder-field-limit"
          />
        </>
      ) : (
        input
      );
    }
  }
}
