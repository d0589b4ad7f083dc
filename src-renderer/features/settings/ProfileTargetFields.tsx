import { vonageRegions, type VonageRegion } from '../../../src-shared/profiles';
import { SettingsTextField } from '../../components/SettingsTextField';
import type { ProfileDraft, TargetKind } from './profile-form';

const targetLabels: Record<TargetKind, string> = {
  emulator: 'Built-in emulator',
  vonage: 'Vonage',
  custom: 'Custom base URL',
};

const regionLabels: Record<VonageRegion, string> = {
  default: 'Global (api.nexmo.com)',
  'api-eu': 'Europe (api-eu.nexmo.com)',
  'api-us': 'United States (api-us.nexmo.com)',
  'api-ap': 'Asia Pacific (api-ap.nexmo.com)',
};

interface ProfileTargetFieldsProps {
  draft: ProfileDraft;
  onChange(change: Partial<ProfileDraft>): void;
  /** The core's message about the target, if any. */
  error?: string;
}

/** Where the profile sends: the emulator, a Vonage region, or any base URL. */
export function ProfileTargetFields({ draft, onChange, error }: ProfileTargetFieldsProps) {
  return (
    <fieldset className="settings-fieldset">
      <legend>Target</legend>
      <div className="settings-field">
        <label htmlFor="settings-profile-target">Sends to</label>
        <select
          id="settings-profile-target"
          value={draft.targetKind}
          onChange={(event) => onChange({ targetKind: event.target.value as TargetKind })}
          data-testid="settings-profile-target"
        >
          {(Object.keys(targetLabels) as TargetKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {targetLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      {draft.targetKind === 'emulator' && (
        <p className="muted" data-testid="settings-profile-emulator-hint">
          A request that names api.nexmo.com or a regional host (api-eu, api-us, api-ap) still goes to the emulator.
        </p>
      )}
      {draft.targetKind === 'vonage' && (
        <div className="settings-field">
          <label htmlFor="settings-profile-region">Region</label>
          <select
            id="settings-profile-region"
            value={draft.region}
            onChange={(event) => onChange({ region: event.target.value as VonageRegion })}
            data-testid="settings-profile-region"
          >
            {vonageRegions.map((region) => (
              <option key={region} value={region}>
                {regionLabels[region]}
              </option>
            ))}
          </select>
        </div>
      )}
      {draft.targetKind === 'custom' && (
        <SettingsTextField
          id="settings-profile-base-url"
          label="Base URL"
          type="url"
          value={draft.baseUrl}
          placeholder="https://api.example.test"
          onChange={(baseUrl) => onChange({ baseUrl })}
          error={error}
          testId="settings-profile-base-url"
        />
      )}
      {draft.targetKind !== 'custom' && error && (
        <p className="settings-field-error" role="alert" data-testid="settings-profile-target-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
