// The two ways Switchboard reaches a lead.
export const CHANNELS = ['voice', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PREFERRED_CHANNELS = ['voice', 'whatsapp', 'both'] as const;
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number];

/** Where a consent came from ("web form", "CSV import: leads.csv"), kept on the lead and in its consent history. */
export const CONSENT_SOURCE_LENGTH = 100;
