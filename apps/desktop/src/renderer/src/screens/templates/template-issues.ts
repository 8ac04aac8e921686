// Places WhatsApp's objections next to the fields they name (issue.path); what names no field on screen is listed
// above the form instead of being lost.
import type { TemplateDraft } from './template-draft.ts';
import type { TemplateIssue } from './use-template-preview.ts';

export type IssueLookup = (path: string) => string[];

/** The fields the form shows for this draft, by the path validation uses for them. */
function fieldPaths(draft: TemplateDraft): Set<string> {
  const paths = ['name', 'language', 'category', 'header', 'header.text', 'header.url', 'body', 'footer', 'buttons', 'variables'];
  draft.buttons.forEach((_, i) => {
    for (const part of ['text', 'url', 'phone', 'payload']) paths.push(`buttons.${i}.${part}`);
  });
  draft.variables.forEach((_, i) => {
    for (const part of ['name', 'example', 'binding']) paths.push(`variables.${i}.${part}`);
  });
  return new Set(paths);
}

export function placeIssues(issues: TemplateIssue[], draft: TemplateDraft): { at: IssueLookup; unplaced: TemplateIssue[] } {
  const known = fieldPaths(draft);
  const byPath = new Map<string, string[]>();
  const unplaced: TemplateIssue[] = [];
  for (const issue of issues) {
    if (!known.has(issue.path)) unplaced.push(issue);
    else byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue.message]);
  }
  return { at: (path) => byPath.get(path) ?? [], unplaced };
}
