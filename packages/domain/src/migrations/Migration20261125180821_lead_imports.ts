import { Migration } from '@mikro-orm/migrations';

export class Migration20261125180821_lead_imports extends Migration {

  override name = 'Migration20261125180821_lead_imports';

  override up(): void | Promise<void> {
    // Trigram indexes for text search over names, phones and emails (a trusted extension: no superuser needed).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create table "lead_bulk_operations" ("id" uuid not null, "company_id" uuid not null, "created_by" uuid null, "action" jsonb not null, "target" jsonb not null, "status" text not null default 'queued', "total" int not null default 0, "processed" int not null default 0, "affected" int not null default 0, "skipped" jsonb not null, "cursor" varchar(100) null, "error" text null, "finished_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "lead_bulk_operations_company_id_created_at_index" on "lead_bulk_operations" ("company_id", "created_at");`);

    this.addSql(`create table "lead_imports" ("id" uuid not null, "company_id" uuid not null, "created_by" uuid null, "filename" varchar(255) not null, "status" text not null default 'uploaded', "size_bytes" bigint not null, "chunk_count" int not null, "headers" jsonb not null, "mapping" jsonb null, "options" jsonb null, "rows_done" int not null default 0, "created" int not null default 0, "updated" int not null default 0, "rejected" int not null default 0, "consent_kept" int not null default 0, "error" text null, "started_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "lead_imports_company_id_created_at_index" on "lead_imports" ("company_id", "created_at");`);

    this.addSql(`create table "lead_import_chunks" ("import_id" uuid not null, "seq" int not null, "data" bytea not null, primary key ("import_id", "seq"));`);

    this.addSql(`create table "lead_import_rejections" ("import_id" uuid not null, "row_number" int not null, "reason" text not null, "cells" jsonb not null, primary key ("import_id", "row_number"));`);

    this.addSql(`drop index "leads_company_id_status_index";`);
    this.addSql(`drop index "leads_owner_agent_id_index";`);
    this.addSql(`create index "leads_company_id_status_created_at_id_index" on "leads" ("company_id", "status", "created_at", "id");`);
    this.addSql(`create index "leads_company_id_preferred_channel_created_at_id_index" on "leads" ("company_id", "preferred_channel", "created_at", "id");`);
    this.addSql(`create index "leads_company_id_owner_agent_id_created_at_id_index" on "leads" ("company_id", "owner_agent_id", "created_at", "id");`);
    this.addSql(`create index "leads_tags_index" on "leads" using gin ("tags");`);
    this.addSql(`create index "leads_search_index" on "leads" using gin ((lower("name" || ' ' || "phone" || ' ' || coalesce("email", ''))) gin_trgm_ops);`);

    this.addSql(`alter table "lead_bulk_operations" add constraint "lead_bulk_operations_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
    this.addSql(`alter table "lead_bulk_operations" add constraint "lead_bulk_operations_status_check" check ("status" in ('queued', 'running', 'done', 'failed'));`);

    this.addSql(`alter table "lead_imports" add constraint "lead_imports_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
    this.addSql(`alter table "lead_imports" add constraint "lead_imports_status_check" check ("status" in ('uploaded', 'queued', 'running', 'done', 'failed'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "lead_bulk_operations" cascade;`);
    this.addSql(`drop table if exists "lead_imports" cascade;`);
    this.addSql(`drop table if exists "lead_import_chunks" cascade;`);
    this.addSql(`drop table if exists "lead_import_rejections" cascade;`);

    this.addSql(`drop index "leads_company_id_status_created_at_id_index";`);
    this.addSql(`drop index "leads_company_id_preferred_channel_created_at_id_index";`);
    this.addSql(`drop index "leads_company_id_owner_agent_id_created_at_id_index";`);
    this.addSql(`drop index "leads_tags_index";`);
    this.addSql(`drop index "leads_search_index";`);
    this.addSql(`create index "leads_company_id_status_index" on "leads" ("company_id", "status");`);
    this.addSql(`create index "leads_owner_agent_id_index" on "leads" ("owner_agent_id");`);
  }

}
