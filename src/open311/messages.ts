/** The texts of the open311 feature: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'open311.title': { id: 'Kunci aplikasi Open311', en: 'Open311 application keys' },
  'open311.lead': {
    id: 'Aplikasi lain (misalnya aplikasi pengaduan pemerintah kota) dapat mengirim aspirasi melalui Open311 GeoReport v2 dengan kunci dari halaman ini. Laporan rahasia dan data pribadi pelapor tidak pernah keluar melalui Open311.',
    en: "Other applications (such as a city complaints app) can send aspirations through Open311 GeoReport v2 with a key from this page. Confidential reports and reporters' personal data never leave through Open311.",
  },
  'open311.created': {
    id: 'Kunci baru (hanya ditampilkan sekali; simpan sekarang):',
    en: 'New key (shown only once; keep it now):',
  },
  'open311.none': { id: 'Belum ada aplikasi.', en: 'No applications yet.' },
  'open311.name': { id: 'Nama aplikasi', en: 'Application name' },
  'open311.nameHint': { id: 'Misalnya: Aplikasi Pengaduan Kota', en: 'For example: City complaints app' },
  'open311.nameInvalid': {
    id: 'Beri nama aplikasi (2 sampai 80 karakter).',
    en: 'Name the application (2 to 80 characters).',
  },
  'open311.createdAt': { id: 'Dibuat', en: 'Created' },
  'open311.lastUsed': { id: 'Terakhir dipakai', en: 'Last used' },
  'open311.state': { id: 'Status', en: 'State' },
  'open311.revoke': { id: 'Cabut', en: 'Revoke' },
  'open311.revokeOne': { id: 'Cabut kunci {name}', en: 'Revoke the key of {name}' },
  'open311.revoked': { id: 'dicabut {date}', en: 'revoked {date}' },
  'open311.add': { id: 'Tambah aplikasi', en: 'Add an application' },
  'open311.issue': { id: 'Buat kunci', en: 'Issue key' },
  'open311.about.title': { id: 'Open311 untuk aplikasi lain', en: 'Open311 for other applications' },
  'open311.about.lead': {
    id: 'Aspirasi publik di portal ini juga tersedia melalui Open311 GeoReport v2. Standar terbuka ini dipakai aplikasi pengaduan kota di banyak negara.',
    en: 'The public aspirations of this portal are also available through Open311 GeoReport v2, the open standard that city reporting apps use in many countries.',
  },
  'open311.about.readTitle': { id: 'Membaca: tanpa kunci', en: 'Reading: no key needed' },
  'open311.about.read': {
    id: 'Daftar layanan (kategori) dan aspirasi publik dapat dibaca siapa saja dalam JSON atau XML:',
    en: 'Anyone can read the services (categories) and the public aspirations as JSON or XML:',
  },
  'open311.about.keyTitle': { id: 'Mengirim aspirasi: dengan kunci', en: 'Sending aspirations: with a key' },
  'open311.about.key': {
    id: 'Untuk mengirim aspirasi dari aplikasi Anda (POST requests), Anda perlu kunci aplikasi (api_key). Mintalah kepada Sekretariat DPRD dengan menyebut nama aplikasi, pengelolanya dan kontaknya. Kunci dibuat oleh administrator portal, ditampilkan sekali, dan dapat dicabut.',
    en: "To send aspirations from your application (POST requests), you need an application key (api_key). Ask the council secretariat for one, giving the application's name, who runs it and how to reach them. An administrator of the portal issues the key; it is shown once and can be revoked.",
  },
  'open311.about.privacy': {
    id: 'Laporan rahasia dan data pribadi pelapor tidak pernah keluar melalui Open311.',
    en: "Confidential reports and reporters' personal data never leave through Open311.",
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
