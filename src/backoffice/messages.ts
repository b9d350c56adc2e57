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
  'backoffice.parts': { id: 'Bagian back office', en: 'Parts of the back office' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
