// The console needs no camera, microphone, location, notifications or clipboard reads: every permission a page
// asks for (or Chromium checks) is denied, so a script that got in could not use one either.
export type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void;
export type PermissionCheckHandler = (webContents: unknown, permission: string) => boolean;

/** The part of Electron's `Session` this needs (structural, so the rule is testable without Electron). */
export interface PermissionSession {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler): void;
}

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
