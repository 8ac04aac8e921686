import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors/domain-errors.ts';
import type { TemplateDefinition, TemplateVariable } from '../../src/templates/template-definition.ts';
import {
  contentVariablesFor,
  MissingTemplateValuesError,
  previewTemplate,
  renderTemplate,
  resolveTemplateValues,
  sendableValue,
  type TemplateValueContext,
} from '../../src/templates/template-rendering.ts';
import { AGENT_NAME, FIRST_NAME, greeting, plain } from './template-fixtures.ts';

const BODY = 'Hi {{first_name}}, this is {{agent_name}} from Acme. Would you like a quick call about your enquiry?';

describe('values are inserted as plain text, never re-read', () => {
  it.each([
    ['a placeholder', '{{agent_name}}'],
    ['a numbered placeholder', '{{1}}'],
    ['triple braces', '{{{x}}}'],
    ['HTML', '<b>Ana</b> &amp; co'],
    ['a script tag', '<script>alert("x")</script>'],
    ['SQL', "Robert'); DROP TABLE leads;--"],
    ['replacement patterns', "$& $1 $$ $' $`"],
    ['emoji', 'Ana 👋🏽👨‍👩‍👧'],
    ['right-to-left text', 'مرحبا آنا'],
    ['a right-to-left override', '\u202Eana'],
    ['a backslash and quotes', 'C:\\temp "quoted" \'single\''],
    ['JSON', '{"1":"x"}'],
  ])('%s: %s', (_, value) => {
    const rendered = renderTemplate(greeting(), { first_name: value, agent_name: 'Sam' });
    expect(rendered.body).toBe(`Hi ${value}, this is Sam from Acme. Would you like a quick call about your enquiry?`);
  });

  it('a value that names another variable stays as typed, in every part', () => {
    const def = greeting({
      header: { type: 'text', text: 'For {{first_name}}' },
      buttons: [{ type: 'url', text: 'Open', url: 'https://example.com/u/{{agent_name}}' }],
    });
    const rendered = renderTemplate(def, { first_name: '{{agent_name}}', agent_name: '{{first_name}}' });
    expect(rendered.header).toEqual({ type: 'text', text: 'For {{agent_name}}' });
    expect(rendered.body).toContain('Hi {{agent_name}}, this is {{first_name}} from');
    expect(rendered.buttons).toEqual([{ type: 'url', text: 'Open', url: 'https://example.com/u/{{first_name}}' }]);
  });
});

describe('values as WhatsApp takes them', () => {
  it('normalises a huge value in linear time', () => {
    const started = performance.now();
    expect(sendableValue(`a${' '.repeat(300_000)}b\n`)).toBe('a b');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['Ana', 'Ana'],
    ['  Ana  ', 'Ana'],
    ['Ana\nMaría', 'Ana María'],
    ['Ana\r\n\r\nMaría', 'Ana María'],
    ['Ana\tMaría', 'Ana María'],
    ['Ana     María', 'Ana María'],
    ['Ana   María', 'Ana   María'],
    ['Ana\u2028María', 'Ana María'],
    ['👋 مرحبا', '👋 مرحبا'],
  ])('%j → %j', (value, sent) => {
    expect(sendableValue(value)).toBe(sent);
    expect(renderTemplate(greeting(), { first_name: value, agent_name: 'Sam' }).body).toBe(
      BODY.replace('{{first_name}}', sent).replace('{{agent_name}}', 'Sam'),
    );
  });
});

describe('a missing value refuses the send, by name', () => {
  it.each<[string, Record<string, string | undefined>, string[]]>([
    ['nothing given', {}, ['first_name', 'agent_name']],
    ['an empty string', { first_name: '', agent_name: 'Sam' }, ['first_name']],
    ['whitespace only', { first_name: 'Ana', agent_name: ' \n\t ' }, ['agent_name']],
    ['undefined', { first_name: undefined, agent_name: 'Sam' }, ['first_name']],
    ['a value under another name', { firstName: 'Ana', agent_name: 'Sam' }, ['first_name']],
  ])('%s → missing %j', (_, values, missing) => {
    const attempt = () => renderTemplate(greeting(), values);
    expect(attempt).toThrow(MissingTemplateValuesError);
    try {
      attempt();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: 'precondition', missing, message: `This template needs a value for ${missing.join(', ')}` });
    }
  });

  it('a variable named like an Object property is not filled from the prototype', () => {
    const def = plain({ body: 'Hello {{constructor}} and welcome to Acme today.', variables: [{ name: 'constructor', example: 'x' }] });
    expect(() => renderTemplate(def, {})).toThrow(MissingTemplateValuesError);
    expect(() => contentVariablesFor(def, {})).toThrow(MissingTemplateValuesError);
  });

  it('extra values are ignored', () => {
    expect(renderTemplate(greeting(), { first_name: 'Ana', agent_name: 'Sam', city: 'Lisbon' }).body).toBe(
      BODY.replace('{{first_name}}', 'Ana').replace('{{agent_name}}', 'Sam'),
    );
  });
});

