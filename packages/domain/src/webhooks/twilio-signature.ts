// X-Twilio-Signature: HMAC-SHA1 over the public URL and the sorted form parameters, keyed by the Auth Token
// (TWILIO.md §6). The URL we gave Twilio is checked first with one HMAC (this runs for thousands of callbacks a
// second); only a mismatch goes on to the SDK's validator, which also tries the URL's port variants.
import { createHmac, timingSafeEqual } from 'node:crypto';
import twilio from 'twilio';

export function isValidTwilioSignature(opts: {
  authToken: string;
  signature: string | undefined;
  url: string;
  params: Record<string, string | string[]>;
}): boolean {
  if (!opts.signature) return false;
  const given = Buffer.from(opts.signature, 'base64');
  const expected = signatureOf(opts.authToken, opts.url, opts.params);
  if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  return twilio.validateRequest(opts.authToken, opts.signature, opts.url, opts.params);
}

function signatureOf(authToken: string, url: string, params: Record<string, string | string[]>): Buffer {
  const hmac = createHmac('sha1', authToken).update(url);
  // A repeated key is signed once per distinct value, values sorted (the SDK's rule).
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    for (const v of Array.isArray(value) ? [...new Set(value)].sort() : [value]) hmac.update(`${key}${v}`);
  }
  return hmac.digest();
}

/** Signs like Twilio does: the simulator's callbacks and the tests use it. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string | string[]>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
