import type { AppError } from '../../src-shared/result';

interface SettingsErrorBannerProps {
  error: AppError;
  testId: string;
  /** Shown as a button when the banner can be dismissed. */
  onDismiss?: () => void;
}

/** An error that concerns a whole page or dialog: what happened, then what to do next. */
export function SettingsErrorBanner({ error, testId, onDismiss }: SettingsErrorBannerProps) {
  return (
    <div className="settings-banner" role="alert" data-testid={testId} data-code={error.code}>
      <div>
        <p className="settings-banner-message">{error.message}</p>
        <p className="settings-banner-hint" data-testid={`${testId}-hint`}>
          {error.hint}
        </p>
      </div>
      {onDismiss && (
        <button type="button" className="button-secondary" onClick={onDismiss} data-testid={`${testId}-dismiss`}>
          Dismiss
        </button>
      )}
    </div>
  );
}
