/** The texts of the audit feature: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'audit.title': { id: 'Log audit', en: 'Audit log' },
  'audit.lead': {
    id: 'Catatan yang tidak dapat diubah tentang siapa melakukan apa. Setiap entri memuat hash entri sebelumnya.',
    en: 'An unchangeable record of who did what. Every entry carries the hash of the one before it.',
  },
  'audit.chainOk': { id: 'Rantai hash utuh ({n} entri).', en: 'The hash chain is intact ({n} entries).' },
  'audit.chainBroken': {
    id: 'Rantai hash RUSAK pada entri #{id}: {reason}.',
    en: 'The hash chain is BROKEN at entry #{id}: {reason}.',
  },
  'audit.when': { id: 'Waktu', en: 'When' },
  'audit.who': { id: 'Pelaku', en: 'Who' },
  'audit.action': { id: 'Tindakan', en: 'Action' },
  'audit.subject': { id: 'Objek', en: 'Subject' },
  'audit.ip': { id: 'Alamat IP', en: 'IP address' },
  'audit.filter': { id: 'Saring', en: 'Filter' },
  'audit.from': { id: 'Dari tanggal', en: 'From' },
  'audit.to': { id: 'Sampai tanggal', en: 'To' },
  'audit.older': { id: 'Entri lebih lama', en: 'Older entries' },
  'audit.none': { id: 'Tidak ada entri yang cocok.', en: 'No entry matches.' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
