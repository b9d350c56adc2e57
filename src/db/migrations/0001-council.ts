/** The council and its region: who represents whom, where. Everything here is data, per council. */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  const timestamps = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  await timestamps(
    db.schema
      .createTable('council')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('region_name', 'text', (c) => c.notNull())
      .addColumn('province', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('seats', 'integer', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Asia/Jakarta')),
  ).execute();

  await timestamps(
    db.schema
      .createTable('dapil')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('seats', 'integer', (c) => c.notNull())
      .addUniqueConstraint('dapil_number_unique', ['council_id', 'number']),
  ).execute();

  await timestamps(
    db.schema
      .createTable('kecamatan')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('dapil_id', 'integer', (c) => c.references('dapil.id').onDelete('set null'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('lat', 'double precision')
      .addColumn('lon', 'double precision')
      .addUniqueConstraint('kecamatan_slug_unique', ['council_id', 'slug'])
      .addUniqueConstraint('kecamatan_code_unique', ['council_id', 'code']),
  ).execute();

  await timestamps(
    db.schema
      .createTable('kelurahan')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('kecamatan_id', 'integer', (c) => c.notNull().references('kecamatan.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('postal_code', 'text')
      .addColumn('lat', 'double precision')
      .addColumn('lon', 'double precision')
      .addUniqueConstraint('kelurahan_slug_unique', ['kecamatan_id', 'slug']),
  ).execute();

  await timestamps(
    db.schema
      .createTable('fraksi')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parties', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('seats', 'integer', (c) => c.notNull())
      .addUniqueConstraint('fraksi_slug_unique', ['council_id', 'slug']),
  ).execute();

  // Komisi and every other body of the council (pimpinan, Bamus, Banggar, Bapemperda, BK, pansus).
  await timestamps(
    db.schema
      .createTable('body')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('pimpinan','komisi','bamus','banggar','bapemperda','bk','pansus')`),
      )
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('body_slug_unique', ['council_id', 'slug']),
  ).execute();

  await timestamps(
    db.schema
      .createTable('member')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.check(sql`gender in ('L','P')`))
      .addColumn('party', 'text', (c) => c.notNull())
      .addColumn('fraksi_id', 'integer', (c) => c.references('fraksi.id').onDelete('set null'))
      .addColumn('fraksi_role', 'text')
      .addColumn('dapil_id', 'integer', (c) => c.references('dapil.id').onDelete('set null'))
      .addColumn('photo_path', 'text')
      .addColumn('biography', 'text')
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
      .addUniqueConstraint('member_slug_unique', ['council_id', 'slug']),
  ).execute();

  await timestamps(
    db.schema
      .createTable('body_membership')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('body_id', 'integer', (c) => c.notNull().references('body.id').onDelete('cascade'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(100))
      .addUniqueConstraint('body_membership_unique', ['body_id', 'member_id']),
  ).execute();

  await db.schema.createIndex('member_dapil_idx').on('member').column('dapil_id').execute();
  await db.schema.createIndex('member_fraksi_idx').on('member').column('fraksi_id').execute();
  await db.schema.createIndex('body_membership_member_idx').on('body_membership').column('member_id').execute();
  await db.schema.createIndex('kecamatan_dapil_idx').on('kecamatan').column('dapil_id').execute();
}
