// X-Twilio-Signature: HMAC-SHA1 over the public URL and the sorted form parameters, keyed by the Auth Token
// (TWILIO.md §6). The SDK's validator handles port variants and compares in constant time.
import twilio from 'twilio';

export function isValidTwilioSignature(opts: {
  authToken: string;
  signature: string | undefined;
  url: string;
  params: Record<string, string | string[]>;
}): boolean {
  if (!opts.signature) return false;
  return twilio.validateRequest(opts.authToken, opts.signature, opts.url, opts.params);
}

/** Signs like Twilio does: the simulator's callbacks and the tests use it. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string | string[]>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
