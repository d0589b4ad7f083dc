import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, IpcMain } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../src-main/core';
import { registerContract } from '../../../src-main/electron/contract-ipc';
import { createMemoryLogger } from '../../../src-main/logger';
import { methodNames } from '../../../src-shared/contract';
import { eventsChannel, methodChannel } from '../../../src-shared/ipc-channels';
import { makeTempDir } from '../../support/serve-process';
import { storeStatusEvents } from '../../support/stored-events';
import {
  appStandIn,
  BrowserWindowStandIn,
  dialogStandIn,
  ipcMainStandIn,
  sessionStandIn,
  shellStandIn,
} from '../../support/electron-stand-in';
import { builtWebhookThread } from '../../support/webhook-harness';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electronStandIn);

let window: BrowserWindowStandIn;
let dataDir: string;

beforeAll(async () => {
  dataDir = await makeTempDir();
  const { startDesktopApp } = await import('../../../src-main/electron/desktop-app');
  await startDesktopApp({ dataDir });
  expect(BrowserWindowStandIn.created).toHaveLength(1);
  window = BrowserWindowStandIn.created[0]!;
});

const invoke = (method: string, frame: { url: string }, sender: unknown = window.webContents, input: unknown = {}) =>
  ipcMainStandIn.handlers.get(methodChannel(method as never))!({ sender, senderFrame: frame }, input);

