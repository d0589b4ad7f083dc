import { envelope, envelopeRequired, type CombinationFacts, type Payload } from './facts';

const rcs = (type: string, body: Payload): Payload => ({
  ...envelope('rcs', type, '447700900020', 'AcmeTravel'),
  ...body,
});
const media = 'https://img.example.org';

/** One chip of each kind Vonage lists, written for a travel agent. */
const chips: Record<string, Payload> = {
  reply: { type: 'reply', text: 'Book now', postback_data: 'book' },
  dial: { type: 'dial', text: 'Call the desk', postback_data: 'call', phone_number: '+442079460000' },
  viewLocation: {
    type: 'view_location',
    text: 'Show hotel',
    postback_data: 'map',
    latitude: '-33.8688',
    longitude: '151.2093',
    pin_label: 'Harbour Hotel',
  },
  shareLocation: { type: 'share_location', text: 'Send my location', postback_data: 'where' },
  openUrl: {
    type: 'open_url',
    text: 'Itinerary',
    postback_data: 'itin',
    url: 'https://trips.example.org/42',
    description: 'Your trip plan',
  },
  webview: {
    type: 'open_url_in_webview',
    text: 'Seat map',
    postback_data: 'seats',
    url: 'https://trips.example.org/42/seats',
    description: 'Pick a seat',
    view_mode: 'HALF',
  },
  calendar: {
    type: 'create_calendar_event',
    text: 'Add flight',
    postback_data: 'cal',
    start_time: '2026-07-01T06:30:00+01:00',
    end_time: '2026-07-01T09:10:00+01:00',
    title: 'Flight LHR to SYD',
    description: 'Check in closes 60 minutes before departure',
  },
};
const allChips = Object.values(chips);

const card = (n: number, extra: Payload = {}): Payload => ({
  title: `Hotel ${n}`,
  text: `Three nights at hotel ${n}, breakfast included.`,
  media_url: `${media}/hotel-${n}.jpg`,
  ...extra,
});

/** The largest carousel the spec allows: 10 cards of 4 chips, 11 chips on the message. */
function largestCarousel(): Payload {
  const fourChips = [chips.reply, chips.dial, chips.openUrl, chips.calendar];
  return rcs('carousel', {
    carousel: {
      cards: Array.from({ length: 10 }, (_, i) => card(i + 1, { media_height: 'TALL', suggestions: fourChips })),
    },
    suggestions: [...allChips, chips.reply, chips.dial, chips.openUrl, chips.webview],
    rcs: { card_width: 'SMALL', category: 'promotion' },
  });
}

