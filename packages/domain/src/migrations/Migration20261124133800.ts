import { Migration } from '@mikro-orm/migrations';

export class Migration20261124133800 extends Migration {

  override name = 'Migration20261124133800';

  override up(): void | Promise<void> {
    this.addSql(`create table "companies" ("id" uuid not null, "name" varchar(200) not null, "timezone" varchar(64) not null default 'UTC', "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "agents" ("id" uuid not null, "company_id" uuid not null, "name" varchar(200) not null, "industry" varchar(100) null, "prompt" text null, "channels" jsonb not null, "settings" jsonb not null, "archived_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "agents_company_id_created_at_index" on "agents" ("company_id", "created_at");`);

    this.addSql(`create table "leads" ("id" uuid not null, "company_id" uuid not null, "name" varchar(200) not null, "phone" varchar(20) not null, "email" varchar(320) null, "timezone" varchar(64) null, "preferred_channel" text not null default 'both', "whatsapp_opt_in" boolean not null default false, "whatsapp_opt_in_at" timestamptz null, "whatsapp_opt_in_source" varchar(100) null, "whatsapp_opted_out_at" timestamptz null, "status" text not null default 'new', "tags" text[] not null, "custom_fields" jsonb not null, "owner_agent_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "leads_company_id_created_at_id_index" on "leads" ("company_id", "created_at", "id");`);
    this.addSql(`create index "leads_company_id_status_index" on "leads" ("company_id", "status");`);
    this.addSql(`create index "leads_owner_agent_id_index" on "leads" ("owner_agent_id");`);
    this.addSql(`alter table "leads" add constraint "leads_company_id_phone_unique" unique ("company_id", "phone");`);
    this.addSql(`alter table "leads" add constraint "leads_preferred_channel_check" check ("preferred_channel" in ('voice', 'whatsapp', 'both'));`);
    this.addSql(`alter table "leads" add constraint "leads_status_check" check ("status" in ('new', 'contacted', 'qualified', 'appointment_set', 'won', 'lost', 'do_not_contact'));`);

    this.addSql(`create table "consent_events" ("id" uuid not null, "company_id" uuid not null, "lead_id" uuid not null, "channel" text not null, "opt_in" boolean not null, "source" varchar(100) not null, "actor" varchar(200) not null, "occurred_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "consent_events_lead_id_occurred_at_index" on "consent_events" ("lead_id", "occurred_at");`);
    this.addSql(`create index "consent_events_company_id_index" on "consent_events" ("company_id");`);
    this.addSql(`alter table "consent_events" add constraint "consent_events_channel_check" check ("channel" in ('whatsapp', 'voice'));`);

    this.addSql(`create table "templates" ("id" uuid not null, "company_id" uuid not null, "name" varchar(512) not null, "language" varchar(16) not null, "category" text not null, "body" text not null, "header" jsonb null, "footer" varchar(60) null, "buttons" jsonb not null, "variables" jsonb not null, "version" int not null default 1, "status" text not null default 'draft', "content_sid" varchar(64) null, "rejection_reason" text null, "status_changed_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "templates_company_id_status_index" on "templates" ("company_id", "status");`);
    this.addSql(`alter table "templates" add constraint "templates_company_id_name_language_version_unique" unique ("company_id", "name", "language", "version");`);
    this.addSql(`alter table "templates" add constraint "templates_category_check" check ("category" in ('marketing', 'utility', 'authentication'));`);
    this.addSql(`alter table "templates" add constraint "templates_status_check" check ("status" in ('draft', 'pending', 'approved', 'rejected', 'archived'));`);

    this.addSql(`create table "users" ("id" uuid not null, "company_id" uuid not null, "name" varchar(200) not null, "email" varchar(320) not null, "password_hash" text not null, "role" text not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "users_company_id_index" on "users" ("company_id");`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`alter table "users" add constraint "users_role_check" check ("role" in ('admin', 'manager', 'operator'));`);

    this.addSql(`create table "auth_sessions" ("id" uuid not null, "company_id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "auth_sessions_company_id_index" on "auth_sessions" ("company_id");`);
    this.addSql(`create index "auth_sessions_user_id_index" on "auth_sessions" ("user_id");`);
    this.addSql(`alter table "auth_sessions" add constraint "auth_sessions_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "webhook_events" ("id" uuid not null, "company_id" uuid not null, "provider_id" uuid not null, "kind" varchar(32) not null, "dedupe_key" varchar(200) not null, "payload" jsonb not null, "received_at" timestamptz not null, "processed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "webhook_events_company_id_received_at_index" on "webhook_events" ("company_id", "received_at");`);
    this.addSql(`alter table "webhook_events" add constraint "webhook_events_provider_id_dedupe_key_unique" unique ("provider_id", "dedupe_key");`);

    this.addSql(`create table "whatsapp_providers" ("id" uuid not null, "company_id" uuid not null, "kind" text not null, "account_sid" varchar(64) null, "auth_token_encrypted" text null, "sender" varchar(64) not null, "messages_per_second" int not null default 80, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "whatsapp_providers_company_id_index" on "whatsapp_providers" ("company_id");`);
    this.addSql(`alter table "whatsapp_providers" add constraint "whatsapp_providers_kind_check" check ("kind" in ('twilio', 'simulator'));`);

    this.addSql(`create table "whatsapp_sessions" ("id" uuid not null, "company_id" uuid not null, "lead_id" uuid not null, "provider_id" uuid not null, "last_inbound_at" timestamptz null, "window_ends_at" timestamptz null, "unread_count" int not null default 0, "last_message_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "whatsapp_sessions_company_id_last_message_at_index" on "whatsapp_sessions" ("company_id", "last_message_at");`);
    this.addSql(`alter table "whatsapp_sessions" add constraint "whatsapp_sessions_lead_id_provider_id_unique" unique ("lead_id", "provider_id");`);

    this.addSql(`create table "messages" ("id" uuid not null, "company_id" uuid not null, "lead_id" uuid not null, "session_id" uuid null, "direction" text not null, "kind" text not null, "body" text null, "media" jsonb null, "template_id" uuid null, "template_variables" jsonb null, "status" text not null, "refusal_reason" text null, "error_code" int null, "error_message" text null, "provider_message_id" varchar(64) null, "price_micros" bigint null, "price_currency" varchar(3) null, "sent_at" timestamptz null, "delivered_at" timestamptz null, "read_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "messages" add constraint "messages_provider_message_id_unique" unique ("provider_message_id");`);
    this.addSql(`create index "messages_lead_id_created_at_index" on "messages" ("lead_id", "created_at");`);
    this.addSql(`create index "messages_company_id_created_at_index" on "messages" ("company_id", "created_at");`);
    this.addSql(`create index "messages_company_id_status_index" on "messages" ("company_id", "status");`);
    this.addSql(`alter table "messages" add constraint "messages_direction_check" check ("direction" in ('outbound', 'inbound'));`);
    this.addSql(`alter table "messages" add constraint "messages_kind_check" check ("kind" in ('text', 'media', 'location', 'template', 'button_reply'));`);
    this.addSql(`alter table "messages" add constraint "messages_status_check" check ("status" in ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'received'));`);

    this.addSql(`create table "interaction_attempts" ("id" uuid not null, "company_id" uuid not null, "lead_id" uuid not null, "agent_id" uuid null, "channel" text not null, "session_id" uuid null, "message_id" uuid null, "provider_call_id" varchar(128) null, "outcome" text not null default 'pending', "duration_seconds" int null, "cost_micros" bigint null, "started_at" timestamptz not null, "ended_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "interaction_attempts_lead_id_started_at_index" on "interaction_attempts" ("lead_id", "started_at");`);
    this.addSql(`create index "interaction_attempts_company_id_channel_started_at_index" on "interaction_attempts" ("company_id", "channel", "started_at");`);
    this.addSql(`alter table "interaction_attempts" add constraint "interaction_attempts_channel_check" check ("channel" in ('voice', 'whatsapp'));`);
    this.addSql(`alter table "interaction_attempts" add constraint "interaction_attempts_outcome_check" check ("outcome" in ('pending', 'delivered', 'answered', 'replied', 'no_answer', 'failed', 'refused'));`);

    this.addSql(`alter table "agents" add constraint "agents_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);

    this.addSql(`alter table "leads" add constraint "leads_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
    this.addSql(`alter table "leads" add constraint "leads_owner_agent_id_foreign" foreign key ("owner_agent_id") references "agents" ("id") on delete set null;`);

    this.addSql(`alter table "consent_events" add constraint "consent_events_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
    this.addSql(`alter table "consent_events" add constraint "consent_events_lead_id_foreign" foreign key ("lead_id") references "leads" ("id");`);

    this.addSql(`alter table "templates" add constraint "templates_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);

    this.addSql(`alter table "users" add constraint "users_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);

    this.addSql(`alter table "auth_sessions" add constraint "auth_sessions_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
    this.addSql(`alter table "auth_sessions" add constraint "auth_sessions_user_id_foreign" foreign key ("user_id") references "users" ("id");`);

    this.addSql(`alter table "webhook_events" add constraint "webhook_events_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);

    this.addSql(`alter table "whatsapp_providers" add constraint "whatsapp_providers_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);

    this.addSql(`alter table "whatsapp_sessions" add constraint "whatsapp_sessions_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
    this.addSql(`alter table "whatsapp_sessions" add constraint "whatsapp_sessions_lead_id_foreign" foreign key ("lead_id") references "leads" ("id");`);
    this.addSql(`alter table "whatsapp_sessions" add constraint "whatsapp_sessions_provider_id_foreign" foreign key ("provider_id") references "whatsapp_providers" ("id");`);

    this.addSql(`alter table "messages" add constraint "messages_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
    this.addSql(`alter table "messages" add constraint "messages_lead_id_foreign" foreign key ("lead_id") references "leads" ("id");`);
    this.addSql(`alter table "messages" add constraint "messages_session_id_foreign" foreign key ("session_id") references "whatsapp_sessions" ("id") on delete set null;`);
    this.addSql(`alter table "messages" add constraint "messages_template_id_foreign" foreign key ("template_id") references "templates" ("id") on delete set null;`);

    this.addSql(`alter table "interaction_attempts" add constraint "interaction_attempts_company_id_foreign" foreign key ("company_id") references "companies" ("id");`);
    this.addSql(`alter table "interaction_attempts" add constraint "interaction_attempts_lead_id_foreign" foreign key ("lead_id") references "leads" ("id");`);
    this.addSql(`alter table "interaction_attempts" add constraint "interaction_attempts_agent_id_foreign" foreign key ("agent_id") references "agents" ("id") on delete set null;`);
    this.addSql(`alter table "interaction_attempts" add constraint "interaction_attempts_session_id_foreign" foreign key ("session_id") references "whatsapp_sessions" ("id") on delete set null;`);
    this.addSql(`alter table "interaction_attempts" add constraint "interaction_attempts_message_id_foreign" foreign key ("message_id") references "messages" ("id") on delete set null;`);
  }

}
