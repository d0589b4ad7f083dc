/** Every problem the model finds, errors and warnings apart, each linking to its field in the form. */
import type { Issue } from '../../../src-shared/messages';
import { useBuilderStore } from '../../stores/builder-store';
import { fieldId } from './FormField';

function IssueItems({ issues, kind }: { issues: Issue[]; kind: 'error' | 'warning' }) {
  const focusField = (pointer: string) => document.getElementById(fieldId(pointer))?.focus();
  return (
    <ul className={`issue-list issue-list-${kind}`}>
      {issues.map((issue) => (
        <li
          key={`${issue.path} ${issue.code} ${issue.message}`}
          data-testid={`builder-issue-${kind}`}
          data-pointer={issue.path}
        >
          <button type="button" className="button-link" onClick={() => focusField(issue.path)}>
            <code>{issue.path || '/'}</code>
          </button>{' '}
          {issue.message}. <span className="muted">{issue.hint}</span>
        </li>
      ))}
    </ul>
  );
}

export function IssueList() {
  const { errors, warnings } = useBuilderStore((store) => store.report);
  const syntaxError = useBuilderStore((store) => store.syntaxError);
  if (syntaxError) return null;
  if (errors.length === 0 && warnings.length === 0) {
    return (
      <p className="issues-clear" data-testid="builder-issues-clear">
        <span aria-hidden="true">✓ </span>The model finds no problem with this request.
      </p>
    );
  }
  return (
    <section className="issues" aria-label="Problems" data-testid="builder-issues">
      {errors.length > 0 ? (
        <>
          <h3 className="issues-title issues-title-error">
            {errors.length} error{errors.length === 1 ? '' : 's'}: Vonage would refuse this
          </h3>
          <IssueItems issues={errors} kind="error" />
        </>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <h3 className="issues-title issues-title-warning">
            {warnings.length} warning{warnings.length === 1 ? '' : 's'}: it would go, but check these
          </h3>
          <IssueItems issues={warnings} kind="warning" />
        </>
      ) : null}
    </section>
  );
}
