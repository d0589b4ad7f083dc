/** The desktop app's life: one instance, one core, one window, everything closed on quit. */
import path from 'node:path';
import { app, dialog, ipcMain, session, shell, type BrowserWindow } from 'electron';
import { createCore } from '../core';
import { resolveDataDir } from '../data-dir';
import { registerContract } from './contract-ipc';
import { createMainWindow, guardNavigation, installContentSecurityPolicy } from './window';

/** The native save dialog, opening in Downloads with the suggested name; the core writes the file itself. */
async function chooseSaveFile(window: BrowserWindow | undefined, suggestedName: string): Promise<string | undefined> {
  const extension = path.extname(suggestedName).slice(1);
  const options = {
    defaultPath: path.join(app.getPath('downloads'), suggestedName),
    filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
  };
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return chosen.canceled || !chosen.filePath ? undefined : chosen.filePath;
}

/** The native folder dialog; the user may make a new folder in it. */
async function chooseFolder(window: BrowserWindow | undefined, title: string): Promise<string | undefined> {
  const options = {
    title,
    properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
  };
  const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return chosen.canceled ? undefined : chosen.filePaths[0];
}

export async function startDesktopApp({ dataDir = resolveDataDir() }: { dataDir?: string } = {}): Promise<void> {
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
  await app.whenReady();
  // The dialog belongs to the window, which is made once the core can answer its first calls.
  const shown: { window?: BrowserWindow } = {};
  const core = await createCore({
    dataDir,
    hostKind: 'electron',
    hostCapabilities: {
      revealPath: (path) => shell.showItemInFolder(path),
      chooseSaveFile: (suggestedName) => chooseSaveFile(shown.window, suggestedName),
      chooseFolder: (title) => chooseFolder(shown.window, title),
    },
  });
  installContentSecurityPolicy(session.defaultSession);
  const window = createMainWindow();
  shown.window = window;
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
