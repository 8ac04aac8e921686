// What a Twilio error code means for a message: its final status, a reason a user understands, and whether
// to try again later. Kept as data (TWILIO.md §7.2): codes evolve, branches should not.
export type ErrorHandling = 'retry_later' | 'permanent';

export interface TwilioErrorMeaning {
  reason: string;
  handling: ErrorHandling;
  /** The lead's window closed: the message needs an approved template instead. */
  outsideWindow?: boolean;
}

const TABLE: Record<number, TwilioErrorMeaning> = {
  63016: { reason: 'Outside the 24-hour window: send an approved template instead', handling: 'permanent', outsideWindow: true },
  63018: { reason: 'WhatsApp rate limit reached; sending again shortly', handling: 'retry_later' },
  63017: { reason: 'Account-wide rate limit reached; sending again shortly', handling: 'retry_later' },
  20429: { reason: 'Too many requests to Twilio; sending again shortly', handling: 'retry_later' },
  63003: { reason: 'The number is not reachable on WhatsApp', handling: 'permanent' },
  63024: { reason: 'Invalid recipient: the number is not on WhatsApp or cannot receive this message', handling: 'permanent' },
  63007: { reason: 'The WhatsApp sender is not set up in Twilio (check the From number)', handling: 'permanent' },
  63014: { reason: 'The lead blocked this business on WhatsApp', handling: 'permanent' },
  63021: { reason: 'WhatsApp refused the content (unsupported media or too long)', handling: 'permanent' },
  63027: { reason: 'Template not found for this language, or its variables are wrong', handling: 'permanent' },
  63028: { reason: 'The template’s variable count does not match', handling: 'permanent' },
  63032: { reason: 'WhatsApp withheld this marketing message (Meta experiment); try another channel', handling: 'permanent' },
  63033: { reason: 'The lead stopped marketing messages in WhatsApp', handling: 'permanent' },
  63049: { reason: 'Meta chose not to deliver this marketing template', handling: 'permanent' },
  63038: { reason: 'The account’s daily WhatsApp limit is reached', handling: 'retry_later' },
  21610: { reason: 'The lead has opted out of messages from this sender', handling: 'permanent' },
  21656: { reason: 'The template variables are invalid', handling: 'permanent' },
  21211: { reason: 'Invalid phone number', handling: 'permanent' },
  20003: { reason: 'Twilio rejected the credentials (check Account SID and Auth Token)', handling: 'permanent' },
  30036: { reason: 'Expired in Twilio’s queue before it could be sent', handling: 'permanent' },
};

export function twilioErrorMeaning(code: number | null | undefined, fallbackMessage?: string | null): TwilioErrorMeaning {
  if (code != null && TABLE[code]) return TABLE[code];
  return {
    reason: fallbackMessage ? `Twilio error ${code ?? ''}: ${fallbackMessage}`.trim() : `Twilio error ${code ?? 'unknown'}`,
    handling: 'permanent',
  };
}
