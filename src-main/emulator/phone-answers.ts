import type { PhoneAnswer } from '../../src-shared/emulator-conversations';
import type { InboundSimulation } from '../../src-shared/emulator-events';
import { phoneViewOf } from '../../src-shared/phone/render-message';
import { answerFor } from '../../src-shared/phone/tap-answer';
import { fail, ok, type Result } from '../../src-shared/result';
import type { ConversationStore } from './conversation-store';
import { buildInbound, type BuiltInbound } from './inbound-webhooks';

/**
 * Turns a tap or a typed answer on the phone into the inbound webhook the
 * simulated user's phone would cause: from the recipient to the business,
 * naming the message it answers in `context` where the channel has one
 * (WhatsApp, Viber; RCS inbound carries none, as Vonage sends it). The
 * tapped element is looked up in the message the emulator accepted, so the
 * ids and titles posted are the business's own, never the caller's.
 */
export function inboundForAnswer(
  conversations: ConversationStore,
  input: PhoneAnswer,
  emulatorUrl: string,
): Result<{ simulation: InboundSimulation; built: BuiltInbound }> {
  const found = conversations.find(input.messageUuid);
  if (found?.entry.direction !== 'outbound') {
    return fail(
      'PHONE_MESSAGE_UNKNOWN',
      `The phone has no message ${input.messageUuid} from the business`,
      'Answer a message the emulator accepted; the phone keeps the most recent ones per conversation.',
      '/messageUuid',
    );
  }
  const request = found.entry.body;
  const answer = answerFor(phoneViewOf(request), input.answer);
  if (!answer.ok) return answer;
  const { messageType, text, content } = answer.value;
  const simulation: InboundSimulation = {
    channel: found.channel,
    messageType,
    version: 'v1',
    from: String(request.to),
    to: String(request.from),
    contextMessageUuid: input.messageUuid,
    ...(text === undefined ? {} : { text }),
  };
  const built = buildInbound(simulation, emulatorUrl);
  if (!built.ok) return built;
  // Exactly what was tapped: no sample field merged in.
  if (content !== undefined) built.value.body[messageType] = content;
  return ok({ simulation, built: built.value });
}
