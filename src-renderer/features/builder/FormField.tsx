/**
 * One field of the generated form: its label (required ones marked), the
 * control its schema calls for, a line of help, and the model's issues at
 * exactly its JSON pointer.
 */
import { useMemo } from 'react';
import { useBuilderStore } from '../../stores/builder-store';
import { ArrayField } from './ArrayField';
import { FieldIssues } from './FieldIssues';
import { FieldVariables } from './FieldVariables';
import { helpFor } from './field-help';
import { emptyValueOf, fieldKindOf, type FieldKind, type FieldSchema } from './form-schema';
import { JsonSubEditor } from './JsonSubEditor';
import { ObjectFields } from './ObjectFields';
import { ScalarControl } from './ScalarControl';

interface FormFieldProps {
  name: string;
  pointer: string;
  /** null for a field the model does not know: edited as JSON and warned about. */
  schema: FieldSchema | null;
  required: boolean;
  value: unknown;
}

function matchesKind(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' || typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    default:
      return true;
  }
}

/** A stable DOM id for a pointer, for labels and aria links. */
export function fieldId(pointer: string): string {
  return `builder-field${pointer.replace(/[^A-Za-z0-9_-]/g, (char) => `-${char.charCodeAt(0)}-`)}`;
}

export function FormField({ name, pointer, schema, required, value }: FormFieldProps) {
  const report = useBuilderStore((store) => store.report);
  const editField = useBuilderStore((store) => store.editField);
  const removeField = useBuilderStore((store) => store.removeField);
  const errors = useMemo(() => report.errors.filter((issue) => issue.path === pointer), [report, pointer]);
  const warnings = useMemo(() => report.warnings.filter((issue) => issue.path === pointer), [report, pointer]);

  const schemaKind = schema ? fieldKindOf(schema) : 'json';
  // A value of another JSON type than the schema's is shown as JSON, so nothing typed is hidden.
  const kind: FieldKind = value === undefined || matchesKind(schemaKind, value) ? schemaKind : 'json';
  const id = fieldId(pointer);
  const help = helpFor(name);
  const absent = value === undefined;
  const nested = kind === 'object' || kind === 'array' || kind === 'json';

  const label = (
    <span className="field-name">
      {name}
      {required ? (
        <abbr className="field-required" title="required">
          {' '}
          *
        </abbr>
      ) : null}
    </span>
  );

  let control;
  if (absent && nested) {
    control = (
      <button
        type="button"
        className="button-quiet"
        onClick={() => editField(pointer, emptyValueOf(schema))}
        data-testid="builder-field-add"
      >
        + Add {name}
      </button>
    );
  } else if (kind === 'object' && schema) {
    control = <ObjectFields schema={schema} value={value as Record<string, unknown>} pointer={pointer} />;
  } else if (kind === 'array' && schema) {
    control = <ArrayField name={name} schema={schema} value={value as unknown[]} pointer={pointer} />;
  } else if (kind === 'json') {
    control = <JsonSubEditor pointer={pointer} value={value} label={`${name} as JSON`} />;
  } else {
    control = (
      <ScalarControl id={id} kind={kind} schema={schema!} value={value} required={required} pointer={pointer} />
    );
  }

  return (
    <div
      className={nested && !absent ? 'form-field form-field-group' : 'form-field'}
      data-testid="builder-field"
      data-pointer={pointer}
      data-invalid={errors.length > 0 ? 'true' : undefined}
      role={nested && !absent ? 'group' : undefined}
      aria-labelledby={nested && !absent ? `${id}-label` : undefined}
      // A group has no input of its own, so the group itself takes focus when an issue list links to it.
      id={nested ? id : undefined}
      tabIndex={nested ? -1 : undefined}
    >
      <div className="form-field-head">
        {nested ? <span id={`${id}-label`}>{label}</span> : <label htmlFor={id}>{label}</label>}
        {!required && !absent ? (
          <button
            type="button"
            className="button-icon"
            aria-label={`Remove ${name}`}
            title={`Remove ${name}`}
            onClick={() => removeField(pointer)}
          >
            ×
          </button>
        ) : null}
      </div>
      {/* A group's help comes before its members, so it is read before them. */}
      {help && nested ? <p className="field-help">{help}</p> : null}
      {control}
      {help && !nested ? <p className="field-help">{help}</p> : null}
      {nested ? null : <FieldVariables value={value} />}
      <FieldIssues errors={errors} warnings={warnings} id={`${id}-issues`} />
    </div>
  );
}
