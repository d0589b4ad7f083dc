import { useState } from 'react';
import type { KeyFileNotRead, ProfileView } from '../../../src-shared/profiles';
import type { AppError } from '../../../src-shared/result';
import { FileDropArea } from '../../components/FileDropArea';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { useProfilesStore } from '../../stores/profiles-store';
import { KeyFileButton } from './KeyFileButton';
import { draftFromProfile, profileInputFromDraft } from './profile-form';

interface ImportKeyFileStepProps {
  profile: ProfileView;
  keyFileNotRead: KeyFileNotRead;
  onDone(): void;
}

/**
 * After an import that could not follow VONAGE_PRIVATE_KEY_PATH: the rest is
 * saved; this asks for the key file, naming the variable and the path tried.
 * The file, picked or dropped, is read here in the page and saved like a pasted key.
 */
export function ImportKeyFileStep({ profile, keyFileNotRead, onDone }: ImportKeyFileStepProps) {
  const saveProfile = useProfilesStore((store) => store.saveProfile);
  const [error, setError] = useState<AppError>();
  const [saving, setSaving] = useState(false);
  const fileName = baseName(keyFileNotRead.path);

  async function saveKey(privateKey: string) {
    setSaving(true);
    const result = await saveProfile({ ...profileInputFromDraft(draftFromProfile(profile)), secrets: { privateKey } });
    setSaving(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  return (
    <div data-testid="settings-import-key-step">
      <div className="notice notice-warning" role="status" data-testid="settings-import-key-needed">
        <p>
          Imported <strong>{profile.name}</strong> without its private key. <code>{keyFileNotRead.variable}</code> names{' '}
          <code>{keyFileNotRead.path}</code>, which was not read. {keyFileNotRead.reason}
        </p>
        <p>Choose that key file to finish, or skip and add the key later by editing the profile.</p>
      </div>
      {error && <SettingsErrorBanner error={error} focusOnShow testId="settings-import-key-error" />}
      <FileDropArea
        // A drop while the first key is being saved would save the profile twice.
        onFile={(file) => {
          if (!saving) void file.text().then(saveKey);
        }}
        testId="settings-import-key-drop"
      >
        <p>
          Drop {fileName} here, or{' '}
          <KeyFileButton
            disabled={saving}
            onKey={(privateKey) => void saveKey(privateKey)}
            autoFocus
            testId="settings-import-key-pick"
            inputTestId="settings-import-key-file-input"
          >
            {saving ? 'Saving…' : `Choose ${fileName}…`}
          </KeyFileButton>
        </p>
      </FileDropArea>
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={onDone} data-testid="settings-import-key-skip">
          Skip for now
        </button>
      </div>
    </div>
  );
}

/** `./keys/private.key` → `private.key`, the name the user will look for in the file picker. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || 'the key file';
}
