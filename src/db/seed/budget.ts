/**
 * A demo regional budget for `npm start`: the account structure of DOMAIN.md, revenue of about
 * Rp 6.7 trillion as Kota Bekasi's 2026 budget, and every other figure FICTIONAL — split over
 * agencies and realised to a believable share for the month. Replaced by the real file through
 * /kelola/anggaran.
 */
import type { Db } from '../index.ts';

const T = 1_000_000_000_000;
const revenue: [string, string, number][] = [
  ['4.1.01.06', 'Pajak Reklame', 0.05 * T],
  ['4.1.01.09', 'Pajak Bumi dan Bangunan Perdesaan dan Perkotaan', 0.95 * T],
  ['4.1.01.10', 'Bea Perolehan Hak atas Tanah dan Bangunan', 1.1 * T],
  ['4.1.01.12', 'Pajak Barang dan Jasa Tertentu', 0.8 * T],
  ['4.1.02.01', 'Retribusi Jasa Umum', 0.12 * T],
  ['4.1.02.03', 'Retribusi Perizinan Tertentu', 0.08 * T],
  ['4.1.03.01', 'Bagian Laba atas Penyertaan Modal pada BUMD', 0.03 * T],
  ['4.1.04.16', 'Pendapatan BLUD', 0.27 * T],
  ['4.2.01.01', 'Dana Perimbangan: Dana Alokasi Umum', 1.45 * T],
  ['4.2.01.02', 'Dana Perimbangan: Dana Bagi Hasil', 0.55 * T],
  ['4.2.01.03', 'Dana Alokasi Khusus', 0.45 * T],
  ['4.2.02.01', 'Pendapatan Bagi Hasil dari Provinsi', 0.65 * T],
  ['4.3.01.01', 'Pendapatan Hibah', 0.2 * T],
];
const spending: [string, string, number][] = [
  ['5.1.01.01', 'Belanja Gaji dan Tunjangan ASN', 2.6 * T],
  ['5.1.02.01', 'Belanja Barang', 1.1 * T],
  ['5.1.02.02', 'Belanja Jasa', 1.45 * T],
  ['5.1.05.05', 'Belanja Hibah kepada Badan, Lembaga, Organisasi Kemasyarakatan', 0.2 * T],
  ['5.1.06.01', 'Belanja Bantuan Sosial kepada Individu', 0.05 * T],
  ['5.2.02.05', 'Belanja Modal Peralatan dan Mesin', 0.25 * T],
  ['5.2.03.01', 'Belanja Modal Bangunan Gedung', 0.45 * T],
  ['5.2.04.01', 'Belanja Modal Jalan, Irigasi dan Jaringan', 0.75 * T],
  ['5.3.01.01', 'Belanja Tidak Terduga', 0.05 * T],
  ['5.4.02.05', 'Belanja Bantuan Keuangan kepada Kelurahan', 0.1 * T],
];
const financing: [string, string, number][] = [
  ['6.1.01.01', 'Sisa Lebih Perhitungan Anggaran Tahun Sebelumnya', 0.33 * T],
  ['6.2.02.01', 'Penyertaan Modal Daerah', 0.03 * T],
];
/** Agencies, their share of spending, their urusan code and their own programme (names fictional in detail). */
type Agency = [string, number, string, string];
const agencies: Agency[] = [
  ['Dinas Pendidikan', 0.3, '1.01', 'Program Pengelolaan Pendidikan'],
  ['Dinas Kesehatan', 0.16, '1.02', 'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat'],
  ['Dinas Bina Marga dan Sumber Daya Air', 0.14, '1.03', 'Program Penyelenggaraan Jalan'],
  ['Dinas Perumahan, Kawasan Permukiman dan Pertanahan', 0.08, '1.04', 'Program Kawasan Permukiman'],
  ['Dinas Lingkungan Hidup', 0.08, '2.11', 'Program Pengelolaan Persampahan'],
  ['Dinas Perhubungan', 0.05, '2.15', 'Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan'],
  ['Satuan Polisi Pamong Praja', 0.04, '1.05', 'Program Peningkatan Ketenteraman dan Ketertiban Umum'],
  ['Sekretariat Daerah', 0.08, '4.01', 'Program Pemerintahan dan Kesejahteraan Rakyat'],
  ['Sekretariat DPRD', 0.04, '4.02', 'Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD'],
  ['Dinas Sosial', 0.03, '1.06', 'Program Rehabilitasi Sosial'],
];

