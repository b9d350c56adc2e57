/** The texts of the glossary page: Indonesian and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'glossary.title': { id: 'Daftar istilah DPRD', en: 'Glossary of council terms' },
  'glossary.lead': {
    id: 'Kata-kata yang sering dipakai di DPRD, dijelaskan dengan bahasa sehari-hari.',
    en: 'Words often used in a regional parliament, explained in everyday language.',
  },
  'glossary.whatIs': { id: 'Apa itu {term}?', en: 'What is {term}?' },
  'glossary.jump': { id: 'Langsung ke istilah', en: 'Go to a term' },
  'glossary.where': { id: 'Lihat di portal ini', en: 'See it on this portal' },
  'glossary.seeAlso': { id: 'Lihat juga', en: 'See also' },
  'glossary.missing': {
    id: 'Ada istilah yang belum jelas? Sampaikan lewat formulir aspirasi, kami akan menambahkannya.',
    en: 'A word still unclear? Tell us through the aspiration form and we will add it.',
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
