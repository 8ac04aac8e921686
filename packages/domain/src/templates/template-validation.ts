// WhatsApp's rules for a template, checked before it is submitted, each broken rule reported with the field it
// concerns and a sentence a sales ops user can act on. Sources: TWILIO.md §3.4–3.6 and Twilio's content-type pages.
import { quickReplyPayload, type TemplateDefinition, type TemplateVariable, templateDefinitionSchema } from './template-definition.ts';
import { previewTemplate } from './template-rendering.ts';
import { hasStrayBraces, scanPlaceholders, VARIABLE_NAME, variableNamesIn } from './template-variables.ts';

export interface TemplateIssue {
  /** The field, dotted: 'name', 'body', 'header.text', 'buttons.2.text', 'variables.0.example'. */
  path: string;
  message: string;
}

export const TEMPLATE_LIMITS = {
  nameLength: 512,
  bodyLength: 1024,
  /** Twilio's twilio/call-to-action page gives this lower body limit for that type. */
  callToActionBodyLength: 640,
  headerTextLength: 60,
  headerVariables: 1,
  footerLength: 60,
  buttonTextLength: 25,
  quickReplies: 10,
  urlButtons: 2,
  phoneButtons: 1,
  /** Twilio's cap per template (TWILIO.md §3.5). */
  variables: 100,
  /** Meta's limit on a URL button (not in TWILIO.md). */
  urlLength: 2000,
  /** Not documented for quick replies; the same as a list-picker item id (TWILIO.md §3.4). */
  payloadLength: 200,
} as const;

/**
 * How long a text is for WhatsApp's limits. Neither Meta nor Twilio says how it counts; we count UTF-16 code
 * units (JavaScript's `length`, and what the console's `maxLength` counts). That is never less than the number
 * of code points or of visible characters, so a text that fits here fits whichever way WhatsApp counts: an
 * accented letter counts 1, most emoji count 2, a family emoji more.
 */
export const templateTextLength = (text: string): number => text.length;

const NAME = /^[a-z0-9_]+$/;
/** Meta's language codes: en, pt_BR, es_AR, fil. */
const LANGUAGE = /^[a-z]{2,3}(?:_[A-Z]{2})?$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
// ©, ® and ™ are "pictographic" to Unicode but are ordinary signs in a header.
const EMOJI = /(?![\u00a9\u00ae\u2122])\p{Extended_Pictographic}/u;
const LINK = /https?:\/\/|www\./i;
/** Spaces and punctuation around the text, but not the braces of a placeholder. */
const isEdgeCharacter = (ch: string) => ch !== '{' && ch !== '}' && /[\s\p{P}]/u.test(ch);

type Add = (path: string, message: string) => void;

export function validateTemplate(def: TemplateDefinition): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const seen = new Set<string>();
  const add: Add = (path, message) => {
    // One report per field and problem: `{{1}}` written three times is one thing to fix.
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) issues.push({ path, message });
    seen.add(key);
  };
  checkName(def.name, add);
  checkLanguage(def.language, add);
  checkBody(def, add);
  checkHeader(def, add);
  checkFooter(def.footer, add);
  checkButtons(def, add);
  checkVariables(def, add);
  checkExamplesFit(def, add);
  if (def.category === 'authentication') checkAuthentication(def, add);
  return issues;
}

/** Parses anything (a request body, a JSON column) and validates it: shape problems and rule problems alike. */
export function validateTemplateInput(input: unknown): { definition: TemplateDefinition | null; issues: TemplateIssue[] } {
  const parsed = templateDefinitionSchema.safeParse(input);
  if (parsed.success) return { definition: parsed.data, issues: validateTemplate(parsed.data) };
  const issues = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (path === 'category') return { path, message: 'Choose a category: marketing, utility or authentication.' };
    return { path, message: `This field is missing or not in the expected form (${issue.message}).` };
  });
  return { definition: null, issues };
}

function checkName(name: string, add: Add) {
  if (name.trim() === '') return add('name', 'Give the template a name.');
  if (name.length > TEMPLATE_LIMITS.nameLength) {
    add('name', `The name is ${name.length} characters long; WhatsApp allows at most ${TEMPLATE_LIMITS.nameLength}.`);
  }
  if (!NAME.test(name)) add('name', 'Use only lowercase letters, digits and underscores in the name, for example spring_offer_2.');
}

function checkLanguage(language: string, add: Add) {
  if (!LANGUAGE.test(language)) add('language', 'Choose a language code such as en, es, en_US or pt_BR.');
}

