import type { ProfileTarget, ProfileView } from '../../../src-shared/profiles';

interface ProfileTableProps {
  profiles: ProfileView[];
  onEdit(profile: ProfileView): void;
  onDelete(profile: ProfileView): void;
  onExport(profile: ProfileView): void;
  onTestConnection(profile: ProfileView): void;
}

function describeTarget(target: ProfileTarget): string {
  switch (target.kind) {
    case 'emulator':
      return 'Built-in emulator';
    case 'vonage':
      return target.region === 'default' ? 'Vonage' : `Vonage ${target.region}`;
    case 'custom':
      return target.baseUrl;
    default: {
      const unreachable: never = target;
      throw new Error(`unknown target ${JSON.stringify(unreachable)}`);
    }
  }
}

function SecretMask({ state, testId }: { state: ProfileView['secrets']['apiSecret']; testId: string }) {
  return (
    <span className={state.isSet ? 'secret-mask' : 'muted'} data-testid={testId} data-set={state.isSet}>
      {state.isSet ? state.masked : 'not set'}
    </span>
  );
}

/** Every profile with its masked secrets; a row's buttons act on that profile. */
export function ProfileTable({ profiles, onEdit, onDelete, onExport, onTestConnection }: ProfileTableProps) {
  return (
    <table className="settings-table" data-testid="settings-profile-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Target</th>
          <th scope="col">API key</th>
          <th scope="col">Application id</th>
          <th scope="col">API secret</th>
          <th scope="col">Private key</th>
          <th scope="col">Signature secret</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {profiles.map((profile) => (
          <tr key={profile.id} data-testid="settings-profile-row" data-profile-name={profile.name}>
            <th scope="row" data-testid="settings-profile-row-name">
              {profile.name}
            </th>
            <td data-testid="settings-profile-row-target">{describeTarget(profile.target)}</td>
            <td data-testid="settings-profile-row-api-key">{profile.apiKey ?? <span className="muted">—</span>}</td>
            <td data-testid="settings-profile-row-application-id">
              {profile.applicationId ? <code>{profile.applicationId}</code> : <span className="muted">—</span>}
            </td>
            <td>
              <SecretMask state={profile.secrets.apiSecret} testId="settings-profile-row-api-secret" />
            </td>
            <td>
              <SecretMask state={profile.secrets.privateKey} testId="settings-profile-row-private-key" />
            </td>
            <td>
              <SecretMask state={profile.secrets.signatureSecret} testId="settings-profile-row-signature-secret" />
            </td>
            <td>
              <div className="settings-row-actions">
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => onTestConnection(profile)}
                  aria-label={`Test the connection of ${profile.name}`}
                  data-testid="settings-profile-test"
                >
                  Test
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => onEdit(profile)}
                  aria-label={`Edit ${profile.name}`}
                  data-testid="settings-profile-edit"
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => onExport(profile)}
                  aria-label={`Export ${profile.name}`}
                  data-testid="settings-profile-export"
                >
                  Export
                </button>
                <button
                  type="button"
                  className="button-danger"
                  onClick={() => onDelete(profile)}
                  aria-label={`Delete ${profile.name}`}
                  data-testid="settings-profile-delete"
                >
                  Delete
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
