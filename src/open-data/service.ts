/**
 * Open data: every public dataset of the portal (members, meetings, legal documents, projects, the
 * budget, anonymised aspiration figures, hearings' questions, reses reports, pokir, the aspiration
 * room's figures) as CSV, XLSX and JSON under CC BY 4.0, with the metadata
 * a regional open-data portal harvests through the CKAN action API (package_list, package_show,
 * package_search). Datasets are described here; their rows come from each feature's service.
 */
import { agenda } from '../agenda/service.ts';
import { roomFigures } from '../appointments/service.ts';
import { aspirationStatistics } from '../aspirations/service.ts';
import { allBudgetLines } from '../budget/service.ts';
import { getCouncil } from '../council/service.ts';
import { publicHearings, questionsOfHearings } from '../hearings/service.ts';
import { listMembers } from '../members/service.ts';
import type { Deps } from '../platform/deps.ts';
import { csv } from '../platform/feeds.ts';
import { translator } from '../platform/i18n.ts';
import { writeXlsx } from '../platform/xlsx.ts';
import { allPokir } from '../pokir/service.ts';
import { allProjects } from '../projects/service.ts';
import { searchRegulations } from '../regulations/service.ts';
import { publishedReports } from '../reses/service.ts';
import { endedIkm, unitKey } from '../surveys/service.ts';

