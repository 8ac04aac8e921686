// Encrypts provider credentials at rest with AES-256-GCM under SECRET_KEY. The stored form carries a version,
// the random IV and the auth tag, so a tampered or foreign ciphertext fails loudly instead of decrypting to junk.
// v2 binds each ciphertext to the row it belongs to (GCM additional data = the row's id): a ciphertext copied into
// another row, even of the same company, does not open there. v1 (no additional data) is still opened, so existing
// rows keep working until the server re-seals them at start (providers/reseal-provider-secrets.ts).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const CURRENT = 'v2';
const LEGACY = 'v1';

export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
    this.key = key;
  }

  /** `boundTo`: the id of the row the secret is stored in; opening it needs the same id. */
  seal(plain: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [CURRENT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  /** Throws when the secret was sealed under another key, for another row, or was altered. */
  open(sealed: string, boundTo: string): string {
    const [version, iv, tag, data] = sealed.split(':');
    if ((version !== CURRENT && version !== LEGACY) || !iv || !tag || data === undefined) throw new Error('Not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    if (version === CURRENT) decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Sealed by a release before v2: not bound to its row yet. */
  static needsResealing(sealed: string): boolean {
    return sealed.startsWith(`${LEGACY}:`);
  }
}
