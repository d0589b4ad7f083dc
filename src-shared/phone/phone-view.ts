/**
 * What the emulator's phone shows for one message, as plain data: the
 * renderer draws it, the emulator reads the suggestions back when a tap
 * arrives, and unit tests pin it per message type. Nothing here is fetched:
 * media are placeholders labelled with their kind and URL.
 */

export type MediaKind = 'image' | 'video' | 'audio' | 'file' | 'vcard' | 'sticker';

/** How a tap on a chip, a button or a list row comes back: Vonage's inbound `reply` or `button`. */
export type AnswerType = 'reply' | 'button';

export interface PhoneSuggestion {
  /** `reply` for a suggested reply; the action's kind (dial, open_url...) otherwise. */
  kind: string;
  text: string;
  /** What the business gets back: RCS postback data, or a WhatsApp button or row id. */
  postbackData: string;
  /** What the chip would do on a real phone (number, URL, place, date), shown, never followed. */
  detail?: string;
  answersAs: AnswerType;
}

export type MediaHeight = 'SHORT' | 'MEDIUM' | 'TALL';

export interface PhoneCard {
  title: string;
  text: string;
  mediaUrl: string;
  mediaDescription?: string;
  mediaHeight: MediaHeight;
  suggestions: PhoneSuggestion[];
}

export interface ListSection {
  title?: string;
  rows: { id: string; title: string; description?: string }[];
}

export type PhonePart =
  | { kind: 'text'; text: string; sms?: { segments: number; encoding: 'gsm7' | 'ucs2'; characters: number } }
  | { kind: 'media'; media: MediaKind; url: string; caption?: string; name?: string; thumbnailUrl?: string }
  | { kind: 'template'; name: string; locale?: string; parameters: string[] }
  | { kind: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | { kind: 'reaction'; emoji: string | null; targetUuid?: string }
  | { kind: 'buttons'; header?: string; body: string; footer?: string; buttons: PhoneSuggestion[] }
  | { kind: 'list'; header?: string; body: string; footer?: string; buttonLabel: string; sections: ListSection[] }
  | { kind: 'card'; card: PhoneCard; orientation: 'VERTICAL' | 'HORIZONTAL'; imageAlignment: 'LEFT' | 'RIGHT' }
  | { kind: 'carousel'; width: 'SMALL' | 'MEDIUM'; cards: PhoneCard[] }
  | {
      kind: 'email';
      subject: string;
      from: string;
      fromName?: string;
      to: string;
      toName?: string;
      cc: string[];
      text?: string;
      /** A whole HTML document for an iframe's srcdoc, with a CSP that loads nothing remote. */
      htmlDocument?: string;
    }
  | { kind: 'link'; text: string; url: string }
  | { kind: 'raw'; label: string; json: string };

export interface PhoneMessageView {
  channel: string;
  messageType: string;
  parts: PhonePart[];
  /** Chips under the whole message (RCS text, carousel, custom). */
  suggestions: PhoneSuggestion[];
  /** The message this one quotes or reacts to (WhatsApp `context`). */
  contextUuid?: string;
}

/** Where a tappable element sits in a message: a chip (of a card, or of the message), a button or a list row. */
export type TapTarget =
  | { kind: 'suggestion'; card?: number; index: number }
  | { kind: 'button'; index: number }
  | { kind: 'row'; id: string };
