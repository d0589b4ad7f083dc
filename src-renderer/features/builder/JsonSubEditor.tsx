/**
 * A free-form value (a custom object, an unknown field) edited as JSON
 * inside the form. Its text is kept while it does not parse; only a text
 * that parses is written to the request.
 */
import { useState } from 'react';
import { JsonEditor } from '../../components/JsonEditor';
import { useBuilderStore } from '../../stores/builder-store';

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

export function JsonSubEditor({ pointer, value, label }: { pointer: string; value: unknown; label: string }) {
  const editField = useBuilderStore((store) => store.editField);
  const [text, setText] = useState(() => JSON.stringify(value, null, 2) ?? '');
  const [syntaxError, setSyntaxError] = useState<string | null>(null);
  // An outside change (the raw editor, a template) replaces the text, unless the text already says the same.
  const shown = syntaxError !== null || sameJson(text, value) ? text : (JSON.stringify(value, null, 2) ?? '');

  const onChange = (next: string) => {
    setText(next);
    try {
      const parsed: unknown = JSON.parse(next);
      setSyntaxError(null);
      editField(pointer, parsed);
    } catch (error) {
      setSyntaxError((error as Error).message);
    }
  };

  return (
    <div className="json-sub-editor">
      <JsonEditor value={shown} onChange={onChange} label={label} testId="builder-json-sub-editor" compact />
      {syntaxError ? (
        <p className="field-error" role="status">
          Not valid JSON yet ({syntaxError}); the request keeps the last valid value.
        </p>
      ) : null}
    </div>
  );
}
