/** The JWT inspector: the pasted token, the profile to verify against, and the core's reading of it. */
import { create } from 'zustand';
import type { JwtInspection } from '../../src-shared/jwt-inspection';
import type { AppError } from '../../src-shared/result';
import { api } from '../api';

interface JwtStore {
  token: string;
  /** Profile id whose key checks the signature; empty decodes without checking. */
  profileId: string;
  status: 'idle' | 'inspecting' | 'inspected' | 'failed';
  inspection?: JwtInspection;
  error?: AppError;
  setToken(token: string): void;
  chooseProfile(profileId: string): void;
  inspectToken(): Promise<void>;
  clearToken(): void;
}

export const useJwtStore = create<JwtStore>()((set, get) => {
  // Answers can arrive out of order when the user inspects twice quickly; only the latest counts.
  let latestRequest = 0;
  return {
    token: '',
    profileId: '',
    status: 'idle',
    setToken: (token) => set({ token }),
    chooseProfile: (profileId) => set({ profileId }),
    async inspectToken() {
      const { token, profileId } = get();
      if (token.trim() === '') {
        set({ status: 'idle', inspection: undefined, error: undefined });
        return;
      }
      const request = ++latestRequest;
      set({ status: 'inspecting' });
      const result = await api.call('auth.inspectJwt', { token, ...(profileId ? { profile: profileId } : {}) });
      if (request !== latestRequest) return;
      set(
        result.ok
          ? { status: 'inspected', inspection: result.value, error: undefined }
          : { status: 'failed', inspection: undefined, error: result.error },
      );
    },
    clearToken: () => {
      latestRequest++;
      set({ token: '', status: 'idle', inspection: undefined, error: undefined });
    },
  };
});
