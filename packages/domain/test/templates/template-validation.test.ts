import { describe, expect, it } from 'vitest';
import type { TemplateButton, TemplateDefinition } from '../../src/templates/template-definition.ts';
import { TEMPLATE_LIMITS, templateTextLength, validateTemplate, validateTemplateInput } from '../../src/templates/template-validation.ts';
import { AGENT_NAME, FIRST_NAME, greeting, issuePaths, plain } from './template-fixtures.ts';

const quickReplies = (n: number): TemplateButton[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'quick_reply', text: `Option ${i + 1}` }));
const urlButtons = (n: number): TemplateButton[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'url', text: `Link ${i + 1}`, url: `https://example.com/${i + 1}` }));
const phoneButtons = (n: number): TemplateButton[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'phone', text: `Call ${i + 1}`, phone: '+14155550123' }));
const pathsOf = (def: TemplateDefinition) => issuePaths(validateTemplate(def));

describe('WhatsApp’s limits: at the limit passes, one over fails', () => {
  it.each<[string, string[], TemplateDefinition]>([
    ['a name of 512 characters', [], plain({ name: 'a'.repeat(512) })],
    ['a name of 513 characters', ['name'], plain({ name: 'a'.repeat(513) })],
    ['a body of 1024 characters', [], plain({ body: 'a'.repeat(1024) })],
    ['a body of 1025 characters', ['body'], plain({ body: 'a'.repeat(1025) })],
    ['a header text of 60 characters', [], plain({ header: { type: 'text', text: 'h'.repeat(60) } })],
    ['a header text of 61 characters', ['header.text'], plain({ header: { type: 'text', text: 'h'.repeat(61) } })],
    ['a footer of 60 characters', [], plain({ footer: 'f'.repeat(60) })],
    ['a footer of 61 characters', ['footer'], plain({ footer: 'f'.repeat(61) })],
    ['a button text of 25 characters', [], plain({ buttons: [{ type: 'quick_reply', text: 'b'.repeat(25) }] })],
    ['a button text of 26 characters', ['buttons.0.text'], plain({ buttons: [{ type: 'quick_reply', text: 'b'.repeat(26) }] })],
    ['10 quick replies', [], plain({ buttons: quickReplies(10) })],
    ['11 quick replies', ['buttons'], plain({ buttons: quickReplies(11) })],
    ['2 link buttons', [], plain({ buttons: urlButtons(2) })],
    ['3 link buttons', ['buttons'], plain({ buttons: urlButtons(3) })],
    ['1 call button', [], plain({ buttons: phoneButtons(1) })],
    ['2 call buttons', ['buttons'], plain({ buttons: phoneButtons(2) })],
    ['2 link buttons and 1 call button', [], plain({ buttons: [...urlButtons(2), ...phoneButtons(1)] })],
    ['a body of 640 characters with link buttons', [], plain({ body: 'a'.repeat(640), buttons: urlButtons(1) })],
    ['a body of 641 characters with link buttons', ['body'], plain({ body: 'a'.repeat(641), buttons: urlButtons(1) })],
    ['a body of 1024 characters with quick replies', [], plain({ body: 'a'.repeat(1024), buttons: quickReplies(3) })],
    ['a reply code of 200 characters', [], plain({ buttons: [{ type: 'quick_reply', text: 'Yes', payload: 'p'.repeat(200) }] })],
    [
      'a reply code of 201 characters',
      ['buttons.0.payload'],
      plain({ buttons: [{ type: 'quick_reply', text: 'Yes', payload: 'p'.repeat(201) }] }),
    ],
  ])('%s → %j', (_, paths, def) => {
    expect(pathsOf(def)).toEqual(paths);
  });

  it('says the length and the limit in the message', () => {
    expect(validateTemplate(plain({ body: 'a'.repeat(1025) }))).toEqual([
      { path: 'body', message: 'The message is 1025 characters long; WhatsApp allows at most 1024.' },
    ]);
    expect(validateTemplate(plain({ buttons: quickReplies(11) }))[0]?.message).toBe(
      'A template can have at most 10 quick replies; this one has 11.',
    );
  });
});

