import { Migration } from '@mikro-orm/migrations';

// The list's filters combine status and preferred channel. PostgreSQL assumes columns independent, so a pair that
// (nearly) never occurs together looks common and it walks the status index to its end looking for it; statistics
// on the pair tell it how often each combination really occurs. Uploaded CSV chunks are stored uncompressed:
// a file is read once, so compressing it only spends the database's CPU.
export class Migration20261125200000_lead_list_statistics extends Migration {

  override name = 'Migration20261125200000_lead_list_statistics';

  override up(): void | Promise<void> {
    this.addSql(`create statistics "leads_status_channel_statistics" (mcv, dependencies) on "status", "preferred_channel" from "leads";`);
    this.addSql(`alter table "lead_import_chunks" alter column "data" set storage external;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "lead_import_chunks" alter column "data" set storage extended;`);
    this.addSql(`drop statistics if exists "leads_status_channel_statistics";`);
  }

}
