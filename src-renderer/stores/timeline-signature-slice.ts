/**
 * Which signature secret the receiver checks incoming webhooks with: a
 * profile's (read from the keychain in the core only), or the environment's.
 * The choice changes the verdict of webhooks received from then on.
 */
import type { StateCreator } from 'zustand';
import type { MethodOutput } from '../../src-shared/contract';
import type { AppError } from '../../src-shared/result';
import { api } from '../api';
import type { TimelineStore } from './timeline-store';

export interface TimelineSignatureSlice {
  /** Profiles that hold a signature secret. */
  signingProfiles: string[];
  /** The profile chosen in this session; null is the environment's secret (or none). */
  signatureProfile: string | null;
  signatureChecking?: MethodOutput<'webhooks.useSignatureSecretOf'>['checking'];
  signatureError?: AppError;
  loadSigningProfiles(): Promise<void>;
  checkSignaturesWith(profile: string | null): Promise<void>;
}

export const createTimelineSignatureSlice: StateCreator<TimelineStore, [], [], TimelineSignatureSlice> = (set) => ({
  signingProfiles: [],
  signatureProfile: null,

  async loadSigningProfiles() {
    const result = await api.call('profiles.list', {});
    if (result.ok)
      set({
        signingProfiles: result.value
          .filter((profile) => profile.secrets.signatureSecret.isSet)
          .map((profile) => profile.name),
      });
  },

  async checkSignaturesWith(profile) {
    const result = await api.call('webhooks.useSignatureSecretOf', { profile });
    set(
      result.ok
        ? { signatureProfile: profile, signatureChecking: result.value.checking, signatureError: undefined }
        : { signatureError: result.error },
    );
  },
});
