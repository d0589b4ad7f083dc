import { describe, expect, it } from 'vitest';
import { conversationQuerySchema, phoneAnswerSchema } from '../../../src-shared/emulator-conversations';

/** The input of emulator.answerOnPhone and emulator.conversations, as the dispatcher checks it before any handler runs. */
describe('phone answer input', () => {
  it.each([
    { messageUuid: 'm', answer: { kind: 'suggestion', index: 0 } },
    { messageUuid: 'm', answer: { kind: 'suggestion', card: 2, index: 3 } },
    { messageUuid: 'm', answer: { kind: 'button', index: 1 } },
    { messageUuid: 'm', answer: { kind: 'row', id: 'tue-am' } },
    { messageUuid: 'm', answer: { kind: 'text', text: 'Hi' } },
  ])('accepts %j', (input) => {
    expect(phoneAnswerSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    [{ messageUuid: 'm', answer: { kind: 'suggestion', index: -1 } }, 'answer.index'],
    [{ messageUuid: 'm', answer: { kind: 'suggestion', index: 1.5 } }, 'answer.index'],
    [{ messageUuid: 'm', answer: { kind: 'button', index: 1e9 } }, 'answer.index'],
    [{ messageUuid: 'm', answer: { kind: 'row', id: '' } }, 'answer.id'],
    [{ messageUuid: 'm', answer: { kind: 'text', text: 'x'.repeat(5000) } }, 'answer.text'],
    [{ messageUuid: 'm', answer: { kind: 'reply', id: 'forged', title: 'forged' } }, 'answer.kind'],
    [{ messageUuid: 'm', answer: { kind: 'button', index: 0, payload: 'forged' } }, 'answer'],
    [{ messageUuid: 'x'.repeat(101), answer: { kind: 'text', text: 'hi' } }, 'messageUuid'],
    [{ messageUuid: 'm', answer: { kind: 'text', text: 'hi' }, from: '447700900999' }, ''],
    [{ messageUuid: 'm', answer: null }, 'answer'],
  ])('refuses %j at %s', (input, path) => {
    const parsed = phoneAnswerSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('a conversation query names a known channel and a bounded recipient, nothing else', () => {
    expect(conversationQuerySchema.safeParse({}).success).toBe(true);
    expect(conversationQuerySchema.safeParse({ channel: 'fax' }).success).toBe(false);
    expect(conversationQuerySchema.safeParse({ recipient: 'x'.repeat(321) }).success).toBe(false);
    expect(conversationQuerySchema.safeParse({ channel: 'sms', extra: 1 }).success).toBe(false);
  });
});
