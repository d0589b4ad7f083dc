import { useRef, useState } from 'react';
import type { SecretDraft } from './profile-form';
import { SecretField } from './SecretField';

interface PrivateKeyFieldProps {
  storedMask: string | null;
  draft: SecretDraft;
  onChange(draft: SecretDraft): void;
  error?: string;
}

const id = 'settings-profile-private-key';

/**
 * The application's private key, pasted or picked from a file. The file is read
 * here in the page, so its text goes to the core like a paste and the core
 * needs no access to the user's folders; it is masked on screen either way.
 */
export function PrivateKeyField({ storedMask, draft, onChange, error }: PrivateKeyFieldProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [pickedFile, setPickedFile] = useState<string>();

  async function readPickedFile(file: File | undefined) {
    if (!file) return;
    onChange({ value: await file.text(), clear: false });
    setPickedFile(file.name);
  }

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
        <button
          type="button"
          className="button-secondary"
          disabled={draft.clear}
          onClick={() => fileInput.current?.click()}
          data-testid={`${id}-pick`}
        >
          Choose private.key…
        </button>
        {pickedFile && (
          <span className="muted" data-testid={`${id}-file`}>
            Read from {pickedFile}
          </span>
        )}
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".key,.pem,text/plain"
          onChange={(event) => {
            void readPickedFile(event.target.files?.[0]);
            event.target.value = '';
          }}
          data-testid={`${id}-file-input`}
        />
      </div>
    </SecretField>
  );
}
