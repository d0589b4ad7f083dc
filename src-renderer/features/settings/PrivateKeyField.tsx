import { useState } from 'react';
import { KeyFileButton } from './KeyFileButton';
import type { SecretDraft } from './profile-form';
import { SecretField } from './SecretField';

interface PrivateKeyFieldProps {
  storedMask: string | null;
  draft: SecretDraft;
  onChange(draft: SecretDraft): void;
  error?: string;
}

const id = 'settings-profile-private-key';

/** The application's private key, pasted or picked from a file; masked on screen either way. */
export function PrivateKeyField({ storedMask, draft, onChange, error }: PrivateKeyFieldProps) {
  const [pickedFile, setPickedFile] = useState<string>();

  return (
    <SecretField
      id={id}
      label="Private key (PEM)"
      storedMask={storedMask}
      draft={draft}
      onChange={onChange}
      error={error}
      testId={id}
    >
      <textarea
        id={id}
        className="settings-secret-text"
        rows={4}
        value={draft.value}
        placeholder="-----BEGIN PRIVATE KEY-----"
        spellCheck={false}
        autoComplete="off"
        disabled={draft.clear}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-state${error ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          setPickedFile(undefined);
          onChange({ ...draft, value: event.target.value });
        }}
        data-testid={id}
      />
      <div className="settings-row">
        <KeyFileButton
          className="button-secondary"
          disabled={draft.clear}
          onKey={(privateKey, fileName) => {
            onChange({ value: privateKey, clear: false });
            setPickedFile(fileName);
          }}
          testId={`${id}-pick`}
          inputTestId={`${id}-file-input`}
        >
          Choose private.key…
        </KeyFileButton>
        {pickedFile && (
          <span className="muted" data-testid={`${id}-file`}>
            Read from {pickedFile}
          </span>
        )}
      </div>
    </SecretField>
  );
}
