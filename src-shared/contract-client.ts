/**
 * The typed client every renderer-side transport shares: the preload bridge and
 * the WebSocket client only move untyped messages; this layer gives them the
 * contract's names and types and splits event batches by name.
 */
import type { CallResult, EventBatch, EventName, EventPayload, MethodInput, MethodName } from './contract';
import type { Result } from './result';

/** The minimal surface a transport offers; window.workbench has exactly this shape. */
export interface ContractTransport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (batch: EventBatch) => void): () => void;
}

export interface ContractClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<M>>;
  /** The listener receives every payload of one batch for that event name at once. */
  on<E extends EventName>(event: E, listener: (payloads: EventPayload<E>[]) => void): () => void;
}

export function createContractClient(transport: ContractTransport): ContractClient {
  return {
    call: (method, input) => transport.call(method, input) as Promise<CallResult<typeof method>>,
    on(event, listener) {
      return transport.subscribe((batch) => {
        const payloads = batch.filter((item) => item.name === event).map((item) => item.payload);
        if (payloads.length > 0) listener(payloads as EventPayload<typeof event>[]);
      });
    },
  };
}
