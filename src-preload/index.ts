/**
 * The sandboxed preload: exposes `window.workbench` with `call` and `subscribe`
 * over the contract's names, and nothing else. The page never touches ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMethodName, type EventBatch } from '../src-shared/contract';
import { eventsChannel, methodChannel } from '../src-shared/ipc-channels';
import { callTimedOut, callTimeoutMs } from '../src-shared/call-timeouts';
import type { ContractTransport } from '../src-shared/contract-client';
import type { Result } from '../src-shared/result';

const bridge: ContractTransport = {
  call(method, input) {
    if (!isMethodName(method)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'METHOD_UNKNOWN',
          message: `No method named ${JSON.stringify(method)}.`,
          hint: 'Check the method name against the contract.',
        },
      });
    }
    const timeoutMs = callTimeoutMs(method, input);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(callTimedOut(method, timeoutMs)), timeoutMs);
      ipcRenderer.invoke(methodChannel(method), input).then(
        (result: Result<unknown>) => {
          clearTimeout(timer);
          resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  },
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, batch: EventBatch) => listener(batch);
    ipcRenderer.on(eventsChannel, forward);
    return () => ipcRenderer.removeListener(eventsChannel, forward);
  },
};

contextBridge.exposeInMainWorld('workbench', bridge);
