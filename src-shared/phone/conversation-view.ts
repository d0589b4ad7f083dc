import type { ConversationEntry } from '../emulator-conversations';
import { phoneViewOf } from './render-message';
import type { PhoneMessageView } from './phone-view';

/**
 * A conversation as the phone lays it out: outbound messages with their
 * view, inbound ones as they are, and WhatsApp reactions placed on the
 * message they react to (the latest reaction wins, an unreact clears it)
 * rather than as bubbles of their own. A reaction to a message the phone no
 * longer holds stays a bubble, so nothing sent is hidden.
 */
export interface LaidOutEntry {
  entry: ConversationEntry;
  /** Outbound only. */
  view?: PhoneMessageView;
  /** The emoji a later reaction put on this message. */
  reaction?: string;
}

export function layOutConversation(entries: readonly ConversationEntry[]): LaidOutEntry[] {
  const laidOut: LaidOutEntry[] = [];
  const byUuid = new Map<string, LaidOutEntry>();
  for (const entry of entries) {
    if (entry.direction === 'inbound') {
      const item = { entry };
      laidOut.push(item);
      byUuid.set(entry.messageUuid, item);
      continue;
    }
    const view = phoneViewOf(entry.body);
    const reaction = view.parts[0]?.kind === 'reaction' ? view.parts[0] : undefined;
    const target = reaction?.targetUuid === undefined ? undefined : byUuid.get(reaction.targetUuid);
    if (reaction && target) {
      if (reaction.emoji === null) delete target.reaction;
      else target.reaction = reaction.emoji;
      continue;
    }
    const item = { entry, view };
    laidOut.push(item);
    byUuid.set(entry.messageUuid, item);
  }
  return laidOut;
}
