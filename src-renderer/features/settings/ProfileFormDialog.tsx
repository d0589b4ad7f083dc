import { Dialog } from 'radix-ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { v1Channels } from '../../../src-shared/messages/channels';
import type { ProfileView } from '../../../src-shared/profiles';
import type { AppError } from '../../../src-shared/result';
import { DialogFormActions } from '../../components/DialogFormActions';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { SettingsTextField } from '../../components/SettingsTextField';
import { useProfilesStore } from '../../stores/profiles-store';
import { DefaultSendersFields } from './DefaultSendersFields';
import { errorAt } from './field-errors';
import { PrivateKeyField } from './PrivateKeyField';
import { draftFromProfile, newProfileDraft, profileInputFromDraft, type ProfileDraft } from './profile-form';
import { ProfileTargetFields } from './ProfileTargetFields';
import { SecretField } from './SecretField';
import { useReturnFocus } from './use-return-focus';

interface ProfileFormDialogProps {
  /** The profile to edit; absent creates one. */
  profile?: ProfileView;
  onClose(): void;
}

/** Fields the form can point at; an error elsewhere is shown above the Save button. */
const fieldPointers = ['/name', '/target', '/apiKey', '/applicationId', '/defaultSenders', '/secrets'];

/** Mounted only while open, so every opening starts from a fresh draft with empty secret fields. */
export function ProfileFormDialog({ profile, onClose }: ProfileFormDialogProps) {
  const saveProfile = useProfilesStore((store) => store.saveProfile);
  const [draft, setDraft] = useState<ProfileDraft>(() => (profile ? draftFromProfile(profile) : newProfileDraft()));
  const [error, setError] = useState<AppError>();
  const returnFocus = useReturnFocus();
  const [saving, setSaving] = useState(false);
  const change = (next: Partial<ProfileDraft>) => setDraft((current) => ({ ...current, ...next }));
  const secrets = profile?.secrets;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const result = await saveProfile(profileInputFromDraft(draft));
    setSaving(false);
    if (result.ok) onClose();
    else setError(result.error);
  }

  const formError = error && !fieldPointers.some((pointer) => errorAt(error, pointer)) ? error : undefined;
  // The banner pushes Save down: keep both in view once it appears.
  const actions = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formError) actions.current?.scrollIntoView({ block: 'nearest' });
  }, [formError]);
  const senderErrors = Object.fromEntries(
    v1Channels.map((channel) => [channel, errorAt(error, `/defaultSenders/${channel}`)]),
  );

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content onCloseAutoFocus={returnFocus} className="dialog-content" data-testid="settings-profile-dialog">
          <Dialog.Title>{profile ? `Edit ${profile.name}` : 'New profile'}</Dialog.Title>
          <Dialog.Description className="muted">
            Secrets go to the OS keychain and are never shown again. Leave a secret empty to keep what is stored.
          </Dialog.Description>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <SettingsTextField
              id="settings-profile-name"
              label="Name"
              value={draft.name}
              onChange={(name) => change({ name })}
              error={errorAt(error, '/name')}
              testId="settings-profile-name"
              required
            />
            <ProfileTargetFields draft={draft} onChange={change} error={errorAt(error, '/target')} />
            <fieldset className="settings-fieldset">
              <legend>Credentials</legend>
              <SettingsTextField
                id="settings-profile-api-key"
                label="API key"
                value={draft.apiKey}
                onChange={(apiKey) => change({ apiKey })}
                error={errorAt(error, '/apiKey')}
                testId="settings-profile-api-key"
              />
              <SecretField
                id="settings-profile-api-secret"
                label="API secret"
                storedMask={secrets?.apiSecret.masked ?? null}
                draft={draft.secrets.apiSecret}
                onChange={(apiSecret) => change({ secrets: { ...draft.secrets, apiSecret } })}
                error={errorAt(error, '/secrets/apiSecret')}
                testId="settings-profile-api-secret"
              />
              <SettingsTextField
                id="settings-profile-application-id"
                label="Application id"
                value={draft.applicationId}
                onChange={(applicationId) => change({ applicationId })}
                error={errorAt(error, '/applicationId')}
                testId="settings-profile-application-id"
              />
              <PrivateKeyField
                storedMask={secrets?.privateKey.masked ?? null}
                draft={draft.secrets.privateKey}
                onChange={(privateKey) => change({ secrets: { ...draft.secrets, privateKey } })}
                error={errorAt(error, '/secrets/privateKey')}
              />
              <SecretField
                id="settings-profile-signature-secret"
                label="Signature secret (signed webhooks)"
                storedMask={secrets?.signatureSecret.masked ?? null}
                draft={draft.secrets.signatureSecret}
                onChange={(signatureSecret) => change({ secrets: { ...draft.secrets, signatureSecret } })}
                error={errorAt(error, '/secrets/signatureSecret')}
                testId="settings-profile-signature-secret"
              />
            </fieldset>
            <DefaultSendersFields
              senders={draft.defaultSenders}
              onChange={(defaultSenders) => change({ defaultSenders })}
              errors={senderErrors}
            />
            {/* Beside Save, where the user is looking when it fails: the top of a scrolled dialog is out of sight. */}
            {formError && (
              <SettingsErrorBanner
                error={formError}
                lead="The profile was not saved."
                focusOnShow
                testId="settings-profile-form-error"
              />
            )}
            <DialogFormActions
              ref={actions}
              submitLabel="Save profile"
              busyLabel="Saving…"
              busy={saving}
              cancelTestId="settings-profile-cancel"
              submitTestId="settings-profile-save"
            />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
