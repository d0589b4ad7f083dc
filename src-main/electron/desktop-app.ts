/** The desktop app's life: one instance, one core, one window, everything closed on quit. */
import { app, ipcMain, session, shell } from 'electron';
import { createCore } from '../core';
import { resolveDataDir } from '../data-dir';
import { registerContract } from './contract-ipc';
import { createMainWindow, guardNavigation, installContentSecurityPolicy } from './window';

export async function startDesktopApp({ dataDir = resolveDataDir() }: { dataDir?: string } = {}): Promise<void> {
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
  await app.whenReady();
  const core = await createCore({
    dataDir,
    hostKind: 'electron',
    hostCapabilities: { revealPath: (path) => shell.showItemInFolder(path) },
  });
  installContentSecurityPolicy(session.defaultSession);
  const window = createMainWindow();
  const unregister = registerContract(ipcMain, core, window);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    unregister();
    void core.close().finally(() => app.quit());
  });
}
