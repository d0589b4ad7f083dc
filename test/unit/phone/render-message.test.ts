import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import { emailContentSecurityPolicy } from '../../../src-shared/phone/email-view';
import type { PhoneMessageView, PhonePart } from '../../../src-shared/phone/phone-view';
import { layOutConversation } from '../../../src-shared/phone/conversation-view';
import { phoneViewOf } from '../../../src-shared/phone/render-message';

const MEDIA = 'https://example.com/media';
const kinds = (view: PhoneMessageView) => view.parts.map((part) => part.kind);
const only = <K extends PhonePart['kind']>(view: PhoneMessageView, kind: K) => {
  expect(kinds(view)).toEqual([kind]);
  return view.parts[0] as Extract<PhonePart, { kind: K }>;
};
const media =
  (kind: string, file: string, extra: object = {}) =>
  (view: PhoneMessageView) =>
    expect(only(view, 'media')).toEqual({ kind: 'media', media: kind, url: `${MEDIA}/${file}`, ...extra });
const text = (view: PhoneMessageView) => expect(only(view, 'text').text).toBe('Hello from Vonage');

/** What each of the 36 v1 combinations shows for its full template; the catalogue decides which must be here. */
const expectations: Record<string, (view: PhoneMessageView) => void> = {
  'sms/text': (view) =>
    expect(only(view, 'text')).toEqual({
      kind: 'text',
      text: 'Hello from Vonage',
      sms: { segments: 1, encoding: 'gsm7', characters: 17 },
    }),
  'mms/text': text,
  'mms/image': media('image', 'picture.jpg', { caption: 'A image for you' }),
  'mms/vcard': media('vcard', 'contact.vcf', { caption: 'A vcard for you' }),
  'mms/audio': media('audio', 'sound.mp3', { caption: 'A audio for you' }),
  'mms/video': media('video', 'clip.mp4', { caption: 'A video for you' }),
  'mms/file': media('file', 'document.pdf', { caption: 'A file for you' }),
  'mms/content': (view) =>
    expect(view.parts).toEqual([
      { kind: 'media', media: 'image', url: `${MEDIA}/picture.jpg`, caption: 'The picture' },
      { kind: 'media', media: 'vcard', url: `${MEDIA}/contact.vcf`, caption: 'Our contact card' },
    ]),
  'rcs/text': (view) => {
    text(view);
    expect(view.suggestions.map((chip) => [chip.kind, chip.answersAs])).toEqual([
      ['reply', 'reply'],
      ['dial', 'button'],
      ['view_location', 'button'],
      ['share_location', 'button'],
      ['open_url', 'button'],
      ['open_url_in_webview', 'button'],
      ['create_calendar_event', 'button'],
    ]);
    expect(view.suggestions[1]).toMatchObject({ text: 'Call us', postbackData: 'dial_shop', detail: '447700900002' });
  },
  'rcs/image': media('image', 'picture.jpg'),
  'rcs/video': media('video', 'clip.mp4'),
  'rcs/file': media('file', 'document.pdf'),
  'rcs/custom': (view) => {
    expect(only(view, 'text').text).toBe('Pick one');
    expect(view.suggestions).toEqual([{ kind: 'reply', text: 'Yes', postbackData: 'yes', answersAs: 'reply' }]);
  },
  'rcs/card': (view) => {
    const card = only(view, 'card');
    expect(card).toMatchObject({ orientation: 'VERTICAL', imageAlignment: 'LEFT' });
    expect(card.card).toMatchObject({ title: 'Offer 1', mediaHeight: 'MEDIUM', mediaDescription: 'Photo of offer 1' });
    expect(card.card.suggestions.map((chip) => chip.postbackData)).toEqual([
      'offer_1_yes',
      'open_offer',
      'dial_shop',
      'save_date',
    ]);
  },
  'rcs/carousel': (view) => {
    const carousel = only(view, 'carousel');
    expect(carousel.width).toBe('MEDIUM');
    expect(carousel.cards.map((card) => card.title)).toEqual(['Offer 1', 'Offer 2', 'Offer 3']);
    expect(view.suggestions).toHaveLength(7);
  },
  'whatsapp/text': (view) => {
    text(view);
    expect(view.contextUuid).toBe('aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab');
  },
  'whatsapp/image': media('image', 'picture.jpg', { caption: 'The picture' }),
  'whatsapp/audio': media('audio', 'sound.mp3'),
  'whatsapp/video': media('video', 'clip.mp4', { caption: 'The clip' }),
  'whatsapp/file': media('file', 'document.pdf', { caption: 'Your invoice', name: 'invoice.pdf' }),
  'whatsapp/template': (view) =>
    expect(only(view, 'template')).toEqual({
      kind: 'template',
      name: 'my_namespace:order_ready',
      locale: 'en_GB',
      parameters: ['Daisy', '12345'],
    }),
  'whatsapp/sticker': media('sticker', 'sticker.webp'),
  'whatsapp/reaction': (view) =>
    expect(only(view, 'reaction')).toEqual({
      kind: 'reaction',
      emoji: '👍',
      targetUuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
    }),
  'whatsapp/custom': (view) =>
    expect(only(view, 'location')).toEqual({
      kind: 'location',
      latitude: 51.5,
      longitude: -0.12,
      name: 'Office',
      address: '1 Example Street',
    }),
  'messenger/text': text,
  'messenger/image': media('image', 'picture.jpg'),
  'messenger/audio': media('audio', 'sound.mp3'),
  'messenger/video': media('video', 'clip.mp4'),
  'messenger/file': media('file', 'document.pdf'),
  'viber_service/text': (view) =>
    expect(view.parts).toEqual([
      { kind: 'text', text: 'Hello from Vonage' },
      { kind: 'link', text: 'See the offer', url: 'https://example.com/offer' },
    ]),
  'viber_service/image': (view) => expect(kinds(view)).toEqual(['media', 'link']),
  'viber_service/video': (view) =>
    expect(view.parts[0]).toEqual({
      kind: 'media',
      media: 'video',
      url: `${MEDIA}/clip.mp4`,
      thumbnailUrl: `${MEDIA}/thumb.jpg`,
      caption: 'The clip',
    }),
  'viber_service/file': media('file', 'document.pdf', { name: 'invoice.pdf' }),
  'email/text': (view) =>
    expect(only(view, 'email')).toEqual({
      kind: 'email',
      subject: 'Your order has shipped',
      from: 'orders@example.com',
      fromName: 'Example Shop',
      to: 'customer@example.com',
      toName: 'Ada Lovelace',
      cc: ['Accounts <accounts@example.com>'],
      text: 'Your order is on its way.',
    }),
  'email/html': (view) => expect(only(view, 'email').htmlDocument).toContain('<p>Your order is <b>on its way</b>.</p>'),
  'email/content': (view) => {
    const email = only(view, 'email');
    expect(email.text).toBe('Your order is on its way.');
    expect(email.htmlDocument).toContain('<b>on its way</b>');
  },
};

