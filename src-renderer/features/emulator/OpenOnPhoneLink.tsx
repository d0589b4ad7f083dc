import { useEffect, useState } from 'react';
import { v01Channels, v1ChannelOf, v1Channels, type V01Channel } from '../../../src-shared/messages';
import { api } from '../../api';
import { phoneHash } from './phone-hash';

/**
 * "Open on the phone": shown when the emulator's phone holds this message,
 * i.e. it was sent to (or answered on) the built-in emulator.
 */
export function OpenOnPhoneLink({
  messageUuid,
  channel,
  recipient,
  testId,
}: {
  messageUuid: string;
  channel: string | null;
  recipient: string | null;
  testId: string;
}) {
  const [held, setHeld] = useState(false);
  const known = v1Channels.find((candidate) => candidate === channel);
  useEffect(() => {
    setHeld(false);
    if (known === undefined || recipient === null) return;
    let current = true;
    void api.call('emulator.conversations', { channel: known, recipient }).then((result) => {
      if (current && result.ok)
        setHeld(result.value.conversation?.entries.some((entry) => entry.messageUuid === messageUuid) ?? false);
    });
    return () => {
      current = false;
    };
  }, [messageUuid, known, recipient]);
  if (!held || known === undefined || recipient === null) return null;
  return (
    <a href={phoneHash(known, recipient)} data-testid={testId}>
      Open on the phone
    </a>
  );
}

/** The channel and recipient a send request names, v1 (`channel`, `to`) or v0.1 (`to.type`, `to.number|id`). */
export function addresseeOf(requestBody: string): { channel: string | null; recipient: string | null } {
  try {
    const body = JSON.parse(requestBody) as Record<string, unknown>;
    if (typeof body.channel === 'string' && typeof body.to === 'string')
      return { channel: body.channel, recipient: body.to };
    const to = (typeof body.to === 'object' && body.to !== null ? body.to : {}) as Record<string, unknown>;
    const type = v01Channels.find((candidate) => candidate === to.type) as V01Channel | undefined;
    const recipient = typeof to.number === 'string' ? to.number : typeof to.id === 'string' ? to.id : null;
    return { channel: type === undefined ? null : v1ChannelOf(type), recipient };
  } catch {
    return { channel: null, recipient: null };
  }
}
