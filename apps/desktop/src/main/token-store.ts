// Keeps the session tokens on disk encrypted by the OS keychain (Electron's safeStorage), one per server origin, so
// a token is only ever handed back for the server that issued it. Where the OS offers no real encryption, tokens
// are kept in memory for this run only: never written in plain (or plain-equivalent) text.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Encryptor {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron: which secret store backs the key ('basic_text' is a hard-coded key: no protection). */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

type TokensByOrigin = Record<string, string>;

const isTokenMap = (value: unknown): value is TokensByOrigin =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value as Record<string, unknown>).every((t) => typeof t === 'string');

/** The origin an IPC call names, when it is one: `scheme://host:port` of an http(s) server, nothing more. */
export function serverOriginArgument(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

export class TokenStore {
  private readonly file: string;
  private readonly crypto: Encryptor;
  /** Tokens that could not be persisted: signed in until the app quits. */
  private readonly forThisRun = new Map<string, string>();

  constructor(file: string, crypto: Encryptor) {
    this.file = file;
    this.crypto = crypto;
  }

  /** True when safeStorage really encrypts: available, and not Chromium's basic_text fallback (Linux without a keyring). */
  canPersist(): boolean {
    return this.crypto.isEncryptionAvailable() && this.crypto.getSelectedStorageBackend?.() !== 'basic_text';
  }

  get(origin: string): string | null {
    return this.forThisRun.get(origin) ?? this.read()[origin] ?? null;
  }

  /** Returns false when the token could not be persisted: it then lives only for this run. */
  set(origin: string, token: string): boolean {
    if (!this.canPersist()) {
      this.forThisRun.set(origin, token);
      return false;
    }
    this.forThisRun.delete(origin);
    this.write({ ...this.read(), [origin]: token });
    return true;
  }

  clear(origin: string): void {
    this.forThisRun.delete(origin);
    const { [origin]: _cleared, ...rest } = this.read();
    this.write(rest);
  }

  private read(): TokensByOrigin {
    if (!existsSync(this.file)) return {};
    if (!this.canPersist()) {
      // Written before the backend was refused (or the keyring went away): not to be trusted, not to be kept.
      if (this.crypto.isEncryptionAvailable()) rmSync(this.file, { force: true });
      return {};
    }
    try {
      const plain = this.crypto.decryptString(readFileSync(this.file));
      const parsed: unknown = plain.startsWith('{') ? JSON.parse(plain) : null;
      if (isTokenMap(parsed)) return parsed;
      // A bare token from before tokens were kept per server names no origin: dropped (signed out once).
      rmSync(this.file, { force: true });
      return {};
    } catch {
      // A file from another machine or keychain: treat as signed out.
      return {};
    }
  }

  private write(tokens: TokensByOrigin): void {
    if (Object.keys(tokens).length === 0) {
      rmSync(this.file, { force: true });
      return;
    }
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, this.crypto.encryptString(JSON.stringify(tokens)), { mode: 0o600 });
  }
}
