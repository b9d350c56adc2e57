/**
 * Citizens' input: aspirations, complaints, information requests and confidential reports, with
 * their categories (each routed to a komisi), working-day calendar, timeline, photos and supporters.
 * The reporter's personal data sits in its own table, sealed; public queries never join it.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  const timestamps = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  // SP4N-LAPOR! verifies within 3 working days; a council may choose otherwise.
  await db.schema
    .alterTable('council')
    .addColumn('verify_days', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();

  // National holidays and cuti bersama: days that do not count as working days.
  await timestamps(
    db.schema
      .createTable('holiday')
      .addColumn('day', 'date', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('libur_nasional','cuti_bersama','lokal')`))
      .addColumn('source', 'text', (c) => c.notNull()),
  ).execute();

  await timestamps(
    db.schema
      .createTable('aspiration_category')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('komisi_id', 'integer', (c) => c.references('body.id').onDelete('set null'))
      // Working days from verification to resolution (bands of 2, 5, 14 or 60 are common).
      .addColumn('target_days', 'integer', (c) => c.notNull().check(sql`target_days between 1 and 365`))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('aspiration_category_slug_unique', ['council_id', 'slug']),
  ).execute();

  // One counter per year gives ASP-2026-000123 without gaps from rolled-back transactions.
  await db.schema
    .createTable('aspiration_counter')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await timestamps(
    db.schema
      .createTable('aspiration')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('aspirasi','pengaduan','informasi','rahasia')`))
      .addColumn('category_id', 'integer', (c) => c.notNull().references('aspiration_category.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('kecamatan_id', 'integer', (c) => c.notNull().references('kecamatan.id'))
      .addColumn('kelurahan_id', 'integer', (c) => c.references('kelurahan.id'))
      .addColumn('dapil_id', 'integer', (c) => c.references('dapil.id'))
      .addColumn('address', 'text')
      .addColumn('lat', 'double precision')
      .addColumn('lon', 'double precision')
      .addColumn('channel', 'text', (c) =>
        c
          .notNull()
          .defaultTo('web')
          .check(sql`channel in ('web','ruang_aspirasi','telepon','surat','reses','open311','sms','whatsapp')`),
      )
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('received')
          .check(sql`status in ('received','verified','forwarded','resolved','rejected','referred','duplicate')`),
      )
      .addColumn('show_name', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('komisi_id', 'integer', (c) => c.references('body.id').onDelete('set null'))
      .addColumn('duplicate_of_id', 'integer', (c) => c.references('aspiration.id'))
      .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addColumn('access_token_hash', 'text', (c) => c.notNull())
      .addColumn('supporters', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('verify_due', 'date', (c) => c.notNull())
      .addColumn('resolve_due', 'date')
      .addColumn('resolved_at', 'timestamptz')
      .addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`))
      .addColumn('rating_comment', 'text')
      .addColumn('fixed_asked_at', 'timestamptz')
      .addColumn('fixed_answer', 'boolean')
      .addColumn(
        'search',
        sql`tsvector generated always as (
          setweight(to_tsvector('indonesian', title), 'A') || setweight(to_tsvector('indonesian', description), 'B') ||
          setweight(to_tsvector('simple', title), 'C') || setweight(to_tsvector('simple', description), 'D')
        ) stored`,
      ),
  ).execute();
  await db.schema.createIndex('aspiration_search_idx').on('aspiration').using('gin').column('search').execute();
  await sql`create index aspiration_title_trgm_idx on aspiration using gin (title gin_trgm_ops)`.execute(db);
  await db.schema
    .createIndex('aspiration_public_idx')
    .on('aspiration')
    .columns(['council_id', 'status', 'received_at'])
    .execute();
  await db.schema
    .createIndex('aspiration_place_idx')
    .on('aspiration')
    .columns(['category_id', 'kelurahan_id'])
    .execute();
  await db.schema.createIndex('aspiration_dapil_idx').on('aspiration').column('dapil_id').execute();
  await db.schema.createIndex('aspiration_komisi_idx').on('aspiration').column('komisi_id').execute();
  await db.schema.createIndex('aspiration_user_idx').on('aspiration').column('user_id').execute();

  // Who sent it and how to answer: sealed, with keyed hashes to find it by email or phone.
  await timestamps(
    db.schema
      .createTable('aspiration_reporter')
      .addColumn('aspiration_id', 'integer', (c) => c.primaryKey().references('aspiration.id').onDelete('cascade'))
      .addColumn('name_sealed', 'text')
      .addColumn('email_sealed', 'text')
      .addColumn('phone_sealed', 'text')
      .addColumn('email_lookup', 'text')
      .addColumn('phone_lookup', 'text')
      .addColumn('consent_version', 'text', (c) => c.notNull())
      .addColumn('consent_at', 'timestamptz', (c) => c.notNull()),
  ).execute();

  // Every step of the handling. Internal notes have public = false.
  await timestamps(
    db.schema
      .createTable('aspiration_event')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('aspiration_id', 'integer', (c) => c.notNull().references('aspiration.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('public', 'boolean', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addColumn('actor_member_id', 'integer', (c) => c.references('member.id').onDelete('set null'))
      .addColumn('by_reporter', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('body', 'text')
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}')),
  ).execute();
  await db.schema.createIndex('aspiration_event_idx').on('aspiration_event').columns(['aspiration_id', 'id']).execute();

  await timestamps(
    db.schema
      .createTable('aspiration_photo')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('aspiration_id', 'integer', (c) => c.notNull().references('aspiration.id').onDelete('cascade'))
      .addColumn('file', 'text', (c) => c.notNull().unique())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('aspiration_photo_idx').on('aspiration_photo').column('aspiration_id').execute();

  // People who support an existing aspiration instead of filing the same one; with an address
  // they follow it too.
  await timestamps(
    db.schema
      .createTable('aspiration_supporter')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('aspiration_id', 'integer', (c) => c.notNull().references('aspiration.id').onDelete('cascade'))
      .addColumn('email_sealed', 'text')
      .addColumn('email_lookup', 'text')
      .addUniqueConstraint('aspiration_supporter_unique', ['aspiration_id', 'email_lookup']),
  ).execute();

  // Reusable answers for staff.
  await timestamps(
    db.schema
      .createTable('answer_template')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull()),
  ).execute();

  // Which message tells of what, so staff see whether the citizen was reached.
  await db.schema.alterTable('outbox').addColumn('topic', 'text').execute();
  await db.schema.createIndex('outbox_topic_idx').on('outbox').column('topic').execute();
}