export const LICENCE = {
  id: 'cc-by',
  title: 'Creative Commons Attribution 4.0 (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};
export const formats = ['csv', 'xlsx', 'json'] as const;
export type Format = (typeof formats)[number];

type Cell = string | number | null;
interface Column {
  name: string;
  description: string;
}
interface Table {
  rows: Cell[][];
  modified: Date | undefined;
}

export interface DatasetDefinition {
  name: string;
  title: { id: string; en: string };
  notes: { id: string; en: string };
  tags: string[];
  frequency: string;
  columns: Column[];
  table(deps: Deps, base: string): Promise<Table>;
}

const latest = (dates: (Date | undefined)[]) => {
  const times = dates.filter((d): d is Date => d !== undefined).map((d) => d.getTime());
  return times.length === 0 ? undefined : new Date(Math.max(...times));
};

const ALL = 100_000;

export const datasets: DatasetDefinition[] = [
  {
    name: 'anggota-dprd',
    title: { id: 'Anggota DPRD', en: 'Council members' },
    notes: {
      id: 'Anggota DPRD periode berjalan: partai, fraksi, daerah pemilihan (dapil) dan komisi.',
      en: 'Members of the current term: party, fraksi, electoral district (dapil) and komisi.',
    },
    tags: ['anggota', 'dprd', 'dapil', 'fraksi', 'komisi'],
    frequency: 'bila berubah',
    columns: [
      { name: 'slug', description: 'Pengenal di portal' },
      { name: 'nama', description: 'Nama lengkap' },
      { name: 'jenis_kelamin', description: 'L atau P' },
      { name: 'partai', description: 'Partai politik' },
      { name: 'fraksi', description: 'Fraksi' },
      { name: 'jabatan_fraksi', description: 'Jabatan di fraksi' },
      { name: 'dapil', description: 'Nomor daerah pemilihan' },
      { name: 'komisi', description: 'Komisi' },
      { name: 'jabatan', description: 'Jabatan di alat kelengkapan, dipisah titik koma' },
      { name: 'url', description: 'Halaman anggota' },
    ],
    async table(deps, base) {
      const structure = await getCouncil(deps.db);
      const { members } = await listMembers(deps.db, structure.council.id);
      return {
        modified: structure.council.updated_at,
        rows: members.map((m) => [
          m.slug,
          m.name,
          m.gender,
          m.party,
          m.fraksi?.name ?? null,
          m.fraksiRole,
          m.dapil,
          m.komisi?.name ?? null,
          m.positions.map((p) => `${p.role} ${p.body}`).join('; '),
          `${base}/anggota/${m.slug}`,
        ]),
      };
    },
  },
  {
    name: 'agenda-rapat',
    title: { id: 'Agenda rapat DPRD', en: 'Council meetings' },
    notes: {
      id: 'Jadwal dan hasil rapat: jenis rapat, alat kelengkapan, waktu (WIB), tempat, keputusan. Rapat tertutup hanya dicatat waktunya.',
      en: 'Meetings and their outcome: type, body, time (WIB), place, decisions. Closed meetings show only their time.',
    },
    tags: ['agenda', 'rapat', 'paripurna', 'komisi', 'dprd'],
    frequency: 'harian',
    columns: [
      { name: 'id', description: 'Nomor rapat di portal' },
      { name: 'jenis', description: 'Jenis rapat' },
      { name: 'alat_kelengkapan', description: 'Komisi, badan atau pansus' },
      { name: 'judul', description: 'Judul (kosong untuk rapat tertutup)' },
      { name: 'terbuka', description: 'ya/tidak' },
      { name: 'dibatalkan', description: 'ya/tidak' },
      { name: 'mulai', description: 'Waktu mulai (ISO 8601, UTC)' },
      { name: 'selesai', description: 'Waktu selesai (ISO 8601, UTC)' },
      { name: 'tempat', description: 'Tempat' },
      { name: 'keputusan', description: 'Keputusan atau kesimpulan' },
      { name: 'url', description: 'Halaman rapat' },
    ],
    async table(deps, base) {
      const { meetings } = await agenda(deps, { page: 1, pageSize: ALL });
      return {
        modified: latest(meetings.map((m) => m.updatedAt)),
        rows: meetings.map((m) => [
          m.id,
          m.type,
          m.body?.name ?? null,
          m.open ? m.title : null,
          m.open ? 'ya' : 'tidak',
          m.cancelled ? 'ya' : 'tidak',
          m.startsAt.toISOString(),
          m.endsAt?.toISOString() ?? null,
          m.details?.place ?? null,
          m.details?.decisions ?? null,
          `${base}/agenda/${m.id}`,
        ]),
      };
    },
  },
  {
    name: 'produk-hukum',
    title: { id: 'Produk hukum daerah (Perda)', en: 'Regional regulations' },
    notes: {
      id: 'Peraturan daerah dan produk hukum lain: nomor, tahun, judul, pokok, tanggal penetapan dan pengundangan, status berlaku.',
      en: 'Regional regulations and other legal documents: number, year, title, subject, dates, legal status.',
    },
    tags: ['perda', 'peraturan', 'produk hukum', 'jdih', 'regulasi'],
    frequency: 'bila berubah',
    columns: [
      { name: 'id', description: 'Nomor di portal' },
      { name: 'jenis', description: 'Jenis produk hukum' },
      { name: 'nomor', description: 'Nomor' },
      { name: 'tahun', description: 'Tahun' },
      { name: 'judul', description: 'Judul' },
      { name: 'pokok', description: 'Pokok bahasan' },
      { name: 'ditetapkan', description: 'Tanggal penetapan' },
      { name: 'diundangkan', description: 'Tanggal pengundangan' },
      { name: 'status', description: 'berlaku, diubah atau dicabut' },
      { name: 'url', description: 'Halaman dokumen' },
    ],
    async table(deps, base) {
      const { regulations } = await searchRegulations(deps, { page: 1, pageSize: ALL });
      return {
        modified: latest(regulations.map((r) => r.updatedAt)),
        rows: regulations.map((r) => [
          r.id,
          r.type,
          r.number,
          r.year,
          r.title,
          r.subject,
          r.enactedOn,
          r.promulgatedOn,
          r.status,
          `${base}/perda/${r.id}`,
        ]),
      };
    },
  },
  {
    name: 'proyek-pembangunan',
    title: { id: 'Program dan proyek pembangunan', en: 'Programmes and projects' },
    notes: {
      id: 'Program dan proyek: perangkat daerah, lokasi, pagu dan realisasi anggaran, sumber dana, pelaksana, jadwal, kemajuan fisik dan status.',
      en: 'Programmes and projects: agency, location, budget and spending, funding, contractor, schedule, physical progress and status.',
    },
    tags: ['proyek', 'pembangunan', 'infrastruktur', 'anggaran', 'kemajuan'],
    frequency: 'mingguan',
    columns: [
      { name: 'id', description: 'Nomor proyek di portal' },
      { name: 'nama', description: 'Nama program atau proyek' },
      { name: 'opd', description: 'Perangkat daerah penanggung jawab' },
      { name: 'komisi', description: 'Komisi terkait' },
      { name: 'kecamatan', description: 'Kecamatan' },
      { name: 'kelurahan', description: 'Kelurahan' },
      { name: 'dapil', description: 'Nomor dapil' },
      { name: 'lintang', description: 'Lintang (WGS 84)' },
      { name: 'bujur', description: 'Bujur (WGS 84)' },
      { name: 'pagu', description: 'Pagu anggaran (rupiah)' },
      { name: 'realisasi', description: 'Realisasi anggaran (rupiah)' },
      { name: 'sumber_dana', description: 'Sumber dana' },
      { name: 'tahun', description: 'Tahun anggaran' },
      { name: 'pelaksana', description: 'Kontraktor pelaksana' },
      { name: 'mulai', description: 'Tanggal mulai' },
      { name: 'rencana_selesai', description: 'Rencana selesai' },
      { name: 'kemajuan_fisik', description: 'Persen' },
      { name: 'status', description: 'perencanaan, pengadaan, berjalan, terhambat, selesai, dibatalkan' },
      { name: 'url', description: 'Halaman proyek' },
    ],
    async table(deps, base) {
      const projects = await allProjects(deps);
      return {
        modified: latest(projects.map((p) => p.updatedAt)),
        rows: projects.map((p) => [
          p.id,
          p.name,
          p.opd,
          p.komisi?.name ?? null,
          p.kecamatan.name,
          p.kelurahan?.name ?? null,
          p.dapilNumber ?? null,
          p.lat,
          p.lon,
          p.budget,
          p.realised,
          p.fundingSource,
          p.year,
          p.contractor,
          p.startsOn,
          p.endsOn,
          p.progress,
          p.status,
          `${base}/proyek/${p.id}`,
        ]),
      };
    },
  },
  {
    name: 'anggaran-apbd',
    title: { id: 'Anggaran pendapatan dan belanja daerah (APBD)', en: 'Regional budget (APBD)' },
    notes: {
      id: 'APBD per tahun dan tahap (murni, perubahan): kode rekening, perangkat daerah, program/kegiatan/sub-kegiatan (Permendagri 90/2019), anggaran dan realisasi.',
      en: 'The regional budget by year and stage: account codes, agency, programme/activity/sub-activity (Permendagri 90/2019), planned and realised amounts.',
    },
    tags: ['anggaran', 'apbd', 'keuangan daerah', 'belanja', 'pendapatan', 'realisasi'],
    frequency: 'bulanan',
    columns: [
      { name: 'tahun', description: 'Tahun anggaran' },
      { name: 'tahap', description: 'murni atau perubahan' },
      { name: 'kode_akun', description: 'Kode rekening (4 pendapatan, 5 belanja, 6 pembiayaan)' },
      { name: 'nama_akun', description: 'Uraian rekening' },
      { name: 'opd', description: 'Perangkat daerah' },
      { name: 'kode_program', description: 'Kode program' },
      { name: 'nama_program', description: 'Nama program' },
      { name: 'kode_kegiatan', description: 'Kode kegiatan' },
      { name: 'nama_kegiatan', description: 'Nama kegiatan' },
      { name: 'kode_subkegiatan', description: 'Kode sub-kegiatan' },
      { name: 'nama_subkegiatan', description: 'Nama sub-kegiatan' },
      { name: 'anggaran', description: 'Anggaran (rupiah)' },
      { name: 'realisasi', description: 'Realisasi (rupiah)' },
    ],
    async table(deps) {
      const { lines, modified } = await allBudgetLines(deps);
      return {
        modified,
        rows: lines.map((l) => [
          l.year,
          l.stage,
          l.account_code,
          l.account_name,
          l.opd,
          l.program_code,
          l.program_name,
          l.kegiatan_code,
          l.kegiatan_name,
          l.subkegiatan_code,
          l.subkegiatan_name,
          Number(l.planned),
          Number(l.realised),
        ]),
      };
    },
  },
  {
    name: 'statistik-aspirasi',
    title: { id: 'Statistik aspirasi dan pengaduan warga', en: 'Statistics of citizens’ aspirations and complaints' },
    notes: {
      id: 'Jumlah aspirasi per bulan, kategori, kecamatan, jenis dan status, beserta jumlah dukungan. Tanpa isi dan tanpa data pribadi; laporan rahasia tidak dihitung.',
      en: 'Aspirations per month, category, kecamatan, kind and status, with their supporters. No text and no personal data; confidential reports are left out.',
    },
    tags: ['aspirasi', 'pengaduan', 'statistik', 'layanan publik'],
    frequency: 'harian',
    columns: [
      { name: 'bulan', description: 'Bulan diterima (YYYY-MM, WIB)' },
      { name: 'kategori', description: 'Kategori' },
      { name: 'kecamatan', description: 'Kecamatan' },
      { name: 'jenis', description: 'aspirasi, pengaduan, permintaan informasi' },
      { name: 'status', description: 'Status penanganan' },
      { name: 'jumlah', description: 'Jumlah aspirasi' },
      { name: 'dukungan', description: 'Jumlah dukungan warga' },
    ],
    async table(deps) {
      const { rows, modified } = await aspirationStatistics(deps);
      return {
        modified,
        rows: rows.map((r) => [r.month, r.category, r.kecamatan, r.kind, r.status, r.count, r.supporters]),
      };
    },
  },
  {
    name: 'pertanyaan-rapat-daring',
    title: { id: 'Pertanyaan warga dalam rapat daring', en: 'Citizens’ questions in online hearings' },
    notes: {
      id: 'Pertanyaan yang disetujui moderator dalam rapat DPRD yang disiarkan: isi, dukungan, jawaban tertulis, menit rekaman saat dijawab, atau kode aspirasi bila diteruskan. Tanpa nama dan kontak penanya.',
      en: 'Questions approved by the moderator in streamed council meetings: the words, support, the written answer, the moment of the recording it was answered, or the aspiration code it became. No asker’s name or contact.',
    },
    tags: ['rapat daring', 'siaran', 'partisipasi', 'pertanyaan warga', 'dprd'],
    frequency: 'harian',
    columns: [
      { name: 'rapat_daring', description: 'Nomor rapat daring di portal' },
      { name: 'rapat', description: 'Nomor rapat di agenda' },
      { name: 'judul_rapat', description: 'Judul rapat' },
      { name: 'mulai', description: 'Waktu mulai rapat (ISO 8601, UTC)' },
      { name: 'pertanyaan', description: 'Isi pertanyaan' },
      { name: 'dukungan', description: 'Jumlah dukungan' },
      { name: 'jawaban', description: 'Jawaban tertulis' },
      { name: 'detik_rekaman', description: 'Detik rekaman saat dijawab' },
      { name: 'dijawab', description: 'Waktu dicatat terjawab (ISO 8601, UTC)' },
      { name: 'kode_aspirasi', description: 'Kode aspirasi bila diteruskan' },
      { name: 'url', description: 'Halaman rapat daring' },
    ],
    async table(deps, base) {
      const hearings = await publicHearings(deps);
      const questions = await questionsOfHearings(
        deps,
        hearings.map((h) => h.hearing.id),
      );
      const byId = new Map(hearings.map((h) => [h.hearing.id, h.hearing]));
      return {
        modified: latest(hearings.map((h) => h.hearing.updatedAt)),
        rows: questions.flatMap((q) => {
          const h = byId.get(q.hearingId);
          if (h === undefined) return [];
          return [
            [
              h.id,
              h.meeting.view.id,
              h.meeting.view.title,
              h.meeting.view.startsAt.toISOString(),
              q.body,
              q.votes,
              q.answer,
              q.answerSecond,
              q.answeredAt?.toISOString() ?? null,
              q.aspirationCode,
              `${base}/siaran/${h.id}#pertanyaan-${q.id}`,
            ],
          ];
        }),
      };
    },
  },
  {
    name: 'laporan-reses',
    title: { id: 'Laporan reses anggota DPRD', en: 'Council members’ recess (reses) reports' },
    notes: {
      id: 'Laporan reses yang terbit: masa reses, anggota, dapil, jumlah kunjungan, jumlah warga yang hadir dan jumlah aspirasi yang diterima.',
      en: 'Published recess reports: the period, the member, the dapil, how many visits, how many people came and how much input was received.',
    },
    tags: ['reses', 'anggota dprd', 'dapil', 'aspirasi'],
    frequency: 'per masa reses',
    columns: [
      { name: 'id', description: 'Nomor laporan di portal' },
      { name: 'masa_reses', description: 'Nama masa reses' },
      { name: 'mulai', description: 'Hari pertama masa reses' },
      { name: 'selesai', description: 'Hari terakhir masa reses' },
      { name: 'anggota', description: 'Nama anggota' },
      { name: 'dapil', description: 'Nomor daerah pemilihan' },
      { name: 'kunjungan', description: 'Jumlah kunjungan' },
      { name: 'warga_hadir', description: 'Jumlah warga yang hadir' },
      { name: 'aspirasi', description: 'Jumlah aspirasi yang dicatat' },
      { name: 'url', description: 'Halaman laporan' },
    ],
    async table(deps, base) {
      const reports = await publishedReports(deps);
      return {
        modified: latest(reports.map((r) => r.updatedAt)),
        rows: reports.map((r) => [
          r.id,
          r.period.name,
          r.period.startsOn,
          r.period.endsOn,
          r.member.name,
          r.dapil?.number ?? null,
          r.visits,
          r.attendance,
          r.inputs,
          `${base}/reses/${r.id}`,
        ]),
      };
    },
  },
  {
    name: 'pokok-pikiran-dprd',
    title: { id: 'Pokok-pokok pikiran DPRD (pokir)', en: 'The council’s proposals for the work plan (pokir)' },
    notes: {
      id: 'Usulan DPRD untuk RKPD per tahun: lokasi, perkiraan biaya, perangkat daerah tujuan, tahap (diusulkan, masuk RKPD, masuk APBD, selesai), proyek yang dikerjakan, dan jumlah aspirasi asalnya.',
      en: 'The council’s proposals for the work plan by year: place, estimated cost, target agency, step (proposed, in the RKPD, in the APBD, done), the project it became, and how many aspirations it came from.',
    },
    tags: ['pokir', 'rkpd', 'perencanaan', 'aspirasi', 'dapil'],
    frequency: 'bulanan',
    columns: [
      { name: 'id', description: 'Nomor pokir di portal' },
      { name: 'tahun', description: 'Tahun RKPD' },
      { name: 'judul', description: 'Judul usulan' },
      { name: 'dapil', description: 'Nomor daerah pemilihan' },
      { name: 'kecamatan', description: 'Kecamatan' },
      { name: 'kelurahan', description: 'Kelurahan' },
      { name: 'perkiraan_biaya', description: 'Perkiraan biaya (rupiah)' },
      { name: 'opd', description: 'Perangkat daerah tujuan' },
      { name: 'tahap', description: 'diusulkan, rkpd, apbd, selesai' },
      { name: 'proyek', description: 'Nomor proyek di portal' },
      { name: 'jumlah_aspirasi', description: 'Jumlah aspirasi asal' },
      { name: 'url', description: 'Halaman pokir' },
    ],
    async table(deps, base) {
      const items = await allPokir(deps);
      return {
        modified: undefined,
        rows: items.map((i) => [
          i.id,
          i.year,
          i.title,
          i.dapil?.number ?? null,
          i.kecamatan?.name ?? null,
          i.kelurahan?.name ?? null,
          i.estimatedCost,
          i.agency,
          i.status,
          i.projectId,
          i.sources,
          `${base}/pokir/${i.id}`,
        ]),
      };
    },
  },
  {
    name: 'kunjungan-ruang-aspirasi',
    title: { id: 'Kunjungan ruang aspirasi', en: 'Visits to the aspiration room' },
    notes: {
      id: 'Jumlah janji temu dan kunjungan langsung di ruang aspirasi per bulan: dipesan, datang tanpa janji, bertemu, tidak hadir, dibatalkan. Hanya jumlah, tanpa nama, kontak atau topik.',
      en: 'Appointments and walk-ins at the aspiration room per month: booked, walked in, met, absent, cancelled. Counts only: no name, contact or topic.',
    },
    tags: ['ruang aspirasi', 'janji temu', 'layanan publik'],
    frequency: 'harian',
    columns: [
      { name: 'bulan', description: 'Bulan (YYYY-MM, WIB)' },
      { name: 'dipesan', description: 'Janji temu yang dipesan daring' },
      { name: 'tanpa_janji', description: 'Warga yang datang tanpa janji' },
      { name: 'bertemu', description: 'Warga yang datang dan diterima' },
      { name: 'tidak_hadir', description: 'Janji temu yang tidak dihadiri' },
      { name: 'dibatalkan', description: 'Janji temu yang dibatalkan' },
    ],
    async table(deps) {
      const figures = await roomFigures(deps);
      return {
        modified: undefined,
        rows: figures.months.map((m) => [m.month, m.booked, m.walkIns, m.met, m.noShows, m.cancelled]),
      };
    },
  },
  {
    name: 'indeks-kepuasan-masyarakat',
    title: { id: 'Indeks Kepuasan Masyarakat (IKM)', en: 'Public satisfaction index (IKM)' },
    notes: {
      id: 'Hasil survei kepuasan masyarakat per unit layanan dan masa survei, dihitung dari jawaban mentah menurut PermenPAN-RB 14/2017: nilai rata-rata (NRR) sembilan unsur, nilai IKM, mutu pelayanan dan batas kesalahan (95%). Tanpa data responden.',
      en: 'Results of the public satisfaction surveys per service unit and period, computed from the raw answers as PermenPAN-RB 14/2017 sets out: the mean score (NRR) of the nine elements, the index, the grade and the margin of error (95 %). No respondent data.',
    },
    tags: ['ikm', 'survei', 'kepuasan masyarakat', 'layanan publik'],
    frequency: 'per survei',
    columns: [
      { name: 'survei', description: 'Nomor survei di portal' },
      { name: 'unit_layanan', description: 'Unit layanan yang dinilai' },
      { name: 'mulai', description: 'Hari pertama survei (YYYY-MM-DD)' },
      { name: 'selesai', description: 'Hari terakhir survei (YYYY-MM-DD)' },
      { name: 'responden', description: 'Jumlah responden' },
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ name: `nrr_u${n}`, description: `NRR unsur ${n} (skala 1–4)` })),
      { name: 'ikm', description: 'Nilai IKM = Σ(NRR × 1/9) × 25' },
      { name: 'mutu', description: 'Mutu pelayanan: A, B, C atau D' },
      { name: 'batas_kesalahan', description: 'Batas kesalahan IKM, selang kepercayaan 95% (poin)' },
      { name: 'url', description: 'Halaman hasil survei' },
    ],
    async table(deps, base) {
      const t = translator('id');
      const figures = await endedIkm(deps, t);
      return {
        modified: latest(figures.map((f) => f.survey.updatedAt)),
        rows: figures.map((f) => [
          f.survey.id,
          f.survey.serviceUnit === null ? null : t(unitKey[f.survey.serviceUnit]),
          f.survey.opensOn,
          f.survey.closesOn,
          f.ikm.respondents,
          ...f.ikm.nrr,
          f.ikm.index,
          f.ikm.grade,
          f.ikm.margin,
          `${base}/survei/${f.survey.id}/hasil`,
        ]),
      };
    },
  },
];

