import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTimelineStore } from '../../stores/timeline-store';

const environmentChoice = '';

/** Chooses whose signature secret checks incoming webhooks; verdicts of later webhooks follow it. */
export function SignatureSecretPicker() {
  const {
    signingProfiles,
    signatureProfile,
    signatureChecking,
    signatureError,
    loadSigningProfiles,
    checkSignaturesWith,
  } = useTimelineStore(
    useShallow((store) => ({
      signatureChecking: store.signatureChecking,
      signingProfiles: store.signingProfiles,
      signatureProfile: store.signatureProfile,
      signatureError: store.signatureError,
      loadSigningProfiles: store.loadSigningProfiles,
      checkSignaturesWith: store.checkSignaturesWith,
    })),
  );
  useEffect(() => {
    void loadSigningProfiles();
  }, [loadSigningProfiles]);

  return (
    <label className="toolbar-label" title="Webhooks received from now on are checked with this signature secret">
      check signatures with{' '}
      <select
        aria-label="Signature secret"
        data-testid="timeline-signature-secret"
        data-checking={signatureChecking}
        value={signatureProfile ?? environmentChoice}
        onFocus={() => void loadSigningProfiles()}
        onChange={(changed) =>
          void checkSignaturesWith(changed.target.value === environmentChoice ? null : changed.target.value)
        }
      >
        <option value={environmentChoice}>VONAGE_SIGNATURE_SECRET</option>
        {signingProfiles.map((name) => (
          <option key={name} value={name}>
            profile {name}
          </option>
        ))}
      </select>
      {signatureError ? (
        <span className="error" role="alert">
          {' '}
          {signatureError.message}
        </span>
      ) : null}
    </label>
  );
}
