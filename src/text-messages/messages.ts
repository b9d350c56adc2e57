/**
 * The replies by SMS and WhatsApp: Indonesian and English side by side. Each reply fits one SMS
 * (160 characters of the GSM alphabet) with the council's name filled in; sentences are short and
 * say what to send next.
 */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'text.help': {
    id: '{site}: kirim LAPOR <kecamatan> <isi laporan>, atau LAPOR saja untuk dipandu. CEK <kode> untuk status. STOP untuk berhenti.',
    en: '{site}: send LAPOR <kecamatan> <your report>, or just LAPOR to be guided. CEK <code> for the status. STOP to end messages.',
  },
  'text.askKind': {
    id: 'Jenis laporan? Balas 1 untuk aspirasi atau usulan, 2 untuk pengaduan, 3 untuk minta informasi. BATAL untuk batal.',
    en: 'What kind of report? Reply 1 for an aspiration or proposal, 2 for a complaint, 3 to ask for information. BATAL to cancel.',
  },
  'text.askKecamatan': {
    id: 'Di kecamatan mana? Balas nama kecamatannya, misalnya {example}.',
    en: 'In which kecamatan? Reply with its name, for example {example}.',
  },
  'text.unknownKecamatan': {
    id: 'Kecamatan "{name}" tidak kami kenal. Balas nama kecamatan, misalnya {example}.',
    en: 'We do not know the kecamatan "{name}". Reply with a kecamatan name, for example {example}.',
  },
  'text.formatKecamatan': {
    id: 'Format: LAPOR <kecamatan> <isi laporan>. Kecamatan "{name}" tidak kami kenal. Contoh: LAPOR {example} jalan rusak di RT 03.',
    en: 'Format: LAPOR <kecamatan> <your report>. We do not know the kecamatan "{name}". Example: LAPOR {example} broken road at RT 03.',
  },
  'text.askText': {
    id: 'Tulis laporan Anda: apa masalahnya dan di mana persisnya (jalan, RT/RW). Boleh dengan foto.',
    en: 'Write your report: what the problem is and exactly where (street, RT/RW). You may add a photo.',
  },
  'text.tooShort': {
    id: 'Laporan terlalu pendek. Tulis paling sedikit 10 huruf: apa masalahnya dan di mana.',
    en: 'The report is too short. Write at least 10 letters: what the problem is and where.',
  },
  'text.photoKept': {
    id: 'Foto diterima. Tulis juga laporan Anda: apa masalahnya dan di mana persisnya.',
    en: 'Photo received. Now write your report too: what the problem is and exactly where.',
  },
  'text.confirm': {
    id: 'Kirim laporan "{text}" di {kecamatan}? Nomor Anda dipakai untuk mengabari Anda. Balas YA untuk kirim, BATAL untuk batal.',
    en: 'Send the report "{text}" in {kecamatan}? Your number is used to keep you informed. Reply YA to send, BATAL to cancel.',
  },
  'text.confirmAgain': {
    id: 'Balas YA untuk mengirim laporan, atau BATAL untuk batal.',
    en: 'Reply YA to send the report, or BATAL to cancel.',
  },
  'text.cancelled': {
    id: 'Laporan dibatalkan. Kirim LAPOR untuk mulai lagi.',
    en: 'The report was cancelled. Send LAPOR to start again.',
  },
  'text.refused': {
    id: 'Laporan belum bisa diterima: {reason}. Kirim LAPOR untuk mencoba lagi.',
    en: 'The report could not be accepted: {reason}. Send LAPOR to try again.',
  },
  'text.stopped': {
    id: '{site}: Anda tidak akan menerima pesan lagi dari kami. Kirim AKTIF untuk menerima pesan lagi.',
    en: '{site}: you will receive no more messages from us. Send AKTIF to receive messages again.',
  },
  'text.resumed': {
    id: '{site}: pesan dari kami aktif lagi. Kirim LAPOR untuk melapor, CEK <kode> untuk status.',
    en: '{site}: our messages are on again. Send LAPOR to report, CEK <code> for a status.',
  },
  'text.status': {
    id: '{site}: {code} {status}. Lihat: {link}',
    en: '{site}: {code} {status}. See: {link}',
  },
  'text.notFound': {
    id: '{site}: kode {code} tidak ditemukan. Periksa lagi kodenya, contohnya ASP-2026-000123.',
    en: '{site}: code {code} was not found. Check the code again, for example ASP-2026-000123.',
  },
  'text.askCode': {
    id: 'Kirim CEK lalu kode lacak Anda, contohnya CEK ASP-2026-000123.',
    en: 'Send CEK and then your tracking code, for example CEK ASP-2026-000123.',
  },
  'text.tooMany': {
    id: 'Terlalu banyak pesan dari nomor ini. Coba lagi satu jam lagi.',
    en: 'Too many messages from this number. Try again in an hour.',
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
