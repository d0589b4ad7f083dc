import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import { combinationOf, emptyValueOf, fieldKindOf, itemSchemaOf, schemaOf } from '../../../src-renderer/features/builder/form-schema';

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
});