export function datasetNamed(name: string): DatasetDefinition | undefined {
  return datasets.find((d) => d.name === name);
}

/** The dataset as a file: CSV, an XLSX workbook with a metadata sheet, or JSON with its metadata. */
export async function datasetFile(
  deps: Deps,
  dataset: DatasetDefinition,
  format: Format,
): Promise<{ body: string | Uint8Array; type: string }> {
  const base = deps.config.publicBaseUrl;
  const table = await dataset.table(deps, base);
  const header = dataset.columns.map((c) => c.name);
  if (format === 'csv') return { body: csv([header, ...table.rows]), type: 'text/csv; charset=utf-8' };
  const meta = await packageOf(deps, dataset, table.modified);
  if (format === 'json') {
    return {
      body: JSON.stringify({
        metadata: {
          name: meta.name,
          title: meta.title,
          description: meta.notes,
          license: LICENCE,
          publisher: meta.organization.title,
          region_code: meta.extras.find((e) => e.key === 'kode_wilayah')?.value,
          modified: meta.metadata_modified,
          columns: dataset.columns,
        },
        data: table.rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? null]))),
      }),
      type: 'application/json; charset=utf-8',
    };
  }
  return {
    body: writeXlsx([
      { name: 'Data', rows: [header, ...table.rows] },
      {
        name: 'Metadata',
        rows: [
          ['kunci', 'nilai'],
          ['judul', meta.title],
          ['deskripsi', meta.notes],
          ['lisensi', `${LICENCE.title} ${LICENCE.url}`],
          ['penerbit', meta.organization.title],
          ['kode_wilayah', meta.extras.find((e) => e.key === 'kode_wilayah')?.value ?? ''],
          ['diperbarui', meta.metadata_modified],
          ['sumber', `${base}/data`],
          ...dataset.columns.map((c) => [`kolom: ${c.name}`, c.description]),
        ],
      },
    ]),
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

/**
 * When each dataset last changed, as found by its latest build. The catalogue and the CKAN answers
 * need only this date, not the rows: a date at most five minutes old saves building every table
 * on every visit.
 */
const modifiedByDatabase = new WeakMap<object, Map<string, { at: Date | undefined; checked: number }>>();
const FRESH_MS = 5 * 60 * 1000;

function memo(deps: Deps): Map<string, { at: Date | undefined; checked: number }> {
  let found = modifiedByDatabase.get(deps.db);
  if (found === undefined) {
    found = new Map();
    modifiedByDatabase.set(deps.db, found);
  }
  return found;
}

async function modifiedOf(deps: Deps, dataset: DatasetDefinition): Promise<Date | undefined> {
  const lastModified = memo(deps);
  const known = lastModified.get(dataset.name);
  if (known !== undefined && Date.now() - known.checked < FRESH_MS) return known.at;
  const { modified } = await dataset.table(deps, deps.config.publicBaseUrl);
  lastModified.set(dataset.name, { at: modified, checked: Date.now() });
  return modified;
}

/** A dataset described the way CKAN describes a package, with one resource per format. */
export async function packageOf(deps: Deps, dataset: DatasetDefinition, known?: Date | undefined) {
  const structure = await getCouncil(deps.db);
  const base = deps.config.publicBaseUrl;
  const lang = deps.config.defaultLanguage === 'en' ? 'en' : 'id';
  if (known !== undefined) memo(deps).set(dataset.name, { at: known, checked: Date.now() });
  const modified = (known ?? (await modifiedOf(deps, dataset)) ?? structure.council.updated_at).toISOString();
  const council = structure.council;
  return {
    id: dataset.name,
    name: dataset.name,
    title: dataset.title[lang],
    notes: dataset.notes[lang],
    url: `${base}/data#${dataset.name}`,
    state: 'active',
    type: 'dataset',
    private: false,
    license_id: LICENCE.id,
    license_title: LICENCE.title,
    license_url: LICENCE.url,
    author: council.name,
    maintainer: council.name,
    maintainer_email: council.email,
    metadata_created: council.created_at.toISOString(),
    metadata_modified: modified,
    num_resources: formats.length,
    num_tags: dataset.tags.length,
    organization: { name: council.slug, title: council.name, type: 'organization', state: 'active' },
    tags: dataset.tags.map((t) => ({ name: t, display_name: t, state: 'active' })),
    groups: [],
    extras: [
      { key: 'frekuensi', value: dataset.frequency },
      { key: 'kode_wilayah', value: council.region_code },
      { key: 'wilayah', value: `${council.region_name}, ${council.province}` },
      { key: 'kolom', value: dataset.columns.map((c) => c.name).join(', ') },
    ],
    resources: formats.map((f, i) => ({
      id: `${dataset.name}-${f}`,
      package_id: dataset.name,
      name: `${dataset.title[lang]} (${f.toUpperCase()})`,
      url: `${base}/data/${dataset.name}.${f}`,
      format: f.toUpperCase(),
      mimetype:
        f === 'csv'
          ? 'text/csv'
          : f === 'json'
            ? 'application/json'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      position: i,
      state: 'active',
      last_modified: modified,
    })),
  };
}

export type Package = Awaited<ReturnType<typeof packageOf>>;

/** A Solr-style term as CKAN clients send it in q and fq: a word, field:value, field:"a b" or field:[A TO B]. */
type Term = { field: string | undefined; value: string } | { field: string; from: string; to: string };

function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  const pattern = /(?:([\w.]+):)?(?:\[(\S+) TO (\S+)\]|"([^"]*)"|(\S+))/g;
  for (const m of text.matchAll(pattern)) {
    const [, field, from, to, quoted, plain] = m;
    if (from !== undefined && to !== undefined && field !== undefined) terms.push({ field, from, to });
    else {
      const value = (quoted ?? plain ?? '').toLowerCase();
      if (value !== '' && value !== '*' && !(field === '*' && value === '*')) terms.push({ field, value });
    }
  }
  return terms.filter((t) => !('value' in t) || t.field !== undefined || t.value !== '*:*');
}

