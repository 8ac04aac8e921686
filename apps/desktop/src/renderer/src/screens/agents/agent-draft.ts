// The editor's working copy of an agent, and what a save sends: for a new agent everything on screen, for a saved
// one only what differs from it (per channel field by field; a schedule or the variable list whole).
import type { Agent } from '../../api/client.ts';
import type { AgentChanges, AgentCreate, AgentSettings, Channel, SettingsPatch } from './agent-types.ts';
import { weeklyHours } from './business-hours.ts';

export interface AgentDraft {
  name: string;
  industry: string | null;
  channels: Channel[];
  prompt: string;
  settings: AgentSettings;
}

export const draftOf = (a: Agent): AgentDraft => ({
  name: a.name,
  industry: a.industry,
  channels: a.channels,
  prompt: a.prompt ?? '',
  settings: a.settings,
});

const weekdays = (start: string, end: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start, end }]]));

/**
 * A new agent starts as the server's defaults would make it (agent-settings.ts), but in the user's own zone: the
 * console does not know the company's zone, and the new agent is saved with exactly the hours shown.
 */
export function newAgentDraft(timezone: string): AgentDraft {
  return {
    name: '',
    industry: null,
    channels: ['voice'],
    prompt: '',
    settings: {
      promptVariables: [],
      voice: { businessHours: weeklyHours(timezone, weekdays('09:00', '17:00')), maxAttempts: 3, retrySpacingMinutes: 24 * 60 },
      whatsapp: {
        businessHours: weeklyHours(timezone, { ...weekdays('09:00', '19:00'), sat: [{ start: '10:00', end: '14:00' }] }),
        maxAttempts: 2,
        retrySpacingMinutes: 48 * 60,
        providerId: null,
        defaultTemplateId: null,
      },
    },
  };
}

/** Deep equality of JSON values, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The fields of `next` that differ from `before`, or undefined when none do. */
function changedFields<T extends object>(before: T, next: T): Partial<T> | undefined {
  const out = Object.fromEntries(
    Object.entries(next).filter(([key, value]) => !sameValue((before as Record<string, unknown>)[key], value)),
  ) as Partial<T>;
  return Object.keys(out).length ? out : undefined;
}

export function agentChanges(saved: Agent, draft: AgentDraft): AgentChanges {
  const changes: AgentChanges = {};
  if (draft.name !== saved.name) changes.name = draft.name;
  if (draft.industry !== saved.industry) changes.industry = draft.industry;
  if (!sameValue(draft.channels, saved.channels)) changes.channels = draft.channels;
  if (draft.prompt !== (saved.prompt ?? '')) changes.prompt = draft.prompt || null;
  const settings: SettingsPatch = {};
  if (!sameValue(draft.settings.promptVariables, saved.settings.promptVariables)) settings.promptVariables = draft.settings.promptVariables;
  const voice = changedFields(saved.settings.voice, draft.settings.voice);
  if (voice) settings.voice = voice;
  const whatsapp = changedFields(saved.settings.whatsapp, draft.settings.whatsapp);
  if (whatsapp) settings.whatsapp = whatsapp;
  if (Object.keys(settings).length) changes.settings = settings;
  return changes;
}

export const hasChanges = (changes: AgentChanges): boolean => Object.keys(changes).length > 0;

export const createInput = (draft: AgentDraft): AgentCreate => ({
  name: draft.name,
  channels: draft.channels,
  industry: draft.industry,
  prompt: draft.prompt || null,
  settings: draft.settings,
});

/** What the editor refuses before asking the server, by the path the server would use. */
export function localIssues(draft: AgentDraft): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!draft.name.trim()) issues.push({ path: 'name', message: 'Name is required' });
  if (draft.channels.length === 0) issues.push({ path: 'channels', message: 'Pick at least one channel' });
  return issues;
}
