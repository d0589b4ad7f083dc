/**
 * The contract without a host: calls go straight to the dispatcher and event
 * batches straight from the hub. The CLI's headless commands and the contract
 * test suite use it; it behaves exactly like the preload bridge and the socket.
 */
import type { ContractTransport } from '../src-shared/contract-client';
import { createDispatcher } from './contract-dispatcher';
import type { Core } from './core';

export function createInProcessTransport(core: Core): ContractTransport {
  const dispatch = createDispatcher(core.handlers, core.logger);
  return {
    // A structured clone, as IPC and JSON would make, so no caller shares objects with the core.
    call: async (method, input) =>
      structuredClone(await dispatch(method, structuredClone(input), { host: 'headless' })),
    subscribe: (listener) => core.events.subscribe((batch) => listener(structuredClone(batch))),
  };
}
