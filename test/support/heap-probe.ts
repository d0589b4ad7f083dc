/**
 * Reads the V8 heap of a child process started with `--inspect=127.0.0.1:0`,
 * through the inspector protocol: a full garbage collection first, then the
 * bytes still in use. What survives a collection is what the process holds,
 * so a leak shows here however the heap happens to be sized.
 */
import WebSocket from 'ws';

export interface HeapProbe {
  /** MiB of heap in use right after a full collection. */
  usedAfterCollection(): Promise<number>;
  close(): void;
}

export async function connectHeapProbe(inspectorUrl: string): Promise<HeapProbe> {
  const socket = new WebSocket(inspectorUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as {
          id?: number;
          result?: Record<string, unknown>;
          error?: { message: string };
        };
        if (message.id !== id) return;
        socket.off('message', onMessage);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result ?? {});
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  return {
    async usedAfterCollection() {
      await call('HeapProfiler.collectGarbage');
      const usage = await call('Runtime.getHeapUsage');
      return Number(usage.usedSize) / (1024 * 1024);
    },
    close: () => socket.close(),
  };
}
