/**
 * The emulator's memory of each phone: per recipient and channel, the
 * messages it accepted for that recipient (each with its statuses as
 * played, and a revoke) and the simulated user's answers (each marked read
 * when the business PATCHes it), plus WhatsApp's replying indicator.
 *
 * Bounded: at most `entriesPerConversation` entries each (the oldest go
 * first, counted in `dropped`) and `conversations` conversations (the least
 * recently active go), so an emulator running for hours keeps a fixed size.
 */
import type { V1Channel } from '../../src-shared/messages';
import type {
  Conversation,
  ConversationEntry,
  ConversationStatus,
  ConversationSummary,
} from '../../src-shared/emulator-conversations';

type Json = Record<string, unknown>;

/** Vonage's replying indicator disappears after 25 seconds, or when the business sends its answer. */
export const REPLYING_INDICATOR_MS = 25_000;

export interface ConversationStoreOptions {
  /** Entries kept per conversation; 200 by default. */
  entriesPerConversation?: number;
  /** Conversations kept; 500 by default. */
  conversations?: number;
  now?: () => Date;
}

interface State {
  channel: V1Channel;
  recipient: string;
  business: string;
  entries: ConversationEntry[];
  dropped: number;
  replyingUntil?: number;
}

export function createConversationStore(options: ConversationStoreOptions = {}) {
  const { entriesPerConversation = 200, conversations: capacity = 500, now = () => new Date() } = options;
  const states = new Map<string, State>();
  const byUuid = new Map<string, { state: State; entry: ConversationEntry }>();

  /** The state for a key, moved to the end (the most recent); the least recent goes past capacity. */
  function touch(channel: V1Channel, recipient: string, business: string): State {
    const key = `${channel}\u0000${recipient}`;
    const state = states.get(key) ?? { channel, recipient, business, entries: [], dropped: 0 };
    states.delete(key);
    states.set(key, state);
    state.business = business;
    if (states.size > capacity) {
      const [oldestKey, oldest] = states.entries().next().value!;
      states.delete(oldestKey);
      for (const entry of oldest.entries) byUuid.delete(entry.messageUuid);
    }
    return state;
  }

  function add(state: State, entry: ConversationEntry): void {
    state.entries.push(entry);
    byUuid.set(entry.messageUuid, { state, entry });
    while (state.entries.length > entriesPerConversation) {
      const gone = state.entries.shift()!;
      byUuid.delete(gone.messageUuid);
      state.dropped += 1;
    }
  }

  const entryOf = (direction: ConversationEntry['direction'], messageUuid: string, body: Json): ConversationEntry => ({
    messageUuid,
    direction,
    at: now().toISOString(),
    body,
    statuses: [],
    readByBusiness: false,
    revoked: false,
  });

  const summaryOf = (state: State): ConversationSummary => ({
    channel: state.channel,
    recipient: state.recipient,
    business: state.business,
    messages: state.entries.length,
    lastAt: state.entries.at(-1)?.at ?? '',
  });

  return {
    /** A message the emulator accepted, as its v1 request (a failover item on its own). */
    recordOutbound(messageUuid: string, channel: V1Channel, request: Json): void {
      if (byUuid.has(messageUuid)) return;
      const state = touch(channel, String(request.to), String(request.from));
      delete state.replyingUntil;
      add(state, entryOf('outbound', messageUuid, request));
    },
    /** What the simulated user sent, as its v1 webhook body. */
    recordInbound(messageUuid: string, channel: V1Channel, body: Json): void {
      add(touch(channel, String(body.from), String(body.to)), entryOf('inbound', messageUuid, body));
    },
    recordStatus(messageUuid: string, status: ConversationStatus['status'], errorCode?: number): void {
      const found = byUuid.get(messageUuid);
      found?.entry.statuses.push({
        status,
        at: now().toISOString(),
        ...(errorCode === undefined ? {} : { errorCode }),
      });
    },
    /** A PATCH the emulator accepted: read, revoked, and WhatsApp's replying indicator. */
    recordUpdate(messageUuid: string, update: Json): void {
      const found = byUuid.get(messageUuid);
      if (!found) return;
      if (update.status === 'read') found.entry.readByBusiness = true;
      if (update.status === 'revoked') found.entry.revoked = true;
      const indicator = update.replying_indicator as { show?: unknown } | undefined;
      if (indicator?.show === true) found.state.replyingUntil = now().getTime() + REPLYING_INDICATOR_MS;
      if (indicator?.show === false) delete found.state.replyingUntil;
    },
    /** The message a tap answers, with its conversation's channel. */
    find(messageUuid: string): { channel: V1Channel; entry: ConversationEntry } | undefined {
      const found = byUuid.get(messageUuid);
      return found && { channel: found.state.channel, entry: found.entry };
    },
    /** Every conversation, newest first, and the one asked for (the newest when none is named). */
    read(query: { channel?: V1Channel; recipient?: string }): {
      conversations: ConversationSummary[];
      conversation: Conversation | null;
    } {
      const newestFirst = [...states.values()].reverse();
      const chosen =
        query.channel === undefined && query.recipient === undefined
          ? newestFirst[0]
          : newestFirst.find(
              (state) =>
                (query.channel === undefined || state.channel === query.channel) &&
                (query.recipient === undefined || state.recipient === query.recipient),
            );
      const replying = chosen?.replyingUntil;
      return {
        conversations: newestFirst.map(summaryOf),
        conversation: chosen
          ? {
              ...summaryOf(chosen),
              entries: structuredClone(chosen.entries),
              dropped: chosen.dropped,
              ...(replying !== undefined && replying > now().getTime()
                ? { replyingUntil: new Date(replying).toISOString() }
                : {}),
            }
          : null,
      };
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
