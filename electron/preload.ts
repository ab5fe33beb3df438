import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './preload-surface.js';

// Runs sandboxed with context isolation: only this object crosses into the page.
contextBridge.exposeInMainWorld('headroom', buildPreloadApi(ipcRenderer));