const v1Entries = catalog('v1');

describe('phoneViewOf: every v1 send combination', () => {
  it('the catalogue has the 36 combinations and each has an expectation here', () => {
    const keys = v1Entries.map((entry) => `${entry.channel}/${entry.messageType}`);
    expect(keys).toHaveLength(36);
    expect(keys.filter((key) => !(key in expectations))).toEqual([]);
  });

  it.each(v1Entries.map((entry) => [`${entry.channel}/${entry.messageType}`, entry] as const))(
    '%s renders its full template',
    (key, entry) => {
      const view = phoneViewOf(entry.full);
      expect(view).toMatchObject({ channel: entry.channel, messageType: entry.messageType });
      expectations[key]!(view);
    },
  );

  it.each(v1Entries.map((entry) => [`${entry.channel}/${entry.messageType}`, entry] as const))(
    '%s renders its minimal template without falling back to raw JSON',
    (_key, entry) => {
      const view = phoneViewOf(entry.minimal);
      expect(view.parts.length).toBeGreaterThan(0);
      expect(kinds(view)).not.toContain('raw');
    },
  );
});

describe('phoneViewOf: details', () => {
  it('counts SMS segments with the encoding asked for', () => {
    const view = phoneViewOf({
      channel: 'sms',
      message_type: 'text',
      text: 'é'.repeat(71),
      sms: { encoding_type: 'unicode' },
    });
    expect(view.parts[0]).toMatchObject({ sms: { segments: 2, encoding: 'ucs2', characters: 71 } });
  });

  it('an unreact shows no emoji', () => {
    const view = phoneViewOf({
      channel: 'whatsapp',
      message_type: 'reaction',
      reaction: { action: 'unreact' },
      context: { message_uuid: 'm-1' },
    });
    expect(view.parts).toEqual([{ kind: 'reaction', emoji: null, targetUuid: 'm-1' }]);
  });

  it('a horizontal card keeps its image alignment, a small carousel its width', () => {
    const card = { title: 'T', text: 'X', media_url: `${MEDIA}/a.jpg` };
    expect(
      phoneViewOf({
        channel: 'rcs',
        message_type: 'card',
        card,
        rcs: { card_orientation: 'HORIZONTAL', image_alignment: 'RIGHT' },
      }).parts[0],
    ).toMatchObject({ orientation: 'HORIZONTAL', imageAlignment: 'RIGHT' });
    expect(
      phoneViewOf({
        channel: 'rcs',
        message_type: 'carousel',
        carousel: { cards: [card, card] },
        rcs: { card_width: 'SMALL' },
      }).parts[0],
    ).toMatchObject({ width: 'SMALL' });
  });

  it('WhatsApp interactive buttons and lists come from custom', () => {
    const buttons = phoneViewOf({
      channel: 'whatsapp',
      message_type: 'custom',
      custom: {
        type: 'interactive',
        interactive: {
          type: 'button',
          header: { type: 'text', text: 'Delivery' },
          body: { text: 'Is Tuesday fine?' },
          footer: { text: 'Example Shop' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
              { type: 'reply', reply: { id: 'no', title: 'No' } },
            ],
          },
        },
      },
    });
    expect(buttons.parts).toEqual([
      {
        kind: 'buttons',
        header: 'Delivery',
        body: 'Is Tuesday fine?',
        footer: 'Example Shop',
        buttons: [
          { kind: 'reply', text: 'Yes', postbackData: 'yes', answersAs: 'reply' },
          { kind: 'reply', text: 'No', postbackData: 'no', answersAs: 'reply' },
        ],
      },
    ]);
    const list = phoneViewOf({
      channel: 'whatsapp',
      message_type: 'custom',
      custom: {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Pick a slot' },
          action: {
            button: 'Slots',
            sections: [{ title: 'Tuesday', rows: [{ id: 'tue-am', title: 'Morning', description: '8 to 12' }] }],
          },
        },
      },
    });
    expect(list.parts).toEqual([
      {
        kind: 'list',
        body: 'Pick a slot',
        buttonLabel: 'Slots',
        sections: [{ title: 'Tuesday', rows: [{ id: 'tue-am', title: 'Morning', description: '8 to 12' }] }],
      },
    ]);
  });

  it('email HTML becomes a document whose first head element is a CSP loading nothing remote', () => {
    const view = phoneViewOf({
      channel: 'email',
      message_type: 'html',
      to: 'a@example.com',
      from: 'b@example.com',
      html: { body: '<img src="https://tracker.example/p.gif"><script>alert(1)</script>' },
      email: { subject: 'S' },
    });
    const document = (view.parts[0] as Extract<PhonePart, { kind: 'email' }>).htmlDocument!;
    expect(emailContentSecurityPolicy).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(document.indexOf('Content-Security-Policy')).toBeLessThan(document.indexOf('<body>'));
    expect(document.indexOf('<meta http-equiv')).toBeLessThan(document.indexOf('tracker.example'));
  });

  it('strange shapes render as JSON, never throw', () => {
    for (const body of [
      {},
      { channel: 'rcs', message_type: 'card' },
      { channel: 'whatsapp', message_type: 'custom', custom: 'x' },
      { channel: 'fax', message_type: 'text' },
    ])
      expect(() => phoneViewOf(body)).not.toThrow();
    expect(kinds(phoneViewOf({ channel: 'whatsapp', message_type: 'custom', custom: { type: 'contacts' } }))).toEqual([
      'raw',
    ]);
  });
});

