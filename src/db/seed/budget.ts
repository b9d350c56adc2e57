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
const agencies: [string, number][] = [
  ['Dinas Pendidikan', 0.3],
  ['Dinas Kesehatan', 0.16],
  ['Dinas Bina Marga dan Sumber Daya Air', 0.14],
  ['Dinas Perumahan, Kawasan Permukiman dan Pertanahan', 0.08],
  ['Dinas Lingkungan Hidup', 0.08],
  ['Dinas Perhubungan', 0.05],
  ['Satuan Polisi Pamong Praja', 0.04],
  ['Sekretariat Daerah', 0.08],
  ['Sekretariat DPRD', 0.04],
  ['Dinas Sosial', 0.03],
];

export async function seedDemoBudget(
  db: Db,
  councilId: number,
  year: number,
  realisedShare = { revenue: 0.82, spending: 0.74 },
) {
  const existing = await db
    .selectFrom('budget_line')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  if (existing !== undefined) return { lines: 0 };
  const rows = [
    ...revenue.map(([code, name, planned], i) => ({
      code,
      name,
      opd: 'Badan Pendapatan Daerah',
      planned,
      share: realisedShare.revenue + ((i % 3) - 1) * 0.04,
    })),
    ...spending.flatMap(([code, name, planned], i) =>
      (code.startsWith('5.1.01') || code.startsWith('5.2') || code.startsWith('5.1.02')
        ? agencies
        : [['Badan Pengelola Keuangan dan Aset Daerah', 1] as [string, number]]
      ).map(([opd, weight], j) => ({
        code,
        name,
        opd,
        planned: Math.round(planned * weight),
        share: code.startsWith('5.2') ? 0.55 + ((i + j) % 4) * 0.05 : realisedShare.spending + ((j % 3) - 1) * 0.05,
      })),
    ),
    ...financing.map(([code, name, planned]) => ({
      code,
      name,
      opd: 'Badan Pengelola Keuangan dan Aset Daerah',
      planned,
      share: 1,
    })),
  ];
  const values = rows.map((r) => ({
    council_id: councilId,
    year,
    stage: 'murni' as const,
    account_code: r.code,
    account_name: r.name,
    opd: r.opd,
    planned: Math.round(r.planned),
    realised: Math.round(r.planned * Math.min(1, r.share)),
  }));
  await db.insertInto('budget_line').values(values).execute();
  return { lines: values.length };
}
