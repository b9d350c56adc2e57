/** The council's kecamatan and kelurahan in their official order, for the demo seeds to spread over. */
import type { Db } from '../index.ts';

export async function placesOf(db: Db, councilId: number) {
  const kecamatan = await db
    .selectFrom('kecamatan')
    .select(['id', 'name', 'dapil_id'])
    .where('council_id', '=', councilId)
    .orderBy('code')
    .execute();
  const kelurahan = await db
    .selectFrom('kelurahan')
    .select(['id', 'kecamatan_id', 'name', 'lat', 'lon'])
    .where('kecamatan_id', 'in', kecamatan.length > 0 ? kecamatan.map((k) => k.id) : [0])
    .orderBy('code')
    .execute();
  return { kecamatan, kelurahan };
}
