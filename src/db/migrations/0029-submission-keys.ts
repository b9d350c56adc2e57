/**
 * A submission key per aspiration: a form sent again (a phone that lost the answer and tries once
 * more, an offline draft sent when the signal returns) names the same key and finds the first
 * aspiration instead of filing a second one. Only the key's hash is kept, like the tracking link's.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('aspiration').addColumn('submission_key_hash', 'text').execute();
  await db.schema
    .createIndex('aspiration_submission_key')
    .on('aspiration')
    .columns(['council_id', 'submission_key_hash'])
    .unique()
    .where('submission_key_hash', 'is not', null)
    .execute();
}
