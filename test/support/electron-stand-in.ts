/**
 * A stand-in for the `electron` module, which needs a binary this machine
 * cannot fetch. It records what the shell asks of Electron, so tests can check
 * the security settings, handlers and guards without a window.
 */
type Listener = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

class Emitter {
  listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener) {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
}

export class WebContentsStandIn extends Emitter {
  mainFrame = { url: '' };
  sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class BrowserWindowStandIn extends Emitter {
  static created: BrowserWindowStandIn[] = [];
  webContents = new WebContentsStandIn();
  loaded?: { kind: 'file' | 'url'; value: string };
  constructor(public options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    super();
    BrowserWindowStandIn.created.push(this);
  }
  async loadFile(file: string) {
    this.loaded = { kind: 'file', value: file };
    this.webContents.mainFrame.url = `file://${file}`;
  }
  async loadURL(url: string) {
    this.loaded = { kind: 'url', value: url };
    this.webContents.mainFrame.url = url;
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  show() {}
  focus() {}
  restore() {}
}

export const ipcMainStandIn = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, handler: Listener) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

export const appStandIn = Object.assign(new Emitter(), {
  sandboxEnabled: false,
  quitCalled: false,
  enableSandbox() {
    this.sandboxEnabled = true;
  },
  requestSingleInstanceLock: () => true,
  getPath: (name: string) => `/stand-in/${name}`,
  whenReady: () => Promise.resolve(),
  quit() {
    this.quitCalled = true;
  },
});

export const sessionStandIn = {
  defaultSession: {
    headersListener: undefined as undefined | Listener,
    permissionHandler: undefined as undefined | Listener,
    webRequest: {
      onHeadersReceived(listener: Listener) {
        sessionStandIn.defaultSession.headersListener = listener;
      },
    },
    setPermissionRequestHandler(handler: Listener) {
      sessionStandIn.defaultSession.permissionHandler = handler;
    },
  },
};

export const shellStandIn = {
  opened: [] as string[],
  revealed: [] as string[],
  showItemInFolder(path: string) {
    this.revealed.push(path);
  },
  async openExternal(url: string) {
    this.opened.push(url);
  },
};

/** The native save dialog: records what it was asked and answers with `nextAnswer` (a path, or undefined to cancel). */
export const dialogStandIn = {
  asked: [] as { window: unknown; defaultPath: string; filters: unknown }[],
  nextAnswer: undefined as string | undefined,
  async showSaveDialog(...args: unknown[]) {
    const options = args.at(-1) as { defaultPath: string; filters: unknown };
    this.asked.push({ window: args.length > 1 ? args[0] : undefined, ...options });
    const filePath = this.nextAnswer;
    return filePath === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath };
  },
};

export const electronStandIn = {
  app: appStandIn,
  dialog: dialogStandIn,
  BrowserWindow: BrowserWindowStandIn,
  ipcMain: ipcMainStandIn,
  session: sessionStandIn,
  shell: shellStandIn,
};
