import { arrayAt, defined, isObject, objectAt, stringAt, type Json } from './json-reading';
import type { MediaHeight, PhoneCard, PhonePart, PhoneSuggestion } from './phone-view';

/**
 * RCS rich content as the phone shows it: chips of the 1.20.0 model (and of
 * Google's RBM shape inside `custom`), cards and carousels with their layout.
 * A suggested reply answers as an inbound `reply`, every action as `button`.
 */

/** What an action chip would open on a real phone, shown as text. */
function actionDetail(chip: Json): string | undefined {
  switch (chip.type) {
    case 'dial':
      return stringAt(chip.phone_number);
    case 'view_location':
      return `${String(chip.pin_label ?? '')} (${String(chip.latitude)}, ${String(chip.longitude)})`;
    case 'open_url':
    case 'open_url_in_webview':
      return stringAt(chip.url);
    case 'create_calendar_event':
      return `${String(chip.title ?? '')}: ${String(chip.start_time)} to ${String(chip.end_time)}`;
    default:
      return undefined;
  }
}

export function rcsSuggestions(value: unknown): PhoneSuggestion[] {
  return arrayAt(value)
    .filter(isObject)
    .map((chip) => {
      const kind = stringAt(chip.type) ?? 'reply';
      return defined({
        kind,
        text: stringAt(chip.text) ?? '',
        postbackData: stringAt(chip.postback_data) ?? '',
        detail: actionDetail(chip),
        answersAs: kind === 'reply' ? ('reply' as const) : ('button' as const),
      });
    });
}

const heights: readonly MediaHeight[] = ['SHORT', 'MEDIUM', 'TALL'];

function card(value: unknown): PhoneCard {
  const source = objectAt(value);
  const height = stringAt(source.media_height);
  return defined({
    title: stringAt(source.title) ?? '',
    text: stringAt(source.text) ?? '',
    mediaUrl: stringAt(source.media_url) ?? '',
    mediaDescription: stringAt(source.media_description),
    mediaHeight: heights.find((candidate) => candidate === height) ?? 'MEDIUM',
    suggestions: rcsSuggestions(source.suggestions),
  });
}

export function rcsCardPart(body: Json): PhonePart {
  const options = objectAt(body.rcs);
  return {
    kind: 'card',
    card: card(body.card),
    orientation: options.card_orientation === 'HORIZONTAL' ? 'HORIZONTAL' : 'VERTICAL',
    imageAlignment: options.image_alignment === 'RIGHT' ? 'RIGHT' : 'LEFT',
  };
}

export function rcsCarouselPart(body: Json): PhonePart {
  return {
    kind: 'carousel',
    width: objectAt(body.rcs).card_width === 'SMALL' ? 'SMALL' : 'MEDIUM',
    cards: arrayAt(objectAt(body.carousel).cards).map(card),
  };
}

/** Google's RBM chips, `{reply: {text, postbackData}}` or `{action: {text, postbackData, dialAction...}}`. */
function rbmSuggestions(value: unknown): PhoneSuggestion[] {
  return arrayAt(value)
    .filter(isObject)
    .flatMap((chip) => {
      const reply = isObject(chip.reply) ? chip.reply : undefined;
      const action = isObject(chip.action) ? chip.action : undefined;
      const source = reply ?? action;
      if (source === undefined) return [];
      const kind = reply ? 'reply' : (Object.keys(source).find((key) => key.endsWith('Action')) ?? 'action');
      return [
        {
          kind,
          text: stringAt(source.text) ?? '',
          postbackData: stringAt(source.postbackData) ?? '',
          answersAs: reply ? ('reply' as const) : ('button' as const),
        },
      ];
    });
}

/** RCS `custom`: the RBM content message's text and chips when it has them, the JSON otherwise. */
export function rcsCustom(body: Json): { parts: PhonePart[]; suggestions: PhoneSuggestion[] } {
  const custom = objectAt(body.custom);
  const content = objectAt(custom.contentMessage);
  const text = stringAt(content.text);
  const parts: PhonePart[] = [];
  if (text !== undefined) parts.push({ kind: 'text', text });
  const rest = Object.fromEntries(Object.entries(custom).filter(([key]) => key !== 'contentMessage'));
  const unshown = Object.keys(content).filter((key) => key !== 'text' && key !== 'suggestions');
  if (parts.length === 0 || unshown.length > 0 || Object.keys(rest).length > 0)
    parts.push({ kind: 'raw', label: 'RCS custom content', json: JSON.stringify(custom, null, 2) });
  return { parts, suggestions: rbmSuggestions(content.suggestions) };
}
