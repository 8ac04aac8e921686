// Secrets as releases before v2 sealed them (AES-256-GCM without additional data), for tests of their upgrade.
import { createCipheriv, randomBytes } from 'node:crypto';

export function sealedAsV1(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}
