import { fail, ok, type Result } from '../result';
import type { PhoneAnswer } from '../emulator-conversations';
import type { PhoneMessageView, PhonePart, PhoneSuggestion } from './phone-view';

/**
 * What a tap on the phone posts back, as Vonage reports it: an RCS suggested
 * reply is an inbound `reply` {id: postback data, title}, an RCS action a
 * `button` {payload, text}; a WhatsApp reply button or list row a `reply`
 * {id, title[, description]}; typing is `text`. The element is found in the
 * rendered message, so a tap can only answer with what the business offered.
 */
export interface InboundAnswer {
  messageType: 'reply' | 'button' | 'text';
  text?: string;
  /** The value under the message type's own field, exactly as posted. */
  content?: Record<string, unknown>;
}

const missing = (what: string, path: string) =>
  fail<InboundAnswer>('PHONE_ANSWER_INVALID', `This message has no ${what}`, 'Tap an element the message shows.', path);

function cardsOf(parts: PhonePart[]) {
  return parts.flatMap((part) => (part.kind === 'card' ? [part.card] : part.kind === 'carousel' ? part.cards : []));
}

function chipAnswer(channel: string, chip: PhoneSuggestion): InboundAnswer {
  if (channel === 'whatsapp' || chip.answersAs === 'reply')
    return { messageType: 'reply', content: { id: chip.postbackData, title: chip.text } };
  return { messageType: 'button', content: { payload: chip.postbackData, text: chip.text } };
}

export function answerFor(view: PhoneMessageView, answer: PhoneAnswer['answer']): Result<InboundAnswer> {
  switch (answer.kind) {
    case 'text':
      return ok({ messageType: 'text', text: answer.text });
    case 'suggestion': {
      const chips = answer.card === undefined ? view.suggestions : cardsOf(view.parts)[answer.card]?.suggestions;
      const chip = chips?.[answer.index];
      return chip ? ok(chipAnswer(view.channel, chip)) : missing(`suggestion at ${answer.index}`, '/answer/index');
    }
    case 'button': {
      const buttons = view.parts.flatMap((part) => (part.kind === 'buttons' ? part.buttons : []));
      const button = buttons[answer.index];
      return button ? ok(chipAnswer(view.channel, button)) : missing(`button at ${answer.index}`, '/answer/index');
    }
    case 'row': {
      const rows = view.parts.flatMap((part) => (part.kind === 'list' ? part.sections.flatMap((s) => s.rows) : []));
      const row = rows.find((candidate) => candidate.id === answer.id);
      if (!row) return missing(`list row "${answer.id}"`, '/answer/id');
      const content: Record<string, unknown> = { id: row.id, title: row.title };
      if (row.description !== undefined) content.description = row.description;
      return ok({ messageType: 'reply', content });
    }
    default: {
      const unreachable: never = answer;
      return unreachable;
    }
  }
}