describe('rendering every part', () => {
  const def: TemplateDefinition = greeting({
    header: { type: 'text', text: 'Hello {{first_name}}' },
    footer: 'Reply STOP to opt out',
    buttons: [
      { type: 'quick_reply', text: 'Yes, call me', payload: 'call_me' },
      { type: 'quick_reply', text: 'Maybe later!' },
      { type: 'quick_reply', text: 'Ça va 👍' },
      { type: 'quick_reply', text: '👍' },
    ],
  });

  it('fills the header and body, keeps the footer, and gives each quick reply its reply code', () => {
    expect(renderTemplate(def, { first_name: 'Ana', agent_name: 'Sam' })).toEqual({
      header: { type: 'text', text: 'Hello Ana' },
      body: 'Hi Ana, this is Sam from Acme. Would you like a quick call about your enquiry?',
      footer: 'Reply STOP to opt out',
      buttons: [
        { type: 'quick_reply', text: 'Yes, call me', payload: 'call_me' },
        { type: 'quick_reply', text: 'Maybe later!', payload: 'maybe_later' },
        { type: 'quick_reply', text: 'Ça va 👍', payload: 'ca_va' },
        { type: 'quick_reply', text: '👍', payload: 'button_4' },
      ],
    });
  });

  it('fills a link button’s variable and leaves media and call buttons as they are', () => {
    const cta = plain({
      body: 'Your booking {{booking_id}} is ready to view online now.',
      header: { type: 'document', url: 'https://cdn.example.com/b.pdf', filename: 'Booking.pdf' },
      buttons: [
        { type: 'url', text: 'View booking', url: 'https://example.com/b/{{booking_id}}' },
        { type: 'phone', text: 'Call us', phone: '+14155550123' },
      ],
      variables: [{ name: 'booking_id', example: 'AB12' }],
    });
    expect(renderTemplate(cta, { booking_id: 'XY-9' })).toEqual({
      header: { type: 'document', url: 'https://cdn.example.com/b.pdf', filename: 'Booking.pdf' },
      body: 'Your booking XY-9 is ready to view online now.',
      buttons: [
        { type: 'url', text: 'View booking', url: 'https://example.com/b/XY-9' },
        { type: 'phone', text: 'Call us', phone: '+14155550123' },
      ],
    });
  });

  it('leaves malformed placeholders as written (validation reports them)', () => {
    const broken = greeting({ body: 'Hi {{first_name}}, ref {{1}} and {{ }} from {{agent_name}} at Acme today.' });
    expect(renderTemplate(broken, { first_name: 'Ana', agent_name: 'Sam' }).body).toBe(
      'Hi Ana, ref {{1}} and {{ }} from Sam at Acme today.',
    );
  });
});

describe('the preview uses the examples', () => {
  it('shows each variable’s example', () => {
    expect(previewTemplate(greeting()).body).toBe('Hi Ana, this is Sam from Acme. Would you like a quick call about your enquiry?');
  });

  it.each<[string, TemplateVariable[], string]>([
    ['no example yet', [{ ...FIRST_NAME, example: '' }, AGENT_NAME], 'Hi {{first_name}}, this is Sam'],
    ['a blank example', [FIRST_NAME, { ...AGENT_NAME, example: '  ' }], 'Hi Ana, this is {{agent_name}}'],
    ['not declared at all', [FIRST_NAME], 'Hi Ana, this is {{agent_name}}'],
    ['an example with emoji', [{ ...FIRST_NAME, example: 'Ana 🌷' }, AGENT_NAME], 'Hi Ana 🌷, this is Sam'],
  ])('%s: the placeholder stays visible', (_, variables, start) => {
    expect(previewTemplate(greeting({ variables })).body.startsWith(start)).toBe(true);
  });
});

