// The server's objections to a save, placed at the fields they name. A problem found inside the domain (the merged
// settings) names its path from `settings` down, one found in the input from the top: both are read the same way.
// An objection goes away as soon as its field is edited, so what stays on screen is what still needs fixing.
import { TRPCClientError } from '@trpc/client';
import { describeError, errorCode } from '../../api/client.ts';
import { type AgentDraft, sameValue } from './agent-draft.ts';

export interface AgentIssue {
  path: string;
  message: string;
}
export type IssueLookup = (path: string) => string[];

interface ErrorData {
  zodIssues?: { path: (string | number)[]; message: string }[] | null;
}

const SETTINGS_KEYS = new Set(['promptVariables', 'voice', 'whatsapp']);

export function issuesOf(error: unknown): AgentIssue[] {
  const raw = error instanceof TRPCClientError ? ((error.data as ErrorData | undefined)?.zodIssues ?? []) : [];
  return raw.map((issue) => {
    const path = issue.path.map(String);
    return { path: (SETTINGS_KEYS.has(path[0] ?? '') ? ['settings', ...path] : path).join('.'), message: issue.message };
  });
}

/** A sentence for the banner: the server's own when it explains a refusal that names no field. */
export function agentErrorMessage(error: unknown): string {
  if (errorCode(error) === 'BAD_REQUEST' && issuesOf(error).length === 0 && error instanceof Error && error.message) return error.message;
  return describeError(error);
}

function valueAt(draft: AgentDraft, path: string): unknown {
  let value: unknown = draft;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The issues still true of `draft`: those whose field has not changed since the draft they were found in. */
export function currentIssues(issues: AgentIssue[], foundIn: AgentDraft | null, draft: AgentDraft): AgentIssue[] {
  if (!foundIn) return issues;
  return issues.filter((i) => sameValue(valueAt(foundIn, i.path), valueAt(draft, i.path)));
}

/** The paths the form shows a message at, for this draft. */
function shownPaths(draft: AgentDraft): Set<string> {
  const variables = 'settings.promptVariables';
  const paths = ['name', 'industry', 'channels', 'prompt', variables];
  for (const i of draft.settings.promptVariables.keys()) paths.push(`${variables}.${i}.name`, `${variables}.${i}.value`);
  for (const channel of draft.channels) {
    const base = `settings.${channel}`;
    const hours = `${base}.businessHours`;
    paths.push(`${base}.maxAttempts`, `${base}.retrySpacingMinutes`, `${base}.providerId`, `${base}.defaultTemplateId`);
    paths.push(hours, `${hours}.timezone`, `${hours}.days`, `${hours}.holidays`);
    const { days, holidays } = draft.settings[channel].businessHours;
    for (const i of holidays.keys()) paths.push(`${hours}.holidays.${i}`);
    for (const [day, ranges] of Object.entries(days)) {
      paths.push(`${hours}.days.${day}`);
      for (const i of ranges.keys()) paths.push(...['', '.start', '.end'].map((part) => `${hours}.days.${day}.${i}${part}`));
    }
  }
  return new Set(paths);
}

export function placeIssues(issues: AgentIssue[], draft: AgentDraft): { at: IssueLookup; unplaced: AgentIssue[] } {
  const shown = shownPaths(draft);
  const byPath = new Map<string, string[]>();
  const unplaced: AgentIssue[] = [];
  for (const issue of issues) {
    if (!shown.has(issue.path)) unplaced.push(issue);
    else byPath.set(issue.path, [...new Set([...(byPath.get(issue.path) ?? []), issue.message])]);
  }
  return { at: (path) => byPath.get(path) ?? [], unplaced };
}
