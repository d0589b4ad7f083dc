/**
 * Profiles as the Settings page sees them: views with masked secrets only.
 * Secrets go out on save and never come back. A KEYCHAIN_UNAVAILABLE answer
 * from any call is kept apart, because the page shows it as a banner with its
 * hint rather than next to one field.
 */
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../src-shared/contract';
import type { ImportedProfile, KeyFileNotRead, ProfileInput, ProfileView } from '../../src-shared/profiles';
import type { AppError, Result } from '../../src-shared/result';
import { api } from '../api';

const keychainUnavailable = 'KEYCHAIN_UNAVAILABLE';

type ImportEnvInput = MethodInput<'profiles.importEnv'>;
type ProfileExport = MethodOutput<'profiles.export'>;
type ConnectionTest = MethodOutput<'profiles.testConnection'>;

/** The last "test connection" and how it went; one at a time, shown under the list. */
export type ConnectionCheck =
  | { status: 'testing'; profileName: string }
  | { status: 'tested'; profileName: string; result: ConnectionTest }
  | { status: 'failed'; profileName: string; error: AppError };

interface ProfilesStore {
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  profiles: ProfileView[];
  /** Why the list could not be loaded. */
  loadError?: AppError;
  /** The last KEYCHAIN_UNAVAILABLE answer, until a keychain call succeeds again. */
  keychainError?: AppError;
  connectionCheck?: ConnectionCheck;
  loadProfiles(): Promise<void>;
  saveProfile(input: ProfileInput): Promise<Result<ProfileView>>;
  removeProfile(id: string): Promise<Result<{ removed: string }>>;
  /** The profile as imported, and the key file the import could not read, if any. */
  importEnv(input: ImportEnvInput): Promise<Result<{ view: ProfileView; keyFileNotRead?: KeyFileNotRead }>>;
  exportProfile(id: string): Promise<Result<ProfileExport>>;
  testConnection(profile: ProfileView): Promise<void>;
  dismissKeychainError(): void;
}

function splitImported(imported: ImportedProfile): { view: ProfileView; keyFileNotRead?: KeyFileNotRead } {
  const { keyFileNotRead, ...view } = imported;
  return keyFileNotRead ? { view, keyFileNotRead } : { view };
}

export const useProfilesStore = create<ProfilesStore>()((set, get) => {
  /** Records a keychain outage (or its end) from any answer that touched the keychain. */
  function noteKeychain<T>(result: Result<T>): Result<T> {
    if (!result.ok && result.error.code === keychainUnavailable) set({ keychainError: result.error });
    else if (result.ok) set({ keychainError: undefined });
    return result;
  }

  function upsert(view: ProfileView) {
    const others = get().profiles.filter((profile) => profile.id !== view.id);
    set({ profiles: [...others, view].sort((a, b) => a.name.localeCompare(b.name)) });
  }

  return {
    status: 'idle',
    profiles: [],
    async loadProfiles() {
      set({ status: 'loading' });
      const result = await api.call('profiles.list', {});
      set(
        result.ok
          ? {
              status: 'loaded',
              profiles: [...result.value].sort((a, b) => a.name.localeCompare(b.name)),
              loadError: undefined,
            }
          : { status: 'failed', loadError: result.error },
      );
    },
    async saveProfile(input) {
      const result = noteKeychain(await api.call('profiles.save', input));
      if (result.ok) upsert(result.value);
      return result;
    },
    async removeProfile(id) {
      const result = noteKeychain(await api.call('profiles.remove', { profile: id }));
      if (result.ok)
        set({ profiles: get().profiles.filter((profile) => profile.id !== id), connectionCheck: undefined });
      return result;
    },
    async importEnv(input) {
      const result = noteKeychain(await api.call('profiles.importEnv', input));
      if (!result.ok) return result;
      const imported = splitImported(result.value);
      upsert(imported.view);
      return { ok: true, value: imported };
    },
    exportProfile: (id) => api.call('profiles.export', { profile: id }),
    async testConnection(profile) {
      const profileName = profile.name;
      set({ connectionCheck: { status: 'testing', profileName } });
      const result = noteKeychain(await api.call('profiles.testConnection', { profile: profile.id }));
      // A later check (or a removal) may have replaced this one while it ran.
      if (get().connectionCheck?.profileName !== profileName) return;
      set({
        connectionCheck: result.ok
          ? { status: 'tested', profileName, result: result.value }
          : { status: 'failed', profileName, error: result.error },
      });
    },
    dismissKeychainError: () => set({ keychainError: undefined }),
  };
});
