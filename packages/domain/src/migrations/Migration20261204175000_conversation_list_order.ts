import { Migration } from '@mikro-orm/migrations';

// The conversation list reads the newest sessions of a company straight from an index in its order (last message
// time, then id, so a page boundary is exact) and stops after a page, instead of joining every session of the company
// to its last message and sorting them all. That needs `last_message_at` right on every session: sessions written
// before it was kept on both inbound and outbound messages take their newest message's time (or their creation).
export class Migration20261204175000_conversation_list_order extends Migration {

  override name = 'Migration20261204175000_conversation_list_order';

  override up(): void | Promise<void> {
    this.addSql(`update "whatsapp_sessions" s set "last_message_at" = m."newest"
      from (select "session_id", max("created_at") as "newest" from "messages" where "session_id" is not null group by "session_id") m
      where m."session_id" = s."id" and (s."last_message_at" is null or s."last_message_at" < m."newest");`);
    this.addSql(`update "whatsapp_sessions" set "last_message_at" = "created_at" where "last_message_at" is null;`);
    this.addSql(`drop index if exists "whatsapp_sessions_company_id_last_message_at_index";`);
    this.addSql(`create index "whatsapp_sessions_company_id_last_message_at_id_index" on "whatsapp_sessions" ("company_id", "last_message_at", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "whatsapp_sessions_company_id_last_message_at_id_index";`);
    this.addSql(`create index "whatsapp_sessions_company_id_last_message_at_index" on "whatsapp_sessions" ("company_id", "last_message_at");`);
  }

}
