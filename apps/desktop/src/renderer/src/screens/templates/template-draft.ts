// The editor's working copy of a template: every field present, converted to and from the API's shapes.
import type { TemplateDefinition, TemplateSummary } from '../../api/client.ts';

type Defined<T> = Exclude<T, undefined>;
export type TemplateDraft = { [K in keyof TemplateDefinition]-?: Defined<TemplateDefinition[K]> };
export type DraftHeader = TemplateDraft['header'];
export type DraftButton = TemplateDraft['buttons'][number];
export type DraftVariable = TemplateDraft['variables'][number];
export type VariableBinding = NonNullable<DraftVariable['binding']>;
export type TemplateCategory = TemplateDraft['category'];

export const emptyDraft = (): TemplateDraft => ({
  name: '',
  language: 'en',
  category: 'marketing',
  header: null,
  body: '',
  footer: null,
  buttons: [],
  variables: [],
});

export const draftOf = (t: TemplateSummary): TemplateDraft => ({
  name: t.name,
  language: t.language,
  category: t.category,
  header: t.header,
  body: t.body,
  footer: t.footer,
  buttons: t.buttons,
  variables: t.variables,
});

/** Whether the editor holds changes the server does not have yet. */
export const sameDraft = (a: TemplateDraft, b: TemplateDraft): boolean => JSON.stringify(a) === JSON.stringify(b);

/** WhatsApp variable names: lowercase letters, digits and underscores, starting with a letter. */
export const VARIABLE_NAME = /^[a-z][a-z0-9_]*$/;

/** "First Name" → first_name: the nearest valid variable name to what was typed. */
export function toVariableName(typed: string): string {
  return typed
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[_0-9]+|_+$/g, '');
}

/** Names written as {{name}} in the texts that carry variables (body, text header, link buttons), in order. */
export function usedVariableNames(draft: TemplateDraft): string[] {
  const texts = [
    draft.header?.type === 'text' ? draft.header.text : '',
    draft.body,
    ...draft.buttons.map((b) => (b.type === 'url' ? b.url : '')),
  ];
  const names = texts.flatMap((text) => [...text.matchAll(/\{\{([a-z][a-z0-9_]*)\}\}/g)].map((m) => m[1] as string));
  return [...new Set(names)];
}

/** Renames {{from}} to {{to}} wherever the template uses it, so editing a variable's name keeps the text in step. */
export function renameVariable(draft: TemplateDraft, index: number, to: string): TemplateDraft {
  const from = draft.variables[index]?.name ?? '';
  const variables = draft.variables.map((v, i) => (i === index ? { ...v, name: to } : v));
  if (!VARIABLE_NAME.test(from) || !VARIABLE_NAME.test(to)) return { ...draft, variables };
  const swap = (text: string) => text.replaceAll(`{{${from}}}`, `{{${to}}}`);
  return {
    ...draft,
    variables,
    body: swap(draft.body),
    header: draft.header?.type === 'text' ? { ...draft.header, text: swap(draft.header.text) } : draft.header,
    buttons: draft.buttons.map((b) => (b.type === 'url' ? { ...b, url: swap(b.url) } : b)),
  };
}

/** Declares a variable (with no example yet) unless it already is. */
export function declareVariable(draft: TemplateDraft, name: string): TemplateDraft {
  if (draft.variables.some((v) => v.name === name)) return draft;
  return { ...draft, variables: [...draft.variables, { name, example: '' }] };
}
