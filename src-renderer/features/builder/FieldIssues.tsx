import type { Issue } from '../../../src-shared/messages';

/** The model's errors and warnings for one field, errors first, each with what to do next. */
export function FieldIssues({ errors, warnings, id }: { errors: Issue[]; warnings: Issue[]; id: string }) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <ul className="field-issues" id={id}>
      {errors.map((issue) => (
        <li
          key={`e-${issue.code}-${issue.message}`}
          className="field-error"
          data-testid="builder-field-error"
          data-code={issue.code}
        >
          <span aria-hidden="true">✕ </span>
          {issue.message}
          <span className="field-hint">{issue.hint}</span>
        </li>
      ))}
      {warnings.map((issue) => (
        <li
          key={`w-${issue.code}-${issue.message}`}
          className="field-warning"
          data-testid="builder-field-warning"
          data-code={issue.code}
        >
          <span aria-hidden="true">⚠ </span>
          {issue.message}
          <span className="field-hint">{issue.hint}</span>
        </li>
      ))}
    </ul>
  );
}
