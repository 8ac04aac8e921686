import { describe, expect, it } from 'vitest';
import { parseSender, SecretBox } from '../src/index.ts';
import { sealedAsV1 } from '../src/testing/index.ts';

const ROW = '0192f5c4-6f1e-7c3a-9b2d-1a2b3c4d5e6f';
const OTHER_ROW = '0192f5c4-6f1e-7c3a-9b2d-000000000002';

describe('SecretBox (AES-256-GCM)', () => {
  const key = Buffer.alloc(32, 1);
  const box = new SecretBox(key);
  it('round-trips and never stores the plain text', () => {
    const sealed = box.seal('auth-token-123', ROW);
    expect(sealed).not.toContain('auth-token-123');
    expect(sealed).toMatch(/^v2:/);
    expect(box.open(sealed, ROW)).toBe('auth-token-123');
  });
  it('uses a fresh IV each time', () => {
    expect(box.seal('same', ROW)).not.toBe(box.seal('same', ROW));
  });
  it.each([
    ['another key', (s: string) => new SecretBox(Buffer.alloc(32, 2)).open(s, ROW)],
    ['a flipped byte', (s: string) => box.open(s.slice(0, -2) + (s.endsWith('A=') ? 'B=' : 'A='), ROW)],
    ['garbage', () => box.open('not sealed', ROW)],
    ['another row’s id: a ciphertext copied to another row', (s: string) => box.open(s, OTHER_ROW)],
  ])('refuses to open with %s', (_case, open) => {
    expect(() => open(box.seal('secret-value', ROW))).toThrow();
  });
  it('still opens a v1 secret (sealed before rows were bound), and says it needs re-sealing', () => {
    const legacy = sealedAsV1(key, 'old-token');
    expect(box.open(legacy, ROW)).toBe('old-token');
    expect(SecretBox.needsResealing(legacy)).toBe(true);
    expect(SecretBox.needsResealing(box.seal('new-token', ROW))).toBe(false);
  });
  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow('32-byte');
  });
});

describe('WhatsApp sender as typed', () => {
  it.each([
    ['+14155238886', 'whatsapp:+14155238886'],
    ['whatsapp:+14155238886', 'whatsapp:+14155238886'],
    ['+1 (415) 523-8886', 'whatsapp:+14155238886'],
    [`MG${'A'.repeat(32)}`, `MG${'a'.repeat(32)}`],
  ])('%s → %s', (input, sender) => {
    expect(parseSender(input)).toEqual({ ok: true, sender });
  });
  it.each(['14155238886', '+0123', 'whatsapp:', 'MG123', ''])('%j is refused with a reason', (input) => {
    const parsed = parseSender(input);
    expect(parsed.ok).toBe(false);
  });
});
