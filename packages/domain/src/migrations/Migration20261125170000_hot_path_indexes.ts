import { Migration } from '@mikro-orm/migrations';

// Status changes (claim, sent, delivered, read) update message rows in place: no index refers to status any more,
// and pages keep 15 % spare room for the new row versions. The inbox sweeper reads only unprocessed events.
export class Migration20261125170000_hot_path_indexes extends Migration {

  override name = 'Migration20261125170000_hot_path_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index if exists "messages_company_id_status_index";`);
    this.addSql(`create index "messages_unsent_outbound_index" on "messages" ("created_at") where direction = 'outbound' and provider_message_id is null and refusal_reason is null and error_message is null;`);
    this.addSql(`alter table "messages" set (fillfactor = 85);`);
    this.addSql(`create index "webhook_events_unprocessed_index" on "webhook_events" ("received_at") where processed_at is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "webhook_events_unprocessed_index";`);
    this.addSql(`alter table "messages" reset (fillfactor);`);
    this.addSql(`drop index if exists "messages_unsent_outbound_index";`);
    this.addSql(`create index "messages_company_id_status_index" on "messages" ("company_id", "status");`);
  }

}
