import { describe, expect, it } from 'vitest';
import { smsInfo, smsInfoSchema } from '../../../src-shared/messages/sms-encoding';

const a = (n: number) => 'a'.repeat(n);
const zhe = (n: number) => 'ж'.repeat(n);

describe('smsInfo: GSM-7', () => {
  it('fits 160 septets in one segment and needs two at 161', () => {
    expect(smsInfo(a(160))).toMatchObject({
      encoding: 'gsm7',
      units: 160,
      segments: 1,
      unitsPerSegment: 160,
      remainingInLastSegment: 0,
    });
    expect(smsInfo(a(161))).toMatchObject({
      units: 161,
      segments: 2,
      unitsPerSegment: 153,
      remainingInLastSegment: 145,
    });
  });

  it('fits 153 × 2 septets in two parts and needs a third at one more', () => {
    expect(smsInfo(a(306))).toMatchObject({ segments: 2, remainingInLastSegment: 0 });
    expect(smsInfo(a(307))).toMatchObject({ segments: 3, remainingInLastSegment: 152 });
  });

  it('counts extension characters as two septets', () => {
    const info = smsInfo('{€}');
    expect(info).toMatchObject({ encoding: 'gsm7', characters: 3, units: 6, segments: 1 });
    expect(info.extensionCharacters).toEqual([
      { char: '{', index: 0 },
      { char: '€', index: 1 },
      { char: '}', index: 2 },
    ]);
    expect(smsInfo(a(159) + '€')).toMatchObject({ units: 161, segments: 2 });
  });

  it('never splits an escape pair across a segment boundary', () => {
    // 152 + 2 + 152 = 306 septets would fill exactly two parts, but the € cannot
    // start in the last septet of part one, so it moves and a third part follows.
    expect(smsInfo(a(152) + '€' + a(152))).toMatchObject({ units: 306, segments: 3, remainingInLastSegment: 152 });
    expect(smsInfo(a(151) + '€' + a(153))).toMatchObject({ units: 306, segments: 2, remainingInLastSegment: 0 });
  });

  it('knows the whole basic table, including the look-alikes', () => {
    const table =
      '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
    expect([...table]).toHaveLength(127);
    expect(smsInfo(table)).toMatchObject({ encoding: 'gsm7', units: 127, unicodeCharacters: [] });
    expect(smsInfo('`').encoding).toBe('ucs2');
    expect(smsInfo('ç').encoding).toBe('ucs2');
  });
});

describe('smsInfo: UCS-2', () => {
  it('fits 70 code units in one segment and needs two at 71', () => {
    expect(smsInfo(zhe(70))).toMatchObject({ encoding: 'ucs2', units: 70, segments: 1, remainingInLastSegment: 0 });
    expect(smsInfo(zhe(71))).toMatchObject({ segments: 2, unitsPerSegment: 67, remainingInLastSegment: 63 });
  });

  it('fits 67 × 2 code units in two parts and needs a third at one more', () => {
    expect(smsInfo(zhe(134))).toMatchObject({ segments: 2, remainingInLastSegment: 0 });
    expect(smsInfo(zhe(135))).toMatchObject({ segments: 3, remainingInLastSegment: 66 });
  });

  it('counts an emoji as two code units and names it with its position', () => {
    const info = smsInfo('Hi 😀 there');
    expect(info).toMatchObject({ encoding: 'ucs2', characters: 10, units: 11 });
    expect(info.unicodeCharacters).toEqual([{ char: '😀', index: 3, codePoint: 'U+1F600' }]);
    expect(smsInfo(a(68) + '😀')).toMatchObject({ units: 70, segments: 1 });
    expect(smsInfo(a(69) + '😀')).toMatchObject({ units: 71, segments: 2 });
  });

  it('never splits a surrogate pair across a segment boundary', () => {
    expect(smsInfo(a(66) + '😀' + a(66))).toMatchObject({ units: 134, segments: 3 });
  });

  it('lists every character that forces Unicode with its UTF-16 index', () => {
    const info = smsInfo('a😀b“c”');
    expect(info.unicodeCharacters.map((c) => [c.char, c.index])).toEqual([
      ['😀', 1],
      ['“', 4],
      ['”', 6],
    ]);
  });
});

describe('smsInfo: encoding_type', () => {
  it('unicode forces UCS-2 even for GSM text, with a note', () => {
    const info = smsInfo('hello', 'unicode');
    expect(info).toMatchObject({ encoding: 'ucs2', units: 5 });
    expect(info.notes).toHaveLength(1);
  });

  it('text forces GSM-7 and warns that non-GSM characters will not survive', () => {
    const info = smsInfo('hi ж', 'text');
    expect(info).toMatchObject({ encoding: 'gsm7', units: 4 });
    expect(info.unicodeCharacters).toHaveLength(1);
    expect(info.notes[0]).toContain('replaced');
  });

  it('reports an empty text as zero segments and returns schema-valid data', () => {
    const info = smsInfo('');
    expect(info).toMatchObject({ segments: 0, remainingInLastSegment: 160 });
    expect(smsInfoSchema.parse(info)).toEqual(info);
  });

  it('notes more than six segments', () => {
    expect(smsInfo(a(153 * 7)).notes.join(' ')).toContain('7 segments');
  });
});
