import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Encryptor, serverOriginArgument, TokenStore } from '../../src/main/token-store.ts';

// Stands in for Electron's safeStorage: reversible, but never the plain text on disk.
const keychain = (available = true, backend = 'gnome_libsecret'): Encryptor => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`),
  decryptString: (data) => {
    const text = data.toString();
    if (!text.startsWith('enc:')) throw new Error('cannot decrypt');
    return Buffer.from(text.slice(4), 'base64').toString();
  },
});
const file = () => join(mkdtempSync(join(tmpdir(), 'sb-token-')), 'nested', 'token.bin');
const HOME = 'https://switchboard.example.com';
const OTHER = 'http://127.0.0.1:3000';

describe('TokenStore', () => {
  it('stores the token encrypted, owner-only, and reads it back', () => {
    const path = file();
    const store = new TokenStore(path, keychain());
    expect(store.get(HOME)).toBeNull();
    expect(store.set(HOME, 'secret-token')).toBe(true);
    expect(readFileSync(path, 'utf8')).not.toContain('secret-token');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(new TokenStore(path, keychain()).get(HOME)).toBe('secret-token');
  });

  it('keeps one token per server origin and never hands one origin’s token to another', () => {
    const path = file();
    const store = new TokenStore(path, keychain());
    store.set(HOME, 'home-token');
    expect(store.get(OTHER)).toBeNull();
    store.set(OTHER, 'other-token');
    const again = new TokenStore(path, keychain());
    expect([again.get(HOME), again.get(OTHER)]).toEqual(['home-token', 'other-token']);
    again.clear(OTHER);
    expect([new TokenStore(path, keychain()).get(HOME), new TokenStore(path, keychain()).get(OTHER)]).toEqual(['home-token', null]);
  });

  it('clear removes the last token and the file with it', () => {
    const path = file();
    const store = new TokenStore(path, keychain());
    store.set(HOME, 't');
    store.clear(HOME);
    expect(existsSync(path)).toBe(false);
    expect(store.get(HOME)).toBeNull();
  });

  it('without OS encryption nothing is written: the token lives for this run only', () => {
    const path = file();
    const store = new TokenStore(path, keychain(false));
    expect(store.set(HOME, 't')).toBe(false);
    expect(existsSync(path)).toBe(false);
    expect(store.get(HOME)).toBe('t');
    expect(new TokenStore(path, keychain(false)).get(HOME)).toBeNull();
  });

  it('refuses to persist when safeStorage uses the basic_text backend (Linux without a keyring)', () => {
    const path = file();
    const store = new TokenStore(path, keychain(true, 'basic_text'));
    expect(store.set(HOME, 'weakly-hidden')).toBe(false);
    expect(existsSync(path)).toBe(false);
    // Signed in for this run only.
    expect(store.get(HOME)).toBe('weakly-hidden');
    expect(new TokenStore(path, keychain(true, 'basic_text')).get(HOME)).toBeNull();
  });

  it('a token an earlier version wrote with basic_text is neither read nor kept', () => {
    const path = file();
    new TokenStore(path, keychain(true, 'gnome_libsecret')).set(HOME, 'old');
    const store = new TokenStore(path, keychain(true, 'basic_text'));
    expect(store.get(HOME)).toBeNull();
    expect(existsSync(path)).toBe(false);
  });

  it('a single token from before tokens were kept per server belongs to no origin: signed out once', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sb-token-')), 'token.bin');
    const crypto = keychain();
    writeFileSync(path, crypto.encryptString('legacy-token'));
    const store = new TokenStore(path, crypto);
    expect(store.get(HOME)).toBeNull();
    expect(store.get(OTHER)).toBeNull();
    expect(existsSync(path)).toBe(false);
    store.set(HOME, 'new');
    expect(new TokenStore(path, crypto).get(HOME)).toBe('new');
  });

  it('an unreadable file counts as signed out', () => {
    const path = file();
    new TokenStore(path, keychain()).set(HOME, 't');
    writeFileSync(path, 'garbage');
    expect(new TokenStore(path, keychain()).get(HOME)).toBeNull();
  });
});

describe('the origin an IPC call names', () => {
  it.each([
    ['https://sb.example.com', 'https://sb.example.com'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http://127.0.0.1:3000/', null],
    ['https://sb.example.com/path', null],
    ['http://127.0.0.1:3000@evil.example', null],
    ['file:///etc', null],
    ['', null],
    [42, null],
    [null, null],
  ])('%s → %s', (value, expected) => {
    expect(serverOriginArgument(value)).toBe(expected);
  });
});
