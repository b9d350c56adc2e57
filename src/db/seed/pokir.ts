/**
 * A demo pokir list for next year: items at each step, each assembled from demo aspirations of its
 * place, the later ones linked to a demo project there; every source aspiration carries the trail.
 */
import type { Db } from '../index.ts';
import type { PokirStatus } from '../schema.ts';

const statuses: PokirStatus[] = ['diusulkan', 'rkpd', 'apbd', 'selesai'];
const agencies = ['Dinas Bina Marga dan Sumber Daya Air', 'Dinas Perhubungan', 'Dinas Pendidikan', 'Dinas Kesehatan'];
const dayFrom = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoPokir(db: Db, councilId: number, today: string): Promise<{ items: number }> {
  const existing = await db
    .selectFrom('pokir_item')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .execute();
  if (existing.length > 0) return { items: 0 };
  const year = Number(today.slice(0, 4)) + 1;
  const kecamatan = await db
    .selectFrom('kecamatan')
    .select(['id', 'name', 'dapil_id'])
    .where('council_id', '=', councilId)
    .orderBy('name')
    .limit(8)
    .execute();
  let items = 0;
  for (const [n, k] of kecamatan.entries()) {
    const sources = await db
      .selectFrom('aspiration')
      .select(['id', 'code', 'title'])
      .where('council_id', '=', councilId)
      .where('kecamatan_id', '=', k.id)
      .where('kind', '=', 'aspirasi')
      .where('status', 'in', ['verified', 'forwarded', 'resolved'])
      .orderBy('id')
      .limit(2)
      .execute();
    if (sources.length === 0) continue;
    const status = statuses[n % statuses.length] ?? 'diusulkan';
    const project =
      status === 'apbd' || status === 'selesai'
        ? await db
            .selectFrom('project')
            .select(['id', 'name'])
            .where('council_id', '=', councilId)
            .where('kecamatan_id', '=', k.id)
            .orderBy('id')
            .executeTakeFirst()
        : undefined;
    const title = `Tindak lanjut aspirasi warga ${k.name}: ${sources[0]?.title ?? ''}`.slice(0, 200);
    await db.transaction().execute(async (trx) => {
      const item = await trx
        .insertInto('pokir_item')
        .values({
          council_id: councilId,
          year,
          title,
          description: `Disusun dari ${sources.length} aspirasi warga Kecamatan ${k.name}.`,
          dapil_id: k.dapil_id,
          kecamatan_id: k.id,
          estimated_cost: 150_000_000 + n * 85_000_000,
          agency: agencies[n % agencies.length] ?? 'Dinas Bina Marga dan Sumber Daya Air',
          status,
          project_id: project?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('pokir_source')
        .values(sources.map((s) => ({ pokir_id: item.id, aspiration_code: s.code, title: s.title })))
        .execute();
      const reached = statuses.slice(0, statuses.indexOf(status) + 1);
      await trx
        .insertInto('pokir_step')
        .values(reached.map((s, i) => ({ pokir_id: item.id, status: s, happened_on: dayFrom(today, -60 + i * 20) })))
        .execute();
      const href = `/pokir/${item.id}`;
      const trail = [
        { step: 'pokir', year, title, href },
        ...reached.slice(1).map((s) => ({ step: 'pokirStatus', status: s, year, title, href })),
        ...(project === undefined ? [] : [{ step: 'project', name: project.name, href: `/proyek/${project.id}` }]),
      ];
      for (const s of sources)
        await trx
          .insertInto('aspiration_event')
          .values(
            trail.map((step) => ({
              aspiration_id: s.id,
              kind: 'trail',
              public: true,
              actor_user_id: null,
              actor_member_id: null,
              body: null,
              details: JSON.stringify(step),
            })),
          )
          .execute();
    });
    items++;
  }
  return { items };
}
