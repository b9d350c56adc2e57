/**
 * Pokok-pokok pikiran DPRD (pokir): the council's proposals for the regional work plan of a year,
 * each assembled from citizens' aspirations, with its place, estimated cost and target agency; its
 * dated steps proposed → in the RKPD → in the APBD → done; and the project in /proyek it became.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  const timestamps = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  await timestamps(
    db.schema
      .createTable('pokir_item')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2200`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('dapil_id', 'integer', (c) => c.references('dapil.id').onDelete('set null'))
      .addColumn('kecamatan_id', 'integer', (c) => c.notNull().references('kecamatan.id').onDelete('restrict'))
      .addColumn('kelurahan_id', 'integer', (c) => c.references('kelurahan.id').onDelete('set null'))
      .addColumn('estimated_cost', 'bigint', (c) => c.check(sql`estimated_cost >= 0`))
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('diusulkan').check(sql`status in ('diusulkan','rkpd','apbd','selesai')`),
      )
      .addColumn('project_id', 'integer', (c) => c.references('project.id').onDelete('set null'))
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null')),
  ).execute();
  await db.schema.createIndex('pokir_item_year_idx').on('pokir_item').columns(['council_id', 'year']).execute();

  await timestamps(
    db.schema
      .createTable('pokir_source')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('pokir_id', 'integer', (c) => c.notNull().references('pokir_item.id').onDelete('cascade'))
      .addColumn('aspiration_code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addUniqueConstraint('pokir_source_once', ['pokir_id', 'aspiration_code']),
  ).execute();
  await db.schema.createIndex('pokir_source_code_idx').on('pokir_source').column('aspiration_code').execute();

  await timestamps(
    db.schema
      .createTable('pokir_step')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('pokir_id', 'integer', (c) => c.notNull().references('pokir_item.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('diusulkan','rkpd','apbd','selesai')`))
      .addColumn('happened_on', 'date', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null')),
  ).execute();
  await db.schema.createIndex('pokir_step_item_idx').on('pokir_step').column('pokir_id').execute();
}
