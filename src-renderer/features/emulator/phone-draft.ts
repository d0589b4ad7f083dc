/** What the phone panel composes, and how it becomes an `emulator.simulateInbound` call. */
import type { InboundSimulation } from '../../../src-shared/emulator-events';
import type { SignatureFault } from '../../../src-shared/emulator-scenarios';
import {
  v01ChannelOf,
  v01InboundTypes,
  v1InboundTypes,
  type ApiVersion,
  type V1Channel,
} from '../../../src-shared/messages';

export interface PhoneDraft {
  version: ApiVersion;
  channel: V1Channel;
  messageType: string;
  from: string;
  /** Empty: the emulator's sample business number for the channel. */
  to: string;
  text: string;
  /** JSON for the message type's own field (image {url}...); empty: the emulator's sample. */
  contentJson: string;
  contextMessageUuid: string;
  profileName: string;
  signatureFault: SignatureFault | '';
}

export const initialPhoneDraft: PhoneDraft = {
  version: 'v1',
  channel: 'whatsapp',
  messageType: 'text',
  from: '447700900001',
  to: '',
  text: 'Hello from a simulated user',
  contentJson: '',
  contextMessageUuid: '',
  profileName: '',
  signatureFault: '',
};

/** The inbound message types of a channel in one webhook version; none where the version lacks the channel (RCS in v0.1). */
export function inboundTypesOf(channel: V1Channel, version: ApiVersion): readonly string[] {
  if (version === 'v1') return v1InboundTypes[channel];
  const v01Channel = v01ChannelOf(channel);
  return v01Channel ? v01InboundTypes[v01Channel] : [];
}

/** Keeps the message type valid when the channel or version changes. */
export function withChannelOrVersion(
  draft: PhoneDraft,
  change: Partial<Pick<PhoneDraft, 'channel' | 'version'>>,
): PhoneDraft {
  const next = { ...draft, ...change };
  const types = inboundTypesOf(next.channel, next.version);
  return types.includes(next.messageType) ? next : { ...next, messageType: types[0] ?? 'text' };
}

export type BuiltSimulation = { ok: true; simulation: InboundSimulation } | { ok: false; message: string };

export function simulationOf(draft: PhoneDraft): BuiltSimulation {
  if (draft.from.trim() === '') return { ok: false, message: 'Say who the simulated user is (From).' };
  let content: InboundSimulation['content'];
  if (draft.contentJson.trim() !== '') {
    try {
      content = JSON.parse(draft.contentJson) as InboundSimulation['content'];
    } catch (error) {
      return { ok: false, message: `The content is not JSON: ${(error as Error).message}` };
    }
    if (content === null || typeof content !== 'object')
      return { ok: false, message: 'The content must be a JSON object or array.' };
  }
  const simulation: InboundSimulation = {
    channel: draft.channel,
    messageType: draft.messageType,
    version: draft.version,
    from: draft.from.trim(),
    ...(draft.to.trim() ? { to: draft.to.trim() } : {}),
    ...(draft.messageType === 'text' ? { text: draft.text } : {}),
    ...(content !== undefined ? { content } : {}),
    ...(draft.contextMessageUuid.trim() ? { contextMessageUuid: draft.contextMessageUuid.trim() } : {}),
    ...(draft.profileName.trim() ? { profileName: draft.profileName.trim() } : {}),
    ...(draft.signatureFault ? { signatureFault: draft.signatureFault } : {}),
  };
  return { ok: true, simulation };
}
