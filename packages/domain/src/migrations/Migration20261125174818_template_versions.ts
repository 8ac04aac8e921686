import { Migration } from '@mikro-orm/migrations';

export class Migration20261125174818_template_versions extends Migration {

  override name = 'Migration20261125174818_template_versions';

  override up(): void | Promise<void> {
    this.addSql(`create table "template_events" ("id" uuid not null, "company_id" uuid not null, "family_id" uuid not null, "template_id" uuid not null, "version" int not null, "kind" text not null, "detail" text null, "actor" varchar(200) not null, "occurred_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "template_events_company_id_family_id_occurred_at_index" on "template_events" ("company_id", "family_id", "occurred_at");`);

    // Every existing template is the first version of its own family.
    this.addSql(`alter table "templates" add "family_id" uuid null, add "provider_id" uuid null, add "submitted_at" timestamptz null, add "library_key" varchar(100) null;`);
    this.addSql(`update "templates" set "family_id" = "id";`);
    this.addSql(`alter table "templates" alter column "family_id" set not null;`);
    this.addSql(`create index "templates_company_id_family_id_version_index" on "templates" ("company_id", "family_id", "version");`);

    this.addSql(`alter table "messages" add "template_parts" jsonb null;`);

    this.addSql(`alter table "template_events" add constraint "template_events_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
    this.addSql(`alter table "template_events" add constraint "template_events_kind_check" check ("kind" in ('created', 'edited', 'new_version', 'submitted', 'approved', 'rejected', 'paused', 'archived'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "template_events" cascade;`);

    this.addSql(`alter table "messages" drop column "template_parts";`);

    this.addSql(`drop index "templates_company_id_family_id_version_index";`);
    this.addSql(`alter table "templates" drop column "family_id", drop column "provider_id", drop column "submitted_at", drop column "library_key";`);
  }

}