/**
 * Where a line sits in the programme structure: salaries under each agency's support programme
 * (.01), goods and services and capital spending under its own programme (.02).
 */
function programmeOf(code: string, agency: Agency | undefined) {
  if (agency === undefined) return {};
  const [, , urusan, own] = agency;
  if (code.startsWith('5.1.01')) {
    return {
      program_code: `${urusan}.01`,
      program_name: 'Program Penunjang Urusan Pemerintahan Daerah',
      kegiatan_code: `${urusan}.01.2.02`,
      kegiatan_name: 'Administrasi Keuangan Perangkat Daerah',
      subkegiatan_code: `${urusan}.01.2.02.0001`,
      subkegiatan_name: 'Penyediaan Gaji dan Tunjangan ASN',
    };
  }
  const capital = code.startsWith('5.2');
  return {
    program_code: `${urusan}.02`,
    program_name: own,
    kegiatan_code: `${urusan}.02.2.0${capital ? 2 : 1}`,
    kegiatan_name: capital ? 'Pembangunan dan Rehabilitasi Sarana' : 'Penyelenggaraan Layanan',
    subkegiatan_code: `${urusan}.02.2.0${capital ? 2 : 1}.000${code.endsWith('01') ? 1 : 2}`,
    subkegiatan_name: capital
      ? 'Pembangunan Sarana dan Prasarana'
      : code.startsWith('5.1.02.02')
        ? 'Jasa Layanan'
        : 'Penyediaan Barang Layanan',
  };
}

/**
 * The current year (murni, realised so far) and the year before (perubahan, realised in full, a
 * little smaller), so the pages can compare years.
 */
export async function seedDemoBudget(db: Db, councilId: number, year: number) {
  const current = await seedBudgetYear(db, councilId, year, 'murni', 1, { revenue: 0.82, spending: 0.74 });
  if (current.lines === 0) return current;
  const before = await seedBudgetYear(db, councilId, year - 1, 'perubahan', 0.93, { revenue: 0.98, spending: 0.93 });
  return { lines: current.lines + before.lines };
}

async function seedBudgetYear(
  db: Db,
  councilId: number,
  year: number,
  stage: 'murni' | 'perubahan',
  scale: number,
  realisedShare: { revenue: number; spending: number },
) {
  const existing = await db
    .selectFrom('budget_line')
    .select('id')
    .where('council_id', '=', councilId)
    .where('year', '=', year)
    .limit(1)
    .executeTakeFirst();
  if (existing !== undefined) return { lines: 0 };
  const rows = [
    ...revenue.map(([code, name, planned], i) => ({
      code,
      name,
      opd: 'Badan Pendapatan Daerah',
      agency: undefined as Agency | undefined,
      planned,
      share: realisedShare.revenue + ((i % 3) - 1) * 0.04,
    })),
    ...spending.flatMap(([code, name, planned], i) =>
      (code.startsWith('5.1.01') || code.startsWith('5.2') || code.startsWith('5.1.02')
        ? agencies
        : [undefined as Agency | undefined]
      ).map((agency, j) => ({
        code,
        name,
        opd: agency?.[0] ?? 'Badan Pengelola Keuangan dan Aset Daerah',
        agency,
        planned: Math.round(planned * (agency?.[1] ?? 1)),
        share: code.startsWith('5.2')
          ? realisedShare.spending - 0.19 + ((i + j) % 4) * 0.05
          : realisedShare.spending + ((j % 3) - 1) * 0.05,
      })),
    ),
    ...financing.map(([code, name, planned]) => ({
      code,
      name,
      opd: 'Badan Pengelola Keuangan dan Aset Daerah',
      agency: undefined as Agency | undefined,
      planned,
      share: 1,
    })),
  ];
  const values = rows.map((r) => ({
    council_id: councilId,
    year,
    stage,
    account_code: r.code,
    account_name: r.name,
    opd: r.opd,
    ...programmeOf(r.code, r.agency),
    planned: Math.round(r.planned * scale),
    realised: Math.round(r.planned * scale * Math.min(1, r.share)),
  }));
  await db.insertInto('budget_line').values(values).execute();
  return { lines: values.length };
}
