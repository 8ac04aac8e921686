// Preload: exposes the small typed bridge through contextBridge; nothing of Node reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { SwitchboardBridge } from './bridge.ts';

const serverArg = process.argv.find((a) => a.startsWith('--switchboard-server='));

const bridge: SwitchboardBridge = {
  defaultServerUrl: serverArg ? serverArg.slice('--switchboard-server='.length) : null,
  tokenStore: {
    get: () => ipcRenderer.invoke('token:get'),
    set: (token) => ipcRenderer.invoke('token:set', token),
    clear: () => ipcRenderer.invoke('token:clear'),
  },
  openExternal: (url) => ipcRenderer.invoke('open-external', url),
};

contextBridge.exposeInMainWorld('switchboard', bridge);
