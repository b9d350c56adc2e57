/** The texts of the budget feature: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'budget.title': { id: 'Anggaran daerah (APBD)', en: 'Regional budget (APBD)' },
  'budget.heading': { id: 'APBD {year} ({stage})', en: 'Regional budget {year} ({stage})' },
  'budget.lead': {
    id: 'Pendapatan, belanja dan pembiayaan daerah beserta realisasinya. Pilih satu baris untuk melihat rinciannya.',
    en: 'Regional revenue, spending and financing, with how much has been realised. Choose a line to see what it is made of.',
  },
  'budget.none': { id: 'Data anggaran belum dimuat.', en: 'No budget has been loaded yet.' },
  'budget.years': { id: 'Tahun anggaran', en: 'Budget years' },
  'budget.stage.murni': { id: 'APBD murni', en: 'original budget' },
  'budget.stage.perubahan': { id: 'APBD perubahan', en: 'revised budget' },
  'budget.planned': { id: 'Anggaran', en: 'Planned' },
  'budget.realised': { id: 'Realisasi', en: 'Realised' },
  'budget.percent': { id: 'Realisasi (%)', en: 'Realised (%)' },
  'budget.account': { id: 'Akun', en: 'Account' },
  'budget.realisedShare': { id: 'Terealisasi {amount} ({percent})', en: 'Realised {amount} ({percent})' },
  'budget.overview': { id: 'Ringkasan anggaran dan realisasi', en: 'Budget and realisation in summary' },
  'budget.path': { id: 'Letak dalam struktur akun', en: 'Where in the account structure' },
  'budget.all': { id: 'Seluruh APBD', en: 'The whole budget' },
  'budget.under': { id: 'Rincian {code} {name}', en: 'Breakdown of {code} {name}' },
  'budget.byOpd': { id: '{code} menurut perangkat daerah (15 terbesar)', en: '{code} by agency (15 largest)' },
  'budget.csv': { id: 'Unduh seluruh baris anggaran (CSV)', en: 'Download every budget line (CSV)' },
  'budget.top.4': { id: 'Pendapatan Daerah', en: 'Revenue' },
  'budget.top.5': { id: 'Belanja Daerah', en: 'Spending' },
  'budget.top.6': { id: 'Pembiayaan Daerah', en: 'Financing' },
  'budget.office.title': { id: 'Impor APBD', en: 'Import the budget' },
  'budget.office.lead': {
    id: 'Unggah berkas XLSX atau CSV dari sistem keuangan daerah (CSV dengan pemisah koma atau titik koma; dari XLSX dibaca lembar pertama). Kolom wajib: kode_akun, nama_akun, anggaran; boleh juga realisasi, opd, kode_program, kode_kegiatan, kode_subkegiatan, tahun, tahap. Hanya baris rincian, bukan baris jumlah. Berkas diperiksa dahulu; tidak ada yang tersimpan sebelum Anda menyetujui pratinjaunya.',
    en: 'Upload an XLSX or CSV file from the regional finance system (CSV comma or semicolon separated; the first sheet of an XLSX is read). Required columns: kode_akun, nama_akun, anggaran; optional: realisasi, opd, kode_program, kode_kegiatan, kode_subkegiatan, tahun, tahap. Detail lines only, no subtotal lines. The file is checked first; nothing is saved before you approve its preview.',
  },
  'budget.office.year': { id: 'Tahun anggaran', en: 'Budget year' },
  'budget.office.stage': { id: 'Tahap', en: 'Stage' },
  'budget.office.file': { id: 'Berkas CSV atau XLSX (paling besar 8 MB)', en: 'CSV or XLSX file (at most 8 MB)' },
  'budget.office.check': { id: 'Periksa berkas', en: 'Check the file' },
  'budget.office.lineErrors': {
    id: 'Berkas tidak dimuat: {n} masalah ditemukan',
    en: 'The file was not loaded: {n} problems found',
  },
  'budget.office.line': { id: 'Baris {line}: {problem}', en: 'Line {line}: {problem}' },
  'budget.office.more': { id: '… dan {n} masalah lagi.', en: '… and {n} more problems.' },
  'budget.office.preview': { id: 'Pratinjau impor', en: 'Import preview' },
  'budget.office.previewLead': {
    id: '{file}: {n} baris untuk {year} ({stage}).',
    en: '{file}: {n} lines for {year} ({stage}).',
  },
  'budget.office.replaceWarning': {
    id: 'Menyimpan akan mengganti seluruh data {year} ({stage}) sekaligus.',
    en: 'Saving replaces all of {year} ({stage}) at once.',
  },
  'budget.office.save': { id: 'Terbitkan dan ganti', en: 'Publish and replace' },
  'budget.office.saved': { id: 'Anggaran tersimpan.', en: 'Budget saved.' },
  'budget.office.discarded': {
    id: 'Berkas dibatalkan; anggaran yang terbit tidak berubah.',
    en: 'The file was withdrawn; the published budget is unchanged.',
  },
  'budget.waiting.check': { id: '{n} berkas APBD menunggu diperiksa', en: '{n} budget files waiting to be checked' },
  'budget.waiting.publish': {
    id: '{n} berkas APBD menunggu diterbitkan',
    en: '{n} budget files waiting to be published',
  },
  'budget.pending.title': { id: 'Berkas menunggu terbit', en: 'Files waiting to be published' },
  'budget.pending.none': { id: 'Tidak ada berkas yang menunggu.', en: 'No file is waiting.' },
  'budget.pending.uploaded': { id: 'Diunggah {who}, {when}.', en: 'Uploaded by {who}, {when}.' },
  'budget.pending.toCheck': { id: 'Menunggu diperiksa', en: 'Waiting to be checked' },
  'budget.pending.toPublish': {
    id: 'Diperiksa {who}; menunggu diterbitkan',
    en: 'Checked by {who}; waiting to be published',
  },
  'budget.rule.title': { id: 'Aturan penerbitan', en: 'Publishing rule' },
  'budget.rule.now': {
    id: 'Perubahan total lebih dari {n}% diperingatkan.',
    en: 'A total that changes by more than {n}% is warned about.',
  },
  'budget.rule.secondOfficerOn': {
    id: 'Penerbitan harus dikonfirmasi petugas kedua, bukan yang memeriksa.',
    en: 'Publishing must be confirmed by a second officer, not the one who checked.',
  },
  'budget.rule.secondOfficerOff': {
    id: 'Petugas yang memeriksa boleh menerbitkan sendiri, dengan konfirmasi kedua.',
    en: 'The officer who checked may publish, with a second confirmation.',
  },
  'budget.rule.percent': {
    id: 'Peringatkan bila total berubah lebih dari (%)',
    en: 'Warn when a total changes by more than (%)',
  },
  'budget.rule.percentHint': { id: 'Angka 1 sampai 100, misalnya 10.', en: 'A number from 1 to 100, e.g. 10.' },
  'budget.rule.percentProblem': {
    id: 'Tulis persentase bulat dari 1 sampai 100, misalnya 10.',
    en: 'Enter a whole percentage from 1 to 100, e.g. 10.',
  },
  'budget.rule.secondOfficer': {
    id: 'Penerbitan harus dikonfirmasi petugas kedua',
    en: 'Publishing must be confirmed by a second officer',
  },
  'budget.rule.save': { id: 'Simpan aturan', en: 'Save the rule' },
  'budget.rule.saved': { id: 'Aturan penerbitan tersimpan.', en: 'Publishing rule saved.' },
  'budget.diff.first': {
    id: 'Belum ada APBD {year} ({stage}) yang terbit; berkas ini akan menjadi versi pertama.',
    en: 'No budget for {year} ({stage}) is published yet; this file would be the first version.',
  },
  'budget.diff.replaces': {
    id: 'Berkas ini akan menggantikan seluruh APBD {year} ({stage}) yang terbit sekarang.',
    en: 'This file would replace all of the {year} ({stage}) budget published now.',
  },
  'budget.diff.publicNow': {
    id: 'Halaman Anggaran menampilkan versi ini kepada warga sebagai bawaan.',
    en: 'The Budget page shows this version to citizens by default.',
  },
  'budget.diff.publicBecomes': {
    id: 'Setelah terbit, halaman Anggaran menampilkannya kepada warga sebagai bawaan, menggantikan APBD {shown}.',
    en: 'Once published, the Budget page shows it to citizens by default instead of the {shown} budget.',
  },
  'budget.diff.warningTitle': {
    id: 'Perubahan besar: total berubah lebih dari {n}%',
    en: 'Large change: totals move by more than {n}%',
  },
  'budget.diff.totals': { id: 'Anggaran per kelompok akun', en: 'Budget by account group' },
  'budget.diff.current': { id: 'Terbit sekarang', en: 'Published now' },
  'budget.diff.next': { id: 'Berkas ini', en: 'This file' },
  'budget.diff.change': { id: 'Selisih', en: 'Difference' },
  'budget.diff.realised': { id: 'Realisasi menurut berkas', en: 'Spent according to the file' },
  'budget.diff.lines': { id: 'Baris rincian', en: 'Detail lines' },
  'budget.diff.lineCounts': {
    id: '{added} baris baru, {removed} baris hilang, {changed} baris berubah nilai.',
    en: '{added} lines added, {removed} removed, {changed} with a changed amount.',
  },
  'budget.diff.added': { id: 'Baris baru', en: 'Lines added' },
  'budget.diff.removed': { id: 'Baris hilang', en: 'Lines removed' },
  'budget.diff.changed': { id: 'Baris berubah nilai', en: 'Lines with a changed amount' },
  'budget.confirm.title': { id: 'Penerbitan', en: 'Publishing' },
  'budget.confirm.firstOfTwo': {
    id: 'Periksa perbedaannya di atas. Setelah Anda mengonfirmasi, berkas diterbitkan dengan konfirmasi kedua.',
    en: 'Check the difference above. After you confirm, the file is published with a second confirmation.',
  },
  'budget.confirm.firstOfTwoOfficers': {
    id: 'Periksa perbedaannya di atas. Setelah Anda mengonfirmasi, petugas lain yang menerbitkannya (aturan dewan).',
    en: "Check the difference above. After you confirm, another officer publishes it (the council's rule).",
  },
  'budget.confirm.acknowledge': {
    id: 'Saya sudah memeriksa perubahan lebih dari {n}% ini dan memang benar',
    en: 'I have checked this change of more than {n}% and it is right',
  },
  'budget.confirm.check': { id: 'Sudah saya periksa: ajukan untuk terbit', en: 'Checked: put forward for publishing' },
  'budget.confirm.checked': {
    id: 'Konfirmasi pertama tercatat. Berkas belum terbit.',
    en: 'First confirmation recorded. The file is not published yet.',
  },
  'budget.confirm.checkedBy': { id: 'Diperiksa oleh {who}, {when}.', en: 'Checked by {who}, {when}.' },
  'budget.confirm.you': { id: 'Anda', en: 'you' },
  'budget.confirm.waitingForSecond': {
    id: 'Aturan dewan meminta petugas lain menerbitkannya. Berkas ini tampil di daftar tunggu mereka di halaman Impor APBD.',
    en: "The council's rule asks another officer to publish it. It is on their waiting list on the Import the budget page.",
  },
  'budget.confirm.discard': { id: 'Batalkan berkas ini', en: 'Withdraw this file' },
  'budget.confirm.acknowledgeProblem': {
    id: 'Centang bahwa Anda sudah memeriksa perubahan besar ini.',
    en: 'Tick to say you have checked this large change.',
  },
  'budget.confirm.uncheckedProblem': {
    id: 'Berkas ini belum diperiksa: konfirmasi pertama dahulu.',
    en: 'This file has not been checked: the first confirmation comes first.',
  },
  'budget.confirm.sameOfficerProblem': {
    id: 'Anda yang memeriksa berkas ini; aturan dewan meminta petugas lain menerbitkannya.',
    en: "You checked this file; the council's rule asks another officer to publish it.",
  },
  'budget.problem.year': {
    id: 'tahun {value} tidak sama dengan tahun yang dipilih',
    en: 'year {value} is not the year chosen',
  },
  'budget.problem.stage': {
    id: 'tahap {value} tidak sama dengan tahap yang dipilih',
    en: 'stage {value} is not the stage chosen',
  },
  'budget.problem.columns': { id: 'kolom wajib tidak ada: {value}', en: 'required columns missing: {value}' },
  'budget.problem.code': {
    id: 'kode akun "{value}" tidak sah (harus diawali 4, 5 atau 6, misalnya 5.1.02)',
    en: 'account code "{value}" is not valid (it starts with 4, 5 or 6, such as 5.1.02)',
  },
  'budget.problem.name': { id: 'nama akun kosong atau terlalu panjang', en: 'the account name is empty or too long' },
  'budget.problem.amount': { id: '"{value}" bukan jumlah rupiah', en: '"{value}" is not an amount in rupiah' },
  'budget.problem.negative': { id: 'jumlah tidak boleh negatif: {value}', en: 'amounts cannot be negative: {value}' },
  'budget.problem.duplicate': {
    id: 'sama dengan baris {value} (akun, OPD dan sub-kegiatan)',
    en: 'the same as line {value} (account, agency and sub-activity)',
  },
  'budget.problem.aggregate': {
    id: '{value} adalah baris jumlah dari baris lain; kirim hanya baris rincian',
    en: '{value} is a subtotal of other lines; send detail lines only',
  },
  'budget.problem.empty': {
    id: 'berkas kosong atau hanya berisi judul kolom',
    en: 'the file is empty or has only the header',
  },
  'budget.problem.tooMany': { id: 'lebih dari {value} baris', en: 'more than {value} lines' },
  'budget.form.year': { id: 'Tulis tahun anggaran, misalnya 2026.', en: 'Enter the budget year, such as 2026.' },
  'budget.form.stage': { id: 'Pilih tahap: murni atau perubahan.', en: 'Choose the stage: original or revised.' },
  'budget.form.file': { id: 'Pilih berkas CSV.', en: 'Choose a CSV file.' },
  'budget.form.type': {
    id: 'Berkas ini bukan CSV atau XLSX yang dapat dibaca. Simpan lembar kerja sebagai XLSX atau CSV, lalu unggah lagi.',
    en: 'This file is not a readable CSV or XLSX. Save the spreadsheet as XLSX or CSV and upload it again.',
  },
  'budget.form.tooLarge': { id: 'Berkas lebih dari 8 MB.', en: 'The file is larger than 8 MB.' },
  'budget.programmes': { id: 'Belanja menurut program', en: 'Spending by programme' },
  'budget.programmesLead': {
    id: 'Untuk apa belanja dipakai: program, lalu kegiatan dan sub-kegiatannya (kode Permendagri 90/2019).',
    en: 'What spending is for: programmes, then their activities and sub-activities (Permendagri 90/2019 codes).',
  },
  'budget.programmePath': { id: 'Letak dalam susunan program', en: 'Place in the programme structure' },
  'budget.allProgrammes': { id: 'Semua program', en: 'All programmes' },
  'budget.programmesTop': {
    id: 'Program dengan anggaran terbesar (15 teratas)',
    en: 'Programmes with the largest budgets (top 15)',
  },
  'budget.compare': { id: 'Perbandingan antartahun', en: 'Comparison between years' },
  'budget.compareTop': { id: '{name} per tahun', en: '{name} by year' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
