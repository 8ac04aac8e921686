// What a ready-made template in the industry library is, and the variables and buttons most of them share,
// so each entry reads as its copy and not as boilerplate.
import type { IndustryId } from '../../industries/industries.ts';
import type { TemplateButton, TemplateCategory, TemplateDefinition, TemplateHeader, TemplateVariable } from '../template-definition.ts';

export interface LibraryTemplate {
  /** `<industryId>_<purpose>`; also the template's name, so a copied template keeps a WhatsApp-valid name. */
  key: string;
  industry: IndustryId;
  title: string;
  description: string;
  definition: TemplateDefinition;
}

interface LibraryEntryInput {
  key: string;
  industry: IndustryId;
  title: string;
  description: string;
  category: TemplateCategory;
  body: string;
  variables: TemplateVariable[];
  buttons?: TemplateButton[];
  header?: TemplateHeader;
  footer?: string;
}

export function libraryEntry(input: LibraryEntryInput): LibraryTemplate {
  const { key, industry, title, description } = input;
  return {
    key,
    industry,
    title,
    description,
    // A copy: entries share FIRST_NAME and the button sets, and a company editing its copy must not change them.
    definition: structuredClone({
      name: key,
      language: 'en',
      category: input.category,
      body: input.body,
      header: input.header ?? null,
      footer: input.footer ?? null,
      buttons: input.buttons ?? [],
      variables: input.variables,
    }),
  };
}

export const FIRST_NAME: TemplateVariable = { name: 'first_name', example: 'Ana', binding: { source: 'lead', field: 'firstName' } };
export const AGENT_NAME: TemplateVariable = { name: 'agent_name', example: 'Sam', binding: { source: 'agent', field: 'name' } };
export const companyName = (example: string): TemplateVariable => ({
  name: 'company_name',
  example,
  binding: { source: 'company', field: 'name' },
});
/** A value kept on the lead as a custom field (imported or set by the agent), keyed like the variable unless told. */
export const customField = (name: string, example: string, key = name): TemplateVariable => ({
  name,
  example,
  binding: { source: 'custom', key },
});
export const APPOINTMENT_TIME = customField('appointment_time', 'Tuesday 14 May at 10:00');

export const quickReply = (text: string, payload: string): TemplateButton => ({ type: 'quick_reply', text, payload });
// "Stop" arrives as the lead's message text, which the opt-out keywords already recognise (consent-keywords.ts).
export const STOP = quickReply('Stop', 'stop');
export const NOT_NOW = quickReply('Not now', 'not_now');
export const CALL_ME = quickReply('Yes, call me', 'call_me');
/** The opening message's answers: a call, later, or never again. */
export const FIRST_CONTACT_BUTTONS = [CALL_ME, NOT_NOW, STOP];
/** A reminder's answers. */
export const REMINDER_BUTTONS = [quickReply('Confirm', 'confirm'), quickReply('Reschedule', 'reschedule')];
/** A promotion's answers: the offer's own yes, later, or never again. */
export const offerButtons = (yes: string, payload: string): TemplateButton[] => [quickReply(yes, payload), NOT_NOW, STOP];

/** Shown under promotional messages; the Stop button does the same in one tap. */
export const OPT_OUT_FOOTER = 'Reply STOP to opt out';
