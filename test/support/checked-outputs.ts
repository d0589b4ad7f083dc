import { isMethodName, methods } from '../../src-shared/contract';
import type { ContractTransport } from '../../src-shared/contract-client';

/**
 * Checks every successful answer against the method's output schema, so a
 * handler whose output drifts from the contract fails the test that called it.
 */
export function checkingOutputs(transport: ContractTransport): ContractTransport {
  return {
    subscribe: (listener) => transport.subscribe(listener),
    async call(method, input) {
      const result = await transport.call(method, input);
      if (result.ok && isMethodName(method)) {
        const checked = methods[method].output.safeParse(result.value);
        if (!checked.success) throw new Error(`${method} answered outside its output schema: ${checked.error.message}`);
      }
      return result;
    },
  };
}
