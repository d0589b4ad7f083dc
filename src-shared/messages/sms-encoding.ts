import { z } from 'zod';

/**
 * SMS encoding and segment arithmetic (3GPP TS 23.038). Vonage sends GSM-7
 * when every character is in the GSM alphabet and UCS-2 otherwise, unless
 * `sms.encoding_type` forces one. A concatenated part loses room to its
 * header: 153 septets instead of 160, 67 code units instead of 70.
 */

/** GSM 03.38 basic table in code order; the escape slot (0x1B) is a placeholder never matched. */
const basicTable =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters reached through the escape: each costs two septets. */
const extensionTable = '\f^{}\\[~]|€';

const basic = new Set([...basicTable].filter((char) => char !== '\u001b'));
const extension = new Set(extensionTable);

export const smsEncodingTypes = ['text', 'unicode', 'auto'] as const;
export type SmsEncodingType = (typeof smsEncodingTypes)[number];

export const smsInfoSchema = z.object({
  /** What was asked for in sms.encoding_type. */
  encodingType: z.enum(smsEncodingTypes),
  /** What goes on the air. */
  encoding: z.enum(['gsm7', 'ucs2']),
  /** Characters as a person counts them (code points). */
  characters: z.number(),
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: z.number(),
  unitName: z.enum(['septets', 'code units']),
  segments: z.number(),
  /** Capacity of each segment: 160 or 153 (GSM-7), 70 or 67 (UCS-2). */
  unitsPerSegment: z.number(),
  /** Units still free in the last segment before another one is needed. */
  remainingInLastSegment: z.number(),
  /** Every character outside GSM-7, with its UTF-16 index in the text. */
  unicodeCharacters: z.array(z.object({ char: z.string(), index: z.number(), codePoint: z.string() })),
  /** Characters from the GSM-7 extension table (two septets each). */
  extensionCharacters: z.array(z.object({ char: z.string(), index: z.number() })),
  notes: z.array(z.string()),
});
export type SmsInfo = z.infer<typeof smsInfoSchema>;

const capacity = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

/**
 * How a text travels as SMS: encoding, size, segments, and which characters
 * force Unicode. Emoji and other characters outside the BMP take two UCS-2
 * code units. An ESC pair or a surrogate pair is never split across parts.
 */
export function smsInfo(text: string, encodingType: SmsEncodingType = 'auto'): SmsInfo {
  const unicodeCharacters: SmsInfo['unicodeCharacters'] = [];
  const extensionCharacters: SmsInfo['extensionCharacters'] = [];
  let characters = 0;
  let index = 0;
  for (const char of text) {
    characters += 1;
    if (extension.has(char)) extensionCharacters.push({ char, index });
    else if (!basic.has(char)) {
      unicodeCharacters.push({
        char,
        index,
        codePoint: 'U+' + (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0'),
      });
    }
    index += char.length;
  }
  const encoding =
    encodingType === 'unicode' || (encodingType === 'auto' && unicodeCharacters.length > 0) ? 'ucs2' : 'gsm7';
  const notes: string[] = [];
  if (encodingType === 'text' && unicodeCharacters.length > 0) {
    notes.push(
      `encoding_type text forces GSM-7: ${unicodeCharacters.length} character(s) outside it will be replaced or dropped by the network`,
    );
  }
  if (encodingType === 'unicode' && unicodeCharacters.length === 0) {
    notes.push('Every character fits GSM-7; encoding_type auto would fit more per segment');
  }
  // UCS-2 counts UTF-16 code units; GSM-7 one septet a character, two for the extension table.
  const units = encoding === 'ucs2' ? text.length : characters + extensionCharacters.length;
  const { single, part } = capacity[encoding];
  let segments: number;
  let used: number;
  let perSegment: number;
  if (units <= single) {
    segments = units === 0 ? 0 : 1;
    used = units;
    perSegment = single;
  } else {
    perSegment = part;
    segments = 1;
    used = 0;
    for (const char of text) {
      const size = encoding === 'ucs2' ? char.length : extension.has(char) ? 2 : 1;
      if (used + size > part) {
        segments += 1;
        used = 0;
      }
      used += size;
    }
  }
  if (segments > 6) notes.push(`${segments} segments: Vonage advises at most 6, and each segment is billed`);
  return {
    encodingType,
    encoding,
    characters,
    units,
    unitName: encoding === 'gsm7' ? 'septets' : 'code units',
    segments,
    unitsPerSegment: perSegment,
    remainingInLastSegment: perSegment - used,
    unicodeCharacters,
    extensionCharacters,
    notes,
  };
}
