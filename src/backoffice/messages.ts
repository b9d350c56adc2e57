/** The texts of the back office entrance: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'backoffice.waiting': { id: 'Menunggu Anda', en: 'Waiting for you' },
  'backoffice.nothing': { id: 'Tidak ada yang menunggu Anda saat ini.', en: 'Nothing is waiting for you now.' },
  'backoffice.overdue': {
    id: '{n} di antaranya sudah lewat tenggat: tangani lebih dahulu.',
    en: '{n} of them are past their deadline: handle those first.',
  },
  'backoffice.late': { id: '{n} lewat tenggat', en: '{n} past the deadline' },
  'backoffice.due': { id: 'Tenggat terdekat: {when}', en: 'Nearest deadline: {when}' },
  'components.title': { id: 'Komponen tampilan', en: 'Interface components' },
  'components.lead': {
    id: 'Setiap bagian halaman dalam setiap keadaannya, dibuat oleh kode yang sama dengan halaman. Fokus terlihat dengan tombol Tab.',
    en: 'Every part of the pages in each of its states, made by the same code as the pages. Focus is seen with the Tab key.',
  },
  'components.buttons': { id: 'Tombol', en: 'Buttons' },
  'components.primary': { id: 'Utama', en: 'Primary' },
  'components.secondary': { id: 'Kedua', en: 'Secondary' },
  'components.warning': { id: 'Peringatan', en: 'Warning' },
  'components.linkButton': { id: 'Tautan berbentuk tombol', en: 'A link as a button' },
  'components.disabled': { id: 'Tidak aktif', en: 'Disabled' },
  'components.errorSummary': { id: 'Ringkasan kesalahan', en: 'Error summary' },
  'components.fields': {
    id: 'Isian: biasa, dengan petunjuk, salah, tidak aktif',
    en: 'Fields: plain, with a hint, wrong, disabled',
  },
  'components.choices': { id: 'Pilihan dan centang', en: 'Radios and checkboxes' },
  'components.hint': { id: 'Petunjuk di bawah label.', en: 'A hint under the label.' },
  'components.banners': { id: 'Pemberitahuan', en: 'Notification banners' },
  'components.success': { id: 'Berhasil: perubahan tersimpan.', en: 'Done: the change is saved.' },
  'components.important': {
    id: 'Penting: hal yang perlu diketahui sebelum melanjutkan.',
    en: 'Important: what to know before going on.',
  },
  'components.warningBanner': {
    id: 'Peringatan: perubahan besar yang perlu diperiksa.',
    en: 'Warning: a large change to check.',
  },
  'components.tags': {
    id: 'Label status (warna bermakna sama di setiap halaman)',
    en: 'Status tags (a colour means the same on every page)',
  },
  'components.summaryList': { id: 'Daftar ringkas', en: 'Summary list' },
  'components.table': { id: 'Tabel', en: 'Table' },
  'components.pagination': { id: 'Halaman', en: 'Pagination' },
  'components.details': { id: 'Rincian', en: 'Details' },
  'components.detailsSummary': { id: 'Buka rinciannya', en: 'Open the details' },
  'components.timeline': { id: 'Lini masa', en: 'Timeline' },
  'components.link': { id: 'Tautan', en: 'Link' },
  'components.errorBanner': {
    id: 'Ada masalah yang harus diperbaiki: baris 4 dan 9 berkas ditolak.',
    en: 'There is a problem to fix: lines 4 and 9 of the file were refused.',
  },
  'components.navigation': { id: 'Tab, remah roti dan tautan kembali', en: 'Tabs, breadcrumbs and the back link' },
  'components.widths': { id: 'Lebar isian', en: 'Field widths' },
  'components.chart': { id: 'Grafik dengan tabelnya', en: 'A chart with its table' },
  'components.inline': { id: 'Pilihan berjajar', en: 'Choices side by side' },
  'components.yes': { id: 'Ya', en: 'Yes' },
  'components.no': { id: 'Tidak', en: 'No' },
  'backoffice.parts': { id: 'Bagian back office', en: 'Parts of the back office' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
