// Preload: exposes the small typed bridge through contextBridge; nothing of Node reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { SwitchboardBridge } from './bridge.ts';

const serverArg = process.argv.find((a) => a.startsWith('--switchboard-server='));

const bridge: SwitchboardBridge = {
  defaultServerUrl: serverArg ? serverArg.slice('--switchboard-server='.length) : null,
  tokenStore: {
    get: (origin) => ipcRenderer.invoke('token:get', origin),
    set: (origin, token) => ipcRenderer.invoke('token:set', origin, token),
    clear: (origin) => ipcRenderer.invoke('token:clear', origin),
  },
  openExternal: (url) => ipcRenderer.invoke('open-external', url),
};

contextBridge.exposeInMainWorld('switchboard', bridge);
