// The words the Templates screen uses for languages, categories, statuses, bindings and industries.
import type { TemplateSummary } from '../../api/client.ts';
import type { TemplateCategory, VariableBinding } from './template-draft.ts';

/** Meta's language codes a sales team most often writes in; a template in another code still shows its code. */
export const LANGUAGES: { code: string; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'en_US', label: 'English (US)' },
  { code: 'en_GB', label: 'English (UK)' },
  { code: 'es', label: 'Spanish' },
  { code: 'es_MX', label: 'Spanish (Mexico)' },
  { code: 'es_ES', label: 'Spanish (Spain)' },
  { code: 'es_AR', label: 'Spanish (Argentina)' },
  { code: 'pt_BR', label: 'Portuguese (Brazil)' },
  { code: 'pt_PT', label: 'Portuguese (Portugal)' },
  { code: 'fr', label: 'French' },
  { code: 'de', label: 'German' },
  { code: 'it', label: 'Italian' },
  { code: 'nl', label: 'Dutch' },
  { code: 'pl', label: 'Polish' },
  { code: 'sv', label: 'Swedish' },
  { code: 'tr', label: 'Turkish' },
  { code: 'ar', label: 'Arabic' },
  { code: 'he', label: 'Hebrew' },
  { code: 'hi', label: 'Hindi' },
  { code: 'id', label: 'Indonesian' },
  { code: 'ja', label: 'Japanese' },
  { code: 'ko', label: 'Korean' },
  { code: 'zh_CN', label: 'Chinese (simplified)' },
];

export const languageLabel = (code: string) => LANGUAGES.find((l) => l.code === code)?.label ?? code;

export const CATEGORIES: { id: TemplateCategory; label: string; hint: string }[] = [
  { id: 'marketing', label: 'Marketing', hint: 'Offers, follow-ups and re-engagement: anything that sells.' },
  { id: 'utility', label: 'Utility', hint: 'About something the lead asked for or booked: confirmations, reminders, updates.' },
  { id: 'authentication', label: 'Authentication', hint: 'A one-time code to verify a sign-in or an action, and nothing else.' },
];

export const categoryLabel = (id: TemplateCategory) => CATEGORIES.find((c) => c.id === id)?.label ?? id;

export type TemplateStatus = TemplateSummary['status'];
export const STATUS_LABELS: Record<TemplateStatus, string> = {
  draft: 'Draft',
  pending: 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
  archived: 'Archived',
};

/** Binding choices as one select: the value encodes source and field. */
export const BINDINGS: { value: string; label: string; binding: VariableBinding | null }[] = [
  { value: '', label: 'Typed in when sending', binding: null },
  { value: 'lead:name', label: 'Lead’s full name', binding: { source: 'lead', field: 'name' } },
  { value: 'lead:firstName', label: 'Lead’s first name', binding: { source: 'lead', field: 'firstName' } },
  { value: 'lead:lastName', label: 'Lead’s last name', binding: { source: 'lead', field: 'lastName' } },
  { value: 'lead:phone', label: 'Lead’s phone', binding: { source: 'lead', field: 'phone' } },
  { value: 'lead:email', label: 'Lead’s email', binding: { source: 'lead', field: 'email' } },
  { value: 'agent:name', label: 'Agent’s name', binding: { source: 'agent', field: 'name' } },
  { value: 'company:name', label: 'Company name', binding: { source: 'company', field: 'name' } },
  { value: 'custom', label: 'Lead’s custom field…', binding: { source: 'custom', key: '' } },
];

export function bindingValue(binding: VariableBinding | undefined): string {
  if (!binding) return '';
  return binding.source === 'custom' ? 'custom' : `${binding.source}:${binding.field}`;
}

// The API names industries by id; these read better than the id with spaces.
const INDUSTRY_LABELS: Record<string, string> = { saas: 'SaaS demos', hvac: 'HVAC', med_spa: 'Med spa', ecommerce: 'E-commerce' };

export function industryLabel(id: string): string {
  const words = id.replaceAll('_', ' ');
  return INDUSTRY_LABELS[id] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/** "user:…" is a teammate (or you); Twilio's answers and the worker's changes get a readable name. */
export function actorLabel(actor: string, myUserId: string): string {
  if (actor === `user:${myUserId}`) return 'You';
  if (actor.startsWith('user:')) return 'A teammate';
  if (actor === 'twilio') return 'WhatsApp via Twilio';
  return 'Switchboard';
}
