/** Both ways the contract travels, so one suite can run over each. */
import { WebSocket } from 'ws';
import { createContractClient, type ContractClient } from '../../src-shared/contract-client';
import { checkingOutputs } from './checked-outputs';
import { startBrowserHost } from '../../src-main/browser-host/browser-host';
import type { Core } from '../../src-main/core';
import { createInProcessTransport } from '../../src-main/in-process-transport';
import { createSocketTransport } from '../../src-renderer/socket-transport';
import { makeTempDir } from './serve-process';

export interface TransportUnderTest {
  name: string;
  connect(core: Core): Promise<{ client: ContractClient; close(): Promise<void> }>;
}

export const transports: TransportUnderTest[] = [
  {
    name: 'in-process',
    connect: async (core) => ({
      client: createContractClient(checkingOutputs(createInProcessTransport(core))),
      close: async () => {},
    }),
  },
  {
    name: 'WebSocket host',
    async connect(core) {
      const host = await startBrowserHost({ core, rendererDir: await makeTempDir() });
      const socket = createSocketTransport(
        `ws://127.0.0.1:${host.port}/contract?token=${host.token}`,
        WebSocket as unknown as new (url: string) => globalThis.WebSocket,
      );
      await new Promise<void>((resolve) => socket.onStateChange((state) => state === 'connected' && resolve()));
      return {
        client: createContractClient(checkingOutputs(socket)),
        async close() {
          socket.close();
          await host.close();
        },
      };
    },
  },
];
