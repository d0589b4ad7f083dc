import type { HTMLInputTypeAttribute } from 'react';

interface SettingsTextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** The core's message for this field, shown under it and announced with it. */
  error?: string;
  /** A short line under the field saying what goes in it. */
  description?: string;
  type?: HTMLInputTypeAttribute;
  placeholder?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  testId: string;
  required?: boolean;
}

/** A labelled text input whose error and description are tied to it for screen readers. */
export function SettingsTextField({
  id,
  label,
  value,
  onChange,
  error,
  description,
  type = 'text',
  placeholder,
  autoComplete = 'off',
  inputMode,
  testId,
  required,
}: SettingsTextFieldProps) {
  const describedBy =
    [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        placeholder={placeholder}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={false}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      />
      {description && (
        <p id={`${id}-description`} className="settings-field-description">
          {description}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="settings-field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
