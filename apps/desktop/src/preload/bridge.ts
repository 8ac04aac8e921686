// The only surface the renderer gets from Electron: token storage, the default server URL, opening web links.
export interface SwitchboardBridge {
  defaultServerUrl: string | null;
  /** One token per server origin (`scheme://host:port`): a token is only handed back for the server that issued it. */
  tokenStore: {
    get(origin: string): Promise<string | null>;
    /** Resolves false when the OS has no real encryption (e.g. no keyring): the token then lasts until the app quits. */
    set(origin: string, token: string): Promise<boolean>;
    clear(origin: string): Promise<void>;
  };
  openExternal(url: string): Promise<void>;
}
