import { Migration } from '@mikro-orm/migrations';

// The send worker closes a message's interaction attempt by the message's id (failed, refused): without an index
// each close read every attempt ever made. `if not exists`: on a large table an operator may build it beforehand
// with `create index concurrently` (docs/operations.md), which takes no write lock; this then finds it.
export class Migration20261204172000_attempt_message_index extends Migration {

  override name = 'Migration20261204172000_attempt_message_index';

  override up(): void | Promise<void> {
    this.addSql(`create index if not exists "interaction_attempts_message_id_index" on "interaction_attempts" ("message_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "interaction_attempts_message_id_index";`);
  }

}
