import { describe, expect, it } from 'vitest';
import { parseSender, SecretBox } from '../src/index.ts';

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(Buffer.alloc(32, 1));
  it('round-trips and never stores the plain text', () => {
    const sealed = box.seal('auth-token-123');
    expect(sealed).not.toContain('auth-token-123');
    expect(sealed).toMatch(/^v1:/);
    expect(box.open(sealed)).toBe('auth-token-123');
  });
  it('uses a fresh IV each time', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });
  it.each([
    ['another key', (s: string) => new SecretBox(Buffer.alloc(32, 2)).open(s)],
    ['a flipped byte', (s: string) => box.open(s.slice(0, -2) + (s.endsWith('A=') ? 'B=' : 'A='))],
    ['garbage', () => box.open('not sealed')],
  ])('refuses to open with %s', (_case, open) => {
    expect(() => open(box.seal('secret-value'))).toThrow();
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
