// What a lead receives from a template: the values for one send (from bindings, or typed in), the rendered
// text for the timeline and the preview, and the numbered ContentVariables Twilio needs.
import { DomainError } from '../errors/domain-errors.ts';
import { quickReplyPayload, type TemplateDefinition, type TemplateHeader, type VariableBinding } from './template-definition.ts';
import { type PlaceholderToken, replacePlaceholders, templateVariableOrder, variableNumbering } from './template-variables.ts';

export type RenderedButton =
  | { type: 'quick_reply'; text: string; payload: string }
  | { type: 'url'; text: string; url: string }
  | { type: 'phone'; text: string; phone: string };

export interface RenderedTemplate {
  header?: TemplateHeader;
  body: string;
  footer?: string;
  buttons: RenderedButton[];
}

/** A send refused because some variables have no value; `missing` names them in template order. */
export class MissingTemplateValuesError extends DomainError {
  readonly missing: string[];
  constructor(missing: string[]) {
    super('precondition', `This template needs a value for ${missing.join(', ')}`);
    this.name = 'MissingTemplateValuesError';
    this.missing = missing;
  }
}

export type TemplateValues = Readonly<Record<string, string | undefined>>;

/**
 * A value as WhatsApp will take it: no line breaks or tabs and no run of four spaces (TWILIO.md §3.5: "No
 * newlines in variable values"), trimmed. Rendering and ContentVariables both use it, so the timeline shows
 * exactly what the lead got. Nothing else changes: markup, braces, emoji and RTL text stay as typed.
 */
export function sendableValue(value: string): string {
  return value
    .split(/[\r\n\t\v\f\u2028\u2029]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
    .replace(/ {4,}/g, ' ');
}

const isBlank = (value: string | undefined): value is undefined => value === undefined || value.trim() === '';

// Own properties only: a variable named `constructor` must not pick up Object.prototype.constructor.
const own = (record: Readonly<Record<string, string | undefined>> | null | undefined, key: string): string | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** The template filled with `values`. Refuses (MissingTemplateValuesError) when a used variable has no value. */
export function renderTemplate(def: TemplateDefinition, values: TemplateValues): RenderedTemplate {
  const missing = templateVariableOrder(def).filter((name) => isBlank(own(values, name)));
  if (missing.length > 0) throw new MissingTemplateValuesError(missing);
  return renderWith(def, (token) => sendableValue(own(values, token.inner) ?? ''));
}

/** The template as the editor previews it: each variable shows its example; one without an example stays `{{name}}`. */
export function previewTemplate(def: TemplateDefinition): RenderedTemplate {
  const examples = Object.fromEntries(def.variables.map((v) => [v.name, v.example]));
  return renderWith(def, (token) => {
    const example = own(examples, token.inner);
    return isBlank(example) ? token.raw : sendableValue(example);
  });
}

function renderWith(def: TemplateDefinition, valueFor: (token: PlaceholderToken) => string): RenderedTemplate {
  // Only well-formed variables are filled; anything else ({{1}}, {{ }}) stays as written, as validation reports it.
  const fill = (text: string) => replacePlaceholders(text, (token) => (token.kind === 'variable' ? valueFor(token) : token.raw));
  const rendered: RenderedTemplate = {
    body: fill(def.body),
    buttons: def.buttons.map((button, index): RenderedButton => {
      if (button.type === 'quick_reply') return { type: 'quick_reply', text: button.text, payload: quickReplyPayload(button, index) };
      if (button.type === 'url') return { type: 'url', text: button.text, url: fill(button.url) };
      return { type: 'phone', text: button.text, phone: button.phone };
    }),
  };
  if (def.header) rendered.header = def.header.type === 'text' ? { type: 'text', text: fill(def.header.text) } : { ...def.header };
  if (def.footer !== null && def.footer !== '') rendered.footer = def.footer;
  return rendered;
}

export interface TemplateValueContext {
  lead: { name: string; phone: string; email?: string | null; customFields?: Readonly<Record<string, string>> | null };
  agent?: { name: string } | null;
  company?: { name: string } | null;
}

export interface ResolvedTemplateValues {
  values: Record<string, string>;
  /** Variables with no value (none bound, or blank), in template order: the send is refused with these names. */
  missing: string[];
}

/**
 * The values for one send. A non-blank override (typed by the sender) wins over the variable's binding; an empty
 * or whitespace-only value counts as missing, so a lead without an email is never greeted with a blank.
 */
export function resolveTemplateValues(
  def: TemplateDefinition,
  context: TemplateValueContext,
  overrides: TemplateValues = {},
): ResolvedTemplateValues {
  const bindings = new Map(def.variables.map((v) => [v.name, v.binding]));
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of templateVariableOrder(def)) {
    const candidates = [own(overrides, name), boundValue(bindings.get(name), context)];
    const value = candidates.find((v) => !isBlank(v));
    if (value === undefined) missing.push(name);
    else values[name] = value.trim();
  }
  return { values, missing };
}

function boundValue(binding: VariableBinding | undefined, context: TemplateValueContext): string | undefined {
  if (!binding) return undefined;
  switch (binding.source) {
    case 'agent':
      return context.agent?.name;
    case 'company':
      return context.company?.name;
    case 'custom':
      return own(context.lead.customFields, binding.key);
    case 'lead':
      return leadField(context.lead, binding.field);
  }
}

function leadField(lead: TemplateValueContext['lead'], field: Extract<VariableBinding, { source: 'lead' }>['field']): string | undefined {
  const words = lead.name.trim().split(/\s+/);
  switch (field) {
    case 'name':
      return lead.name;
    case 'firstName':
      return words[0];
    case 'lastName':
      return words.slice(1).join(' ');
    case 'phone':
      return lead.phone;
    case 'email':
      return lead.email ?? undefined;
  }
}

/**
 * Twilio's ContentVariables object for one send: `{"1": "Ana", "2": "Tuesday"}`, numbered like the content that
 * was created, every value a string. The caller sends it through JSON.stringify (TWILIO.md §2.1, error 21656).
 */
export function contentVariablesFor(def: TemplateDefinition, values: TemplateValues): Record<string, string> {
  const { byNumber } = variableNumbering(def);
  const missing = Object.values(byNumber).filter((name) => isBlank(own(values, name)));
  if (missing.length > 0) throw new MissingTemplateValuesError(missing);
  return Object.fromEntries(Object.entries(byNumber).map(([n, name]) => [n, sendableValue(own(values, name) ?? '')]));
}
