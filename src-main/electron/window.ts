/**
 * The one window and its guards: every security switch on, navigation and new
 * windows refused (http(s) links go to the OS browser), CSP on every response.
 */
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import path from 'node:path';
import { contentSecurityPolicy } from '../content-security-policy';

export const secureWebPreferences = (preload: string) =>
  ({
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  }) as const;

/** Where the renderer comes from: the dev server while developing, else the built file. */
export function rendererLocation(): { kind: 'url' | 'file'; value: string } {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return devUrl
    ? { kind: 'url', value: devUrl }
    : { kind: 'file', value: path.join(__dirname, '../renderer/index.html') };
}

/** True when a frame URL belongs to our renderer and nothing else. */
export function isRendererUrl(url: string): boolean {
  const location = rendererLocation();
  if (location.kind === 'url') return new URL(url).origin === new URL(location.value).origin;
  return (
    url.startsWith('file://') && decodeURIComponent(new URL(url).pathname) === location.value.replaceAll('\\', '/')
  );
}

export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isRendererUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isRendererUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installContentSecurityPolicy(session: Session): void {
  const policy = contentSecurityPolicy({ development: rendererLocation().kind === 'url' });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, decide) => decide(false));
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    title: 'Messages Workbench',
    show: false,
    icon: path.join(__dirname, '../../resources/icon.png'),
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.js')),
  });
  guardNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  const location = rendererLocation();
  if (location.kind === 'url') void window.loadURL(location.value);
  else void window.loadFile(location.value);
  return window;
}
