// The Leads screen's types, all read off the API router's type (the renderer imports no domain code).
import type { RouterInputs, RouterOutputs } from '@switchboard/api';

export type Lead = RouterOutputs['leads']['list'][number];
// From the inputs: the outputs carry the ORM's brand on enum columns, which does not index a Record.
export type LeadStatus = NonNullable<RouterInputs['leads']['update']['status']>;
export type PreferredChannel = NonNullable<RouterInputs['leads']['update']['preferredChannel']>;
export type LeadConsent = Lead['consent'];
export type LeadDetail = RouterOutputs['leads']['get'];
export type ConsentHistoryEntry = LeadDetail['consentHistory'][number];
export type LeadTimelineEntry = RouterOutputs['leads']['timeline'][number];
export type LeadCall = Extract<LeadTimelineEntry, { kind: 'call' }>['call'];
export type LeadCount = RouterOutputs['leads']['count'];
export type TagSuggestion = RouterOutputs['leads']['tags'][number];
export type LeadListFilter = NonNullable<RouterInputs['leads']['count']>;
export type LeadChanges = Omit<RouterInputs['leads']['update'], 'id'>;
export type BulkOperation = RouterOutputs['leads']['bulk'];
export type BulkInput = RouterInputs['leads']['bulk'];
export type BulkAction = BulkInput['action'];
export type BulkActionKind = BulkAction['kind'];
export type BulkTarget = BulkInput['target'];
export type LeadImport = RouterOutputs['leads']['importStatus'];
export type StartImportInput = RouterInputs['leads']['startImport'];
export type AgentOption = RouterOutputs['agents']['list'][number];
export type SendableTemplate = RouterOutputs['templates']['list'][number];

/** What POST /imports/leads answers (a plain HTTP route, so not in the router's type): the file's head, for the mapping. */
export interface UploadedLeadFile {
  import: LeadImport;
  sample: string[][];
  delimiter: string;
  /** Per column: the lead field its header suggests, or null. */
  guessedMapping: (string | null)[];
  /** Lead field → how to name it. */
  fieldLabels: Record<string, string>;
}
