import { smsInfo, type SmsEncodingType } from '../messages';
import { emailPart } from './email-view';
import { arrayAt, defined, isObject, objectAt, stringAt, type Json } from './json-reading';
import type { MediaKind, PhoneMessageView, PhonePart } from './phone-view';
import { rcsCardPart, rcsCarouselPart, rcsCustom, rcsSuggestions } from './rcs-view';
import { reactionPart, templatePart, whatsappCustomParts } from './whatsapp-view';

/**
 * The pure function from an accepted v1 send request (one channel ×
 * message_type, as validated by the message model) to what the recipient's
 * phone shows. Unknown shapes never throw: they render as their JSON.
 */

const mediaKinds: readonly MediaKind[] = ['image', 'video', 'audio', 'file', 'vcard', 'sticker'];
const isMediaKind = (value: string): value is MediaKind => (mediaKinds as readonly string[]).includes(value);

function mediaPart(kind: MediaKind, value: unknown): PhonePart {
  const media = objectAt(value);
  return defined({
    kind: 'media' as const,
    media: kind,
    url: stringAt(media.url) ?? '',
    caption: stringAt(media.caption),
    name: stringAt(media.name),
    thumbnailUrl: stringAt(media.thumb_url),
  });
}

function smsText(body: Json): PhonePart {
  const text = stringAt(body.text) ?? '';
  const asked = stringAt(objectAt(body.sms).encoding_type);
  const encoding: SmsEncodingType = asked === 'text' || asked === 'unicode' ? asked : 'auto';
  const info = smsInfo(text, encoding);
  return { kind: 'text', text, sms: { segments: info.segments, encoding: info.encoding, characters: info.characters } };
}

/** The parts every channel shares: text, media by type, MMS's content list, and the raw fallback. */
function commonParts(body: Json, messageType: string): PhonePart[] {
  if (messageType === 'text') return [{ kind: 'text', text: stringAt(body.text) ?? '' }];
  if (isMediaKind(messageType)) return [mediaPart(messageType, body[messageType])];
  if (messageType === 'content') {
    return arrayAt(body.content)
      .filter(isObject)
      .map((item) => {
        const type = stringAt(item.type) ?? '';
        return isMediaKind(type) ? mediaPart(type, item) : { kind: 'raw', label: type, json: JSON.stringify(item) };
      });
  }
  return [{ kind: 'raw', label: `${messageType} content`, json: JSON.stringify(body[messageType] ?? null, null, 2) }];
}

function viberAction(body: Json): PhonePart[] {
  const action = objectAt(objectAt(body.viber_service).action);
  const url = stringAt(action.url);
  return url === undefined ? [] : [{ kind: 'link', text: stringAt(action.text) ?? url, url }];
}

export function phoneViewOf(request: Json): PhoneMessageView {
  const channel = stringAt(request.channel) ?? '';
  const messageType = stringAt(request.message_type) ?? '';
  const contextUuid = stringAt(objectAt(request.context).message_uuid);
  const view = (parts: PhonePart[], suggestions: PhoneMessageView['suggestions'] = []): PhoneMessageView =>
    defined({ channel, messageType, parts, suggestions, contextUuid });
  switch (channel) {
    case 'sms':
      return view([smsText(request)]);
    case 'mms':
    case 'messenger':
      return view(commonParts(request, messageType));
    case 'viber_service':
      return view([...commonParts(request, messageType), ...viberAction(request)]);
    case 'email':
      return view([emailPart(request)]);
    case 'rcs': {
      const chips = rcsSuggestions(request.suggestions);
      if (messageType === 'card') return view([rcsCardPart(request)]);
      if (messageType === 'carousel') return view([rcsCarouselPart(request)], chips);
      if (messageType === 'custom') {
        const custom = rcsCustom(request);
        return view(custom.parts, custom.suggestions);
      }
      return view(commonParts(request, messageType), chips);
    }
    case 'whatsapp':
      if (messageType === 'template') return view([templatePart(request)]);
      if (messageType === 'reaction') return view([reactionPart(request)]);
      if (messageType === 'custom') return view(whatsappCustomParts(request));
      return view(commonParts(request, messageType));
    default:
      return view([{ kind: 'raw', label: `${channel} ${messageType}`, json: JSON.stringify(request, null, 2) }]);
  }
}
