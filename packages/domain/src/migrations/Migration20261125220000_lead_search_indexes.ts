import { Migration } from '@mikro-orm/migrations';

// Cheaper indexes for importing leads (see leads/lead-search.ts and docs/architecture.md, "Importing a million
// leads"): search keeps trigrams of the name only, and finds emails by their start and phones by their start or
// end from btrees; the owner index holds only owned leads; consent events lose an index nothing read.
export class Migration20261125220000_lead_search_indexes extends Migration {

  override name = 'Migration20261125220000_lead_search_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index "leads_search_index";`);
    this.addSql(`create index "leads_name_search_index" on "leads" using gin ((lower("name")) gin_trgm_ops);`);
    this.addSql(`create index "leads_email_search_index" on "leads" ("company_id", (lower("email")) text_pattern_ops);`);
    this.addSql(`create index "leads_phone_suffix_index" on "leads" ("company_id", (reverse("phone")) text_pattern_ops);`);
    this.addSql(`drop index "leads_company_id_owner_agent_id_created_at_id_index";`);
    this.addSql(`create index "leads_owned_index" on "leads" ("company_id", "owner_agent_id", "created_at", "id") where "owner_agent_id" is not null;`);
    this.addSql(`drop index "consent_events_company_id_index";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create index "consent_events_company_id_index" on "consent_events" ("company_id");`);
    this.addSql(`drop index "leads_owned_index";`);
    this.addSql(`create index "leads_company_id_owner_agent_id_created_at_id_index" on "leads" ("company_id", "owner_agent_id", "created_at", "id");`);
    this.addSql(`drop index "leads_phone_suffix_index";`);
    this.addSql(`drop index "leads_email_search_index";`);
    this.addSql(`drop index "leads_name_search_index";`);
    this.addSql(`create index "leads_search_index" on "leads" using gin ((lower("name" || ' ' || "phone" || ' ' || coalesce("email", ''))) gin_trgm_ops);`);
  }

}
