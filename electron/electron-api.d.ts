/**
 * The part of Electron's API the desktop host uses, declared here so that the
 * typecheck does not depend on the optional `electron` package being installed
 * (it cannot be where its binary download is blocked). electron/tsconfig.json maps
 * the module name `electron` to this file. Signatures follow Electron's documentation.
 */
declare module 'electron' {
  interface Event {
    preventDefault(): void;
  }
  interface WebFrameMain {
    readonly url: string;
    /** null for a top-level frame. */
    readonly parent: WebFrameMain | null;
  }
  interface WebContents {
    readonly id: number;
    send(channel: string, ...args: unknown[]): void;
    on(event: 'will-navigate' | 'will-redirect', listener: (event: Event, url: string) => void): this;
    on(event: 'will-attach-webview', listener: (event: Event) => void): this;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
    printToPDF(options: Record<string, unknown>): Promise<Buffer>;
  }
  interface IpcMainInvokeEvent {
    readonly sender: WebContents;
    readonly senderFrame: WebFrameMain | null;
  }
  interface BrowserWindowOptions {
    width?: number;
    height?: number;
    minWidth?: number;
    minHeight?: number;
    show?: boolean;
    title?: string;
    backgroundColor?: string;
    webPreferences?: {
      preload?: string;
      contextIsolation?: boolean;
      sandbox?: boolean;
      nodeIntegration?: boolean;
      nodeIntegrationInWorker?: boolean;
      nodeIntegrationInSubFrames?: boolean;
      webSecurity?: boolean;
      allowRunningInsecureContent?: boolean;
      experimentalFeatures?: boolean;
      webviewTag?: boolean;
      disableBlinkFeatures?: string;
      navigateOnDragDrop?: boolean;
      spellcheck?: boolean;
      devTools?: boolean;
      javascript?: boolean;
    };
  }
  class BrowserWindow {
    constructor(options?: BrowserWindowOptions);
    readonly webContents: WebContents;
    loadURL(url: string): Promise<void>;
    once(event: 'ready-to-show', listener: () => void): this;
    on(event: 'closed', listener: () => void): this;
    show(): void;
    destroy(): void;
    static getAllWindows(): BrowserWindow[];
  }
  interface OpenDialogOptions {
    title?: string;
    properties?: ('openFile' | 'multiSelections' | 'createDirectory')[];
    filters?: { name: string; extensions: string[] }[];
  }
  interface SaveDialogOptions {
    title?: string;
    defaultPath?: string;
    filters?: { name: string; extensions: string[] }[];
  }
  const dialog: {
    showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
    showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  };
  const ipcMain: {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  };
  interface App {
    readonly isPackaged: boolean;
    whenReady(): Promise<void>;
    getPath(name: 'userData'): string;
    getVersion(): string;
    quit(): void;
    on(event: 'window-all-closed' | 'before-quit' | 'activate', listener: () => void): this;
    on(event: 'web-contents-created', listener: (event: Event, contents: WebContents) => void): this;
    requestSingleInstanceLock(): boolean;
  }
  const app: App;
  interface Session {
    setPermissionRequestHandler(handler: (contents: WebContents, permission: string, callback: (granted: boolean) => void) => void): void;
    setPermissionCheckHandler(handler: (contents: WebContents | null, permission: string) => boolean): void;
    setDevicePermissionHandler(handler: (details: { deviceType: string; origin: string }) => boolean): void;
  }
  const session: { readonly defaultSession: Session };
  const protocol: {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean } }[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  };
  const net: { fetch(url: string): Promise<Response> };
  const shell: { openExternal(url: string): Promise<void> };
  interface UtilityProcess {
    postMessage(message: unknown): void;
    on(event: 'message', listener: (message: unknown) => void): this;
    on(event: 'exit', listener: (code: number) => void): this;
    kill(): boolean;
  }
  const utilityProcess: {
    fork(modulePath: string, args?: string[], options?: { env?: Record<string, string | undefined>; serviceName?: string; stdio?: 'inherit' | 'pipe' }): UtilityProcess;
  };
  interface MenuItemOptions {
    label?: string;
    role?: string;
    type?: 'separator';
    accelerator?: string;
    click?: () => void;
    submenu?: MenuItemOptions[];
  }
  const Menu: {
    buildFromTemplate(template: MenuItemOptions[]): unknown;
    setApplicationMenu(menu: unknown): void;
  };
  interface IpcRendererEvent {
    readonly senderId: number;
  }
  const ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): void;
    removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): void;
  };
  const contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void;
  };
}

declare namespace Electron {
  interface ParentPort {
    postMessage(message: unknown): void;
    on(event: 'message', listener: (event: { data: unknown }) => void): void;
  }
}

declare namespace NodeJS {
  interface Process {
    /** Set inside an Electron utility process. */
    readonly parentPort?: Electron.ParentPort;
    readonly resourcesPath?: string;
  }
}
