/** Queries over the council's structure: the council, its dapil, region, fraksi and bodies. */
import type { Db } from '../db/index.ts';

export function firstCouncil(db: Db) {
  return db.selectFrom('council').selectAll().orderBy('id').limit(1).executeTakeFirst();
}

export function dapilOfCouncil(db: Db, councilId: number) {
  return db
    .selectFrom('dapil')
    .select(['id', 'number', 'seats'])
    .where('council_id', '=', councilId)
    .orderBy('number')
    .execute();
}

export function kecamatanOfCouncil(db: Db, councilId: number) {
  return db
    .selectFrom('kecamatan')
    .select(['id', 'code', 'slug', 'name', 'dapil_id', 'lat', 'lon'])
    .where('council_id', '=', councilId)
    .orderBy('name')
    .execute();
}

export function kelurahanOfCouncil(db: Db, councilId: number) {
  return db
    .selectFrom('kelurahan')
    .innerJoin('kecamatan', 'kecamatan.id', 'kelurahan.kecamatan_id')
    .select([
      'kelurahan.id',
      'kelurahan.code',
      'kelurahan.slug',
      'kelurahan.name',
      'kelurahan.postal_code',
      'kelurahan.kecamatan_id',
      'kelurahan.lat',
      'kelurahan.lon',
    ])
    .where('kecamatan.council_id', '=', councilId)
    .orderBy('kecamatan.name')
    .orderBy('kelurahan.name')
    .execute();
}

export function fraksiOfCouncil(db: Db, councilId: number) {
  return db
    .selectFrom('fraksi')
    .select(['id', 'slug', 'name', 'parties', 'seats'])
    .where('council_id', '=', councilId)
    .orderBy('seats', 'desc')
    .orderBy('name')
    .execute();
}

export function bodiesOfCouncil(db: Db, councilId: number) {
  return db
    .selectFrom('body')
    .select(['id', 'kind', 'slug', 'name', 'short_name', 'field'])
    .where('council_id', '=', councilId)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

export function holidays(db: Db) {
  return db.selectFrom('holiday').select('day').execute();
}

export function categoriesOfCouncil(db: Db, councilId: number) {
  return db
    .selectFrom('aspiration_category')
    .select(['id', 'slug', 'name', 'name_en', 'komisi_id', 'target_days'])
    .where('council_id', '=', councilId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function updateCategory(
  db: Db,
  councilId: number,
  id: number,
  values: { name: string; name_en: string; komisi_id: number | null; target_days: number },
) {
  return db
    .updateTable('aspiration_category')
    .set({ ...values, updated_at: new Date() })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

export function insertCategory(
  db: Db,
  values: {
    council_id: number;
    slug: string;
    name: string;
    name_en: string;
    komisi_id: number | null;
    target_days: number;
    sort_order: number;
  },
) {
  return db
    .insertInto('aspiration_category')
    .values(values)
    .onConflict((oc) => oc.columns(['council_id', 'slug']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function setSuggestionThreshold(db: Db, councilId: number, share: number) {
  return db
    .updateTable('council')
    .set({ suggestion_min_accuracy: share, updated_at: new Date() })
    .where('id', '=', councilId)
    .execute();
}

export function setVerifyDays(db: Db, councilId: number, days: number) {
  return db
    .updateTable('council')
    .set({ verify_days: days, updated_at: new Date() })
    .where('id', '=', councilId)
    .execute();
}

export function holidayList(db: Db, from: string) {
  return db.selectFrom('holiday').select(['day', 'kind', 'source']).where('day', '>=', from).orderBy('day').execute();
}

export function insertHoliday(
  db: Db,
  values: { day: string; kind: 'libur_nasional' | 'cuti_bersama' | 'lokal'; source: string },
) {
  return db
    .insertInto('holiday')
    .values(values)
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({ kind: values.kind, source: values.source, updated_at: new Date() }),
    )
    .execute();
}

export function deleteHoliday(db: Db, day: string) {
  return db.deleteFrom('holiday').where('day', '=', day).returning('day').executeTakeFirst();
}
