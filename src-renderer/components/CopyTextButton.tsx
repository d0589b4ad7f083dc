import { useState } from 'react';

interface CopyTextButtonProps {
  text: string;
  testId: string;
  label?: string;
}

/** Copies text and says whether it worked; the clipboard API is missing outside secure contexts, which reads as a refusal. */
export function CopyTextButton({ text, testId, label = 'Copy' }: CopyTextButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    (navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'))).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <span className="copy-button">
      <button type="button" className="button-secondary" onClick={() => void copy()} data-testid={testId}>
        {label}
      </button>{' '}
      <span role="status" className="muted">
        {state === 'copied'
          ? 'Copied.'
          : state === 'failed'
            ? 'The clipboard refused; select the text and copy it.'
            : ''}
      </span>
    </span>
  );
}
