// Electron main process: one secure window, external links to the browser, the token kept with safeStorage.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { decideNavigation } from './navigation.ts';
import { TokenStore } from './token-store.ts';
import { secureWindowOptions } from './window-options.ts';

const serverUrl = process.env.SWITCHBOARD_SERVER_URL ?? 'http://127.0.0.1:3000';
let memoryToken: string | null = null;

function createWindow(): void {
  const window = new BrowserWindow(secureWindowOptions(join(__dirname, '../preload/index.cjs'), serverUrl));
  const appUrl = process.env.ELECTRON_RENDERER_URL ?? `file://${join(__dirname, '../renderer/index.html')}`;
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url, appUrl) === 'open-externally') void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, appUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') void shell.openExternal(url);
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
}

app.whenReady().then(() => {
  const tokens = new TokenStore(join(app.getPath('userData'), 'session-token.bin'), safeStorage);
  ipcMain.handle('token:get', () => tokens.get() ?? memoryToken);
  ipcMain.handle('token:set', (_event, token: unknown) => {
    if (typeof token !== 'string' || token.length > 200) return;
    memoryToken = token;
    tokens.set(token);
  });
  ipcMain.handle('token:clear', () => {
    memoryToken = null;
    tokens.clear();
  });
  ipcMain.handle('open-external', (_event, url: unknown) => {
    if (typeof url === 'string' && decideNavigation(url, 'file:///') === 'open-externally') void shell.openExternal(url);
  });
  // The header version of the policy covers the dev server; the built page carries it in a meta tag too.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(null)] } });
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
