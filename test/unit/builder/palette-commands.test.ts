import { describe, expect, it } from 'vitest';
import { filterCommands, paletteCommands } from '../../../src-renderer/features/palette/palette-commands';
import { filterEntries } from '../../../src-renderer/features/explainer/filter-entries';
import { errorCatalog } from '../../../src-shared/errors';
import { pages } from '../../../src-renderer/routes';

describe('palette commands', () => {
  const saved = [
    {
      id: 's1',
      name: 'sms · v1 · 447700900000',
      savedAt: '2026-01-01T00:00:00Z',
      api: 'v1' as const,
      text: '{}',
      profileId: null,
    },
  ];
  const commands = paletteCommands(saved, []);

  it('offers every page, every combination of both versions and the saved requests', () => {
    expect(commands.filter((command) => command.group === 'Page').map((command) => command.label)).toEqual(
      pages.map((page) => page.label),
    );
    expect(commands.filter((command) => command.group === 'New request')).toHaveLength(36 + 16);
    expect(commands.find((command) => command.group === 'Saved request')?.label).toBe('sms · v1 · 447700900000');
  });

  it('matches every typed word, in any order', () => {
    const found = filterCommands(commands, 'template whatsapp v1');
    expect(found.map((command) => command.detail)).toEqual([
      'v1 · whatsapp/template · an approved template with its parameters',
    ]);
    expect(filterCommands(commands, 'nothing-like-this')).toEqual([]);
  });

  it('gives every command its own id, so the list never shows a stale row', () => {
    const ids = commands.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds a message type by what people call it', () => {
    const found = filterCommands(commands, 'rich card v1').map((command) => command.detail?.split(' · ')[1]);
    expect(found).toEqual(['rcs/card', 'rcs/carousel']);
  });

  it("offers the open collection's sendable requests by name, not its folders or status updates", () => {
    const file = (name: string, request: object) => ({
      format: 'messages-workbench/request',
      version: 2,
      name,
      request,
    });
    const entries = [
      { kind: 'folder', path: 'onboarding', name: 'onboarding' },
      {
        kind: 'request',
        path: 'onboarding/01 welcome.json',
        file: file('Welcome on WhatsApp', { kind: 'send', api: 'v1', payload: {} }),
      },
      {
        kind: 'request',
        path: 'onboarding/02 read.json',
        file: file('Mark read', { kind: 'update', messageUuid: 'x', payload: {} }),
      },
    ] as unknown as Parameters<typeof paletteCommands>[2];
    const found = filterCommands(paletteCommands([], [], entries), 'welcome');
    expect(found.map((command) => [command.group, command.label, command.detail])).toEqual([
      ['Collection request', 'Welcome on WhatsApp', 'onboarding/01 welcome.json'],
    ]);
    expect(filterCommands(paletteCommands([], [], entries), 'mark read')).toEqual([]);
  });

  it('finds an error by its code or title and opens its explanation', () => {
    const [first] = filterCommands(commands, '1300');
    expect(first).toMatchObject({ group: 'Error', action: { kind: 'explain', key: '1300' } });
    expect(filterCommands(commands, 'rate limit').some((command) => command.group === 'Error')).toBe(true);
  });
});

describe('explainer filter', () => {
  it('finds entries by key, title or text', () => {
    const entries = errorCatalog();
    expect(filterEntries(entries, '1300').map((entry) => entry.key)).toContain('1300');
    expect(filterEntries(entries, 'EMULATOR_NOT_RUNNING')).toHaveLength(1);
    expect(filterEntries(entries, '')).toHaveLength(entries.length);
  });
});
