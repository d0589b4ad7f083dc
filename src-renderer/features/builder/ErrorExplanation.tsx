/** An error explained where it happened, from the error catalogue, with a link to the explainer. */
import { explainError } from '../../../src-shared/errors';

interface ErrorExplanationProps {
  /** A problem type URL, a Vonage code or a workbench code. */
  errorKey: string;
  title: string;
  detail?: string | null;
  hint?: string;
}

export function ErrorExplanation({ errorKey, title, detail, hint }: ErrorExplanationProps) {
  const [entry] = explainError(errorKey);
  return (
    <section className="error-explanation" role="alert" data-testid="builder-error" data-code={errorKey}>
      <h3 className="error-explanation-title">{title}</h3>
      {detail ? <p>{detail}</p> : null}
      {hint ? <p data-testid="builder-error-hint">{hint}</p> : null}
      {entry ? (
        <p className="muted">
          {entry.explanation} {entry.next}
        </p>
      ) : null}
      <a href={`#/explain/${encodeURIComponent(errorKey)}`} data-testid="builder-error-explain">
        Explain {errorKey}
      </a>
    </section>
  );
}
