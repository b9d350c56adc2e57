/** The texts of the council feature: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'dapil.title': { id: 'Dapil saya', en: 'My district' },
  'dapil.name': { id: 'Dapil {n}', en: 'District {n}' },
  'dapil.lead': {
    id: 'Daerah pemilihan (dapil) adalah wilayah tempat anggota DPRD dipilih. Setiap dapil terdiri atas beberapa kecamatan.',
    en: 'An electoral district (dapil) is the area in which council members are elected. Each district is made of several kecamatan.',
  },
  'dapil.kelurahan': { id: 'Kelurahan', en: 'Kelurahan' },
  'dapil.choose': { id: 'Pilih kelurahan', en: 'Choose a kelurahan' },
  'dapil.find': { id: 'Cari dapil', en: 'Find my district' },
  'dapil.result': {
    id: 'Kelurahan {kelurahan}, Kecamatan {kecamatan}, termasuk Dapil {n}.',
    en: 'Kelurahan {kelurahan}, Kecamatan {kecamatan}, is in district {n}.',
  },
  'dapil.resultKecamatan': {
    id: 'Kecamatan {kecamatan} termasuk Dapil {n}.',
    en: 'Kecamatan {kecamatan} is in district {n}.',
  },
  'dapil.seats': { id: '{n} kursi', en: '{n} seats' },
  'dapil.kecamatanList': { id: 'Kecamatan', en: 'Kecamatan' },
  'dapil.yourMembers': { id: 'Anggota DPRD dari Dapil {n}', en: 'Council members from district {n}' },
  'dapil.all': { id: 'Semua dapil', en: 'All districts' },
  'dapil.notFound': {
    id: 'Kelurahan yang dipilih tidak dikenal. Pilih dari daftar.',
    en: 'The chosen kelurahan is not known. Choose one from the list.',
  },
  'settings.title': { id: 'Pengaturan layanan aspirasi', en: 'Aspiration service settings' },
  'settings.verify': { id: 'Batas verifikasi', en: 'Verification period' },
  'settings.verifyDays': {
    id: 'Hari kerja untuk memverifikasi aspirasi baru',
    en: 'Working days to verify a new aspiration',
  },
  'settings.verifyHint': { id: 'SP4N-LAPOR! memakai 3 hari kerja.', en: 'SP4N-LAPOR! uses 3 working days.' },
  'settings.save': { id: 'Simpan', en: 'Save' },
  'settings.suggestions': { id: 'Saran kategori otomatis', en: 'Automatic category suggestions' },
  'settings.suggestionsLead': {
    id: 'Sistem menyarankan kategori dari teks aspirasi. Petugas selalu memutuskan sendiri.',
    en: 'The system suggests a category from the text of an aspiration. Officers always decide.',
  },
  'settings.minAccuracy': {
    id: 'Ketepatan minimum untuk menampilkan saran (persen)',
    en: 'Minimum accuracy to show suggestions (percent)',
  },
  'settings.minAccuracyHint': {
    id: 'Ketepatan diukur pada aspirasi terbaru yang tidak dipakai untuk belajar. Tulis 0 sampai 100.',
    en: 'Accuracy is measured on the newest aspirations not used for learning. Enter 0 to 100.',
  },
  'settings.categories': { id: 'Kategori dan komisi tujuannya', en: 'Categories and the komisi they go to' },
  'settings.categoriesLead': {
    id: 'Setiap kategori diteruskan ke satu komisi, dengan target selesai dalam hari kerja sejak verifikasi.',
    en: 'Each category goes to one komisi, with a target for resolution in working days from verification.',
  },
  'settings.name': { id: 'Nama', en: 'Name' },
  'settings.nameEn': { id: 'Nama dalam bahasa Inggris', en: 'Name in English' },
  'settings.komisi': { id: 'Komisi', en: 'Komisi' },
  'settings.noKomisi': { id: 'Tanpa komisi (dipilih petugas)', en: 'No komisi (chosen by staff)' },
  'settings.targetDays': { id: 'Target selesai (hari kerja)', en: 'Target for resolution (working days)' },
  'settings.saveCategory': { id: 'Simpan {name}', en: 'Save {name}' },
  'settings.addCategory': { id: 'Tambah kategori', en: 'Add a category' },
  'settings.slug': { id: 'Kode singkat', en: 'Short code' },
  'settings.slugHint': {
    id: 'Huruf kecil, angka dan tanda hubung; kosongkan agar dibuat dari nama. Dipakai di alamat dan Open311.',
    en: 'Lower-case letters, digits and hyphens; leave empty to make it from the name. Used in addresses and Open311.',
  },
  'settings.add': { id: 'Tambah', en: 'Add' },
  'settings.holidays': { id: 'Hari libur', en: 'Holidays' },
  'settings.holidaysLead': {
    id: 'Hari libur nasional, cuti bersama dan libur daerah tidak dihitung sebagai hari kerja.',
    en: 'National holidays, collective leave and local holidays do not count as working days.',
  },
  'settings.day': { id: 'Tanggal', en: 'Date' },
  'settings.holidayKind': { id: 'Jenis', en: 'Kind' },
  'settings.source': { id: 'Dasar penetapan', en: 'Source' },
  'settings.sourceHint': {
    id: 'Misalnya nomor SKB atau keputusan kepala daerah.',
    en: "For example the number of the joint decree or the mayor's decision.",
  },
  'settings.remove': { id: 'Hapus', en: 'Remove' },
  'settings.removeDay': { id: 'Hapus hari libur {day}', en: 'Remove the holiday on {day}' },
  'settings.addHoliday': { id: 'Tambah hari libur', en: 'Add a holiday' },
  'settings.kind.libur_nasional': { id: 'Libur nasional', en: 'National holiday' },
  'settings.kind.cuti_bersama': { id: 'Cuti bersama', en: 'Collective leave' },
  'settings.kind.lokal': { id: 'Libur daerah', en: 'Local holiday' },
  'settings.saved': { id: 'Pengaturan tersimpan.', en: 'Settings saved.' },
  'settings.problem.name': { id: 'Tulis nama 2 sampai 120 karakter.', en: 'Write a name of 2 to 120 characters.' },
  'settings.problem.komisi': { id: 'Pilih komisi dari daftar.', en: 'Choose a komisi from the list.' },
  'settings.problem.days': {
    id: 'Tulis jumlah hari kerja yang masuk akal (1–365; verifikasi 1–30).',
    en: 'Write a sensible number of working days (1–365; verification 1–30).',
  },
  'settings.problem.percent': {
    id: 'Tulis bilangan bulat dari 0 sampai 100.',
    en: 'Enter a whole number from 0 to 100.',
  },
  'settings.problem.date': { id: 'Tulis tanggal yang benar.', en: 'Enter a valid date.' },
  'settings.problem.kind': { id: 'Pilih jenis hari libur.', en: 'Choose the kind of holiday.' },
  'settings.problem.source': {
    id: 'Tulis dasar penetapannya (3 sampai 300 karakter).',
    en: 'Give its source (3 to 300 characters).',
  },
  'settings.problem.slug': {
    id: 'Kode singkat ini tidak sah atau sudah dipakai.',
    en: 'This short code is not valid or is taken.',
  },
  'settings.problem.missing': {
    id: 'Data ini sudah tidak ada. Muat ulang halaman.',
    en: 'This no longer exists. Reload the page.',
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