export const rcsFacts: CombinationFacts[] = [
  {
    channel: 'rcs',
    messageType: 'text',
    valid: [
      rcs('text', { text: 'Your booking is confirmed.' }),
      rcs('text', {
        text: 'Anything else?',
        suggestions: [...allChips, chips.reply, chips.dial, chips.openUrl, chips.webview],
        ttl: 20,
        webhook_version: 'v0.1',
      }),
      rcs('text', { text: 'Gate change', ttl: 259_200, trusted_recipient: true, rcs: { category: 'service-request' } }),
    ],
    required: [...envelopeRequired, '/text'],
    accepted: [
      { pointer: '/suggestions', value: Array.from({ length: 11 }, () => chips.reply) },
      { pointer: '/suggestions', value: [{ ...chips.reply, text: 'x'.repeat(25) }] },
    ],
    refused: [
      { pointer: '/ttl', value: 19, code: 'OUT_OF_RANGE' },
      { pointer: '/ttl', value: 259_201, code: 'OUT_OF_RANGE' },
      { pointer: '/suggestions', value: Array.from({ length: 12 }, () => chips.reply), code: 'TOO_LONG' },
      {
        pointer: '/suggestions',
        value: [{ ...chips.reply, text: 'x'.repeat(26) }],
        code: 'TOO_LONG',
        at: '/suggestions/0/text',
      },
      {
        pointer: '/suggestions',
        value: [{ ...chips.reply, type: 'buy' }],
        code: 'NOT_ALLOWED_VALUE',
        at: '/suggestions/0/type',
      },
      {
        pointer: '/suggestions',
        value: [{ ...chips.dial, phone_number: '0207 946 0000' }],
        code: 'INVALID_FORMAT',
        at: '/suggestions/0/phone_number',
      },
      {
        pointer: '/suggestions',
        value: [{ ...chips.calendar, end_time: 'tomorrow' }],
        code: 'INVALID_FORMAT',
        at: '/suggestions/0/end_time',
      },
      {
        pointer: '/suggestions',
        value: [{ ...chips.viewLocation, latitude: '91' }],
        code: 'INVALID_FORMAT',
        at: '/suggestions/0/latitude',
      },
    ],
  },
  {
    channel: 'rcs',
    messageType: 'image',
    valid: [
      rcs('image', { image: { url: `${media}/boarding.png` } }),
      rcs('image', { image: { url: `${media}/boarding.png` }, ttl: 3600 }),
    ],
    required: [...envelopeRequired, '/image', '/image/url'],
  },
  {
    channel: 'rcs',
    messageType: 'video',
    valid: [rcs('video', { video: { url: `${media}/tour.webm` } })],
    required: [...envelopeRequired, '/video', '/video/url'],
  },
  {
    channel: 'rcs',
    messageType: 'file',
    valid: [rcs('file', { file: { url: `${media}/ticket.pdf` }, trusted_recipient: false })],
    required: [...envelopeRequired, '/file', '/file/url'],
  },
  {
    channel: 'rcs',
    messageType: 'card',
    valid: [
      rcs('card', { card: card(1) }),
      rcs('card', {
        card: card(2, {
          media_height: 'SHORT',
          media_description: 'Pool at dusk',
          thumbnail_url: `${media}/t2.jpg`,
          media_force_refresh: true,
          suggestions: [chips.reply, chips.viewLocation, chips.shareLocation, chips.webview],
        }),
        rcs: { card_orientation: 'VERTICAL', category: 'transaction' },
      }),
      rcs('card', { card: card(3), rcs: { card_orientation: 'HORIZONTAL', image_alignment: 'LEFT' } }),
    ],
    required: [
      ...envelopeRequired,
      '/card',
      '/card/title',
      '/card/text',
      '/card/media_url',
      '/card/media_height',
      '/rcs/image_alignment',
    ],
    accepted: [
      { pointer: '/card/title', value: 'x'.repeat(200) },
      { pointer: '/card/text', value: 'x'.repeat(2000) },
      { pointer: '/card/suggestions', value: [chips.reply, chips.dial, chips.openUrl, chips.calendar] },
    ],
    refused: [
      { pointer: '/card/title', value: 'x'.repeat(201), code: 'TOO_LONG' },
      { pointer: '/card/text', value: 'x'.repeat(2001), code: 'TOO_LONG' },
      {
        pointer: '/card/suggestions',
        value: [chips.reply, chips.reply, chips.reply, chips.reply, chips.reply],
        code: 'TOO_LONG',
      },
      { pointer: '/rcs/card_orientation', value: 'DIAGONAL', code: 'NOT_ALLOWED_VALUE' },
    ],
  },
  {
    channel: 'rcs',
    messageType: 'carousel',
    valid: [rcs('carousel', { carousel: { cards: [card(1), card(2)] } }), largestCarousel()],
    required: [
      ...envelopeRequired,
      '/carousel',
      '/carousel/cards',
      '/carousel/cards/0/title',
      '/carousel/cards/1/media_url',
    ],
    refused: [
      { pointer: '/carousel/cards', value: [card(1)], code: 'TOO_SHORT' },
      { pointer: '/carousel/cards', value: Array.from({ length: 11 }, (_, i) => card(i)), code: 'TOO_LONG' },
      { pointer: '/rcs/card_width', value: 'LARGE', code: 'NOT_ALLOWED_VALUE' },
    ],
  },
  {
    channel: 'rcs',
    messageType: 'custom',
    valid: [rcs('custom', { custom: { contentMessage: { text: 'Hi' } } })],
    required: [...envelopeRequired, '/custom'],
  },
];
