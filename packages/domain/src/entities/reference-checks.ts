// The triggers that stand in for some foreign keys, declared on their entities so the schema check knows them.
// They and their functions are created by Migration20261125223000_statement_reference_checks, which says why:
// leads and consent events check their company (a lead also its owner agent) once per statement, not per row.
import type { TriggerDef } from '@mikro-orm/core';

const afterStatement = (name: string, table: string, event: 'insert' | 'update', fn: string): TriggerDef => ({
  name,
  timing: 'after',
  events: [event],
  forEach: 'statement',
  expression: `create trigger "${name}" after ${event} on "${table}" referencing new table as new_rows for each statement execute function ${fn}();`,
});

export const LEAD_REFERENCE_TRIGGERS: TriggerDef[] = [
  afterStatement('leads_references_on_insert', 'leads', 'insert', 'leads_check_references'),
  afterStatement('leads_references_on_update', 'leads', 'update', 'leads_check_references'),
];

export const CONSENT_EVENT_REFERENCE_TRIGGERS: TriggerDef[] = [
  afterStatement('consent_events_company_on_insert', 'consent_events', 'insert', 'consent_events_check_company'),
  afterStatement('consent_events_company_on_update', 'consent_events', 'update', 'consent_events_check_company'),
];

/** A company with leads or consent events cannot be deleted (nor its id changed). */
export const COMPANY_REFERENCE_TRIGGERS: TriggerDef[] = [
  {
    name: 'companies_keep_referenced',
    timing: 'before',
    events: ['delete', 'update'],
    forEach: 'row',
    expression:
      'create trigger "companies_keep_referenced" before delete or update of id on "companies" for each row execute function companies_keep_referenced();',
  },
];

/** Deleting an agent unassigns its leads, as the foreign key's ON DELETE SET NULL did. */
export const AGENT_REFERENCE_TRIGGERS: TriggerDef[] = [
  {
    name: 'agents_unassign_leads',
    timing: 'before',
    events: ['delete'],
    forEach: 'row',
    expression: 'create trigger "agents_unassign_leads" before delete on "agents" for each row execute function agents_unassign_leads();',
  },
];
