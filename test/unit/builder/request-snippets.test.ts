import { describe, expect, it } from 'vitest';
import { curlSnippet, nodeSdkSnippet } from '../../../src-renderer/features/builder/request-snippets';
import { smsTextOf } from '../../../src-renderer/features/builder/sms-text';

const payload = { channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: "It's here" };

describe('request snippets', () => {
  it('cURL names the endpoint and uses VONAGE_* variables for credentials', () => {
    const curl = curlSnippet({ api: 'v1', payload, baseUrl: 'https://api.nexmo.com/' });
    expect(curl).toContain(`curl -X POST 'https://api.nexmo.com/v1/messages'`);
    expect(curl).toContain('$VONAGE_API_KEY:$VONAGE_API_SECRET');
    expect(curl).toContain(`"text": "It'\\''s here"`);
  });

  it('the Node snippet reads credentials from the environment', () => {
    const code = nodeSdkSnippet({ api: 'v1', payload, baseUrl: 'https://api.nexmo.com' });
    expect(code).toContain('process.env.VONAGE_APPLICATION_ID');
    expect(code).toContain('vonage.messages.send({');
    expect(nodeSdkSnippet({ api: 'v0.1', payload, baseUrl: '' })).toContain('v1 API');
  });
});

describe('smsTextOf', () => {
  it('finds the text and the forced encoding in both versions', () => {
    expect(smsTextOf('v1', { ...payload, sms: { encoding_type: 'unicode' } })).toEqual({
      text: "It's here",
      encodingType: 'unicode',
      pointer: '/text',
    });
    expect(
      smsTextOf('v0.1', { to: { type: 'sms' }, message: { content: { type: 'text', text: 'Hi' } } })?.pointer,
    ).toBe('/message/content/text');
    expect(smsTextOf('v1', { ...payload, channel: 'mms' })).toBeNull();
  });
});
