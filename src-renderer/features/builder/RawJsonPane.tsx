/** The request as raw JSON, with the model's errors and warnings in the lint gutter at their exact paths. */
import { useMemo } from 'react';
import { JsonEditor, type JsonEditorMarker } from '../../components/JsonEditor';
import { useBuilderStore } from '../../stores/builder-store';

export function RawJsonPane() {
  const text = useBuilderStore((store) => store.text);
  const report = useBuilderStore((store) => store.report);
  const syntaxError = useBuilderStore((store) => store.syntaxError);
  const editText = useBuilderStore((store) => store.editText);
  const markers = useMemo<JsonEditorMarker[]>(
    () => [
      ...report.errors.map((issue) => ({
        pointer: issue.path,
        severity: 'error' as const,
        message: `${issue.message}. ${issue.hint}`,
      })),
      ...report.warnings.map((issue) => ({
        pointer: issue.path,
        severity: 'warning' as const,
        message: `${issue.message}. ${issue.hint}`,
      })),
    ],
    [report],
  );
  return (
    <section className="builder-raw" aria-label="Raw JSON">
      <JsonEditor
        value={text}
        onChange={editText}
        markers={markers}
        label="Request body as JSON"
        testId="builder-json"
      />
      {syntaxError ? (
        <p className="field-error" role="status" data-testid="builder-json-syntax-error">
          Not valid JSON: {syntaxError}. Your text is kept as typed.
        </p>
      ) : null}
    </section>
  );
}
