// A WhatsApp sender as the user types it ("+1 415 523 8886", "whatsapp:+14155238886") or a Messaging Service SID.
export type SenderParse = { ok: true; sender: string } | { ok: false; reason: string };

export function parseSender(input: string): SenderParse {
  const trimmed = input.trim();
  if (/^MG[0-9a-f]{32}$/i.test(trimmed)) return { ok: true, sender: `MG${trimmed.slice(2).toLowerCase()}` };
  const digits = trimmed.replace(/^whatsapp:/i, '').replace(/[\s().-]/g, '');
  if (/^\+[1-9]\d{6,14}$/.test(digits)) return { ok: true, sender: `whatsapp:${digits}` };
  return { ok: false, reason: 'Enter the WhatsApp sender as +<country code><number> (E.164) or a Messaging Service SID (MG…)' };
}
