import type { V1Channel } from './channels';

/**
 * Limits the Vonage docs state in prose. The v1 spec puts none of the text
 * limits in its schema, so a longer text is a warning (Vonage may truncate or
 * reject it downstream), not a schema error.
 */
export const textLimits: Record<V1Channel, number | undefined> = {
  sms: 1000,
  mms: undefined,
  rcs: 3072,
  whatsapp: 4096,
  messenger: 640,
  viber_service: 1000,
};

/** client_ref: 100 characters in v1 (error 1450 beyond), 40 in v0.1's description. */
export const clientRefLimits = { v1: 100, 'v0.1': 40 } as const;

export const captionLimit = 3000;

/** Seconds. SMS has a ttl without documented bounds. */
export const ttlRanges = {
  mms: { min: 300, max: 259_200 },
  rcs: { min: 300, max: 2_592_000 },
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
      'doc', 'docx', 'rtf', 'dot', 'dotx', 'odt', 'odf', 'fodt', 'txt', 'info', 'pdf', 'xps', 'pdax', 'eps',
      'xls', 'xlsx', 'ods', 'fods', 'csv', 'xlsm', 'xltx',
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
