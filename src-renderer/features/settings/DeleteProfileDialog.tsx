import { AlertDialog } from 'radix-ui';
import { useState } from 'react';
import type { ProfileView } from '../../../src-shared/profiles';
import type { AppError } from '../../../src-shared/result';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { useProfilesStore } from '../../stores/profiles-store';
import { useReturnFocus } from './use-return-focus';

interface DeleteProfileDialogProps {
  profile: ProfileView;
  onClose(): void;
}

/** Deleting also removes the profile's secrets from the keychain, so it asks first. */
export function DeleteProfileDialog({ profile, onClose }: DeleteProfileDialogProps) {
  const removeProfile = useProfilesStore((store) => store.removeProfile);
  const [error, setError] = useState<AppError>();
  const returnFocus = useReturnFocus();
  const [removing, setRemoving] = useState(false);

  async function confirm() {
    setRemoving(true);
    const result = await removeProfile(profile.id);
    setRemoving(false);
    if (result.ok) onClose();
    else setError(result.error);
  }

  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          onCloseAutoFocus={returnFocus}
          className="dialog-content dialog-narrow"
          data-testid="settings-delete-dialog"
        >
          <AlertDialog.Title>Delete {profile.name}?</AlertDialog.Title>
          <AlertDialog.Description>
            The profile and its secrets in the OS keychain are removed. Sends already in the history stay there.
          </AlertDialog.Description>
          {error && <SettingsErrorBanner error={error} testId="settings-delete-error" />}
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button-secondary" data-testid="settings-delete-cancel">
                Keep it
              </button>
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action: that closes at once, before the core has answered. */}
            <button
              type="button"
              className="button-danger"
              disabled={removing}
              onClick={() => void confirm()}
              data-testid="settings-delete-confirm"
            >
              {removing ? 'Deleting…' : 'Delete profile'}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
