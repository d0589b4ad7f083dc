import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import { phoneViewOf } from '../../../src-shared/phone/render-message';
import { answerFor } from '../../../src-shared/phone/tap-answer';

const full = (key: string) => catalog('v1').find((entry) => `${entry.channel}/${entry.messageType}` === key)!.full;

describe('answerFor: what a tap posts back', () => {
  it('an RCS suggested reply is a reply with the postback data as id, an action a button', () => {
    const view = phoneViewOf(full('rcs/text'));
    expect(answerFor(view, { kind: 'suggestion', index: 0 })).toEqual({
      ok: true,
      value: { messageType: 'reply', content: { id: 'offer_yes', title: 'Yes please' } },
    });
    expect(answerFor(view, { kind: 'suggestion', index: 1 })).toEqual({
      ok: true,
      value: { messageType: 'button', content: { payload: 'dial_shop', text: 'Call us' } },
    });
  });

  it("a carousel card's chip is found by card and index", () => {
    const view = phoneViewOf(full('rcs/carousel'));
    expect(answerFor(view, { kind: 'suggestion', card: 2, index: 0 })).toMatchObject({
      value: { messageType: 'reply', content: { id: 'offer_3_yes' } },
    });
  });

  it('a WhatsApp button and a list row are replies; typing is text', () => {
    const view = phoneViewOf({
      channel: 'whatsapp',
      message_type: 'custom',
      custom: {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Pick' },
          action: {
            button: 'Slots',
            sections: [{ rows: [{ id: 'tue-am', title: 'Morning', description: '8 to 12' }] }],
          },
        },
      },
    });
    expect(answerFor(view, { kind: 'row', id: 'tue-am' })).toEqual({
      ok: true,
      value: { messageType: 'reply', content: { id: 'tue-am', title: 'Morning', description: '8 to 12' } },
    });
    expect(answerFor(view, { kind: 'text', text: 'Hi' })).toEqual({
      ok: true,
      value: { messageType: 'text', text: 'Hi' },
    });
  });

  it('an element the message does not have is refused at its field', () => {
    const view = phoneViewOf(full('sms/text'));
    expect(answerFor(view, { kind: 'suggestion', index: 0 })).toMatchObject({
      ok: false,
      error: { code: 'PHONE_ANSWER_INVALID', path: '/answer/index' },
    });
    expect(answerFor(view, { kind: 'row', id: 'x' })).toMatchObject({ ok: false, error: { path: '/answer/id' } });
    expect(answerFor(phoneViewOf(full('rcs/card')), { kind: 'suggestion', card: 1, index: 0 })).toMatchObject({
      ok: false,
    });
  });
});
