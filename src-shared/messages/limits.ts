import type { V1Channel } from './channels';

/**
 * Text limits the spec states only in prose: a longer text is a warning
 * (Vonage may truncate or reject it downstream), not a schema error. SMS is
 * absent because 1.20.0 puts its limit in the schema (smsTextLimit).
 */
export const textLimits: Record<V1Channel, number | undefined> = {
  sms: undefined,
  mms: undefined,
  rcs: 3072,
  whatsapp: 4096,
  messenger: 640,
  viber_service: 1000,
  email: undefined,
};

/** SMS text: a schema limit since 1.20.0 (it was 1,000 in prose before). */
export const smsTextLimit = 3200;

/** RCS rich content: cards, carousels and suggestion chips. */
export const rcsLimits = {
  cardTitle: 200,
  cardText: 2000,
  carouselCards: { min: 2, max: 10 },
  suggestionsPerMessage: 11,
  suggestionsPerCard: 4,
  suggestionText: 25,
  suggestionDescription: 500,
  calendarTitle: 100,
  calendarDescription: 500,
} as const;

/** Display names of email senders and recipients (email.to_name, cc[].name...). */
export const emailNameLimit = 100;

/** client_ref: 100 characters in v1 (error 1450 beyond), 40 in v0.1's description. */
export const clientRefLimits = { v1: 100, 'v0.1': 40 } as const;

export const captionLimit = 3000;

/** Seconds. */
export const ttlRanges = {
  sms: { min: 20, max: 604_800 },
  mms: { min: 300, max: 259_200 },
  rcs: { min: 20, max: 259_200 },
  viber_service: { min: 30, max: 259_200 },
} as const;

/**
 * File extensions each channel takes per media type, from the docs. A URL
 * whose path ends otherwise is only a warning: servers often serve media
 * from extension-less URLs with the right Content-Type.
 */
export const mediaExtensions: Partial<Record<V1Channel, Partial<Record<string, readonly string[]>>>> = {
  mms: {
    image: ['jpg', 'jpeg', 'png', 'gif', 'bmp'],
    vcard: ['vcf'],
    audio: ['mp3', 'amr', 'midi', 'wav', 'ac3'],
    video: ['mp4', '3pg', 'avi', 'mpg'],
  },
  rcs: {
    image: ['jpg', 'jpeg', 'gif', 'png'],
    video: ['mp4', 'm4v', 'h263', 'mpeg', 'webm'],
    file: ['pdf'],
  },
  whatsapp: {
    image: ['jpg', 'jpeg', 'png'],
    audio: ['aac', 'm4a', 'amr', 'mp3', 'opus'],
    video: ['mp4', '3gpp'],
    sticker: ['webp'],
  },
  messenger: {
    image: ['jpg', 'jpeg', 'png', 'gif'],
    audio: ['mp3'],
    video: ['mp4'],
  },
  viber_service: {
    image: ['jpg', 'jpeg', 'png'],
    file: [
      'doc',
      'docx',
      'rtf',
      'dot',
      'dotx',
      'odt',
      'odf',
      'fodt',
      'txt',
      'info',
      'pdf',
      'xps',
      'pdax',
      'eps',
      'xls',
      'xlsx',
      'ods',
      'fods',
      'csv',
      'xlsm',
      'xltx',
    ],
  },
};

/** The extension of a URL's path (lower case), or undefined when it has none. */
export function urlExtension(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const last = path.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : undefined;
}
