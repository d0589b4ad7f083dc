/**
 * The profile dialog's state as plain strings, and its translation to and from
 * the contract. A secret field holds only what the user typed in this dialog:
 * empty keeps the stored value, `clear` removes it. Stored secrets are never
 * loaded into the form, because the core never sends them.
 */
import { v1Channels, type V1Channel } from '../../../src-shared/messages/channels';
import {
  secretNames,
  type ProfileInput,
  type ProfileView,
  type SecretName,
  type VonageRegion,
} from '../../../src-shared/profiles';

export type TargetKind = 'emulator' | 'vonage' | 'custom';

export interface SecretDraft {
  value: string;
  clear: boolean;
}

export interface ProfileDraft {
  id?: string;
  name: string;
  targetKind: TargetKind;
  region: VonageRegion;
  baseUrl: string;
  apiKey: string;
  applicationId: string;
  defaultSenders: Record<V1Channel, string>;
  secrets: Record<SecretName, SecretDraft>;
}

const emptySecret: SecretDraft = { value: '', clear: false };

function emptySenders(): Record<V1Channel, string> {
  return Object.fromEntries(v1Channels.map((channel) => [channel, ''])) as Record<V1Channel, string>;
}

function emptySecrets(): Record<SecretName, SecretDraft> {
  return Object.fromEntries(secretNames.map((name) => [name, emptySecret])) as Record<SecretName, SecretDraft>;
}

export function newProfileDraft(): ProfileDraft {
  return {
    name: '',
    targetKind: 'emulator',
    region: 'default',
    baseUrl: '',
    apiKey: '',
    applicationId: '',
    defaultSenders: emptySenders(),
    secrets: emptySecrets(),
  };
}

export function draftFromProfile(profile: ProfileView): ProfileDraft {
  const { target } = profile;
  return {
    id: profile.id,
    name: profile.name,
    targetKind: target.kind,
    region: target.kind === 'vonage' ? target.region : 'default',
    baseUrl: target.kind === 'custom' ? target.baseUrl : '',
    apiKey: profile.apiKey ?? '',
    applicationId: profile.applicationId ?? '',
    defaultSenders: { ...emptySenders(), ...profile.defaultSenders },
    secrets: emptySecrets(),
  };
}

function targetOf(draft: ProfileDraft): ProfileInput['target'] {
  switch (draft.targetKind) {
    case 'emulator':
      return { kind: 'emulator' };
    case 'vonage':
      return { kind: 'vonage', region: draft.region };
    case 'custom':
      return { kind: 'custom', baseUrl: draft.baseUrl.trim() };
    default: {
      const unreachable: never = draft.targetKind;
      throw new Error(`unknown target kind ${String(unreachable)}`);
    }
  }
}

/** Only the secrets the user touched: a typed value sets it, `clear` removes it, the rest are left out. */
function secretChanges(draft: ProfileDraft): NonNullable<ProfileInput['secrets']> {
  const changes: NonNullable<ProfileInput['secrets']> = {};
  for (const name of secretNames) {
    const secret = draft.secrets[name];
    if (secret.clear) changes[name] = null;
    else if (secret.value !== '') changes[name] = secret.value;
  }
  return changes;
}

export function profileInputFromDraft(draft: ProfileDraft): ProfileInput {
  const defaultSenders = Object.fromEntries(
    v1Channels.flatMap((channel) => {
      const sender = draft.defaultSenders[channel].trim();
      return sender ? [[channel, sender]] : [];
    }),
  );
  return {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name,
    target: targetOf(draft),
    apiKey: draft.apiKey.trim() || null,
    applicationId: draft.applicationId.trim() || null,
    defaultSenders,
    secrets: secretChanges(draft),
  };
}
