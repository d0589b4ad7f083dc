/**
 * Every transport waits as long as the contract says for each method: the
 * browser host's WebSocket client and the desktop preload bridge alike. Fake
 * timers move the clock; the sockets and IPC are stand-ins that never answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callTimeoutMs, defaultCallTimeoutMs } from '../../../src-shared/call-timeouts';
import type { ContractTransport } from '../../../src-shared/contract-client';
import { createSocketTransport } from '../../../src-renderer/socket-transport';

const exposed = vi.hoisted(() => ({ bridge: undefined as unknown }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (_name: string, value: unknown) => (exposed.bridge = value) },
  // An IPC peer that never answers, like a core stuck on a slow network.
  ipcRenderer: { invoke: () => new Promise(() => undefined), on: () => undefined, removeListener: () => undefined },
}));

/** A WebSocket that opens at once and never answers a call. */
class SilentSocket extends EventTarget {
  sent: string[] = [];
  constructor() {
    super();
    queueMicrotask(() => this.dispatchEvent(new Event('open')));
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {}
}

describe('call timeouts from the contract', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives a send its own limit plus room for the answer, a run ten minutes, the rest the default', () => {
    expect(callTimeoutMs('send.message', { timeoutMs: 300_000 })).toBe(305_000);
    expect(callTimeoutMs('send.message', {})).toBe(35_000);
    expect(callTimeoutMs('send.message', { timeoutMs: 'soon' })).toBe(35_000);
    expect(callTimeoutMs('collections.run', null)).toBe(600_000);
    // The save dialog waits on the user before a long write; progress comes as events.
    expect(callTimeoutMs('webhooks.exportToFile', {})).toBe(3_600_000);
    expect(callTimeoutMs('app.info', {})).toBe(defaultCallTimeoutMs);
    expect(callTimeoutMs('__proto__', {})).toBe(defaultCallTimeoutMs);
  });

  async function expectTimeoutAfter(transport: ContractTransport, method: string, input: unknown, ms: number) {
    let settled: unknown;
    void transport.call(method, input).then((result) => (settled = result));
    await vi.advanceTimersByTimeAsync(ms - 1);
    expect(settled, `${method} still waits at ${ms - 1} ms`).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toMatchObject({ ok: false, error: { code: 'CALL_TIMEOUT' } });
  }

  it('the WebSocket client waits 305 s for a 300 s send and 600 s for a collection run', async () => {
    const transport = createSocketTransport(
      'ws://127.0.0.1:1/contract',
      SilentSocket as unknown as new (url: string) => WebSocket,
    );
    await expectTimeoutAfter(transport, 'send.message', { timeoutMs: 300_000 }, 305_000);
    await expectTimeoutAfter(transport, 'collections.run', { root: '/r' }, 600_000);
    await expectTimeoutAfter(transport, 'app.info', {}, defaultCallTimeoutMs);
    transport.close();
  });

  it('the desktop preload bridge waits exactly as long', async () => {
    await import('../../../src-preload/index');
    const bridge = exposed.bridge as ContractTransport;
    await expectTimeoutAfter(bridge, 'send.message', { timeoutMs: 300_000 }, 305_000);
    await expectTimeoutAfter(bridge, 'collections.run', { root: '/r' }, 600_000);
    await expectTimeoutAfter(bridge, 'app.info', {}, defaultCallTimeoutMs);
  });
});
