import { validateRequest, validateUpdate } from '../../src-shared/messages';
import type { AppError } from '../../src-shared/result';
import type { SendOperation } from '../../src-shared/send-exchange';

/** The message model judges a payload before it is sent; errors only (warnings never block a send). */
export function validateForSend(payload: unknown, operation: SendOperation): AppError[] {
  if (operation.kind === 'send') return validateRequest(payload, { api: operation.api }).errors;
  // An update body does not name its channel: revoked is RCS only; read exists on both, and WhatsApp's body (the wider one, with replying_indicator) judges it.
  const status = (payload as { status?: unknown } | null)?.status;
  return validateUpdate(payload, status === 'revoked' ? 'rcs' : 'whatsapp').errors;
}
