import { useEffect, useState } from 'react';
import type { ProfileView } from '../../../src-shared/profiles';
import { api } from '../../api';
import { useCollectionsStore } from '../../stores/collections-store';

/** Which environment of the collection runs use, and whether they send to the emulator or with a profile. */
export function RunSettings() {
  const environments = useCollectionsStore((store) => store.environments);
  const { environment, target } = useCollectionsStore((store) => store.runSettings);
  const choose = useCollectionsStore((store) => store.chooseRunSettings);
  const [profiles, setProfiles] = useState<ProfileView[]>([]);

  useEffect(() => {
    void api.call('profiles.list', {}).then((result) => result.ok && setProfiles(result.value));
  }, []);

  return (
    <>
      {environments.length > 0 && (
        <select
          aria-label="Environment"
          value={environment ?? ''}
          onChange={(event) => choose({ environment: event.target.value || null })}
          data-testid="collections-environment"
        >
          <option value="">{environments.includes('default') ? 'default environment' : 'no environment'}</option>
          {environments.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      )}
      <select
        aria-label="Run against"
        value={target.kind === 'profile' ? target.profile : ''}
        onChange={(event) =>
          choose({
            target: event.target.value ? { kind: 'profile', profile: event.target.value } : { kind: 'emulator' },
          })
        }
        data-testid="collections-target"
      >
        <option value="">Built-in emulator</option>
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            Profile {profile.name}
          </option>
        ))}
      </select>
    </>
  );
}
