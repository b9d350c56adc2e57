/** The texts of the leadership's monthly reports: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'reports.title': { id: 'Laporan bulanan', en: 'Monthly reports' },
  'reports.lead': {
    id: 'Setiap hari kerja pertama dalam sebulan, laporan bulan sebelumnya dibuat dan dikirim ke pimpinan. PDF untuk dibaca, XLSX untuk diolah.',
    en: 'On the first working day of each month, the report of the month before is made and mailed to the leadership. PDF to read, XLSX to work with.',
  },
  'reports.none': {
    id: 'Belum ada laporan. Laporan pertama dibuat pada hari kerja pertama bulan depan.',
    en: 'No report yet. The first is made on the first working day of next month.',
  },
  'reports.month': { id: 'Bulan', en: 'Month' },
  'reports.made': { id: 'Dibuat', en: 'Made' },
  'reports.mailed': { id: 'Dikirim ke', en: 'Mailed to' },
  'reports.mailedN': { id: '{n} orang', en: '{n} people' },
  'reports.files': { id: 'Berkas', en: 'Files' },
  'reports.pdf': { id: 'PDF ({size})', en: 'PDF ({size})' },
  'reports.xlsx': { id: 'XLSX ({size})', en: 'XLSX ({size})' },
  'reports.notFound': { id: 'Laporan bulan itu tidak ada.', en: 'There is no report for that month.' },
  // The report itself (written in the council's language, Indonesian).
  'reports.doc.title': { id: 'Laporan layanan aspirasi {month}', en: 'Aspiration service report {month}' },
  'reports.doc.intro': {
    id: '{council}. Dibuat {when}. Angka dihitung dari data aspirasi yang diterima dalam bulan ini. Waktu dihitung dalam hari kerja.',
    en: '{council}. Made {when}. The figures come from the aspirations received this month. Times are in working days.',
  },
  'reports.doc.summary': { id: 'Ringkasan', en: 'Summary' },
  'reports.doc.byKomisi': { id: 'Per komisi', en: 'Per commission' },
  'reports.doc.byKecamatan': { id: 'Per kecamatan', en: 'Per kecamatan' },
  'reports.doc.ikm': { id: 'Indeks Kepuasan Masyarakat', en: 'Community Satisfaction Index' },
  'reports.doc.noIkm': { id: 'Belum ada survei IKM yang selesai.', en: 'No IKM survey has ended yet.' },
  'reports.doc.unit': { id: 'Unit layanan', en: 'Service unit' },
  'reports.doc.period': { id: 'Masa survei', en: 'Survey period' },
  'reports.doc.respondents': { id: 'Responden', en: 'Respondents' },
  'reports.doc.term': { id: 'Ukuran', en: 'Measure' },
  'reports.doc.value': { id: 'Nilai', en: 'Value' },
  'reports.mail.subject': { id: 'Laporan bulanan {month}', en: 'Monthly report {month}' },
  'reports.mail.body': {
    id: 'Laporan layanan aspirasi bulan {month} sudah dibuat.\n\nBaca atau unduh di {link} (masuk dengan akun Anda).\n\nPesan ini dikirim otomatis oleh portal.',
    en: 'The aspiration service report for {month} is ready.\n\nRead or download it at {link} (sign in with your account).\n\nThis message was sent by the portal.',
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
