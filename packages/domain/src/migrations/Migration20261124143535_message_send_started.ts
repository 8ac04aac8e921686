import { Migration } from '@mikro-orm/migrations';

export class Migration20261124143535_message_send_started extends Migration {

  override name = 'Migration20261124143535_message_send_started';

  override up(): void | Promise<void> {
    this.addSql(`alter table "messages" add "send_started_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "messages" drop column "send_started_at";`);
  }

}
