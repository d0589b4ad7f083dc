/** What the command palette can do: go to a page, start a channel and type, explain an error, reopen a saved or recent request. */
import type { SavedRequest } from '../../../src-shared/drafts';
import { errorCatalog } from '../../../src-shared/errors';
import { catalog, channelLabels } from '../../../src-shared/messages';
import type { SendHistoryEntry } from '../../../src-shared/send-exchange';
import { pages } from '../../routes';

export interface PaletteCommand {
  id: string;
  group: 'Page' | 'New request' | 'Error' | 'Saved request' | 'Recent send';
  label: string;
  detail?: string;
  action:
    | { kind: 'page'; page: (typeof pages)[number]['id'] }
    | { kind: 'template'; api: 'v1' | 'v0.1'; channel: string; messageType: string }
    | { kind: 'explain'; key: string }
    | { kind: 'saved'; request: SavedRequest }
    | { kind: 'send'; id: string };
}

function channelLabel(channel: string): string {
  return Object.hasOwn(channelLabels, channel) ? channelLabels[channel as keyof typeof channelLabels] : channel;
}

export function paletteCommands(saved: SavedRequest[], recentSends: SendHistoryEntry[]): PaletteCommand[] {
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
      detail: `${entry.api} · ${entry.channel}/${entry.messageType}`,
      action: { kind: 'template', api: entry.api, channel: entry.channel, messageType: entry.messageType },
    })),
    // Codes, statuses and problem titles, so "1300" or "throttled" opens its explanation.
    ...errorCatalog().map((entry): PaletteCommand => ({
      id: `error ${entry.kind} ${entry.key}`,
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
