// Electron main process: one secure window, external links to the browser, tokens kept with safeStorage.
// The rules live in plain modules beside this one (tested without Electron); this file only wires them.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import { contentSecurityPolicy } from '../shared/content-security-policy.ts';
import { decideNavigation } from './navigation.ts';
import { denyAllPermissions } from './permissions.ts';
import { serverOriginArgument, TokenStore } from './token-store.ts';
import { secureWindowOptions } from './window-options.ts';

const serverUrl = process.env.SWITCHBOARD_SERVER_URL ?? 'http://127.0.0.1:3000';

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
  // Refuses to write when safeStorage has no real keyring (basic_text): such tokens last until the app quits.
  const tokens = new TokenStore(join(app.getPath('userData'), 'session-token.bin'), safeStorage);
  ipcMain.handle('token:get', (_event, origin: unknown) => {
    const server = serverOriginArgument(origin);
    return server ? tokens.get(server) : null;
  });
  ipcMain.handle('token:set', (_event, origin: unknown, token: unknown) => {
    const server = serverOriginArgument(origin);
    if (!server || typeof token !== 'string' || token.length > 200) return false;
    return tokens.set(server, token);
  });
  ipcMain.handle('token:clear', (_event, origin: unknown) => {
    const server = serverOriginArgument(origin);
    if (server) tokens.clear(server);
  });
  ipcMain.handle('open-external', (_event, url: unknown) => {
    if (typeof url === 'string' && decideNavigation(url, 'file:///') === 'open-externally') void shell.openExternal(url);
  });
  denyAllPermissions(session.defaultSession);
  // The header covers the dev server; the built page carries the same policy in a meta tag, and after sign-in the
  // renderer adds the narrowed one (connect only to the chosen server) the same way.
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
