/**
 * Messages of the browser host's WebSocket: the contract's calls, results and
 * event batches as JSON frames. Frames are parsed with these schemas on both
 * sides, so a malformed frame is refused by name rather than half-handled.
 */
import { z } from 'zod';
import { appErrorSchema } from './result';
import { hostKindSchema } from './host-kind';

export const clientFrameSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string(),
  input: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

export const serverFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), host: hostKindSchema }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: resultSchema }),
  z.object({ type: z.literal('events'), events: z.array(z.object({ name: z.string(), payload: z.unknown() })) }),
  /** A frame the host could not read and whose call id it could not find; with an id it answers a `result` instead. */
  z.object({ type: z.literal('protocolError'), error: appErrorSchema }),
]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;
