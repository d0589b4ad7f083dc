import type { ReactNode } from 'react';
import type { SecretDraft } from './profile-form';

interface SecretFieldProps {
  id: string;
  label: string;
  /** The stored secret's mask (`••••cd12`), or null when none is stored. */
  storedMask: string | null;
  draft: SecretDraft;
  onChange(draft: SecretDraft): void;
  error?: string;
  testId: string;
  /** The input itself, when it is not a one-line password field (the private key). */
  children?: ReactNode;
}

/**
 * A secret is write-only here: the field starts empty whatever is stored, empty
 * keeps the stored value, and the stored value is removed only by ticking "clear".
 */
export function SecretField({ id, label, storedMask, draft, onChange, error, testId, children }: SecretFieldProps) {
  const describedBy = [`${id}-state`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      {children ?? (
        <input
          id={id}
          type="password"
          value={draft.value}
          autoComplete="new-password"
          spellCheck={false}
          disabled={draft.clear}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ ...draft, value: event.target.value })}
          data-testid={testId}
        />
      )}
      <p id={`${id}-state`} className="settings-field-description" data-testid={`${testId}-state`}>
        {storedMask === null ? 'Not set.' : `Stored as ${storedMask}. Leave empty to keep it.`}
      </p>
      {storedMask !== null && (
        <label className="settings-checkbox">
          <input
            type="checkbox"
            checked={draft.clear}
            onChange={(event) => onChange({ value: '', clear: event.target.checked })}
            data-testid={`${testId}-clear`}
          />
          Clear the stored value
        </label>
      )}
      {error && (
        <p id={`${id}-error`} className="settings-field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
