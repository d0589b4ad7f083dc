/**
 * Carries the contract over one WebSocket: call frames in, result frames and
 * event batches out. Every frame gets an answer, so no caller waits forever:
 * - a call: its `result`;
 * - a frame that is not a call but has a readable `id`: a `result` with the error;
 * - any other unreadable frame (binary, not JSON, no id): a `protocolError` frame.
 * Frames that break WebSocket itself close this socket only, with the code
 * RFC 6455 gives for it: 1009 over `maxFrameBytes`, 1007 for text that is not
 * UTF-8, 1002 for a malformed frame. The host and its other sockets go on.
 */
import { isUtf8 } from 'node:buffer';
import type { RawData, WebSocket } from 'ws';
import type { EventBatch, HostKind } from '../../src-shared/contract';
import { fail, type AppError, type Result } from '../../src-shared/result';
import { clientFrameSchema, type ServerFrame } from '../../src-shared/wire';
import type { Dispatch } from '../contract-dispatcher';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';

/** The largest message a client may send (all fragments together); larger ones close the socket with 1009. */
export const maxFrameBytes = 16 * 1024 * 1024;
/** Above this many queued bytes a client is too slow: batches are dropped and counted, never buffered forever. */
export const maxBufferedBytes = 16 * 1024 * 1024;
/** RFC 6455 7.4.1: a text message whose bytes are not UTF-8. */
const closeInvalidPayload = 1007;

export interface SocketTransportOptions {
  dispatch: Dispatch;
  events: EventHub;
  host: HostKind;
  logger: Logger;
}

function frameError(code: string, message: string): AppError {
  return {
    code,
    message,
    hint: 'Send each call as one UTF-8 text frame of JSON: {"type":"call","id":N,"method":"…","input":{…}}.',
  };
}

/** The call id of a frame that is not a valid call, when it has one we can answer to. */
function readableId(frame: unknown): number | undefined {
  if (typeof frame !== 'object' || frame === null) return undefined;
  const id = (frame as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function serveContractOverSocket(socket: WebSocket, options: SocketTransportOptions): void {
  const { dispatch, events, host, logger } = options;
  // Without this listener one bad frame (too large, not UTF-8, malformed) would end the whole host.
  socket.on('error', (error: Error & { code?: string }) =>
    logger.info(`a contract socket was closed: ${error.code ?? 'error'}: ${error.message}`),
  );

  const send = (frame: ServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const answerError = (id: number | undefined, error: AppError) => {
    if (id === undefined) send({ type: 'protocolError', error });
    else send({ type: 'result', id, result: { ok: false, error } });
  };
  send({ type: 'hello', host });

  const unsubscribe = events.subscribe((batch: EventBatch) => {
    if (socket.bufferedAmount > maxBufferedBytes) return;
    send({ type: 'events', events: batch });
  });
  socket.on('close', unsubscribe);

  async function call(frame: unknown): Promise<void> {
    const parsed = clientFrameSchema.safeParse(frame);
    if (!parsed.success) {
      answerError(
        readableId(frame),
        frameError(
          'FRAME_NOT_A_CALL',
          'The frame is JSON but not a call: it needs type "call", a whole-number id and a method name.',
        ),
      );
      return;
    }
    let result: Result<unknown>;
    try {
      result = await dispatch(parsed.data.method, parsed.data.input, { host });
    } catch (error) {
      logger.error('the dispatcher threw', error);
      result = fail(
        'INTERNAL',
        'The call failed unexpectedly.',
        'This is a bug in Messages Workbench; the log has the details.',
      );
    }
    send({ type: 'result', id: parsed.data.id, result });
  }

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      answerError(undefined, frameError('FRAME_NOT_TEXT', 'Binary frames are not part of the protocol.'));
      return;
    }
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    // The server skips ws's own UTF-8 check so the client is told why before the socket closes.
    if (!isUtf8(bytes)) {
      answerError(undefined, frameError('FRAME_NOT_UTF8', 'The text frame is not valid UTF-8; the socket is closed.'));
      socket.close(closeInvalidPayload, 'text frame is not UTF-8');
      return;
    }
    const json = parseJson(bytes.toString('utf8'));
    if (!json.ok) {
      answerError(undefined, frameError('FRAME_NOT_JSON', 'The frame is not JSON.'));
      return;
    }
    // Whatever goes wrong answering one call (say, a result JSON cannot carry) is logged, never fatal to the host.
    call(json.value).catch((error: unknown) => logger.error('a contract call could not be answered', error));
  });
}
