import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import {
  combinationOf,
  emptyValueOf,
  fieldKindOf,
  itemSchemaOf,
  schemaOf,
  switchVariant,
  variantNames,
  type FieldSchema,
} from '../../../src-renderer/features/builder/form-schema';

describe('form schema', () => {
  it('has a schema for every catalogue template, read from the template itself', () => {
    for (const entry of catalog()) {
      const combination = combinationOf(entry.api, entry.full);
      expect(combination).toEqual({ api: entry.api, channel: entry.channel, messageType: entry.messageType });
      expect(schemaOf(combination!)?.type).toBe('object');
    }
  });

  it('marks required fields, enums, fixed values and free-form objects', () => {
    const template = schemaOf({ api: 'v1', channel: 'whatsapp', messageType: 'template' })!;
    expect(template.required).toEqual(expect.arrayContaining(['to', 'from', 'template', 'whatsapp']));
    expect(fieldKindOf(template.properties!.channel!)).toBe('fixed');
    expect(fieldKindOf(template.properties!.webhook_version!)).toBe('select');
    expect(fieldKindOf(template.properties!.template!)).toBe('object');
    expect(fieldKindOf(template.properties!.template!.properties!.parameters!)).toBe('array');
    const custom = schemaOf({ api: 'v1', channel: 'rcs', messageType: 'custom' })!;
    expect(fieldKindOf(custom.properties!.custom!)).toBe('json');
  });

  it('reads a failover item by its own channel and type', () => {
    const sms = schemaOf({ api: 'v1', channel: 'sms', messageType: 'text' })!;
    const item = itemSchemaOf('v1', sms.properties!.failover!, { channel: 'sms', message_type: 'text' });
    expect(item?.required).toContain('text');
    expect(itemSchemaOf('v1', sms.properties!.failover!, { channel: 'fax' })).toBeNull();
  });

  it('makes empty values with the required members filled', () => {
    const template = schemaOf({ api: 'v1', channel: 'whatsapp', messageType: 'template' })!;
    expect(emptyValueOf(template.properties!.whatsapp)).toEqual({ locale: '' });
    expect(emptyValueOf(template.properties!.webhook_version)).toBe('v1');
  });

  it('knows no combination for a payload without one', () => {
    expect(combinationOf('v1', { channel: 'sms' })).toBeNull();
    expect(schemaOf({ api: 'v1', channel: 'sms', messageType: 'image' })).toBeNull();
  });

  describe('RCS rich content', () => {
    const carousel = schemaOf({ api: 'v1', channel: 'rcs', messageType: 'carousel' })!;
    const suggestions = carousel.properties!.suggestions!;
    const cards = carousel.properties!.carousel!.properties!.cards!;

    it('reads the list limits: 2 to 10 cards, 11 chips on the message, 4 on a card', () => {
      expect([cards.minItems, cards.maxItems, suggestions.maxItems]).toEqual([2, 10, 11]);
      expect(cards.items!.properties!.suggestions!.maxItems).toBe(4);
      expect(cards.items!.properties!.title!.maxLength).toBe(200);
    });

    it('names the seven suggestion kinds and edits each chip by its own kind', () => {
      expect(variantNames(suggestions.items)).toEqual([
        'reply',
        'dial',
        'view_location',
        'share_location',
        'open_url',
        'open_url_in_webview',
        'create_calendar_event',
      ]);
      const dial = itemSchemaOf('v1', suggestions, { type: 'dial' }) as FieldSchema;
      expect(dial.required).toEqual(['type', 'text', 'postback_data', 'phone_number']);
      expect(itemSchemaOf('v1', suggestions, { type: 'hologram' })).toBeNull();
      expect(fieldKindOf(dial.properties!.type!)).toBe('fixed');
    });

    it('adds a reply chip, and a change of kind keeps the label and postback data', () => {
      expect(emptyValueOf(suggestions.items)).toEqual({ type: 'reply', text: '', postback_data: '' });
      const reply = { type: 'reply', text: 'Call us', postback_data: 'call' };
      expect(switchVariant(suggestions.items!, reply, 'dial')).toEqual({
        type: 'dial',
        text: 'Call us',
        postback_data: 'call',
        phone_number: '',
      });
      const url = {
        type: 'open_url',
        text: 'Site',
        postback_data: 'site',
        url: 'https://example.com',
        description: 'Our site',
      };
      expect(switchVariant(suggestions.items!, url, 'share_location')).toEqual({
        type: 'share_location',
        text: 'Site',
        postback_data: 'site',
      });
    });
  });
});
