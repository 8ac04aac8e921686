// A bulk action as the bar builds it: the choice and its inputs, what it becomes for leads.bulk, how the
// confirmation names it, and how its result reads ("Changed 4,210 · Left unchanged: 12 already on that channel").
import { CHANNEL_LABELS, formatNumber, STATUS_LABELS } from './lead-labels.ts';
import type { BulkAction, BulkActionKind, BulkOperation, LeadStatus, PreferredChannel } from './lead-types.ts';

/** Consent is two choices here, opting in and opting out. */
export type BulkChoice = Exclude<BulkActionKind, 'setConsent'> | 'optIn' | 'optOut';

export const BULK_CHOICES: { id: BulkChoice; label: string }[] = [
  { id: 'setChannel', label: 'Set preferred channel' },
  { id: 'setStatus', label: 'Set status' },
  { id: 'optIn', label: 'WhatsApp consent: opt in' },
  { id: 'optOut', label: 'WhatsApp consent: opt out' },
  { id: 'addTag', label: 'Add a tag' },
  { id: 'removeTag', label: 'Remove a tag' },
  { id: 'assignAgent', label: 'Assign an agent' },
  { id: 'sendTemplate', label: 'Send a WhatsApp template' },
];

export interface BulkDraft {
  choice: BulkChoice | '';
  channel: PreferredChannel;
  status: LeadStatus;
  source: string;
  tag: string;
  /** '' assigns no agent (removes the owner). */
  agentId: string;
  templateId: string;
  /** Values of the template's variables no lead field fills, the same for every lead. */
  variables: Record<string, string>;
}

export const NEW_DRAFT: BulkDraft = {
  choice: '',
  channel: 'whatsapp',
  status: 'contacted',
  source: '',
  tag: '',
  agentId: '',
  templateId: '',
  variables: {},
};

/** The action for leads.bulk, or what is still missing. */
export function bulkActionOf(d: BulkDraft): BulkAction | string {
  switch (d.choice) {
    case '':
      return 'Choose an action';
    case 'setChannel':
      return { kind: 'setChannel', channel: d.channel };
    case 'setStatus':
      return { kind: 'setStatus', status: d.status };
    case 'optIn':
    case 'optOut':
      if (!d.source.trim()) return 'Say where the consent came from';
      return { kind: 'setConsent', optIn: d.choice === 'optIn', source: d.source.trim() };
    case 'addTag':
    case 'removeTag':
      return d.tag.trim() ? { kind: d.choice, tag: d.tag.trim() } : 'Write the tag';
    case 'assignAgent':
      return { kind: 'assignAgent', agentId: d.agentId || null };
    case 'sendTemplate': {
      if (!d.templateId) return 'Choose a template';
      const missing = Object.entries(d.variables).find(([, v]) => !v.trim());
      if (missing) return `Fill in {{${missing[0]}}}`;
      return { kind: 'sendTemplate', templateId: d.templateId, variables: d.variables };
    }
  }
}

/** "Set the preferred channel to WhatsApp", for the confirmation and the progress panel. */
export function describeAction(a: BulkAction, names: { agent?: string; template?: string } = {}): string {
  switch (a.kind) {
    case 'setChannel':
      return `Set the preferred channel to ${CHANNEL_LABELS[a.channel]}`;
    case 'setStatus':
      return `Set the status to ${STATUS_LABELS[a.status]}`;
    case 'setConsent':
      return `${a.optIn ? 'Opt in to' : 'Opt out of'} WhatsApp (source: ${a.source})`;
    case 'addTag':
      return `Add the tag “${a.tag}”`;
    case 'removeTag':
      return `Remove the tag “${a.tag}”`;
    case 'assignAgent':
      return a.agentId ? `Assign to ${names.agent ?? 'the agent'}` : 'Remove the owner agent';
    case 'sendTemplate':
      return `Send the template ${names.template ?? ''}`.trim();
  }
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The result line: what changed, then every reason leads were left as they were, with its count. */
export function bulkResult(op: BulkOperation): { done: string; skippedLabel: string; skipped: string[] } {
  const send = op.action.kind === 'sendTemplate';
  const skipped = Object.entries(op.skipped)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${formatNumber(n)} ${lowerFirst(reason)}`);
  return {
    done: `${send ? 'Sent to' : 'Changed'} ${formatNumber(op.affected)}`,
    skippedLabel: send ? 'Not sent' : 'Left unchanged',
    skipped,
  };
}
