import { email, MEDIA, rcs, rcsFull, type Json } from './template-parts';

/**
 * Templates of the 1.20.0 additions: RCS rich cards and carousels with
 * suggestion chips, and the three email message types.
 */

const reply = (text: string, postback: string): Json => ({ type: 'reply', text, postback_data: postback });

/** One chip of each of the seven kinds, for the full RCS templates. */
const chips = {
  reply: reply('Yes please', 'offer_yes'),
  dial: {
    type: 'dial',
    text: 'Call us',
    postback_data: 'dial_shop',
    phone_number: '447700900002',
    fallback_url: 'https://example.com/contact',
  },
  viewLocation: {
    type: 'view_location',
    text: 'Find the shop',
    postback_data: 'view_shop',
    latitude: '51.5074',
    longitude: '-0.1278',
    pin_label: 'Our shop',
    fallback_url: 'https://example.com/shop',
  },
  shareLocation: { type: 'share_location', text: 'Share location', postback_data: 'share_location' },
  openUrl: {
    type: 'open_url',
    text: 'Open the offer',
    postback_data: 'open_offer',
    url: 'https://example.com/offer',
    description: 'The spring offer page',
  },
  openUrlInWebview: {
    type: 'open_url_in_webview',
    text: 'See it here',
    postback_data: 'webview_offer',
    url: 'https://example.com/offer',
    description: 'The spring offer page',
    view_mode: 'TALL',
  },
  createCalendarEvent: {
    type: 'create_calendar_event',
    text: 'Save the date',
    postback_data: 'save_date',
    start_time: '2026-03-01T10:00:00Z',
    end_time: '2026-03-01T18:00:00Z',
    title: 'Spring sale',
    description: 'Our spring sale, in shop and online',
    fallback_url: 'https://example.com/sale',
  },
} satisfies Record<string, Json>;
export const everySuggestionKind: Json[] = Object.values(chips);

const minimalCard = (n: number): Json => ({
  title: `Offer ${n}`,
  text: `Offer ${n}: 20% off this week.`,
  media_url: `${MEDIA}/offer-${n}.jpg`,
});

const fullCard = (n: number): Json => ({
  ...minimalCard(n),
  media_description: `Photo of offer ${n}`,
  media_height: 'MEDIUM',
  thumbnail_url: `${MEDIA}/offer-${n}-thumb.jpg`,
  media_force_refresh: false,
  suggestions: [reply('Yes please', `offer_${n}_yes`), chips.openUrl, chips.dial, chips.createCalendarEvent],
});

const emailFull: Json = {
  subject: 'Your order has shipped',
  to_name: 'Ada Lovelace',
  from_name: 'Example Shop',
  importance: 'Normal',
  priority: 'Normal',
  sensitivity: 'Personal',
  cc: [{ address: 'accounts@example.com', name: 'Accounts' }],
  bcc: [{ address: 'archive@example.com' }],
};
const emailMinimal: Json = { subject: 'Your order has shipped' };

export const richPairs = {
  'rcs/card': {
    minimal: rcs('card', { card: minimalCard(1) }),
    full: rcs('card', { card: fullCard(1), rcs: { category: 'promotion', card_orientation: 'VERTICAL' }, ...rcsFull }),
  },
  'rcs/carousel': {
    minimal: rcs('carousel', { carousel: { cards: [minimalCard(1), minimalCard(2)] } }),
    full: rcs('carousel', {
      carousel: { cards: [fullCard(1), fullCard(2), fullCard(3)] },
      suggestions: everySuggestionKind,
      rcs: { category: 'promotion', card_width: 'MEDIUM' },
      ...rcsFull,
    }),
  },
  'email/text': {
    minimal: email('text', { text: 'Your order is on its way.', email: emailMinimal }),
    full: email('text', { text: 'Your order is on its way.', email: emailFull }),
  },
  'email/html': {
    minimal: email('html', { html: { body: '<p>Your order is on its way.</p>' }, email: emailMinimal }),
    full: email('html', { html: { body: '<p>Your order is <b>on its way</b>.</p>' }, email: emailFull }),
  },
  'email/content': {
    minimal: email('content', { content: [{ type: 'text', text: 'Your order is on its way.' }], email: emailMinimal }),
    full: email('content', {
      content: [
        { type: 'text', text: 'Your order is on its way.' },
        { type: 'html', body: '<p>Your order is <b>on its way</b>.</p>' },
      ],
      email: emailFull,
    }),
  },
} satisfies Record<string, { minimal: Json; full: Json }>;
