// The only surface the renderer gets from Electron: token storage, the default server URL, opening web links.
export interface SwitchboardBridge {
  defaultServerUrl: string | null;
  tokenStore: {
    get(): Promise<string | null>;
    set(token: string): Promise<void>;
    clear(): Promise<void>;
  };
  openExternal(url: string): Promise<void>;
}