describe('unicode and emoji count as UTF-16 code units, never less than WhatsApp could count', () => {
  it.each([
    ['plain ASCII', 'hello', 5],
    ['an accented letter (precomposed)', 'é', 1],
    ['an accented letter (decomposed)', 'e\u0301', 2],
    ['an emoji', '😀', 2],
    ['an emoji with a skin tone', '👍🏽', 4],
    ['a family emoji', '👨‍👩‍👧', 8],
    ['Arabic', 'مرحبا', 5],
    ['Chinese', '你好', 2],
  ])('%s: %j counts %i', (_, text, length) => {
    expect(templateTextLength(text)).toBe(length);
  });

  it.each<[string, string[], string]>([
    ['512 emoji fill a body (1024 units)', [], '😀'.repeat(512)],
    ['512 emoji and one letter are over', ['body'], `${'😀'.repeat(512)}a`],
    ['1024 accented letters fit', [], 'é'.repeat(1024)],
    ['1024 letters in Arabic fit', [], 'م'.repeat(1024)],
  ])('%s → %j', (_, paths, body) => {
    expect(pathsOf(plain({ body }))).toEqual(paths);
  });

  it('30 emoji fill a footer of 60', () => {
    expect(pathsOf(plain({ footer: '😀'.repeat(30) }))).toEqual([]);
    expect(pathsOf(plain({ footer: `${'😀'.repeat(30)}!` }))).toEqual(['footer']);
  });
});

describe('the name and the language', () => {
  it.each<[string, string[]]>([
    ['spring_offer_2', []],
    ['a', []],
    ['2024_offer', []],
    ['', ['name']],
    ['   ', ['name']],
    ['Spring_Offer', ['name']],
    ['spring-offer', ['name']],
    ['spring offer', ['name']],
    ['oferta_día', ['name']],
  ])('name %j → %j', (name, paths) => {
    expect(pathsOf(plain({ name }))).toEqual(paths);
  });

  it.each<[string, string[]]>([
    ['en', []],
    ['es', []],
    ['en_US', []],
    ['pt_BR', []],
    ['fil', []],
    ['', ['language']],
    ['EN', ['language']],
    ['en-US', ['language']],
    ['en_us', ['language']],
    ['english', ['language']],
  ])('language %j → %j', (language, paths) => {
    expect(pathsOf(plain({ language }))).toEqual(paths);
  });
});