describe('the Electron shell', () => {
  it('turns on every security switch of the window and the app sandbox', () => {
    expect(appStandIn.sandboxEnabled).toBe(true);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload[\\/]index\.js$/);
  });

  it('adds the CSP to every response and refuses permission requests', () => {
    let headers: Record<string, string[]> = {};
    sessionStandIn.defaultSession.headersListener!(
      { responseHeaders: { 'X-Other': ['1'] } },
      (answer: { responseHeaders: Record<string, string[]> }) => {
        headers = answer.responseHeaders;
      },
    );
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/default-src 'none'.*script-src 'self'/);
    expect(headers['X-Other']).toEqual(['1']);
    let granted: boolean | undefined;
    sessionStandIn.defaultSession.permissionHandler!(
      window.webContents,
      'media',
      (decision: boolean) => (granted = decision),
    );
    expect(granted).toBe(false);
  });

  it('registers one handler for every contract method', () => {
    expect([...ipcMainStandIn.handlers.keys()].sort()).toEqual(methodNames.map(methodChannel).sort());
  });

  it('answers the main frame and refuses a foreign frame or another window', async () => {
    const mainFrame = window.webContents.mainFrame;
    expect(await invoke('app.info', mainFrame)).toMatchObject({ ok: true, value: { hostKind: 'electron', dataDir } });
    const subFrame = { url: mainFrame.url };
    expect(await invoke('app.info', subFrame)).toMatchObject({ ok: false, error: { code: 'SENDER_REFUSED' } });
    const otherWindow = new BrowserWindowStandIn({ webPreferences: {} });
    expect(await invoke('app.info', otherWindow.webContents.mainFrame, otherWindow.webContents)).toMatchObject({
      ok: false,
      error: { code: 'SENDER_REFUSED' },
    });
  });

  it('refuses a frame that navigated away from the renderer', async () => {
    const mainFrame = window.webContents.mainFrame;
    const original = mainFrame.url;
    mainFrame.url = 'https://evil.example/';
    try {
      expect(await invoke('app.info', mainFrame)).toMatchObject({ ok: false, error: { code: 'SENDER_REFUSED' } });
    } finally {
      mainFrame.url = original;
    }
  });

  it('blocks navigation away from the renderer and sends web links to the OS browser', () => {
    const navigate = (url: string) => {
      let prevented = false;
      window.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(window.webContents.mainFrame.url)).toBe(false);
    expect(window.webContents.windowOpenHandler!({ url: 'https://developer.vonage.com/' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(shellStandIn.opened).toEqual(['https://developer.vonage.com/']);
  });

  it('pushes events to the window in batches', async () => {
    // A core of its own, whose event hub the test can feed as a watched folder would.
    const core = await createCore({
      webhooks: { port: 0 },
      emulator: { port: 0, webhookThreadScript: builtWebhookThread },
      dataDir: await makeTempDir(),
      hostKind: 'electron',
      logger: createMemoryLogger(),
    });
    const appWindow = new BrowserWindowStandIn({ webPreferences: {} });
    const channels = new Map<string, unknown>();
    const ipcMain = {
      handle: (channel: string, handler: unknown) => channels.set(channel, handler),
      removeHandler: (channel: string) => channels.delete(channel),
    };
    const unregister = registerContract(ipcMain as unknown as IpcMain, core, appWindow as unknown as BrowserWindow);
    try {
      for (let index = 1; index <= 1200; index++)
        core.events.emit('collections.changed', { root: 'burst', paths: [`${index}.json`] });
      await vi.waitFor(() => {
        const batches = appWindow.webContents.sent.filter((message) => message.channel === eventsChannel);
        expect(batches.flatMap((message) => message.payload as unknown[])).toHaveLength(1200);
        expect(batches.length).toBeLessThan(10);
      });
    } finally {
      unregister();
      await core.close();
    }
  });

  it('shows a collection file in the OS file manager, and nothing outside the collection', async () => {
    const root = await makeTempDir('collection ');
    expect(
      await invoke('collections.reveal', window.webContents.mainFrame, window.webContents, {
        root,
        path: 'orders/sms.json',
      }),
    ).toMatchObject({ ok: true });
    expect(shellStandIn.revealed).toEqual([path.join(root, 'orders', 'sms.json')]);
    expect(
      await invoke('collections.reveal', window.webContents.mainFrame, window.webContents, {
        root,
        path: '../outside.json',
      }),
    ).toMatchObject({ ok: false });
    expect(shellStandIn.revealed).toHaveLength(1);
  });

  it('exports to the file the user picks in the native dialog: every match, 0600, with progress', async () => {
    await storeStatusEvents(dataDir, 1200);
    const folder = await makeTempDir('export to ');
    const chosen = path.join(folder, 'my events.ndjson');
    dialogStandIn.nextAnswer = chosen;
    const before = window.webContents.sent.length;
    const result = await invoke('webhooks.exportToFile', window.webContents.mainFrame, window.webContents, {
      filter: { status: 'rejected' },
      exportId: 'desktop-export-1',
    });
    // The renderer learns the name it chose and the count, never a folder of the machine.
    expect(result).toEqual({ ok: true, value: { saved: true, fileName: 'my events.ndjson', written: 240 } });
    expect(dialogStandIn.asked.at(-1)).toMatchObject({
      window,
      defaultPath: expect.stringMatching(/^\/stand-in\/downloads\/webhook-events-[\dT-]+Z\.ndjson$/),
    });
    const lines = (await fs.promises.readFile(chosen, 'utf8')).trimEnd().split('\n');
    const events = lines.map((line) => JSON.parse(line) as { id: number; status: string });
    expect(events).toHaveLength(240);
    expect(events.every((event) => event.status === 'rejected')).toBe(true);
    expect(events.map((event) => event.id)).toEqual(events.map((event) => event.id).sort((a, b) => b - a));
    expect((await fs.promises.stat(chosen)).mode & 0o777).toBe(0o600);
    expect(await fs.promises.readdir(folder)).toEqual(['my events.ndjson']);
    await vi.waitFor(() => {
      const progress = window.webContents.sent
        .slice(before)
        .flatMap((message) => message.payload as { name: string; payload: { phase: string } }[])
        .filter((event) => event.name === 'webhooks.exportProgressed');
      expect(progress.at(-1)?.payload).toEqual({
        exportId: 'desktop-export-1',
        fileName: 'my events.ndjson',
        phase: 'done',
        written: 240,
      });
    });
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    dialogStandIn.nextAnswer = undefined;
    const asked = dialogStandIn.asked.length;
    expect(
      await invoke('webhooks.exportToFile', window.webContents.mainFrame, window.webContents, {
        exportId: 'desktop-export-2',
      }),
    ).toEqual({ ok: true, value: { saved: false } });
    expect(dialogStandIn.asked).toHaveLength(asked + 1);
  });

  it('opens no save dialog for a frame it does not trust', async () => {
    const asked = dialogStandIn.asked.length;
    expect(
      await invoke('webhooks.exportToFile', { url: 'https://evil.example/' }, window.webContents, {
        exportId: 'desktop-export-3',
      }),
    ).toMatchObject({ ok: false, error: { code: 'SENDER_REFUSED' } });
    expect(dialogStandIn.asked).toHaveLength(asked);
  });

  it('keeps the shell thin', async () => {
    const folder = path.resolve(__dirname, '../../../src-main/electron');
    const files = await fs.promises.readdir(folder);
    const lines = await Promise.all(
      files.map(async (file) => (await fs.promises.readFile(path.join(folder, file), 'utf8')).split('\n').length),
    );
    expect(lines.reduce((sum, count) => sum + count, 0)).toBeLessThan(300);
  });
});
