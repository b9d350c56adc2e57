/**
 * Demo activity for a new portal: a year of the council's meetings, made from the council's own
 * bodies, dapil and members (FICTIONAL like the members themselves). Plenaries twice a month,
 * weekly komisi hearings with their partner agencies, Bamus, Banggar in the budget seasons,
 * Bapemperda, BK, three reses periods; past meetings carry minutes, decisions and attendance.
 * Working days only, from the holiday calendar. Loaded by `npm start` into an empty agenda.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../index.ts';
import type { MeetingType, Presence } from '../schema.ts';
import { random } from './random.ts';

/** A small deterministic generator, so every demo looks the same (mulberry32). */
const plenaryTopics = [
  'Penyampaian Nota Pengantar Raperda tentang Pajak dan Retribusi Daerah',
  'Penyampaian LKPJ Wali Kota Tahun Anggaran Sebelumnya',
  'Rekomendasi DPRD atas LKPJ Wali Kota',
  'Penetapan Propemperda',
  'Penyampaian Laporan Hasil Reses Masa Sidang I',
  'Pengesahan Raperda tentang Penyelenggaraan Ketertiban Umum',
  'Penyampaian Raperda Pertanggungjawaban Pelaksanaan APBD',
  'Penetapan Perda Pertanggungjawaban Pelaksanaan APBD',
  'Penandatanganan Nota Kesepakatan KUA-PPAS',
  'Peringatan Hari Ulang Tahun Kota Bekasi',
  'Penyampaian Nota Keuangan Raperda APBD Perubahan',
  'Penetapan Perda APBD Perubahan',
  'Pemandangan Umum Fraksi-fraksi atas Raperda APBD',
  'Jawaban Wali Kota atas Pemandangan Umum Fraksi',
  'Persetujuan Bersama Raperda APBD Tahun Berikutnya',
  'Penyampaian Laporan Hasil Reses Masa Sidang III',
];

/** Each komisi's usual partners, by the order of the komisi (I, II, III, IV). */
const partners = [
  ['Satpol PP', 'Disdukcapil', 'Bagian Hukum Setda', 'Diskominfostandi', 'BKPSDM'],
  ['Dinas BMSDA', 'Dinas Perkimtan', 'Dinas Perhubungan', 'Dinas Lingkungan Hidup', 'Dinas Tata Ruang'],
  ['Bapenda', 'BPKAD', 'Disdagperin', 'Dinas Koperasi dan UKM', 'PDAM Tirta Patriot'],
  ['Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Sosial', 'Disnaker', 'RSUD dr. Chasbullah'],
];
const partnerTopics = [
  'evaluasi realisasi anggaran triwulan',
  'pengaduan warga yang diteruskan ke komisi',
  'rencana kerja dan pokok-pokok pikiran DPRD',
  'tindak lanjut hasil kunjungan lapangan',
  'pelayanan publik dan standar pelayanan minimal',
];

interface Planned {
  type: MeetingType;
  bodyId: number | null;
  dapilId: number | null;
  title: string;
  items: string[];
  day: string;
  start: string;
  end: string;
  place: string;
  open: boolean;
}

