/** The texts of the drafts feature: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'draft.link': {
    id: 'Rancangan Perda yang sedang dibahas (Propemperda)',
    en: 'Draft regulations in progress (Propemperda)',
  },
  'draft.list.title': { id: 'Propemperda {year}', en: 'Propemperda {year}' },
  'draft.list.lead': {
    id: 'Rancangan peraturan daerah yang direncanakan tahun ini dan tahap pembahasannya. Ikuti satu rancangan untuk mendapat kabar setiap kali tahapnya berubah.',
    en: 'The draft regional regulations planned for the year and how far each has come. Follow one to be told each time it moves on.',
  },
  'draft.list.none': { id: 'Belum ada rancangan untuk tahun ini.', en: 'No drafts for this year yet.' },
  'draft.push.step': { id: 'Tahap baru: {stage}.', en: 'New stage: {stage}.' },
  'draft.years': { id: 'Tahun', en: 'Years' },
  'draft.stages': { id: 'Tahap pembentukan', en: 'Stages of law-making' },
  'draft.stageNow': { id: 'Tahap: {stage}', en: 'Stage: {stage}' },
  'draft.stage.perencanaan': { id: 'Perencanaan', en: 'Planning' },
  'draft.stage.penyusunan': { id: 'Penyusunan', en: 'Drafting' },
  'draft.stage.pembahasan': { id: 'Pembahasan', en: 'Deliberation' },
  'draft.stage.penetapan': { id: 'Penetapan', en: 'Enactment' },
  'draft.stage.pengundangan': { id: 'Pengundangan', en: 'Promulgation' },
  'draft.initiatorLabel': { id: 'Pemrakarsa', en: 'Initiator' },
  'draft.initiator.dprd': { id: 'Usul inisiatif DPRD', en: 'Council initiative' },
  'draft.initiator.pemerintah': { id: 'Usul Pemerintah Daerah', en: 'Proposed by the regional government' },
  'draft.body': { id: 'Dibahas oleh', en: 'Handled by' },
  'draft.result': { id: 'Menjadi', en: 'Became' },
  'draft.summary': { id: 'Ringkasan', en: 'Summary' },
  'draft.history': { id: 'Riwayat tahapan', en: 'History of stages' },
  'draft.consultations': { id: 'Konsultasi publik', en: 'Public consultation' },
  'draft.consultationReport': { id: 'laporan hasil konsultasi', en: 'the consultation report' },
  'draft.followedByYou': { id: 'Rancangan perda yang Anda ikuti', en: 'Draft regulations you follow' },
  'draft.follow.title': { id: 'Ikuti rancangan ini', en: 'Follow this draft' },
  'draft.follow.lead': {
    id: 'Kami kirim email setiap kali tahapnya berubah. Anda akan diminta mengonfirmasi lebih dahulu, dan setiap email berisi tautan untuk berhenti.',
    en: 'We email you each time it moves to a new stage. You will be asked to confirm first, and every message has a link to stop.',
  },
  'draft.follow.button': { id: 'Ikuti', en: 'Follow' },
  'draft.follow.sent': {
    id: 'Periksa email Anda dan buka tautan konfirmasinya.',
    en: 'Check your email and open the confirmation link.',
  },
  'draft.follow.confirmed': {
    id: 'Terima kasih, Anda mengikuti rancangan ini.',
    en: 'Thank you, you follow this draft now.',
  },
  'draft.follow.badBody': {
    id: 'Tautan konfirmasi ini tidak dikenal. Minta lagi dari halaman rancangannya.',
    en: "This confirmation link is unknown. Ask again from the draft's page.",
  },
  'draft.stop.body': {
    id: 'Kami tidak akan mengirim kabar rancangan ini lagi ke alamat Anda.',
    en: 'We will not send news of this draft to your address any more.',
  },
  'draft.mail.confirm.subject': { id: 'Konfirmasi: ikuti {title}', en: 'Confirm: follow {title}' },
  'draft.mail.confirm.body': {
    id: 'Anda (atau seseorang dengan alamat Anda) ingin mengikuti pembahasan "{title}".\n\nKonfirmasi di sini:\n{link}\n\nAbaikan email ini bila bukan Anda.\n\n{site}',
    en: 'You (or someone with your address) asked to follow "{title}".\n\nConfirm here:\n{link}\n\nIgnore this message if it was not you.\n\n{site}',
  },
  'draft.mail.step.subject': { id: '{title}: tahap {stage}', en: '{title}: {stage}' },
  'draft.mail.step.body': {
    id: '"{title}" kini pada tahap {stage}.\n{note}\n\nLihat riwayatnya:\n{link}\n\nBerhenti mengikuti:\n{stop}\n\n{site}',
    en: '"{title}" has reached the stage: {stage}.\n{note}\n\nSee its history:\n{link}\n\nStop following:\n{stop}\n\n{site}',
  },
  'draft.office.title': { id: 'Kelola Propemperda dan Raperda', en: 'Manage the Propemperda and drafts' },
  'draft.office.add': { id: 'Tambah rancangan ke Propemperda', en: 'Add a draft to the Propemperda' },
  'draft.office.year': { id: 'Tahun Propemperda', en: 'Propemperda year' },
  'draft.office.back': { id: 'Kembali ke daftar rancangan', en: 'Back to the drafts' },
  'draft.office.advance': { id: 'Catat tahap', en: 'Record a stage' },
  'draft.office.stage': { id: 'Tahap', en: 'Stage' },
  'draft.office.note': { id: 'Keterangan (tampil untuk umum)', en: 'Note (shown publicly)' },
  'draft.office.meeting': { id: 'Nomor rapat di agenda (tidak wajib)', en: 'Meeting id in the agenda (optional)' },
  'draft.office.meetingHint': {
    id: 'Angka di akhir alamat rapatnya, misalnya 12 untuk /agenda/12.',
    en: "The number at the end of the meeting's address, such as 12 for /agenda/12.",
  },
  'draft.office.regulation': {
    id: 'Nomor urut Perda hasilnya (tidak wajib)',
    en: 'Id of the resulting regulation (optional)',
  },
  'draft.office.regulationHint': {
    id: 'Diisi saat penetapan atau pengundangan, misalnya 12 untuk /perda/12.',
    en: 'At enactment or promulgation, such as 12 for /perda/12.',
  },
  'draft.office.save': { id: 'Simpan tahap', en: 'Save the stage' },
  'draft.required.title': {
    id: 'Tulis judul rancangan, paling sedikit 5 huruf.',
    en: 'Enter the title of the draft, at least 5 letters.',
  },
  'draft.fieldName.note': { id: 'Keterangan', en: 'Note' },
  'draft.problem.required': { id: 'Bagian ini wajib diisi.', en: 'This is required.' },
  'draft.problem.invalid': { id: 'Isian ini tidak sah. Periksa kembali.', en: 'This is not valid. Check it again.' },
  'draft.problem.tooLong': { id: 'Terlalu panjang.', en: 'Too long.' },
  'draft.problem.backwards': { id: 'Tahap tidak dapat mundur.', en: 'A stage cannot go backwards.' },
  'draft.problem.pdf': { id: 'Berkas ini bukan PDF.', en: 'This file is not a PDF.' },
  'draft.problem.tooLarge': { id: 'Berkas lebih dari 20 MB.', en: 'The file is larger than 20 MB.' },
  'draft.problem.email': { id: 'Tulis alamat email yang benar.', en: 'Enter a valid email address.' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
