import { Migration } from '@mikro-orm/migrations';

// Webhook inbox upkeep: an event that keeps failing is counted and, at the limit, dead-lettered (set aside with its
// last error) so that it no longer fails its batch nor the sweeper's; processed events past the dedupe window are
// deleted in batches (an index on what that delete reads), and dead letters are listed and counted from their own
// small partial index. The sweeper's index now leaves dead letters out.
export class Migration20261204171000_webhook_inbox_upkeep extends Migration {

  override name = 'Migration20261204171000_webhook_inbox_upkeep';

  override up(): void | Promise<void> {
    this.addSql(`alter table "webhook_events" add column "failures" int not null default 0, add column "last_error" text null, add column "dead_lettered_at" timestamptz null;`);
    this.addSql(`drop index if exists "webhook_events_unprocessed_index";`);
    this.addSql(`create index "webhook_events_unprocessed_index" on "webhook_events" ("received_at") where processed_at is null and dead_lettered_at is null;`);
    this.addSql(`create index "webhook_events_processed_index" on "webhook_events" ("received_at") where processed_at is not null;`);
    this.addSql(`create index "webhook_events_dead_letter_index" on "webhook_events" ("company_id", "dead_lettered_at") where dead_lettered_at is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "webhook_events_dead_letter_index";`);
    this.addSql(`drop index if exists "webhook_events_processed_index";`);
    this.addSql(`drop index if exists "webhook_events_unprocessed_index";`);
    this.addSql(`create index "webhook_events_unprocessed_index" on "webhook_events" ("received_at") where processed_at is null;`);
    this.addSql(`alter table "webhook_events" drop column "dead_lettered_at", drop column "last_error", drop column "failures";`);
  }

}
