import { useRef, type ReactNode } from 'react';

export interface FilePickButtonProps {
  /** The file types the system picker offers first (the input's `accept`); any file can still be chosen. */
  accept?: string;
  /** The chosen file. The input is emptied first, so choosing the same file again calls this again. */
  onFile(file: File): void;
  className?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Test id of the button the user clicks. */
  testId: string;
  /** Test id of the hidden input, where tests set files as the picker would. */
  inputTestId: string;
  children: ReactNode;
}

/** A button opening the system file picker; the native file input cannot be styled, so it stays hidden behind it. */
export function FilePickButton({
  accept,
  onFile,
  className,
  disabled,
  autoFocus,
  testId,
  inputTestId,
  children,
}: FilePickButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled}
        autoFocus={autoFocus}
        onClick={() => input.current?.click()}
        data-testid={testId}
      >
        {children}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
        data-testid={inputTestId}
      />
    </>
  );
}