function checkBody(def: TemplateDefinition, add: Add) {
  const body = def.body;
  if (body.trim() === '') return add('body', 'Write the message text.');
  const length = templateTextLength(body);
  if (length > TEMPLATE_LIMITS.bodyLength) {
    add('body', `The message is ${length} characters long; WhatsApp allows at most ${TEMPLATE_LIMITS.bodyLength}.`);
  } else if (def.buttons.some((b) => b.type !== 'quick_reply') && length > TEMPLATE_LIMITS.callToActionBodyLength) {
    add(
      'body',
      `With link or call buttons the message can be at most ${TEMPLATE_LIMITS.callToActionBodyLength} characters; it is ${length}.`,
    );
  }
  checkPlaceholders(body, 'body', add);

  const variables = scanPlaceholders(body).filter((t) => t.kind === 'variable');
  if (variables.length === 0) return;
  // TWILIO.md §3.5: punctuation after a final variable still counts as ending with it. (Loops, not a regex
  // anchored at the end, which backtracks quadratically on a long run of spaces.)
  let start = 0;
  while (start < body.length && isEdgeCharacter(body.charAt(start))) start++;
  let end = body.length;
  while (end > 0 && isEdgeCharacter(body.charAt(end - 1))) end--;
  if (variables.some((t) => t.start === start)) {
    add('body', 'The message can’t start with a variable: WhatsApp rejects it. Begin with a word, like “Hi {{first_name}}”.');
  }
  if (variables.some((t) => t.end === end)) {
    add('body', 'The message can’t end with a variable: WhatsApp rejects it. Add a few words after the last one.');
  }
  variables.forEach((token, i) => {
    const next = variables[i + 1];
    if (next && body.slice(token.end, next.start).trim() === '') {
      add('body', `${token.raw} and ${next.raw} are next to each other: WhatsApp rejects that. Put some words between them.`);
    }
  });
  // The "2x+1" rule (TWILIO.md §3.5): WhatsApp rejects templates that are mostly variables, so x variables need
  // at least 2x+1 words of fixed text around them.
  const words = body.replace(/\{\{[^{}]*\}\}/g, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const needed = 2 * variables.length + 1;
  if (words < needed) {
    add(
      'body',
      `Too many variables for so little text: with ${variables.length} variable${variables.length === 1 ? '' : 's'} WhatsApp expects at least ${needed} words of fixed text, and this message has ${words}.`,
    );
  }
}

function checkHeader(def: TemplateDefinition, add: Add) {
  const header = def.header;
  if (!header) return;
  if (header.type === 'text') {
    const text = header.text;
    if (text.trim() === '') return add('header.text', 'Write the header text, or remove the header.');
    const length = templateTextLength(text);
    if (length > TEMPLATE_LIMITS.headerTextLength) {
      add('header.text', `The header is ${length} characters long; WhatsApp allows at most ${TEMPLATE_LIMITS.headerTextLength}.`);
    }
    const variables = scanPlaceholders(text).filter((t) => t.kind === 'variable');
    if (variables.length > TEMPLATE_LIMITS.headerVariables) add('header.text', 'The header can hold at most one variable.');
    if (LINE_BREAK.test(text)) add('header.text', 'The header must fit on one line.');
    if (EMOJI.test(text)) add('header.text', 'WhatsApp doesn’t allow emoji in the header.');
    checkPlaceholders(text, 'header.text', add);
    return;
  }
  const what = header.type === 'image' ? 'image' : 'document';
  if (header.url.trim() === '') return add('header.url', `Enter the address of the ${what}.`);
  if (header.url.includes('{{') || header.url.includes('}}')) return add('header.url', `The ${what} address can’t contain variables.`);
  if (!isHttpsUrl(header.url)) add('header.url', `The ${what} needs a public address that starts with https://.`);
}

function checkFooter(footer: string | null, add: Add) {
  if (footer === null) return;
  if (footer.trim() === '') return add('footer', 'Write the footer text, or remove the footer.');
  const length = templateTextLength(footer);
  if (length > TEMPLATE_LIMITS.footerLength) {
    add('footer', `The footer is ${length} characters long; WhatsApp allows at most ${TEMPLATE_LIMITS.footerLength}.`);
  }
  if (footer.includes('{{') || footer.includes('}}')) add('footer', 'The footer can’t contain variables.');
}

function checkButtons(def: TemplateDefinition, add: Add) {
  const count = (type: string) => def.buttons.filter((b) => b.type === type).length;
  const quickReplies = count('quick_reply');
  const urls = count('url');
  const phones = count('phone');
  if (quickReplies > 0 && urls + phones > 0) {
    add('buttons', 'Use either quick replies or link and call buttons, not both in one template.');
  }
  if (quickReplies > TEMPLATE_LIMITS.quickReplies) {
    add('buttons', `A template can have at most ${TEMPLATE_LIMITS.quickReplies} quick replies; this one has ${quickReplies}.`);
  }
  if (urls > TEMPLATE_LIMITS.urlButtons)
    add('buttons', `A template can have at most ${TEMPLATE_LIMITS.urlButtons} link buttons; this one has ${urls}.`);
  if (phones > TEMPLATE_LIMITS.phoneButtons) add('buttons', `A template can have only one call button; this one has ${phones}.`);

  const texts = new Map<string, number>();
  const payloads = new Map<string, number>();
  def.buttons.forEach((button, i) => {
    const path = `buttons.${i}`;
    const text = button.text.trim();
    if (text === '') add(`${path}.text`, 'Write the button text.');
    const length = templateTextLength(button.text);
    if (length > TEMPLATE_LIMITS.buttonTextLength) {
      add(`${path}.text`, `The button text is ${length} characters long; WhatsApp allows at most ${TEMPLATE_LIMITS.buttonTextLength}.`);
    }
    if (button.text.includes('{{')) add(`${path}.text`, 'Button text can’t contain variables.');
    const sameText = texts.get(text.toLowerCase());
    const duplicateText = text !== '' && sameText !== undefined;
    if (duplicateText) add(`${path}.text`, `Button ${sameText + 1} already says “${text}”: give each button its own text.`);
    texts.set(text.toLowerCase(), i);

    if (button.type === 'quick_reply') {
      const payload = button.payload;
      if (payload !== undefined && payload.length > TEMPLATE_LIMITS.payloadLength) {
        add(`${path}.payload`, `The reply code is ${payload.length} characters long; keep it to ${TEMPLATE_LIMITS.payloadLength}.`);
      }
      // The reply code tells the conversation which button was tapped, so two buttons must not share one, even a
      // code derived from the text ("Yes!" and "Yes?" both make `yes`). Same text is already reported above.
      const code = quickReplyPayload(button, i);
      const sameCode = payloads.get(code);
      if (sameCode !== undefined && !duplicateText) {
        add(`${path}.payload`, `Button ${sameCode + 1} already sends the reply code “${code}”: give this button its own reply code.`);
      }
      payloads.set(code, i);
    } else if (button.type === 'url') {
      checkButtonUrl(button.url, `${path}.url`, def.variables, add);
    } else if (!E164.test(button.phone)) {
      add(`${path}.phone`, 'Enter the phone number in international format with the country code, like +14155550123.');
    }
  });
}

function checkButtonUrl(url: string, path: string, declared: TemplateVariable[], add: Add) {
  if (url.trim() === '') return add(path, 'Enter the web address this button opens.');
  if (url.length > TEMPLATE_LIMITS.urlLength) {
    add(path, `The web address is ${url.length} characters long; keep it to ${TEMPLATE_LIMITS.urlLength}.`);
  }
  checkPlaceholders(url, path, add);
  if (!/^https:\/\//i.test(url)) return add(path, 'Use a secure web address that starts with https://.');
  const variables = scanPlaceholders(url).filter((t) => t.kind === 'variable');
  const last = variables[0];
  if (variables.length > 1 || (last && last.end !== url.length)) {
    return add(path, 'A web address can hold one variable, at the very end, like https://example.com/booking/{{booking_id}}.');
  }
  if (!last) {
    if (!isHttpsUrl(url)) add(path, 'This web address isn’t valid. Check it for typos and spaces.');
    return;
  }
  const base = url.slice(0, last.start);
  const example = declared.find((v) => v.name === last.inner)?.example.trim() || 'sample';
  // The variable must extend the path or query, never the domain (TWILIO.md §3.5).
  if (!isHttpsUrl(base) || new URL(base).host !== new URL(base + example).host) {
    return add(path, 'Put the variable after the domain, like https://example.com/booking/{{booking_id}}.');
  }
  if (!isHttpsUrl(base + example)) add(path, `With the example value the address isn’t valid: ${base + example}`);
}

function checkVariables(def: TemplateDefinition, add: Add) {
  const locations: [path: string, text: string][] = [
    ['body', def.body],
    ['header.text', def.header?.type === 'text' ? def.header.text : ''],
    ...def.buttons.map((b, i): [string, string] => [`buttons.${i}.url`, b.type === 'url' ? b.url : '']),
  ];
  const declared = new Set(def.variables.map((v) => v.name));
  const used = new Set<string>();
  for (const [path, text] of locations) {
    for (const name of variableNamesIn(text)) {
      used.add(name);
      if (!declared.has(name)) add(path, `{{${name}}} is used but not declared: add it to the variables with an example value.`);
    }
  }
  if (Math.max(used.size, declared.size) > TEMPLATE_LIMITS.variables) {
    add('variables', `A template can have at most ${TEMPLATE_LIMITS.variables} variables.`);
  }

  const names = new Set<string>();
  def.variables.forEach((variable, i) => {
    const path = `variables.${i}`;
    if (!VARIABLE_NAME.test(variable.name)) {
      add(`${path}.name`, 'Variable names use lowercase letters, digits and underscores and start with a letter, like first_name.');
    } else if (names.has(variable.name)) {
      add(`${path}.name`, `${variable.name} is declared twice.`);
    } else if (!used.has(variable.name) && def.body.trim() !== '') {
      // Not while the body is empty: "write the message" is the one thing to say then.
      add(`${path}.name`, `${variable.name} isn’t used in the template: remove it, or add {{${variable.name}}} to the text.`);
    }
    names.add(variable.name);
    if (variable.example.trim() === '') {
      add(`${path}.example`, `Give ${variable.name || 'this variable'} an example value: WhatsApp reviews the template with it.`);
    } else if (LINE_BREAK.test(variable.example) || variable.example.includes('\t')) {
      add(`${path}.example`, 'An example value must fit on one line: WhatsApp refuses line breaks and tabs in values.');
    }
    if (variable.binding?.source === 'custom' && variable.binding.key.trim() === '') {
      add(`${path}.binding`, 'Choose which custom field fills this variable.');
    }
  });
}

/** WhatsApp's limits apply to the message as sent (TWILIO.md §3.5, error 63021), so the examples must fit too. */
function checkExamplesFit(def: TemplateDefinition, add: Add) {
  const preview = previewTemplate(def);
  const body = templateTextLength(preview.body);
  if (templateTextLength(def.body) <= TEMPLATE_LIMITS.bodyLength && body > TEMPLATE_LIMITS.bodyLength) {
    add('body', `With the example values the message is ${body} characters; WhatsApp allows at most ${TEMPLATE_LIMITS.bodyLength}.`);
  }
  if (def.header?.type === 'text' && preview.header?.type === 'text') {
    const header = templateTextLength(preview.header.text);
    if (templateTextLength(def.header.text) <= TEMPLATE_LIMITS.headerTextLength && header > TEMPLATE_LIMITS.headerTextLength) {
      add(
        'header.text',
        `With the example value the header is ${header} characters; WhatsApp allows at most ${TEMPLATE_LIMITS.headerTextLength}.`,
      );
    }
  }
}

/** WhatsApp's one-time-code templates: the code, the wording around it, and nothing else. */
function checkAuthentication(def: TemplateDefinition, add: Add) {
  if (def.header) add('header', 'Authentication templates can’t have a header (no image, document or header text).');
  if (def.footer !== null) add('footer', 'Authentication templates can’t have a footer: WhatsApp adds the code’s expiry itself.');
  if (def.buttons.length > 0)
    add('buttons', 'Authentication templates can’t have these buttons: WhatsApp adds the copy-code button itself.');
  if (LINK.test(def.body)) add('body', 'Authentication templates can’t contain web addresses.');
  if (EMOJI.test(def.body)) add('body', 'Authentication templates can’t contain emoji.');
  if (variableNamesIn(def.body).length !== 1) add('body', 'An authentication template has exactly one variable: the code, like {{code}}.');
}

/** Placeholders the editor does not accept, each with how to write it instead. */
function checkPlaceholders(text: string, path: string, add: Add) {
  for (const token of scanPlaceholders(text)) {
    if (token.kind === 'numbered') {
      add(
        path,
        `Numbered placeholders like ${token.raw} aren’t used here: give the variable a name, like {{first_name}}. We number them for WhatsApp.`,
      );
    } else if (token.kind === 'empty') {
      add(path, `${token.raw} is empty: put a variable name inside, like {{first_name}}, or remove it.`);
    } else if (token.kind === 'spaced') {
      add(path, `Remove the spaces inside ${token.raw}: write {{${token.inner}}}.`);
    } else if (token.kind === 'invalid_name') {
      add(
        path,
        `${token.raw} isn’t a valid variable name: use lowercase letters, digits and underscores, like {{${suggestName(token.inner)}}}.`,
      );
    }
  }
  if (hasStrayBraces(text)) add(path, 'Check the curly braces: a variable has exactly two on each side, like {{first_name}}.');
}

/** "First Name" → first_name, "firstName" → first_name: the nearest valid name, for the message. */
function suggestName(inner: string): string {
  const name = inner
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[_0-9]+|_+$/g, '');
  return VARIABLE_NAME.test(name) ? name : 'first_name';
}

function isHttpsUrl(text: string): boolean {
  if (/\s/.test(text) || !URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === 'https:' && url.hostname.includes('.') && !url.hostname.endsWith('.');
}
