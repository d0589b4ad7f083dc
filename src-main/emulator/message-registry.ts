/**
 * The messages the emulator knows, so PATCH /v1/messages/{uuid} can answer
 * 404 for strangers and 422 for changes the message does not allow. Only the
 * most recent `capacity` messages are kept: an emulator running for hours
 * must not grow without bound.
 */
export interface KnownMessage {
  channel: string;
  direction: 'outbound' | 'inbound';
}

export function createMessageRegistry(capacity = 10_000) {
  const messages = new Map<string, KnownMessage>();
  return {
    remember(uuid: string, message: KnownMessage): void {
      messages.set(uuid, message);
      if (messages.size > capacity) {
        const oldest = messages.keys().next().value;
        if (oldest !== undefined) messages.delete(oldest);
      }
    },
    find(uuid: string): KnownMessage | undefined {
      return messages.get(uuid);
    },
  };
}

export type MessageRegistry = ReturnType<typeof createMessageRegistry>;
