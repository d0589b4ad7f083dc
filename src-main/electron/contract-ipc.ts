/**
 * The contract on ipcMain: one handler per method, each behind a sender check,
 * and event batches pushed to the window. Electron passes only an error's
 * message across `handle`, so handlers answer with Result values, never throws.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../../src-shared/contract';
import { eventsChannel, methodChannel } from '../../src-shared/ipc-channels';
import { fail } from '../../src-shared/result';
import { createDispatcher } from '../contract-dispatcher';
import type { Core } from '../core';
import { isRendererUrl } from './window';

/** Only the main frame of our own window, showing our own renderer, may call. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return (
    event.sender === window.webContents &&
    frame !== null &&
    frame === window.webContents.mainFrame &&
    isRendererUrl(frame.url)
  );
}

export function registerContract(ipcMain: IpcMain, core: Core, window: BrowserWindow): () => void {
  const dispatch = createDispatcher(core.handlers, core.logger);
  for (const method of methodNames) {
    ipcMain.handle(methodChannel(method), (event, input: unknown) => {
      if (!isTrustedSender(event, window)) {
        core.logger.error(`refused ${method} from an untrusted frame`);
        return fail(
          'SENDER_REFUSED',
          'This frame may not call the workbench.',
          'Only the app window can use the contract.',
        );
      }
      return dispatch(method, input, { host: 'electron' });
    });
  }
  const unsubscribe = core.events.subscribe((batch) => {
    if (!window.isDestroyed()) window.webContents.send(eventsChannel, batch);
  });
  return () => {
    unsubscribe();
    for (const method of methodNames) ipcMain.removeHandler(methodChannel(method));
  };
}
