/** What the command palette can do: go to a page, start a channel and type, explain an error, reopen a saved, collection or recent request. */
import type { CollectionEntry } from '../../../src-shared/collections';
import type { SavedRequest } from '../../../src-shared/drafts';
import { errorCatalog } from '../../../src-shared/errors';
import { catalog, channelLabels } from '../../../src-shared/messages';
import { messageTypeWords } from '../../../src-shared/messages/message-type-words';
import type { SendHistoryEntry } from '../../../src-shared/send-exchange';
import { pages } from '../../routes';

type CollectionRequest = Extract<CollectionEntry, { kind: 'request' }>;

export interface PaletteCommand {
  id: string;
  group: 'Page' | 'New request' | 'Error' | 'Saved request' | 'Collection request' | 'Recent send';
  label: string;
  detail?: string;
  action:
    | { kind: 'page'; page: (typeof pages)[number]['id'] }
    | { kind: 'template'; api: 'v1' | 'v0.1'; channel: string; messageType: string }
    | { kind: 'explain'; key: string }
    | { kind: 'saved'; request: SavedRequest }
    | { kind: 'collection'; entry: CollectionRequest }
    | { kind: 'send'; id: string };
}

function channelLabel(channel: string): string {
  return Object.hasOwn(channelLabels, channel) ? channelLabels[channel as keyof typeof channelLabels] : channel;
}

/** What the palette offers; `collection` is the open collection folder's entries (empty when none is open). */
export function paletteCommands(
  saved: SavedRequest[],
  recentSends: SendHistoryEntry[],
  collection: CollectionEntry[] = [],
): PaletteCommand[] {
  return [
    ...pages.map((page): PaletteCommand => ({
      id: `page ${page.id}`,
      group: 'Page',
      label: page.label,
      detail: `Alt+${page.shortcut}`,
      action: { kind: 'page', page: page.id },
    })),
    ...catalog().map((entry): PaletteCommand => ({
      id: `template ${entry.api} ${entry.channel} ${entry.messageType}`,
      group: 'New request',
      label: `${channelLabel(entry.channel)} ${entry.messageType}`,
      // In words too, so "rich card" finds RCS card.
      detail: [`${entry.api} · ${entry.channel}/${entry.messageType}`, messageTypeWords(entry.messageType)]
        .filter(Boolean)
        .join(' · '),
      action: { kind: 'template', api: entry.api, channel: entry.channel, messageType: entry.messageType },
    })),
    // Codes, statuses and problem titles, so "1300" or "throttled" opens its explanation.
    ...errorCatalog().map((entry): PaletteCommand => ({
      // Two problem types may share a documentation URL (429 and 500 both link #1000): the status and title tell them apart.
      id: `error ${entry.kind} ${entry.key} ${entry.httpStatus ?? ''} ${entry.title}`,
      group: 'Error',
      label: /^https?:/.test(entry.key) ? entry.title : `${entry.key} ${entry.title}`,
      detail: entry.kind === 'problem-type' ? `HTTP ${entry.httpStatus ?? ''} problem` : entry.kind,
      action: { kind: 'explain', key: entry.key },
    })),
    ...saved.map((request): PaletteCommand => ({
      id: `saved ${request.id}`,
      group: 'Saved request',
      label: request.name,
      detail: new Date(request.savedAt).toLocaleString(),
      action: { kind: 'saved', request },
    })),
    // Requests of the open collection that the builder can open (not raw files or status updates).
    ...collection
      .filter((entry): entry is CollectionRequest => entry.kind === 'request' && entry.file.request.kind === 'send')
      .map((entry): PaletteCommand => ({
        id: `collection ${entry.path}`,
        group: 'Collection request',
        label: entry.file.name,
        detail: entry.path,
        action: { kind: 'collection', entry },
      })),
    ...recentSends.map((send): PaletteCommand => ({
      id: `send ${send.id}`,
      group: 'Recent send',
      label: `${send.status ?? send.errorCode ?? 'no answer'} ${send.url}`,
      detail: `${send.profileName ?? 'emulator'} · ${new Date(send.startedAt).toLocaleString()}`,
      action: { kind: 'send', id: send.id },
    })),
  ];
}

/** Commands whose label, detail or group contain every word typed. */
export function filterCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const haystack = `${command.group} ${command.label} ${command.detail ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