describe('layOutConversation', () => {
  const entry = (
    messageUuid: string,
    body: Record<string, unknown>,
    direction: 'outbound' | 'inbound' = 'outbound',
  ) => ({
    messageUuid,
    direction,
    at: '2026-01-01T00:00:00Z',
    body,
    statuses: [],
    readByBusiness: false,
    revoked: false,
  });
  const react = (uuid: string, target: string, reaction: object) =>
    entry(uuid, { channel: 'whatsapp', message_type: 'reaction', reaction, context: { message_uuid: target } });

  it('puts a reaction on the message it reacts to; an unreact clears it; an orphan stays a bubble', () => {
    const laidOut = layOutConversation([
      entry('in-1', { channel: 'whatsapp', message_type: 'text', text: 'Hi' }, 'inbound'),
      react('r-1', 'in-1', { action: 'react', emoji: '👍' }),
      entry('out-1', { channel: 'whatsapp', message_type: 'text', text: 'Hello' }),
      react('r-2', 'out-1', { action: 'react', emoji: '🎉' }),
      react('r-3', 'out-1', { action: 'unreact' }),
      react('r-4', 'gone', { action: 'react', emoji: '😀' }),
    ]);
    expect(laidOut.map((item) => [item.entry.messageUuid, item.reaction])).toEqual([
      ['in-1', '👍'],
      ['out-1', undefined],
      ['r-4', undefined],
    ]);
  });
});
