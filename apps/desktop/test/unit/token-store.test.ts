import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Encryptor, TokenStore } from '../../src/main/token-store.ts';

// Stands in for Electron's safeStorage: reversible, but never the plain text on disk.
const keychain = (available = true): Encryptor => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`),
  decryptString: (data) => {
    const text = data.toString();
    if (!text.startsWith('enc:')) throw new Error('cannot decrypt');
    return Buffer.from(text.slice(4), 'base64').toString();
  },
});
const file = () => join(mkdtempSync(join(tmpdir(), 'sb-token-')), 'nested', 'token.bin');

describe('TokenStore', () => {
  it('stores the token encrypted, owner-only, and reads it back', () => {
    const path = file();
    const store = new TokenStore(path, keychain());
    expect(store.get()).toBeNull();
    expect(store.set('secret-token')).toBe(true);
    expect(readFileSync(path, 'utf8')).not.toContain('secret-token');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(new TokenStore(path, keychain()).get()).toBe('secret-token');
  });

  it('clear removes it', () => {
    const path = file();
    const store = new TokenStore(path, keychain());
    store.set('t');
    store.clear();
    expect(existsSync(path)).toBe(false);
    expect(store.get()).toBeNull();
  });

  it('without OS encryption nothing is written', () => {
    const path = file();
    expect(new TokenStore(path, keychain(false)).set('t')).toBe(false);
    expect(existsSync(path)).toBe(false);
  });

  it('an unreadable file counts as signed out', () => {
    const path = file();
    new TokenStore(path, keychain()).set('t');
    writeFileSync(path, 'garbage');
    expect(new TokenStore(path, keychain()).get()).toBeNull();
  });
});
