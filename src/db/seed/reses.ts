/**
 * A demo reses period that has ended, with a published report for one member of each dapil: two
 * visits in the dapil's kelurahan (fictional attendance and notes) and the demo aspirations of the
 * "reses" channel raised in that dapil as the input received.
 */
import type { Db } from '../index.ts';

const dayFrom = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const notes = [
  'Warga menyampaikan genangan setiap hujan deras dan meminta normalisasi saluran.',
  'Pertanyaan tentang kuota sekolah negeri dan layanan puskesmas pada malam hari.',
  'Keluhan penerangan jalan umum yang padam dan jalan lingkungan yang berlubang.',
];

export async function seedDemoReses(db: Db, councilId: number, today: string): Promise<{ reports: number }> {
  const existing = await db
    .selectFrom('reses_period')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .execute();
  if (existing.length > 0) return { reports: 0 };
  const startsOn = dayFrom(today, -45);
  const endsOn = dayFrom(today, -40);
  const period = await db
    .insertInto('reses_period')
    .values({
      council_id: councilId,
      name: `Reses Masa Sidang III ${startsOn.slice(0, 4)}`,
      starts_on: startsOn,
      ends_on: endsOn,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  const dapils = await db
    .selectFrom('dapil')
    .select(['id'])
    .where('council_id', '=', councilId)
    .orderBy('number')
    .execute();
  let reports = 0;
  for (const [d, dapil] of dapils.entries()) {
    const member = await db
      .selectFrom('member')
      .select(['id', 'name'])
      .where('council_id', '=', councilId)
      .where('dapil_id', '=', dapil.id)
      .where('active', '=', true)
      .orderBy('name')
      .executeTakeFirst();
    const places = await db
      .selectFrom('kelurahan')
      .innerJoin('kecamatan', 'kecamatan.id', 'kelurahan.kecamatan_id')
      .select(['kelurahan.id', 'kelurahan.name'])
      .where('kecamatan.dapil_id', '=', dapil.id)
      .orderBy('kelurahan.name')
      .limit(2)
      .execute();
    if (member === undefined || places.length === 0) continue;
    const heard = await db
      .selectFrom('aspiration')
      .innerJoin('kecamatan', 'kecamatan.id', 'aspiration.kecamatan_id')
      .select(['aspiration.id', 'aspiration.code', 'aspiration.title'])
      .where('aspiration.council_id', '=', councilId)
      .where('aspiration.channel', '=', 'reses')
      .where('aspiration.kind', '!=', 'rahasia')
      .where('kecamatan.dapil_id', '=', dapil.id)
      .orderBy('aspiration.id')
      .limit(3)
      .execute();
    await db.transaction().execute(async (trx) => {
      const report = await trx
        .insertInto('reses_report')
        .values({
          council_id: councilId,
          period_id: period.id,
          member_id: member.id,
          dapil_id: dapil.id,
          summary: `Selama reses, warga di ${places.map((p) => p.name).join(' dan ')} menyampaikan ${heard.length} aspirasi yang langsung diteruskan ke komisi terkait.`,
          published_at: new Date(`${dayFrom(endsOn, 3)}T03:00:00Z`),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const visitIds: number[] = [];
      for (const [i, place] of places.entries()) {
        const visit = await trx
          .insertInto('reses_visit')
          .values({
            report_id: report.id,
            visited_on: dayFrom(startsOn, i * 2 + (d % 2)),
            place: `Balai warga ${place.name}`,
            kelurahan_id: place.id,
            attendance: 40 + ((d * 17 + i * 23) % 90),
            notes: notes[(d + i) % notes.length] ?? '',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        visitIds.push(visit.id);
      }
      for (const [i, item] of heard.entries()) {
        const visitId = visitIds[i % visitIds.length] ?? null;
        await trx
          .insertInto('reses_input')
          .values({ report_id: report.id, visit_id: visitId, aspiration_code: item.code, title: item.title })
          .execute();
        // The aspiration's trail says where it was raised, as a report published in the portal does.
        const day = visitId === null ? null : dayFrom(startsOn, (i % visitIds.length) * 2 + (d % 2));
        await trx
          .insertInto('aspiration_event')
          .values({
            aspiration_id: item.id,
            kind: 'trail',
            public: true,
            actor_user_id: null,
            actor_member_id: null,
            body: null,
            details: JSON.stringify({
              step: 'reses',
              member: member.name,
              period: period.name,
              day,
              href: `/reses/${report.id}`,
            }),
          })
          .execute();
      }
    });
    reports++;
  }
  return { reports };
}