describe('values for one send: bindings, overrides, and what is missing', () => {
  const lead = {
    name: '  Ana María López ',
    phone: '+34600111222',
    email: 'ana@example.com',
    customFields: { city: 'Lisbon', blank: '  ' },
  };
  const context: TemplateValueContext = { lead, agent: { name: 'Sam' }, company: { name: 'Acme Realty' } };
  const bound = (binding: TemplateVariable['binding']) =>
    plain({ body: 'Hello {{value}} and welcome to Acme today.', variables: [{ name: 'value', example: 'x', binding }] });

  it.each<[string, TemplateVariable['binding'], string | null]>([
    ['the lead’s name', { source: 'lead', field: 'name' }, 'Ana María López'],
    ['the first word of the name', { source: 'lead', field: 'firstName' }, 'Ana'],
    ['the rest of the name', { source: 'lead', field: 'lastName' }, 'María López'],
    ['the phone', { source: 'lead', field: 'phone' }, '+34600111222'],
    ['the email', { source: 'lead', field: 'email' }, 'ana@example.com'],
    ['the agent’s name', { source: 'agent', field: 'name' }, 'Sam'],
    ['the company’s name', { source: 'company', field: 'name' }, 'Acme Realty'],
    ['a custom field', { source: 'custom', key: 'city' }, 'Lisbon'],
    ['a custom field the lead lacks', { source: 'custom', key: 'budget' }, null],
    ['a blank custom field', { source: 'custom', key: 'blank' }, null],
    ['a custom key that is an Object property', { source: 'custom', key: 'constructor' }, null],
    ['no binding', undefined, null],
  ])('%s → %j', (_, binding, value) => {
    const resolved = resolveTemplateValues(bound(binding), context);
    expect(resolved).toEqual(value === null ? { values: {}, missing: ['value'] } : { values: { value }, missing: [] });
  });

  it.each<[string, string[], TemplateValueContext]>([
    ['everything known', [], context],
    ['a lead without email', ['email'], { ...context, lead: { ...lead, email: null } }],
    ['no agent', ['agent_name'], { ...context, agent: null }],
    ['no company', ['company_name'], { lead, agent: { name: 'Sam' } }],
    ['neither agent nor company', ['agent_name', 'company_name'], { lead }],
    ['an agent with a blank name', ['agent_name'], { ...context, agent: { name: ' ' } }],
    ['a lead with a one-word name', ['last_name'], { ...context, lead: { ...lead, name: 'Ana' } }],
    ['a lead with a blank name', ['first_name', 'last_name'], { ...context, lead: { ...lead, name: '  ' } }],
  ])('%s → missing %j, in template order', (_, missing, ctx) => {
    const def = plain({
      body: 'Dear {{first_name}} {{last_name}}, {{agent_name}} from {{company_name}} will email {{email}} today.',
      variables: [
        { name: 'first_name', example: 'Ana', binding: { source: 'lead', field: 'firstName' } },
        { name: 'last_name', example: 'López', binding: { source: 'lead', field: 'lastName' } },
        { name: 'agent_name', example: 'Sam', binding: { source: 'agent', field: 'name' } },
        { name: 'company_name', example: 'Acme', binding: { source: 'company', field: 'name' } },
        { name: 'email', example: 'a@b.co', binding: { source: 'lead', field: 'email' } },
      ],
    });
    expect(resolveTemplateValues(def, ctx).missing).toEqual(missing);
  });

  it('an override typed by the sender wins; a blank override falls back to the binding', () => {
    const def = greeting();
    expect(resolveTemplateValues(def, context, { first_name: 'Annie' }).values).toEqual({ first_name: 'Annie', agent_name: 'Sam' });
    expect(resolveTemplateValues(def, context, { first_name: '   ' }).values).toEqual({ first_name: 'Ana', agent_name: 'Sam' });
    expect(resolveTemplateValues(def, { lead }, { agent_name: 'Lee' })).toEqual({
      values: { first_name: 'Ana', agent_name: 'Lee' },
      missing: [],
    });
  });

  it('an unbound variable is filled only by an override', () => {
    const def = plain({ body: 'Your visit is on {{visit_day}} at our office.', variables: [{ name: 'visit_day', example: 'Monday' }] });
    expect(resolveTemplateValues(def, context)).toEqual({ values: {}, missing: ['visit_day'] });
    expect(resolveTemplateValues(def, context, { visit_day: 'Friday' })).toEqual({ values: { visit_day: 'Friday' }, missing: [] });
  });

  it('resolved values render without a missing value', () => {
    const { values, missing } = resolveTemplateValues(greeting(), context);
    expect(missing).toEqual([]);
    expect(renderTemplate(greeting(), values).body).toBe('Hi Ana, this is Sam from Acme. Would you like a quick call about your enquiry?');
  });
});

describe('ContentVariables for Twilio', () => {
  const def = greeting({
    header: { type: 'text', text: 'News for {{city}}' },
    buttons: [{ type: 'url', text: 'Open', url: 'https://example.com/c/{{city_code}}' }],
    variables: [FIRST_NAME, AGENT_NAME, { name: 'city', example: 'Lisbon' }, { name: 'city_code', example: 'lis' }],
  });

  it('numbers the values like the content, every value a string', () => {
    const vars = contentVariablesFor(def, { first_name: 'Ana', agent_name: 'Sam', city: 'Porto', city_code: 'opo', extra: 'x' });
    expect(vars).toEqual({ '1': 'Ana', '2': 'Sam', '3': 'Porto', '4': 'opo' });
    expect(Object.values(vars).every((v) => typeof v === 'string')).toBe(true);
  });

  it('keeps injection-looking values intact through JSON', () => {
    const tricky = 'O\'Brien "the" <b>{{2}}</b> \\ 😀';
    const json = JSON.stringify(contentVariablesFor(def, { first_name: tricky, agent_name: 'Sam', city: 'Porto', city_code: 'opo' }));
    expect(JSON.parse(json)['1']).toBe(tricky);
  });

  it('sends values the way the timeline shows them', () => {
    expect(contentVariablesFor(greeting(), { first_name: ' Ana\nMaría ', agent_name: 'Sam' })).toEqual({ '1': 'Ana María', '2': 'Sam' });
  });

  it('refuses when a value is missing', () => {
    expect(() => contentVariablesFor(def, { first_name: 'Ana', agent_name: 'Sam', city: '' })).toThrow(
      'This template needs a value for city, city_code',
    );
  });

  it('is empty for a template without variables', () => {
    expect(contentVariablesFor(plain(), {})).toEqual({});
  });
});
