// Named variables ({{first_name}}) as the editor writes them, and the numbered placeholders ({{1}}, {{2}}) that
// Twilio and WhatsApp get: TWILIO.md §3.5 says to submit numbers, sequential with no gaps.
import type { TemplateButton, TemplateDefinition, TemplateHeader } from './template-definition.ts';

/** lowercase snake_case, starting with a letter: first_name, line_2. */
export const VARIABLE_NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export type PlaceholderKind =
  | 'variable' // {{first_name}}
  | 'numbered' // {{1}}: WhatsApp's form, not the editor's
  | 'empty' // {{}} or {{ }}
  | 'spaced' // {{ first_name }}
  | 'invalid_name'; // {{First Name}}, {{first-name}}

export interface PlaceholderToken {
  kind: PlaceholderKind;
  /** The text as written, braces included. */
  raw: string;
  /** What is between the braces, trimmed. */
  inner: string;
  start: number;
  end: number;
}

// Exactly two braces on each side: `{{{x}}}` is not a placeholder (the look-arounds refuse it) but a mistake
// that validation reports, and rendering leaves it as it is.
const PLACEHOLDER = /(?<!\{)\{\{([^{}]*)\}\}(?!\})/g;

export function scanPlaceholders(text: string): PlaceholderToken[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => {
    const raw = m[0];
    const inner = (m[1] ?? '').trim();
    const start = m.index;
    return { kind: placeholderKind(m[1] ?? ''), raw, inner, start, end: start + raw.length };
  });
}

function placeholderKind(between: string): PlaceholderKind {
  const inner = between.trim();
  if (inner === '') return 'empty';
  if (/^\d+$/.test(inner)) return 'numbered';
  if (!VARIABLE_NAME.test(inner)) return 'invalid_name';
  return inner === between ? 'variable' : 'spaced';
}

/** Braces that do not form a placeholder: `{{{x}}}`, a lone `{{` or `}}`. */
export function hasStrayBraces(text: string): boolean {
  if (/\{{3,}|\}{3,}/.test(text)) return true;
  const rest = text.replace(PLACEHOLDER, ' ');
  return rest.includes('{{') || rest.includes('}}');
}

/** The variable names in a text, each once, in order of first appearance. */
export function variableNamesIn(text: string): string[] {
  return unique(scanPlaceholders(text).flatMap((t) => (t.kind === 'variable' ? [t.inner] : [])));
}

/**
 * Every variable a template uses, each once, in the order WhatsApp numbers them: body first, then the header
 * text, then the button URLs. The same order everywhere keeps {{1}} meaning the same value in every part.
 */
export function templateVariableOrder(def: Pick<TemplateDefinition, 'body' | 'header' | 'buttons'>): string[] {
  const texts = [def.body, def.header?.type === 'text' ? def.header.text : '', ...def.buttons.map((b) => (b.type === 'url' ? b.url : ''))];
  return unique(texts.flatMap(variableNamesIn));
}

export interface VariableNumbering {
  /** first_name → 1 */
  byName: Readonly<Record<string, number>>;
  /** '1' → first_name: keyed like Twilio's `variables` and `ContentVariables` objects. */
  byNumber: Readonly<Record<string, string>>;
}

export function variableNumbering(def: Pick<TemplateDefinition, 'body' | 'header' | 'buttons'>): VariableNumbering {
  const names = templateVariableOrder(def);
  return {
    byName: Object.fromEntries(names.map((name, i) => [name, i + 1])),
    byNumber: Object.fromEntries(names.map((name, i) => [String(i + 1), name])),
  };
}

/** `Hi {{first_name}}` → `Hi {{1}}`. Anything that is not a known variable is left exactly as written. */
export function toNumberedText(text: string, numbering: VariableNumbering): string {
  return replacePlaceholders(text, (t) => {
    const n = t.kind === 'variable' ? numbering.byName[t.inner] : undefined;
    return n === undefined ? t.raw : `{{${n}}}`;
  });
}

/** `Hi {{1}}` → `Hi {{first_name}}`: reads a numbered text (from Twilio) back into the editor's names. */
export function toNamedText(text: string, numbering: VariableNumbering): string {
  return replacePlaceholders(text, (t) => {
    const name = t.kind === 'numbered' ? numbering.byNumber[t.inner] : undefined;
    return name === undefined ? t.raw : `{{${name}}}`;
  });
}

export interface NumberedParts {
  body: string;
  header: TemplateHeader | null;
  buttons: TemplateButton[];
  numbering: VariableNumbering;
}

/** The parts of a template as Twilio gets them: every named variable replaced by its number. */
export function numberedParts(def: Pick<TemplateDefinition, 'body' | 'header' | 'buttons'>): NumberedParts {
  const numbering = variableNumbering(def);
  const header = def.header?.type === 'text' ? { ...def.header, text: toNumberedText(def.header.text, numbering) } : def.header;
  const buttons = def.buttons.map((b) => (b.type === 'url' ? { ...b, url: toNumberedText(b.url, numbering) } : b));
  return { body: toNumberedText(def.body, numbering), header, buttons, numbering };
}

/**
 * Rebuilds a text token by token in one pass. Replacements are never scanned again, so a value that itself
 * looks like `{{x}}` stays text (rendering relies on this).
 */
export function replacePlaceholders(text: string, replace: (token: PlaceholderToken) => string): string {
  let out = '';
  let at = 0;
  for (const token of scanPlaceholders(text)) {
    out += text.slice(at, token.start) + replace(token);
    at = token.end;
  }
  return out + text.slice(at);
}

const unique = (names: string[]) => [...new Set(names)];
