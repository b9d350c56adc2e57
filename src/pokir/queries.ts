/** Queries over the council's pokir: items, the aspirations they come from, and their dated steps. */
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';

const itemColumns = [
  'pokir_item.id',
  'pokir_item.year',
  'pokir_item.title',
  'pokir_item.description',
  'pokir_item.dapil_id',
  'pokir_item.kecamatan_id',
  'pokir_item.kelurahan_id',
  'pokir_item.estimated_cost',
  'pokir_item.agency',
  'pokir_item.status',
  'pokir_item.project_id',
  'pokir_item.updated_at',
] as const;

/** Items with how many aspirations each comes from. */
function withSources(db: Db, councilId: number) {
  return db
    .selectFrom('pokir_item')
    .select(itemColumns)
    .select((eb) =>
      eb
        .selectFrom('pokir_source')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('pokir_source.pokir_id', '=', 'pokir_item.id')
        .as('sources'),
    )
    .where('pokir_item.council_id', '=', councilId);
}

export function items(db: Db, councilId: number, filter: { year?: number; dapilId?: number }) {
  let query = withSources(db, councilId);
  if (filter.year !== undefined) query = query.where('pokir_item.year', '=', filter.year);
  if (filter.dapilId !== undefined) query = query.where('pokir_item.dapil_id', '=', filter.dapilId);
  return query.orderBy('pokir_item.dapil_id').orderBy('pokir_item.id').limit(2000).execute();
}

export function years(db: Db, councilId: number) {
  return db
    .selectFrom('pokir_item')
    .select('year')
    .distinct()
    .where('council_id', '=', councilId)
    .orderBy('year', 'desc')
    .execute();
}

export function itemById(db: Db, councilId: number, id: number) {
  return withSources(db, councilId).where('pokir_item.id', '=', id).executeTakeFirst();
}

export function insertItem(db: Db, values: Insertable<Database['pokir_item']>) {
  return db.insertInto('pokir_item').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateItem(db: Db, id: number, values: Updateable<Database['pokir_item']>) {
  return db
    .updateTable('pokir_item')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function insertSources(db: Db, values: Insertable<Database['pokir_source']>[]) {
  return values.length === 0 ? Promise.resolve([]) : db.insertInto('pokir_source').values(values).execute();
}

export function sourcesOf(db: Db, pokirId: number) {
  return db
    .selectFrom('pokir_source')
    .select(['aspiration_code', 'title'])
    .where('pokir_id', '=', pokirId)
    .orderBy('id')
    .execute();
}

export function insertStep(db: Db, values: Insertable<Database['pokir_step']>) {
  return db.insertInto('pokir_step').values(values).execute();
}

export function stepsOf(db: Db, pokirId: number) {
  return db
    .selectFrom('pokir_step')
    .select(['status', 'happened_on', 'note'])
    .where('pokir_id', '=', pokirId)
    .orderBy('happened_on')
    .orderBy('id')
    .execute();
}
