import { useEffect, useState } from 'react';
import type { ProfileView } from '../../../src-shared/profiles';
import type { AppError } from '../../../src-shared/result';
import { EmptyState } from '../../components/EmptyState';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { useProfilesStore } from '../../stores/profiles-store';
import { ConnectionCheckResult } from './ConnectionCheckResult';
import { DeleteProfileDialog } from './DeleteProfileDialog';
import { downloadJson, exportFileName } from './download-json';
import { ImportEnvDialog } from './ImportEnvDialog';
import { ProfileFormDialog } from './ProfileFormDialog';
import { ProfileTable } from './ProfileTable';

/** Which dialog is open, if any; one at a time. */
type OpenDialog =
  | { kind: 'create' }
  | { kind: 'edit'; profile: ProfileView }
  | { kind: 'delete'; profile: ProfileView }
  | { kind: 'import' };

export function ProfilesSection() {
  const {
    status,
    profiles,
    loadError,
    keychainError,
    connectionCheck,
    loadProfiles,
    exportProfile,
    testConnection,
    dismissKeychainError,
  } = useProfilesStore();
  const [dialog, setDialog] = useState<OpenDialog>();
  const [exportError, setExportError] = useState<AppError>();
  const closeDialog = () => setDialog(undefined);

  useEffect(() => {
    void loadProfiles();
  }, [loadProfiles]);

  async function exportToFile(profile: ProfileView) {
    const result = await exportProfile(profile.id);
    setExportError(result.ok ? undefined : result.error);
    if (result.ok) downloadJson(exportFileName(profile.name), result.value);
  }

  return (
    <section aria-labelledby="settings-profiles-title" data-testid="settings-profiles">
      <div className="settings-section-header">
        <h3 id="settings-profiles-title">Profiles</h3>
        <div className="settings-row">
          <button
            type="button"
            className="button-secondary"
            onClick={() => setDialog({ kind: 'import' })}
            data-testid="settings-import-env"
          >
            Import .env…
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'create' })} data-testid="settings-new-profile">
            New profile
          </button>
        </div>
      </div>
      {keychainError && (
        <SettingsErrorBanner error={keychainError} onDismiss={dismissKeychainError} testId="settings-keychain-banner" />
      )}
      {loadError && <SettingsErrorBanner error={loadError} testId="settings-profiles-load-error" />}
      {exportError && (
        <SettingsErrorBanner
          error={exportError}
          onDismiss={() => setExportError(undefined)}
          testId="settings-export-error"
        />
      )}
      {status === 'loaded' && profiles.length === 0 ? (
        <EmptyState title="No profiles yet" testId="settings-profiles-empty">
          <p>
            Sends go to the built-in emulator until you add a profile with your Vonage API key, application and private
            key.
          </p>
          <p>Create one, or import the .env file you already use with the Vonage SDKs.</p>
        </EmptyState>
      ) : (
        profiles.length > 0 && (
          <ProfileTable
            profiles={profiles}
            onEdit={(profile) => setDialog({ kind: 'edit', profile })}
            onDelete={(profile) => setDialog({ kind: 'delete', profile })}
            onExport={(profile) => void exportToFile(profile)}
            onTestConnection={(profile) => void testConnection(profile)}
          />
        )
      )}
      {connectionCheck && <ConnectionCheckResult check={connectionCheck} />}
      {dialog?.kind === 'create' && <ProfileFormDialog onClose={closeDialog} />}
      {dialog?.kind === 'edit' && <ProfileFormDialog profile={dialog.profile} onClose={closeDialog} />}
      {dialog?.kind === 'delete' && <DeleteProfileDialog profile={dialog.profile} onClose={closeDialog} />}
      {dialog?.kind === 'import' && <ImportEnvDialog onClose={closeDialog} />}
    </section>
  );
}
