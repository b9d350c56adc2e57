/** The texts of the regulations feature: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'regulation.title': { id: 'Peraturan daerah dan produk hukum', en: 'Regional regulations and legal documents' },
  'regulation.lead': {
    id: 'Cari peraturan daerah, peraturan wali kota dan keputusan DPRD menurut judul atau isinya. Pencarian memahami imbuhan: "bangunan" juga menemukan "pembangunan".',
    en: 'Search regional regulations, mayoral regulations and council decisions by title or content. The search understands Indonesian affixes: "bangunan" also finds "pembangunan".',
  },
  'regulation.search': { id: 'Kata atau nomor', en: 'Words or number' },
  'regulation.count': { id: '{n} dokumen', en: '{n} documents' },
  'regulation.csv': { id: 'Unduh daftar ini (CSV)', en: 'Download this list (CSV)' },
  'regulation.back': { id: 'Semua produk hukum', en: 'All legal documents' },
  'regulation.citation': { id: '{type} Nomor {number} Tahun {year}', en: '{type} Number {number} of {year}' },
  'regulation.enactedOn': { id: 'ditetapkan {date}', en: 'enacted {date}' },
  'regulation.relations': { id: 'Hubungan dengan dokumen lain', en: 'Links to other documents' },
  'regulation.relation.mengubah.out': { id: 'Mengubah', en: 'Amends' },
  'regulation.relation.mengubah.in': { id: 'Diubah oleh', en: 'Amended by' },
  'regulation.relation.mencabut.out': { id: 'Mencabut', en: 'Revokes' },
  'regulation.relation.mencabut.in': { id: 'Dicabut oleh', en: 'Revoked by' },
  'regulation.download': { id: 'Unduh naskah (PDF, {kb} KB)', en: 'Download the text (PDF, {kb} KB)' },
  'regulation.noFile': { id: 'Naskah PDF belum tersedia.', en: 'The PDF is not available yet.' },
  'regulation.text': { id: 'Teks lengkap (diambil dari PDF)', en: 'Full text (taken from the PDF)' },
  'regulation.type.perda': { id: 'Peraturan Daerah', en: 'Regional Regulation' },
  'regulation.type.perwal': { id: 'Peraturan Wali Kota', en: 'Mayoral Regulation' },
  'regulation.type.keputusan_dprd': { id: 'Keputusan DPRD', en: 'Council Decision' },
  'regulation.type.peraturan_dprd': { id: 'Peraturan DPRD', en: 'Council Regulation' },
  'regulation.type.keputusan_pimpinan': { id: 'Keputusan Pimpinan DPRD', en: 'Decision of the Council Leadership' },
  'regulation.status.berlaku': { id: 'Berlaku', en: 'In force' },
  'regulation.status.diubah': { id: 'Diubah', en: 'Amended' },
  'regulation.status.dicabut': { id: 'Dicabut', en: 'Revoked' },
  'regulation.field.type': { id: 'Jenis', en: 'Kind' },
  'regulation.field.number': { id: 'Nomor', en: 'Number' },
  'regulation.field.year': { id: 'Tahun', en: 'Year' },
  'regulation.field.title': { id: 'Judul', en: 'Title' },
  'regulation.field.subject': { id: 'Pokok bahasan', en: 'Subject' },
  'regulation.field.status': { id: 'Status', en: 'Status' },
  'regulation.field.enactedOn': { id: 'Tanggal penetapan', en: 'Enacted on' },
  'regulation.field.promulgatedOn': { id: 'Tanggal pengundangan', en: 'Promulgated on' },
  'regulation.field.register': { id: 'Lembaran Daerah', en: 'Official register' },
  'regulation.subjectHint': {
    id: 'Misalnya: Pajak Daerah, Bangunan Gedung, Kesehatan.',
    en: 'For example: Regional Taxes, Buildings, Health.',
  },
  'regulation.registerHint': {
    id: 'Misalnya: Lembaran Daerah Kota Bekasi Tahun 2024 Nomor 5.',
    en: 'For example: Official Register of Kota Bekasi 2024 Number 5.',
  },
  'regulation.office.title': { id: 'Kelola produk hukum', en: 'Manage legal documents' },
  'regulation.office.add': { id: 'Tambah dokumen', en: 'Add a document' },
  'regulation.office.file': { id: 'Naskah PDF (paling besar 20 MB)', en: 'PDF text (at most 20 MB)' },
  'regulation.office.save': { id: 'Simpan', en: 'Save' },
  'regulation.office.recent': { id: 'Dokumen terbaru', en: 'Newest documents' },
  'regulation.office.back': { id: 'Kembali ke produk hukum', en: 'Back to legal documents' },
  'regulation.office.link': { id: 'Catat perubahan atau pencabutan', en: 'Record an amendment or revocation' },
  'regulation.office.kind': { id: 'Dokumen ini', en: 'This document' },
  'regulation.office.target': {
    id: 'Nomor urut dokumen yang diubah atau dicabut',
    en: 'Id of the document amended or revoked',
  },
  'regulation.office.targetHint': {
    id: 'Angka di akhir alamat halamannya, misalnya 12 untuk /perda/12.',
    en: 'The number at the end of its page address, such as 12 for /perda/12.',
  },
  'regulation.office.saveLink': { id: 'Simpan hubungan', en: 'Save the link' },
  'regulation.required.title': {
    id: 'Tulis judul peraturan, paling sedikit 5 huruf.',
    en: 'Enter the title of the regulation, at least 5 letters.',
  },
  'regulation.problem.required': { id: 'Bagian ini wajib diisi.', en: 'This is required.' },
  'regulation.problem.invalid': {
    id: 'Isian ini tidak sah. Periksa kembali.',
    en: 'This is not valid. Check it again.',
  },
  'regulation.problem.tooLong': { id: 'Terlalu panjang.', en: 'Too long.' },
  'regulation.problem.pdf': { id: 'Berkas ini bukan PDF.', en: 'This file is not a PDF.' },
  'regulation.problem.tooLarge': { id: 'Berkas lebih dari 20 MB.', en: 'The file is larger than 20 MB.' },
  'regulation.problem.unreadable': {
    id: 'PDF ini rusak atau terkunci dan tidak dapat dibaca.',
    en: 'This PDF is damaged or locked and cannot be read.',
  },
  'regulation.problem.exists': {
    id: 'Dokumen dengan jenis, nomor dan tahun ini sudah ada.',
    en: 'A document of this kind, number and year already exists.',
  },
  'regulation.problem.order': {
    id: 'Tanggal pengundangan tidak boleh sebelum tanggal penetapan.',
    en: 'Promulgation cannot come before enactment.',
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
