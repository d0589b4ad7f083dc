import { channelLabels, type V1Channel } from './channels';
import { makeIssue, type Issue } from './issue';
import { bareDigits } from './fields';
import { clientRefLimits, mediaExtensions, textLimits, urlExtension } from './limits';
import { smsInfo, smsEncodingTypes, type SmsEncodingType } from './sms-encoding';

/**
 * Things Vonage would accept at the door but that will likely go wrong later
 * (truncation, a provider refusing the media, a rejected status). They never
 * block a send; the builder shows them beside the field.
 */

type Json = Record<string, unknown>;
type Path = (string | number)[];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function textWarning(channel: V1Channel, text: unknown, path: Path): Issue[] {
  const limit = textLimits[channel];
  if (typeof text !== 'string' || limit === undefined || text.length <= limit) return [];
  return [
    makeIssue(
      path,
      'TEXT_OVER_LIMIT',
      `${channelLabels[channel]} text is ${text.length} characters; the channel takes up to ${limit}`,
      `Shorten it to ${limit} characters or split it into several messages.`,
    ),
  ];
}

export function mediaWarning(channel: V1Channel, mediaType: string, url: unknown, path: Path): Issue[] {
  const allowed = mediaExtensions[channel]?.[mediaType];
  if (allowed === undefined || typeof url !== 'string') return [];
  const extension = urlExtension(url);
  if (extension === undefined) {
    return [];
  }
  if (allowed.includes(extension)) return [];
  return [
    makeIssue(
      path,
      'MEDIA_EXTENSION',
      `${channelLabels[channel]} ${mediaType} takes ${allowed.map((e) => '.' + e).join(' ')}; this URL ends in .${extension}`,
      'Convert the file to a listed format, or check the URL points at the file you meant (errors 1380-1382 follow otherwise).',
    ),
  ];
}

export function phoneWarning(value: unknown, path: Path): Issue[] {
  if (typeof value !== 'string' || !(value.startsWith('+') || value.startsWith('00'))) return [];
  return [
    makeIssue(
      path,
      'PHONE_PREFIX',
      `${value} starts with ${value.startsWith('+') ? '+' : '00'}; Vonage expects the bare E.164 digits`,
      `Write it as ${bareDigits(value)}.`,
    ),
  ];
}

export function clientRefWarning(value: unknown, path: Path): Issue[] {
  if (typeof value !== 'string' || value.length <= clientRefLimits['v0.1']) return [];
  return [
    makeIssue(
      path,
      'CLIENT_REF_LONG',
      `client_ref is ${value.length} characters; v0.1 documents at most ${clientRefLimits['v0.1']}`,
      'Shorten it to 40 characters, or send with v1 which takes 100.',
    ),
  ];
}

/** SMS text that loses characters under encoding_type text, or runs past six billed parts. */
export function smsWarnings(text: unknown, options: unknown, path: Path): Issue[] {
  if (typeof text !== 'string') return [];
  const requested = isObject(options) ? options.encoding_type : undefined;
  const encodingType: SmsEncodingType = (smsEncodingTypes as readonly unknown[]).includes(requested)
    ? (requested as SmsEncodingType)
    : 'auto';
  const info = smsInfo(text, encodingType);
  const found: Issue[] = [];
  if (encodingType === 'text' && info.unicodeCharacters.length > 0) {
    const listed = info.unicodeCharacters
      .slice(0, 5)
      .map((c) => `${c.char} at ${c.index}`)
      .join(', ');
    found.push(
      makeIssue(
        path,
        'SMS_ENCODING',
        `encoding_type text cannot carry ${listed}; the network will replace or drop them`,
        'Remove those characters, or let encoding_type be auto so the message goes as Unicode.',
      ),
    );
  }
  if (info.segments > 6) {
    found.push(
      makeIssue(
        path,
        'SMS_ENCODING',
        `This text takes ${info.segments} SMS parts (${info.encoding}); each part is billed`,
        'Vonage advises at most 6 parts: shorten the text or avoid the characters that force Unicode.',
      ),
    );
  }
  return found;
}

/** Warnings for a v1 request whose channel and message_type are known. */
export function v1Warnings(payload: Json, channel: V1Channel, messageType: string, prefix: Path): Issue[] {
  const at = (...path: Path): Path => [...prefix, ...path];
  const found: Issue[] = [...textWarning(channel, payload.text, at('text'))];
  if (channel === 'sms') found.push(...smsWarnings(payload.text, payload.sms, at('text')));
  if (channel !== 'messenger') {
    found.push(...phoneWarning(payload.to, at('to')));
  }
  const media = payload[messageType];
  if (isObject(media)) found.push(...mediaWarning(channel, messageType, media.url, at(messageType, 'url')));
  if (messageType === 'content' && Array.isArray(payload.content)) {
    payload.content.forEach((item, index) => {
      if (isObject(item) && typeof item.type === 'string') {
        found.push(...mediaWarning(channel, item.type, item.url, at('content', index, 'url')));
      }
    });
  }
  if (channel === 'viber_service' && messageType === 'video' && isObject(payload.video)) {
    for (const key of ['duration', 'file_size'] as const) {
      if (key in payload.video) {
        found.push(
          makeIssue(
            at('video', key),
            'MISPLACED_FIELD',
            `Vonage reads ${key} from viber_service, not from video`,
            `Move it to viber_service.${key} (the spec lists it under video by mistake).`,
          ),
        );
      }
    }
  }
  if (messageType === 'sticker' && isObject(payload.sticker) && payload.sticker.id !== undefined) {
    found.push(
      makeIssue(
        at('sticker', 'id'),
        'DEPRECATED',
        'WhatsApp sticker ids are deprecated',
        'Send sticker.url with a .webp file instead.',
      ),
    );
  }
  // A missing custom is an error of the schema; an empty one passes it but sends nothing.
  if (messageType === 'custom' && isObject(payload.custom) && Object.keys(payload.custom).length === 0) {
    found.push(
      makeIssue(
        at('custom'),
        'EMPTY_CUSTOM',
        `${channelLabels[channel]} custom is an empty object, so there is nothing to send`,
        'Put the provider-specific message (interactive, location, rich card...) in custom.',
      ),
    );
  }
  if (payload.trusted_sender !== undefined && (channel === 'sms' || channel === 'mms' || channel === 'rcs')) {
    found.push(
      makeIssue(
        at('trusted_sender'),
        'DEPRECATED',
        'trusted_sender is deprecated in the Messages API',
        'Leave it out; use trusted_recipient to mark a recipient who asked for the message.',
      ),
    );
  }
  return found;
}
