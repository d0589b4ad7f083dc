/** An error explained where it happened, from the error catalogue, with a link to the explainer. */
import { explainError } from '../../src-shared/errors';

interface ErrorExplanationProps {
  /** A problem type URL, a Vonage code or a workbench code. */
  errorKey: string;
  title: string;
  detail?: string | null;
  hint?: string;
  /** The HTTP status the error came with: one type URL can stand for several (429 and 500 share one). */
  httpStatus?: number;
  /** Prefix of the test ids, after the page showing it (`builder`, `timeline`). */
  feature: string;
}

export function ErrorExplanation({ errorKey, title, detail, hint, httpStatus, feature }: ErrorExplanationProps) {
  const entries = explainError(errorKey);
  const entry = entries.find((candidate) => candidate.httpStatus === httpStatus) ?? entries[0];
  return (
    <section className="error-explanation" role="alert" data-testid={`${feature}-error`} data-code={errorKey}>
      <h3 className="error-explanation-title">{title}</h3>
      {detail ? <p>{detail}</p> : null}
      {hint ? <p data-testid={`${feature}-error-hint`}>{hint}</p> : null}
      {entry ? (
        <p className="muted">
          {entry.explanation} {entry.next}
        </p>
      ) : null}
      <a href={`#/explain/${encodeURIComponent(errorKey)}`} data-testid={`${feature}-error-explain`}>
        Explain {errorKey}
      </a>
    </section>
  );
}
