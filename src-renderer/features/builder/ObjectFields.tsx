/** The members of an object: every member the schema lists, then any member it does not know. */
import type { FieldSchema } from './form-schema';
import { isRequired } from './form-schema';
import { FormField } from './FormField';
import { toPointer } from '../../../src-shared/json-pointer';

interface ObjectFieldsProps {
  schema: FieldSchema;
  value: Record<string, unknown> | undefined;
  pointer: string;
}

export function ObjectFields({ schema, value, pointer }: ObjectFieldsProps) {
  const known = Object.keys(schema.properties ?? {});
  // Required members first, in the model's order, so the form reads top-down as what must be filled.
  const ordered = [
    ...known.filter((key) => isRequired(schema, key)),
    ...known.filter((key) => !isRequired(schema, key)),
  ];
  const unknown = Object.keys(value ?? {}).filter((key) => !known.includes(key));
  return (
    <div className="object-fields">
      {ordered.map((key) => (
        <FormField
          key={key}
          name={key}
          pointer={pointer + toPointer([key])}
          schema={schema.properties![key]!}
          required={isRequired(schema, key)}
          value={value?.[key]}
        />
      ))}
      {unknown.map((key) => (
        <FormField
          key={key}
          name={key}
          pointer={pointer + toPointer([key])}
          schema={null}
          required={false}
          value={value?.[key]}
        />
      ))}
    </div>
  );
}