/** The facets CKAN offers on a search, and how each is read from a package. */
const facetValues: Record<string, (p: Package) => string[]> = {
  tags: (p) => p.tags.map((t) => t.name),
  res_format: (p) => [...new Set(p.resources.map((r) => r.format))],
  organization: (p) => [p.organization.name],
  license_id: (p) => [p.license_id],
};

function matches(p: Package, term: Term): boolean {
  if ('from' in term) {
    if (term.field !== 'metadata_modified') return false;
    const at = p.metadata_modified;
    const within = (bound: string, above: boolean) => {
      if (bound === '*') return true;
      // Solr's date math as harvesters send it: NOW, NOW-7DAYS, or an ISO time.
      const relative = /^NOW(?:-(\d{1,4})DAYS?)?$/i.exec(bound);
      const time = relative === null ? Date.parse(bound) : Date.now() - Number(relative[1] ?? 0) * 86_400_000;
      if (Number.isNaN(time)) return false;
      const value = Date.parse(at);
      return above ? value >= time : value <= time;
    };
    return within(term.from, true) && within(term.to, false);
  }
  const { field, value } = term;
  // Words are found in either language, as before the search understood fields.
  const d = datasetNamed(p.name);
  const text = [p.name, d?.title.id, d?.title.en, d?.notes.id, d?.notes.en, ...p.tags.map((t) => t.name)]
    .join(' ')
    .toLowerCase();
  switch (field) {
    case undefined:
    case 'text':
      return text.includes(value);
    case 'name':
      return p.name === value;
    case 'title':
      return p.title.toLowerCase().includes(value);
    case 'tags':
    case 'res_format':
    case 'organization':
    case 'license_id':
      return (facetValues[field]?.(p) ?? []).some((v) => v.toLowerCase() === value);
    default:
      return false;
  }
}

