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
