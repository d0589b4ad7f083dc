import { useEffect, useRef } from 'react';
import type { AppError } from '../../src-shared/result';

interface SettingsErrorBannerProps {
  error: AppError;
  testId: string;
  /** A first sentence saying what did not happen ("The profile was not saved."). */
  lead?: string;
  /** Takes the focus when it appears, so a keyboard or screen-reader user lands on it. */
  focusOnShow?: boolean;
  /** Shown as a button when the banner can be dismissed. */
  onDismiss?: () => void;
}

/**
 * An error that concerns a whole page or dialog: what happened, then what to do
 * next; the system's own words (D-Bus, OS) only behind "Details".
 */
export function SettingsErrorBanner({ error, testId, lead, focusOnShow = false, onDismiss }: SettingsErrorBannerProps) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // preventScroll: the dialog keeps its own scrolling (the banner and Save together).
    if (focusOnShow) banner.current?.focus({ preventScroll: true });
  }, [focusOnShow, error]);
  return (
    <div
      ref={banner}
      className="settings-banner"
      role="alert"
      tabIndex={focusOnShow ? -1 : undefined}
      data-testid={testId}
      data-code={error.code}
    >
      <div>
        <p className="settings-banner-message">
          {lead && <strong>{lead} </strong>}
          {error.message}
        </p>
        <p className="settings-banner-hint" data-testid={`${testId}-hint`}>
          {error.hint}
        </p>
        {error.detail && (
          <details className="settings-banner-detail">
            <summary data-testid={`${testId}-details`}>Details</summary>
            <pre data-testid={`${testId}-detail`}>{error.detail}</pre>
          </details>
        )}
      </div>
      {onDismiss && (
        <button type="button" className="button-secondary" onClick={onDismiss} data-testid={`${testId}-dismiss`}>
          Dismiss
        </button>
      )}
    </div>
  );
}