function days(year: number): string[] {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

export async function seedDemoMeetings(
  db: Db,
  councilId: number,
  year: number,
  now = new Date(),
): Promise<{ meetings: number }> {
  const existing = await db
    .selectFrom('meeting')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  if (existing !== undefined) return { meetings: 0 };
  const [bodies, dapil, members, memberships, holidayRows] = await Promise.all([
    db
      .selectFrom('body')
      .select(['id', 'kind', 'short_name', 'sort_order'])
      .where('council_id', '=', councilId)
      .orderBy('sort_order')
      .execute(),
    db.selectFrom('dapil').select(['id', 'number']).where('council_id', '=', councilId).orderBy('number').execute(),
    db
      .selectFrom('member')
      .select(['id', 'dapil_id'])
      .where('council_id', '=', councilId)
      .where('active', '=', true)
      .execute(),
    db.selectFrom('body_membership').select(['body_id', 'member_id']).execute(),
    db.selectFrom('holiday').select('day').execute(),
  ]);
  const holidays = new Set(holidayRows.map((h) => h.day));
  const rand = random(year);
  const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
  const working = days(year).filter((d) => weekday(d) !== 0 && weekday(d) !== 6 && !holidays.has(d));
  const inMonth = (m: number) => working.filter((d) => Number(d.slice(5, 7)) === m);
  const planned: Planned[] = [];
  const komisi = bodies.filter((b) => b.kind === 'komisi');
  const byKind = (kind: string) => bodies.find((b) => b.kind === kind);

  for (let month = 1; month <= 12; month++) {
    const monthDays = inMonth(month);
    if (monthDays.length === 0) continue;
    // Two plenaries a month, early and late.
    for (const [i, day] of [monthDays[3], monthDays[monthDays.length - 4]].entries()) {
      if (day === undefined) continue;
      const topic = plenaryTopics[((month - 1) * 2 + i) % plenaryTopics.length] ?? 'Rapat Paripurna';
      planned.push({
        type: 'paripurna',
        bodyId: null,
        dapilId: null,
        title: `Rapat Paripurna: ${topic}`,
        items: ['Pembukaan', topic, 'Penutup'],
        day,
        start: '10:00',
        end: '13:00',
        place: 'Ruang Rapat Paripurna DPRD',
        open: true,
      });
    }
    // Each komisi meets its partners weekly, on its own weekday (Monday for I … Thursday for IV).
    for (const [k, body] of komisi.entries()) {
      for (const day of monthDays.filter((d) => weekday(d) === 1 + (k % 4))) {
        const partner = partners[k % 4]?.[Math.floor(rand() * 5)] ?? 'OPD mitra';
        const topic = partnerTopics[Math.floor(rand() * partnerTopics.length)] ?? 'evaluasi program';
        const hearing = rand() < 0.5;
        planned.push({
          type: hearing ? 'rdp' : 'rapat_kerja',
          bodyId: body.id,
          dapilId: null,
          title: `${hearing ? 'RDP' : 'Rapat kerja'} ${body.short_name} dengan ${partner}: ${topic}`,
          items: [`Paparan ${partner}`, 'Pendalaman oleh anggota komisi', 'Kesimpulan dan tindak lanjut'],
          day,
          start: '10:00',
          end: '12:30',
          place: `Ruang Rapat ${body.short_name}`,
          open: true,
        });
      }
    }
    const bamus = byKind('bamus');
    const first = monthDays[0];
    if (bamus !== undefined && first !== undefined) {
      planned.push({
        type: 'bamus',
        bodyId: bamus.id,
        dapilId: null,
        title: 'Rapat Badan Musyawarah: penjadwalan kegiatan DPRD',
        items: ['Jadwal kegiatan bulan berjalan'],
        day: first,
        start: '14:00',
        end: '16:00',
        place: 'Ruang Rapat Pimpinan',
        open: false,
      });
    }
    const bapemperda = byKind('bapemperda');
    if (bapemperda !== undefined) {
      for (const day of [monthDays[5], monthDays[15]]) {
        if (day === undefined) continue;
        planned.push({
          type: 'bapemperda',
          bodyId: bapemperda.id,
          dapilId: null,
          title: 'Rapat Bapemperda: harmonisasi Raperda',
          items: ['Harmonisasi rancangan', 'Penyusunan naskah akademik'],
          day,
          start: '13:30',
          end: '15:30',
          place: 'Ruang Rapat Bapemperda',
          open: true,
        });
      }
    }
    // Banggar sits in the budget seasons: KUA-PPAS mid-year, the APBD at the end.
    const banggar = byKind('banggar');
    if (banggar !== undefined && [7, 8, 10, 11].includes(month)) {
      for (const day of monthDays.filter((d) => weekday(d) === 5)) {
        planned.push({
          type: 'banggar',
          bodyId: banggar.id,
          dapilId: null,
          title: `Rapat Badan Anggaran: pembahasan ${month <= 8 ? 'KUA-PPAS' : 'Raperda APBD'}`,
          items: ['Pembahasan bersama TAPD'],
          day,
          start: '09:00',
          end: '16:00',
          place: 'Ruang Rapat Banggar',
          open: false,
        });
      }
    }
    const bk = byKind('bk');
    const mid = monthDays[10];
    if (bk !== undefined && month % 3 === 0 && mid !== undefined) {
      planned.push({
        type: 'bk',
        bodyId: bk.id,
        dapilId: null,
        title: 'Rapat Badan Kehormatan',
        items: ['Evaluasi kode etik'],
        day: mid,
        start: '14:00',
        end: '15:30',
        place: 'Ruang Rapat BK',
        open: false,
      });
    }
    // Reses once in each sitting period: every dapil's members meet their constituents.
    if ([2, 6, 10].includes(month)) {
      for (const [i, d] of dapil.entries()) {
        const day = monthDays[8 + i];
        if (day === undefined) continue;
        planned.push({
          type: 'reses',
          bodyId: null,
          dapilId: d.id,
          title: `Reses Masa Sidang ${[2, 6, 10].indexOf(month) + 1}: dapil ${d.number}`,
          items: ['Penyerapan aspirasi warga', 'Dialog dengan tokoh masyarakat'],
          day,
          start: '19:30',
          end: '22:00',
          place: `Balai warga di dapil ${d.number}`,
          open: true,
        });
      }
    }
  }

  const bodyMembers = new Map<number, number[]>();
  for (const m of memberships) bodyMembers.set(m.body_id, [...(bodyMembers.get(m.body_id) ?? []), m.member_id]);
  const presence = (): Presence => {
    const r = rand();
    return r < 0.86 ? 'hadir' : r < 0.93 ? 'izin' : r < 0.97 ? 'sakit' : 'tanpa_keterangan';
  };

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < planned.length; i += 200) {
      const chunk = planned.slice(i, i + 200);
      const rows = await trx
        .insertInto('meeting')
        .values(
          chunk.map((p) => {
            const startsAt = new Date(`${p.day}T${p.start}:00+07:00`);
            const past = startsAt < now;
            return {
              council_id: councilId,
              uid: `${randomUUID()}@dewan-terbuka`,
              type: p.type,
              body_id: p.bodyId,
              dapil_id: p.dapilId,
              title: p.title,
              agenda_items: p.items,
              starts_at: startsAt,
              ends_at: new Date(`${p.day}T${p.end}:00+07:00`),
              place: p.place,
              open: p.open,
              decisions: past && p.type === 'paripurna' ? `${p.items[1] ?? p.title}: disetujui dalam rapat.` : null,
              minutes:
                past && p.open
                  ? `Rapat dibuka pukul ${p.start} dan ditutup pukul ${p.end} WIB. ${p.items.join('; ')}.`
                  : null,
            };
          }),
        )
        .returning(['id', 'type', 'body_id', 'dapil_id', 'starts_at'])
        .execute();
      await trx
        .insertInto('meeting_revision')
        .values(rows.map((r) => ({ meeting_id: r.id, kind: 'created' })))
        .execute();
      const attendance = rows
        .filter((r) => r.starts_at < now)
        .flatMap((r) => {
          const expected =
            r.type === 'paripurna'
              ? members.map((m) => m.id)
              : r.type === 'reses'
                ? members.filter((m) => m.dapil_id === r.dapil_id).map((m) => m.id)
                : (bodyMembers.get(r.body_id ?? -1) ?? []);
          return expected.map((memberId) => ({ meeting_id: r.id, member_id: memberId, presence: presence() }));
        });
      for (let j = 0; j < attendance.length; j += 1000) {
        await trx
          .insertInto('meeting_attendance')
          .values(attendance.slice(j, j + 1000))
          .execute();
      }
    }
  });
  return { meetings: planned.length };
}
