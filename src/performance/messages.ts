/** The texts of the public performance page: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'performance.title': { id: 'Kinerja layanan', en: 'Service performance' },
  'performance.lead': {
    id: 'Seberapa cepat dan baik DPRD menangani aspirasi warga. Angka dihitung langsung dari data aspirasi. Waktu dihitung dalam hari kerja.',
    en: 'How quickly and how well the council handles citizens’ aspirations. The figures come straight from the aspirations. Times are in working days.',
  },
  'performance.filter': { id: 'Pilih masa dan saring', en: 'Choose the period and filter' },
  'performance.from': { id: 'Dari bulan', en: 'From month' },
  'performance.until': { id: 'Sampai bulan', en: 'To month' },
  'performance.komisi': { id: 'Komisi', en: 'Commission' },
  'performance.dapil': { id: 'Dapil', en: 'District' },
  'performance.dapilN': { id: 'Dapil {n}', en: 'District {n}' },
  'performance.kecamatan': { id: 'Kecamatan', en: 'Kecamatan' },
  'performance.category': { id: 'Kategori', en: 'Category' },
  'performance.channel': { id: 'Saluran', en: 'Channel' },
  'performance.show': { id: 'Tampilkan', en: 'Show' },
  'performance.badPeriod': {
    id: 'Masa yang dipilih tidak dapat dipakai. Yang tampil: 12 bulan terakhir.',
    en: 'The period chosen cannot be used. Shown: the last 12 months.',
  },
  'performance.period': { id: '{from} sampai {until}', en: '{from} to {until}' },
  'performance.headline': { id: 'Ringkasan', en: 'Summary' },
  'performance.received': { id: 'Aspirasi diterima', en: 'Aspirations received' },
  'performance.verifiedInTarget': { id: 'Diverifikasi tepat waktu', en: 'Verified within the target' },
  'performance.answered': { id: 'Sudah dijawab', en: 'Answered' },
  'performance.resolved': { id: 'Selesai', en: 'Resolved' },
  'performance.resolvedInTarget': { id: 'Selesai tepat waktu', en: 'Resolved within the target' },
  'performance.reopened': { id: 'Dibuka kembali oleh warga', en: 'Reopened by the citizen' },
  'performance.ofN': { id: '{n} dari {of} ({share})', en: '{n} of {of} ({share})' },
  'performance.toVerify': { id: 'Lama sampai diverifikasi', en: 'Time to verification' },
  'performance.toAnswer': { id: 'Lama sampai dijawab', en: 'Time to an answer' },
  'performance.toResolve': { id: 'Lama sampai selesai', en: 'Time to resolution' },
  'performance.spread': {
    id: 'median {median} hari kerja; 9 dari 10 dalam {p90} hari kerja',
    en: 'median {median} working days; 9 in 10 within {p90} working days',
  },
  'performance.noSpread': { id: 'belum ada', en: 'none yet' },
  'performance.rating': { id: 'Penilaian warga (1–5)', en: 'Citizens’ rating (1–5)' },
  'performance.ratingLine': { id: 'rata-rata {mean} dari {n} penilaian', en: 'mean {mean} of {n} ratings' },
  'performance.fixed': { id: 'Jawaban "Sudah beres?"', en: 'Answers to "Is it fixed?"' },
  'performance.fixedLine': { id: '{yes} ya, {no} belum', en: '{yes} yes, {no} not yet' },
  'performance.months': { id: 'Dari bulan ke bulan', en: 'Month by month' },
  'performance.month': { id: 'Bulan', en: 'Month' },
  'performance.medianResolve': { id: 'Median hari sampai selesai', en: 'Median days to resolution' },
  'performance.csv': { id: 'Unduh tabel bulanan (CSV)', en: 'Download the monthly table (CSV)' },
  'performance.csvKomisi': { id: 'Unduh tabel per komisi (CSV)', en: 'Download the table by commission (CSV)' },
  'performance.csvKecamatan': { id: 'Unduh tabel per kecamatan (CSV)', en: 'Download the table by kecamatan (CSV)' },
  'performance.byKomisi': { id: 'Per komisi', en: 'By commission' },
  'performance.noKomisi': { id: 'Belum diteruskan ke komisi', en: 'Not yet forwarded to a commission' },
  'performance.byKecamatan': { id: 'Per kecamatan', en: 'By kecamatan' },
  'performance.tilesNote': {
    id: 'Setiap kotak satu kecamatan, diurutkan menurut abjad. Makin gelap, makin banyak aspirasi. Kami belum memakai peta batas wilayah karena belum ada sumber terbuka yang dapat kami periksa.',
    en: 'Each square is one kecamatan, in alphabetical order. The darker, the more aspirations. We do not draw boundaries yet: we have no open source for them that we could check.',
  },
  'performance.tilesLabel': { id: 'Aspirasi per kecamatan', en: 'Aspirations by kecamatan' },
  'performance.ikm': {
    id: 'Indeks Kepuasan Masyarakat per unit layanan',
    en: 'Public satisfaction index by service unit',
  },
  'performance.noIkm': { id: 'Belum ada survei IKM yang selesai.', en: 'No IKM survey has ended yet.' },
  'performance.unit': { id: 'Unit layanan', en: 'Service unit' },
  'performance.ikmValue': { id: 'IKM', en: 'IKM' },
  'performance.grade': { id: 'Mutu', en: 'Grade' },
  'performance.surveyPeriod': { id: 'Masa survei', en: 'Survey period' },
  'performance.rising': { id: 'Sedang meningkat minggu ini', en: 'Rising this week' },
  'performance.risingLead': {
    id: 'Kategori dan kecamatan yang aspirasinya dalam tujuh hari terakhir jauh di atas biasanya. Pembandingnya rata-rata delapan minggu sebelumnya.',
    en: 'Categories and kecamatan whose aspirations of the last seven days are far above their usual. The comparison is the mean of the eight weeks before.',
  },
  'performance.risingNone': {
    id: 'Tidak ada yang meningkat jauh di atas biasanya minggu ini.',
    en: 'Nothing is rising far above its usual this week.',
  },
  'performance.risingItem': { id: '{category} di Kecamatan {kecamatan}', en: '{category} in Kecamatan {kecamatan}' },
  'performance.risingCounts': {
    id: '{week} aspirasi dalam tujuh hari, biasanya {before} per minggu',
    en: '{week} aspirations in seven days, usually {before} a week',
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
