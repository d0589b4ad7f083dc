import { useState } from 'react';

interface CopyButtonProps {
  text: string;
  /** What is copied, for screen readers and the tooltip, e.g. "public URL". */
  label: string;
  testId?: string;
  /** The button's text when it should say more than "Copy", e.g. "Copy as cURL". */
  caption?: string;
}

/** A small button that puts `text` on the clipboard and says so for a moment. */
export function CopyButton({ text, label, testId, caption = 'Copy' }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const copy = async (event: React.MouseEvent) => {
    event.stopPropagation();
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1200);
  };
  return (
    <button
      type="button"
      className="copy-button"
      onClick={(event) => void copy(event)}
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      data-testid={testId}
      data-copied={copied || undefined}
    >
      {copied ? 'Copied' : caption}
    </button>
  );
}
