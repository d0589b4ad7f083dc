/** The SMS text of a payload and the encoding it asks for, wherever each API version keeps them. */
import { smsEncodingTypes, type ApiVersion, type SmsEncodingType } from '../../../src-shared/messages';
import { valueAt } from './json-pointer';

export interface SmsText {
  text: string;
  encodingType: SmsEncodingType;
  /** Where the text is, to link the meter to its field. */
  pointer: string;
}

export function smsTextOf(api: ApiVersion, payload: unknown): SmsText | null {
  const isSms = api === 'v1' ? valueAt(payload, '/channel') === 'sms' : valueAt(payload, '/to/type') === 'sms';
  if (!isSms) return null;
  const pointer = api === 'v1' ? '/text' : '/message/content/text';
  const text = valueAt(payload, pointer);
  if (typeof text !== 'string') return null;
  const asked = api === 'v1' ? valueAt(payload, '/sms/encoding_type') : undefined;
  const encodingType = (smsEncodingTypes as readonly unknown[]).includes(asked) ? (asked as SmsEncodingType) : 'auto';
  return { text, encodingType, pointer };
}
