/**
 * A forum thread can be filed as an aspiration by a member or the secretariat: aspirations gain
 * the channel 'forum', and the thread remembers the tracking code it became.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table aspiration drop constraint if exists aspiration_channel_check`.execute(db);
  await sql`alter table aspiration add constraint aspiration_channel_check
    check (channel in ('web','ruang_aspirasi','telepon','surat','reses','open311','sms','whatsapp','forum'))`.execute(
    db,
  );
  await db.schema.alterTable('forum_thread').addColumn('aspiration_code', 'text').execute();
}