/**
 * package_search as a CKAN 2.10 site answers it for the fields harvesters use: words and
 * field terms in q and fq (name, title, tags, res_format, organization, license_id, and a
 * metadata_modified range), counted facets for facet.field, rows and start.
 */
export async function searchPackages(
  deps: Deps,
  query: {
    q?: string | undefined;
    fq?: string | undefined;
    rows?: number | undefined;
    start?: number | undefined;
    facetFields?: string[] | undefined;
    facetLimit?: number | undefined;
  },
) {
  const packages = await Promise.all(datasets.map((d) => packageOf(deps, d)));
  const terms = [...termsOf(query.q ?? ''), ...termsOf(query.fq ?? '')];
  const matching = packages.filter((p) => terms.every((term) => matches(p, term)));
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  > = {};
  for (const field of query.facetFields ?? []) {
    const read = facetValues[field];
    if (read === undefined) continue;
    const counts = new Map<string, number>();
    for (const p of matching) for (const v of read(p)) counts.set(v, (counts.get(v) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, query.facetLimit ?? 50);
    facets[field] = Object.fromEntries(top);
    searchFacets[field] = { title: field, items: top.map(([name, n]) => ({ name, display_name: name, count: n })) };
  }
  const start = query.start ?? 0;
  const rows = query.rows ?? 10;
  return { count: matching.length, results: matching.slice(start, start + rows), facets, searchFacets };
}
