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
    id: '{file}: {n} baris untuk {year} ({stage}). Jumlahnya:',
    en: '{file}: {n} lines for {year} ({stage}). Its totals:',
  },
  'budget.office.replaceWarning': {
    id: 'Menyimpan akan mengganti seluruh data {year} ({stage}) sekaligus.',
    en: 'Saving replaces all of {year} ({stage}) at once.',
  },
  'budget.office.save': { id: 'Simpan dan ganti', en: 'Save and replace' },
  'budget.office.saved': { id: 'Anggaran tersimpan.', en: 'Budget saved.' },
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
