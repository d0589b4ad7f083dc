import { CopyTextButton } from './CopyTextButton';

interface CopyableCodeProps {
  text: string;
  testId: string;
  copyTestId: string;
  copyLabel: string;
}

/** A block of code or configuration shown as is, with a button that copies it whole. */
export function CopyableCode({ text, testId, copyTestId, copyLabel }: CopyableCodeProps) {
  return (
    <>
      <pre className="code-block" data-testid={testId}>
        {text}
      </pre>
      <CopyTextButton text={text} testId={copyTestId} label={copyLabel} />
    </>
  );
}
