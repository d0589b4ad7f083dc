/** Where the request goes: the built-in emulator first, then every profile. */
import { useEffect } from 'react';
import type { ProfileView } from '../../../src-shared/profiles';
import { FilterSelect } from '../../components/FilterSelect';
import { useBuilderStore } from '../../stores/builder-store';

/** The picker's value for the emulator, which has no profile id. */
const emulatorValue = '';

function targetOf(profile: ProfileView): string {
  switch (profile.target.kind) {
    case 'emulator':
      return 'emulator';
    case 'vonage':
      return `Vonage ${profile.target.region}`;
    case 'custom':
      return profile.target.baseUrl;
    default: {
      const unreachable: never = profile.target;
      return String(unreachable);
    }
  }
}

export function ProfilePicker() {
  const profileId = useBuilderStore((store) => store.profileId);
  const profiles = useBuilderStore((store) => store.profiles);
  const profilesError = useBuilderStore((store) => store.profilesError);
  const pickProfile = useBuilderStore((store) => store.pickProfile);
  const loadProfiles = useBuilderStore((store) => store.loadProfiles);
  useEffect(() => {
    void loadProfiles();
  }, [loadProfiles]);

  const options = [
    { value: emulatorValue, label: 'Built-in emulator', detail: 'no account needed' },
    ...profiles.map((profile) => ({ value: profile.id, label: profile.name, detail: targetOf(profile) })),
  ];
  return (
    <div className="profile-picker">
      <FilterSelect
        label="Send to"
        options={options}
        value={profileId ?? emulatorValue}
        onChange={(value) => pickProfile(value === emulatorValue ? null : value)}
        testId="builder-profile"
      />
      {profilesError ? (
        <p className="field-error" role="status">
          Profiles could not be listed: {profilesError.message} {profilesError.hint}
        </p>
      ) : null}
    </div>
  );
}
