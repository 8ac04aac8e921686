// Keeps the session token on disk encrypted by the OS keychain (Electron's safeStorage), never in plain text.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export class TokenStore {
  private readonly file: string;
  private readonly crypto: Encryptor;

  constructor(file: string, crypto: Encryptor) {
    this.file = file;
    this.crypto = crypto;
  }

  get(): string | null {
    if (!existsSync(this.file) || !this.crypto.isEncryptionAvailable()) return null;
    try {
      return this.crypto.decryptString(readFileSync(this.file));
    } catch {
      // A file from another machine or keychain cannot be read: treat as signed out.
      return null;
    }
  }

  /** Returns false when the OS offers no encryption: the token then lives only for this run. */
  set(token: string): boolean {
    if (!this.crypto.isEncryptionAvailable()) return false;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, this.crypto.encryptString(token), { mode: 0o600 });
    return true;
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