describe('variables in the body', () => {
  it.each<[string, string[], string]>([
    ['two variables with words around them', [], 'Hi {{first_name}}, this is {{agent_name}} from Acme. Shall we talk?'],
    ['the same variable twice', [], 'Hi {{first_name}}, this is {{agent_name}}. Nice to meet you, {{first_name}}, talk soon.'],
    ['an empty body', ['body'], ''],
    ['a whitespace-only body', ['body'], '  \n '],
    ['starting with a variable', ['body'], '{{first_name}}, this is {{agent_name}} from Acme. Shall we talk?'],
    ['starting with a variable after punctuation', ['body'], '¡{{first_name}}! This is {{agent_name}} from Acme. Shall we talk?'],
    ['ending with a variable', ['body'], 'Hi {{first_name}}, this is Acme calling. Your agent today is {{agent_name}}'],
    ['ending with a variable and a full stop', ['body'], 'Hi {{first_name}}, this is Acme calling. Your agent today is {{agent_name}}.'],
    ['ending with a variable and an exclamation', ['body'], 'Hi there from Acme, {{first_name}}. Your agent today is {{agent_name}}!'],
    ['two variables side by side', ['body'], 'Hi {{first_name}}{{agent_name}}, this is Acme. Would you like to talk this week?'],
    [
      'two variables with only a space between',
      ['body'],
      'Hi {{first_name}} {{agent_name}}, this is Acme. Would you like to talk this week?',
    ],
    [
      'two variables with only a line break between',
      ['body'],
      'Hi {{first_name}}\n{{agent_name}}, this is Acme. Would you like to talk this week?',
    ],
    ['two variables with a comma between', [], 'Hi {{first_name}}, {{agent_name}} here from Acme. Would you like to talk this week?'],
    ['2 variables and 5 words (2x+1)', [], 'Hi {{first_name}} and {{agent_name}}, see you soon.'],
    ['2 variables and 4 words', ['body'], 'Hi {{first_name}} and {{agent_name}}, see you.'],
    ['a variable not declared', ['body'], 'Hi {{first_name}}, this is {{agent_name}} from {{city}} office. Shall we talk?'],
    ['a declared variable not used', ['variables.1.name'], 'Hi {{first_name}}, this is Acme. Would you like a quick call this week?'],
    ['a numbered placeholder', ['body'], 'Hi {{first_name}}, this is {{agent_name}}, ref {{1}} at Acme. Shall we talk?'],
    ['an empty placeholder', ['body'], 'Hi {{first_name}}, this is {{agent_name}} {{ }} from Acme. Shall we talk?'],
    ['an empty placeholder without a space', ['body'], 'Hi {{first_name}}, this is {{agent_name}} {{}} from Acme. Shall we talk?'],
    ['spaces inside the braces', ['body', 'variables.0.name'], 'Hi {{ first_name }}, this is {{agent_name}} from Acme. Shall we talk?'],
    ['triple braces', ['body', 'variables.0.name'], 'Hi {{{first_name}}}, this is {{agent_name}} from Acme. Shall we talk?'],
    ['an unclosed placeholder', ['body', 'variables.0.name'], 'Hi {{first_name, this is {{agent_name}} from Acme. Shall we talk?'],
    ['a stray closing pair', ['body', 'variables.0.name'], 'Hi first_name}}, this is {{agent_name}} from Acme. Shall we talk?'],
    ['a name in capitals', ['body', 'variables.0.name'], 'Hi {{First_Name}}, this is {{agent_name}} from Acme. Shall we talk?'],
    ['single braces are just text', [], 'Hi {{first_name}}, this is {{agent_name}} from {Acme}. Shall we talk?'],
  ])('%s → %j', (_, paths, body) => {
    expect(pathsOf(greeting({ body }))).toEqual(paths);
  });

  it.each([
    [
      '{{1}}',
      'Numbered placeholders like {{1}} aren’t used here: give the variable a name, like {{first_name}}. We number them for WhatsApp.',
    ],
    ['{{ }}', '{{ }} is empty: put a variable name inside, like {{first_name}}, or remove it.'],
    ['{{ agent_name }}', 'Remove the spaces inside {{ agent_name }}: write {{agent_name}}.'],
    ['{{firstName}}', '{{firstName}} isn’t a valid variable name: use lowercase letters, digits and underscores, like {{first_name}}.'],
    ['{{First Name}}', '{{First Name}} isn’t a valid variable name: use lowercase letters, digits and underscores, like {{first_name}}.'],
    ['{{{agent_name}}}', 'Check the curly braces: a variable has exactly two on each side, like {{first_name}}.'],
  ])('%s is explained: %s', (placeholder, message) => {
    const issues = validateTemplate(greeting({ body: `Hi {{first_name}}, this is ${placeholder} {{agent_name}} at Acme. Shall we talk?` }));
    expect(issues).toContainEqual({ path: 'body', message });
  });

  it('reports a mistake once however often it is repeated', () => {
    const issues = validateTemplate(
      greeting({ body: 'Hi {{first_name}}, {{1}} and {{1}} and {{1}} from {{agent_name}} at Acme. Talk soon?' }),
    );
    expect(issuePaths(issues)).toEqual(['body']);
  });

  it('explains the start, end and adjacency rules in words', () => {
    expect(validateTemplate(greeting({ body: '{{first_name}}, this is {{agent_name}} from Acme. Shall we talk?' }))[0]?.message).toBe(
      'The message can’t start with a variable: WhatsApp rejects it. Begin with a word, like “Hi {{first_name}}”.',
    );
    expect(
      validateTemplate(greeting({ body: 'Hi {{first_name}} {{agent_name}}, this is Acme. Would you like to talk?' }))[0]?.message,
    ).toBe('{{first_name}} and {{agent_name}} are next to each other: WhatsApp rejects that. Put some words between them.');
    expect(validateTemplate(greeting({ body: 'Hi {{first_name}} and {{agent_name}}, see you.' }))[0]?.message).toBe(
      'Too many variables for so little text: with 2 variables WhatsApp expects at least 5 words of fixed text, and this message has 4.',
    );
  });

  it('checks a huge text in linear time (no regex that backtracks on long runs of spaces)', () => {
    const started = performance.now();
    const issues = validateTemplate(
      greeting({ body: `Hi {{first_name}} and {{agent_name}}${' '.repeat(200_000)}.${' '.repeat(200_000)}x` }),
    );
    expect(issuePaths(issues)).toContain('body');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('more than 100 variables are too many', () => {
    const variables = Array.from({ length: 101 }, (_, i) => ({ name: `v_${i}`, example: 'x' }));
    const body = `Hello ${variables.map((v) => `dear reader {{${v.name}}}`).join(' ')} goodbye.`;
    expect(validateTemplate(plain({ body, variables }))).toContainEqual({
      path: 'variables',
      message: 'A template can have at most 100 variables.',
    });
  });
});

describe('declared variables and their examples', () => {
  it.each<[string, string[], TemplateDefinition['variables']]>([
    ['both declared with examples', [], [FIRST_NAME, AGENT_NAME]],
    ['an empty example', ['variables.0.example'], [{ ...FIRST_NAME, example: '' }, AGENT_NAME]],
    ['a whitespace-only example', ['variables.1.example'], [FIRST_NAME, { ...AGENT_NAME, example: '   ' }]],
    ['an example with a line break', ['variables.0.example'], [{ ...FIRST_NAME, example: 'Ana\nMaría' }, AGENT_NAME]],
    ['an example with a tab', ['variables.0.example'], [{ ...FIRST_NAME, example: 'Ana\tMaría' }, AGENT_NAME]],
    ['an example with emoji and RTL text', [], [{ ...FIRST_NAME, example: 'Ana 😀 مرحبا' }, AGENT_NAME]],
    ['declared twice', ['variables.2.name'], [FIRST_NAME, AGENT_NAME, { ...FIRST_NAME }]],
    ['not declared', ['body'], [FIRST_NAME]],
    ['a name that is not snake_case', ['variables.2.name'], [FIRST_NAME, AGENT_NAME, { name: 'City', example: 'Lisbon' }]],
    ['a custom binding without a key', ['variables.1.binding'], [FIRST_NAME, { ...AGENT_NAME, binding: { source: 'custom', key: ' ' } }]],
  ])('%s → %j', (_, paths, variables) => {
    expect(pathsOf(greeting({ variables }))).toEqual(paths);
  });

  it.each<[string, string[], string]>([
    ['first_name', [], 'Hi {{first_name}}, welcome to Acme. Would you like a call this week?'],
    ['line_2', [], 'Hi {{line_2}}, welcome to Acme. Would you like a call this week?'],
    ['2nd_line', ['body', 'variables.0.name'], 'Hi {{2nd_line}}, welcome to Acme. Would you like a call this week?'],
    ['first__name', ['body', 'variables.0.name'], 'Hi {{first__name}}, welcome to Acme. Would you like a call this week?'],
    ['first_name_', ['body', 'variables.0.name'], 'Hi {{first_name_}}, welcome to Acme. Would you like a call this week?'],
    ['firstName', ['body', 'variables.0.name'], 'Hi {{firstName}}, welcome to Acme. Would you like a call this week?'],
  ])('variable name %s → %j', (name, paths, body) => {
    expect(pathsOf(plain({ body, variables: [{ name, example: 'Ana' }] }))).toEqual(paths);
  });

  it('examples must keep the sent message within 1024 characters', () => {
    const body = `Hi {{first_name}}, ${'a'.repeat(990)} thanks.`;
    expect(templateTextLength(body)).toBe(1017);
    expect(pathsOf(plain({ body, variables: [{ name: 'first_name', example: 'Ana' }] }))).toEqual([]);
    expect(pathsOf(plain({ body, variables: [{ name: 'first_name', example: 'A'.repeat(21) }] }))).toEqual([]);
    expect(validateTemplate(plain({ body, variables: [{ name: 'first_name', example: 'A'.repeat(22) }] }))).toEqual([
      { path: 'body', message: 'With the example values the message is 1025 characters; WhatsApp allows at most 1024.' },
    ]);
  });
});

describe('the header and the footer', () => {
  const city = { name: 'city', example: 'Lisbon' };
  it.each<[string, string[], TemplateDefinition['header']]>([
    ['no header', [], null],
    ['a text header', [], { type: 'text', text: 'Your spring offer' }],
    ['a header with one variable', [], { type: 'text', text: 'Offers in {{city}}' }],
    ['a header with two variables', ['header.text', 'header.text'], { type: 'text', text: 'Offers in {{city}} and {{country}}' }],
    ['an empty header text', ['header.text'], { type: 'text', text: ' ' }],
    ['a header on two lines', ['header.text'], { type: 'text', text: 'Spring\noffer' }],
    ['a header with an emoji', ['header.text'], { type: 'text', text: 'Spring offer 🌸' }],
    ['a header with ™', [], { type: 'text', text: 'Acme™ spring offer' }],
    ['a numbered header placeholder', ['header.text'], { type: 'text', text: 'Offers in {{1}}' }],
    ['an image over https', [], { type: 'image', url: 'https://cdn.example.com/spring.jpg' }],
    ['an image over http', ['header.url'], { type: 'image', url: 'http://cdn.example.com/spring.jpg' }],
    ['an image without an address', ['header.url'], { type: 'image', url: '' }],
    ['an image address with a variable', ['header.url'], { type: 'image', url: 'https://cdn.example.com/{{city}}.jpg' }],
    ['a document with a filename', [], { type: 'document', url: 'https://cdn.example.com/brochure.pdf', filename: 'Brochure.pdf' }],
    ['a document at a relative address', ['header.url'], { type: 'document', url: '/brochure.pdf' }],
  ])('%s → %j', (_, paths, header) => {
    const usesCity = header?.type === 'text' && header.text.includes('{{city}}');
    expect(pathsOf(plain({ header, variables: usesCity ? [city] : [] }))).toEqual(paths);
  });

  it('a header variable needs a declaration like a body variable', () => {
    expect(validateTemplate(plain({ header: { type: 'text', text: 'Offers in {{city}}' } }))).toEqual([
      { path: 'header.text', message: '{{city}} is used but not declared: add it to the variables with an example value.' },
    ]);
  });

  it('a header example must keep the header within 60 characters', () => {
    const header = { type: 'text' as const, text: `Offers in {{city}} ${'x'.repeat(40)}` };
    expect(pathsOf(plain({ header, variables: [city] }))).toEqual([]);
    expect(pathsOf(plain({ header, variables: [{ name: 'city', example: 'Lisbon and the whole Algarve' }] }))).toEqual(['header.text']);
  });

  it.each<[string, string[], string | null]>([
    ['no footer', [], null],
    ['a footer', [], 'Reply STOP to opt out'],
    ['an empty footer', ['footer'], ''],
    ['a footer with a variable', ['footer'], 'Sent by {{agent_name}}'],
    ['a footer with a numbered placeholder', ['footer'], 'Ref {{1}}'],
  ])('%s → %j', (_, paths, footer) => {
    expect(pathsOf(plain({ footer }))).toEqual(paths);
  });
});

describe('buttons', () => {
  it.each<[string, string[], TemplateButton[]]>([
    [
      'quick replies with payloads',
      [],
      [
        { type: 'quick_reply', text: 'Yes', payload: 'yes' },
        { type: 'quick_reply', text: 'No' },
      ],
    ],
    ['an empty button text', ['buttons.0.text'], [{ type: 'quick_reply', text: '  ' }]],
    ['a variable in a button text', ['buttons.0.text'], [{ type: 'quick_reply', text: 'Call {{agent_name}}' }]],
    [
      'two buttons with the same text',
      ['buttons.1.text'],
      [
        { type: 'quick_reply', text: 'Yes' },
        { type: 'quick_reply', text: 'yes ' },
      ],
    ],
    [
      'two buttons with the same payload',
      ['buttons.1.payload'],
      [
        { type: 'quick_reply', text: 'Yes', payload: 'ok' },
        { type: 'quick_reply', text: 'Sure', payload: 'ok' },
      ],
    ],
    [
      'two texts that make the same reply code',
      ['buttons.1.payload'],
      [
        { type: 'quick_reply', text: 'Yes!' },
        { type: 'quick_reply', text: 'Yes?' },
      ],
    ],
    [
      'a reply code equal to another button’s derived code',
      ['buttons.1.payload'],
      [
        { type: 'quick_reply', text: 'Not now' },
        { type: 'quick_reply', text: 'Later', payload: 'not_now' },
      ],
    ],
    [
      'quick replies mixed with a link',
      ['buttons'],
      [
        { type: 'quick_reply', text: 'Yes' },
        { type: 'url', text: 'Open', url: 'https://example.com' },
      ],
    ],
    ['a call button in E.164', [], [{ type: 'phone', text: 'Call us', phone: '+14155550123' }]],
    ['a call button without +', ['buttons.0.phone'], [{ type: 'phone', text: 'Call us', phone: '14155550123' }]],
    ['a call button with spaces', ['buttons.0.phone'], [{ type: 'phone', text: 'Call us', phone: '+1 415 555 0123' }]],
    ['a call button starting +0', ['buttons.0.phone'], [{ type: 'phone', text: 'Call us', phone: '+0123456789' }]],
    ['a call button with 16 digits', ['buttons.0.phone'], [{ type: 'phone', text: 'Call us', phone: '+1234567890123456' }]],
    ['a call button with 15 digits', [], [{ type: 'phone', text: 'Call us', phone: '+123456789012345' }]],
  ])('%s → %j', (_, paths, buttons) => {
    expect(pathsOf(plain({ buttons }))).toEqual(paths);
  });

  const booking = { name: 'booking_id', example: 'AB12' };
  it.each<[string, string[], string]>([
    ['an https address', [], 'https://example.com/offers'],
    ['an https address with a query', [], 'https://example.com/offers?ref=wa'],
    ['a variable at the end of the path', [], 'https://example.com/booking/{{booking_id}}'],
    ['a variable as a query value', [], 'https://example.com/booking?id={{booking_id}}'],
    ['an http address', ['buttons.0.url'], 'http://example.com/offers'],
    ['no scheme', ['buttons.0.url'], 'example.com/offers'],
    ['an empty address', ['buttons.0.url'], ''],
    ['a space in the address', ['buttons.0.url'], 'https://exa mple.com/offers'],
    ['a host without a dot', ['buttons.0.url'], 'https://localhost/offers'],
    ['a variable in the domain', ['buttons.0.url'], 'https://{{booking_id}}.example.com/'],
    ['a variable glued to the domain', ['buttons.0.url'], 'https://example.com{{booking_id}}'],
    ['a variable in the middle', ['buttons.0.url'], 'https://example.com/{{booking_id}}/details'],
    ['a numbered placeholder', ['buttons.0.url'], 'https://example.com/{{1}}'],
    ['an address of 2000 characters', [], `https://example.com/${'a'.repeat(1980)}`],
    ['an address of 2001 characters', ['buttons.0.url'], `https://example.com/${'a'.repeat(1981)}`],
  ])('link button: %s → %j', (_, paths, url) => {
    const variables = url.includes('{{booking_id}}') ? [booking] : [];
    expect(pathsOf(plain({ buttons: [{ type: 'url', text: 'Open', url }], variables }))).toEqual(paths);
  });

  it('two variables in one address', () => {
    const url = 'https://example.com/{{booking_id}}{{city}}';
    const issues = validateTemplate(
      plain({ buttons: [{ type: 'url', text: 'Open', url }], variables: [booking, { name: 'city', example: 'x' }] }),
    );
    expect(issues).toEqual([
      {
        path: 'buttons.0.url',
        message: 'A web address can hold one variable, at the very end, like https://example.com/booking/{{booking_id}}.',
      },
    ]);
  });

  it('a URL variable must be declared, and its example must make a valid address', () => {
    const buttons: TemplateButton[] = [{ type: 'url', text: 'Open', url: 'https://example.com/b/{{booking_id}}' }];
    expect(pathsOf(plain({ buttons }))).toEqual(['buttons.0.url']);
    expect(pathsOf(plain({ buttons, variables: [{ name: 'booking_id', example: 'a b' }] }))).toEqual(['buttons.0.url']);
  });
});

describe('authentication templates', () => {
  const otp = (overrides: Partial<TemplateDefinition> = {}) =>
    plain({
      name: 'login_code',
      category: 'authentication',
      body: 'Your verification code is {{code}}. For your security, do not share this code with anyone.',
      variables: [{ name: 'code', example: '482913' }],
      ...overrides,
    });
  it.each<[string, string[], Partial<TemplateDefinition>]>([
    ['the code and words around it', [], {}],
    ['an image header', ['header'], { header: { type: 'image', url: 'https://cdn.example.com/a.png' } }],
    ['a document header', ['header'], { header: { type: 'document', url: 'https://cdn.example.com/a.pdf' } }],
    ['a text header', ['header'], { header: { type: 'text', text: 'Your code' } }],
    ['a link button', ['buttons'], { buttons: [{ type: 'url', text: 'Open', url: 'https://example.com' }] }],
    ['a call button', ['buttons'], { buttons: [{ type: 'phone', text: 'Call', phone: '+14155550123' }] }],
    ['a quick reply', ['buttons'], { buttons: [{ type: 'quick_reply', text: 'Thanks' }] }],
    ['a footer', ['footer'], { footer: 'Acme Bank' }],
    ['a link in the text', ['body'], { body: 'Your code is {{code}}. Do not share it, see https://example.com for help.' }],
    ['an emoji in the text', ['body'], { body: 'Your code is {{code}} 🔐 and you should not share it with anyone.' }],
    ['no code variable', ['body'], { body: 'Your code is in the app. Do not share it with anyone.', variables: [] }],
  ])('%s → %j', (_, paths, overrides) => {
    expect(pathsOf(otp(overrides))).toEqual(paths);
  });
});

describe('parsing what the editor or a JSON column sends', () => {
  it('fills in the optional parts and validates', () => {
    const result = validateTemplateInput({ name: 'hello', language: 'en', category: 'utility', body: 'Your order has shipped today.' });
    expect(result.issues).toEqual([]);
    expect(result.definition).toMatchObject({ header: null, footer: null, buttons: [], variables: [] });
  });

  it.each([
    ['an unknown category', { name: 'x', language: 'en', category: 'promo', body: 'Hello there.' }, 'category'],
    ['a missing body', { name: 'x', language: 'en', category: 'utility' }, 'body'],
    [
      'an unknown button type',
      { name: 'x', language: 'en', category: 'utility', body: 'Hi.', buttons: [{ type: 'flow', text: 'x' }] },
      'buttons.0.type',
    ],
    [
      'an unknown binding',
      {
        name: 'x',
        language: 'en',
        category: 'utility',
        body: 'Hi.',
        variables: [{ name: 'a', example: 'b', binding: { source: 'lead', field: 'ssn' } }],
      },
      'variables.0.binding.field',
    ],
  ])('%s is reported at %s', (_, input, path) => {
    const result = validateTemplateInput(input);
    expect(result.definition).toBeNull();
    expect(issuePaths(result.issues)).toContain(path);
  });

  it('exposes its limits for the editor’s counters', () => {
    expect(TEMPLATE_LIMITS).toMatchObject({
      bodyLength: 1024,
      headerTextLength: 60,
      footerLength: 60,
      buttonTextLength: 25,
      quickReplies: 10,
    });
  });
});
