/**
 * Demo programmes and projects for `npm start`: works of the kinds a city builds (roads, drainage,
 * schools, clinics, markets, parks) spread over the council's own kecamatan and kelurahan, with
 * monthly progress reports up to today and links to komisi meetings of the year. Every name,
 * amount, contractor and figure is FICTIONAL. Loaded only into an empty project table.
 */
import type { Db } from '../index.ts';
import type { ProjectStatus } from '../schema.ts';
import { placesOf } from './places.ts';
import { random } from './random.ts';

/** Kinds of work: name pattern, agency, komisi order (I = 1 …), budget range in billions of rupiah. */
const kinds: [string, string, number, number, number][] = [
  ['Peningkatan Jalan {place}', 'Dinas Bina Marga dan Sumber Daya Air', 2, 2, 18],
  ['Normalisasi Saluran Drainase {place}', 'Dinas Bina Marga dan Sumber Daya Air', 2, 1, 9],
  ['Pembangunan Ruang Kelas Baru SDN {place}', 'Dinas Pendidikan', 4, 1, 6],
  ['Rehabilitasi Puskesmas {place}', 'Dinas Kesehatan', 4, 2, 12],
  ['Revitalisasi Pasar {place}', 'Dinas Perdagangan dan Perindustrian', 3, 5, 30],
  ['Penataan Taman dan Ruang Terbuka Hijau {place}', 'Dinas Perumahan, Kawasan Permukiman dan Pertanahan', 2, 1, 5],
  ['Pembangunan Tempat Pengolahan Sampah Terpadu {place}', 'Dinas Lingkungan Hidup', 2, 2, 8],
  ['Pemasangan Penerangan Jalan Umum {place}', 'Dinas Perhubungan', 2, 1, 4],
];
const contractors = ['PT Karya Bangun Fiktif', 'CV Maju Contoh', 'PT Demo Konstruksi', 'CV Sarana Ilustrasi'];
const notes = [
  'Pengukuran dan pematokan lokasi selesai; mobilisasi alat dan bahan.',
  'Pekerjaan galian dan pondasi berjalan sesuai jadwal.',
  'Pekerjaan struktur utama; pengawasan oleh konsultan dan OPD.',
  'Cuaca hujan memperlambat pekerjaan; jam kerja ditambah.',
  'Pekerjaan finishing dan pemeriksaan mutu bersama OPD.',
  'Serah terima pertama (PHO); masa pemeliharaan dimulai.',
];

export async function seedDemoProjects(db: Db, councilId: number, year: number, today: string) {
  const existing = await db
    .selectFrom('project')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  if (existing !== undefined) return { projects: 0 };
  const next = random(year * 7 + 3);
  const { kelurahan } = await placesOf(db, councilId);
  const komisi = await db
    .selectFrom('body')
    .select(['id'])
    .where('council_id', '=', councilId)
    .where('kind', '=', 'komisi')
    .orderBy('sort_order')
    .execute();
  if (kelurahan.length === 0) return { projects: 0 };
  const meetings = await db
    .selectFrom('meeting')
    .select(['id', 'body_id'])
    .where('council_id', '=', councilId)
    .where('starts_at', '<', new Date(`${today}T00:00:00+07:00`))
    .where('starts_at', '>=', new Date(`${year}-01-01T00:00:00+07:00`))
    .execute();

  let made = 0;
  const count = Math.min(36, kelurahan.length);
  for (let i = 0; i < count; i++) {
    const kel = kelurahan[Math.floor((i * kelurahan.length) / count)];
    if (kel === undefined) continue;
    const [pattern, opd, komisiOrder, low, high] = kinds[i % kinds.length] ?? kinds[0] ?? ['', '', 1, 1, 1];
    const budget = Math.round((low + next() * (high - low)) * 1000) * 1_000_000;
    // Starts spread over the year; some still in planning, one delayed, earlier ones completed.
    const startMonth = 1 + Math.floor(next() * 9);
    const startsOn = `${year}-${String(startMonth).padStart(2, '0')}-${String(1 + Math.floor(next() * 27)).padStart(2, '0')}`;
    const months = 3 + Math.floor(next() * 5);
    const end = new Date(`${startsOn}T12:00:00+07:00`);
    end.setMonth(end.getMonth() + months);
    const endsOn = end.toISOString().slice(0, 10);
    const started = startsOn <= today;
    const reports: { date: string; progress: number }[] = [];
    if (started) {
      const d = new Date(`${startsOn}T12:00:00+07:00`);
      let progress = 0;
      for (;;) {
        d.setDate(d.getDate() + 21 + Math.floor(next() * 14));
        const day = d.toISOString().slice(0, 10);
        if (day > today) break;
        progress = Math.min(100, progress + 8 + Math.floor(next() * 22));
        reports.push({ date: day, progress });
        if (progress === 100) break;
      }
    }
    const last = reports[reports.length - 1]?.progress ?? 0;
    const status: ProjectStatus = !started
      ? next() < 0.5
        ? 'perencanaan'
        : 'pengadaan'
      : last === 100
        ? 'selesai'
        : i % 11 === 5
          ? 'terhambat'
          : 'berjalan';
    const { id } = await db
      .insertInto('project')
      .values({
        council_id: councilId,
        name: pattern.replace('{place}', kel.name),
        description: `${pattern.replace('{place}', kel.name)} (contoh fiktif untuk demo portal). Lingkup: pekerjaan persiapan, pekerjaan utama, dan pemeliharaan.`,
        opd,
        komisi_id: komisi[komisiOrder - 1]?.id ?? null,
        kecamatan_id: kel.kecamatan_id,
        kelurahan_id: kel.id,
        lat: kel.lat === null ? null : kel.lat + (next() - 0.5) * 0.006,
        lon: kel.lon === null ? null : kel.lon + (next() - 0.5) * 0.006,
        budget,
        realised: Math.round((budget * last) / 100 / 1_000_000) * 1_000_000,
        funding_source: i % 5 === 0 ? 'DAK' : 'APBD',
        year,
        contractor: status === 'perencanaan' ? null : (contractors[i % contractors.length] ?? null),
        starts_on: startsOn,
        ends_on: endsOn,
        progress: last,
        status,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [n, r] of reports.entries()) {
      await db
        .insertInto('project_update')
        .values({
          project_id: id,
          happened_on: r.date,
          progress: r.progress,
          realised: Math.round((budget * r.progress) / 100 / 1_000_000) * 1_000_000,
          note: notes[Math.min(notes.length - 1, r.progress === 100 ? notes.length - 1 : n)] ?? '',
        })
        .execute();
    }
    const mine = meetings.filter((m) => m.body_id === (komisi[komisiOrder - 1]?.id ?? -1));
    const meeting = mine[Math.floor(next() * mine.length)];
    if (started && meeting !== undefined)
      await db.insertInto('project_meeting').values({ project_id: id, meeting_id: meeting.id }).execute();
    made++;
  }
  return { projects: made };
}
