/** The texts of the api feature: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'api.title': { id: 'Dokumentasi API', en: 'API documentation' },
  'api.lead': {
    id: 'Data terbuka {council} dalam format JSON. Dokumen OpenAPI 3.1 lengkap tersedia di {link}.',
    en: 'Open data of {council} as JSON. The full OpenAPI 3.1 document is at {link}.',
  },
  'api.parameters': { id: 'Parameter', en: 'Parameters' },
  'api.responses': { id: 'Tanggapan', en: 'Responses' },
  'api.name': { id: 'Nama', en: 'Name' },
  'api.in': { id: 'Letak', en: 'In' },
  'api.type': { id: 'Jenis', en: 'Type' },
  'api.required': { id: 'Wajib', en: 'Required' },
  'api.description': { id: 'Keterangan', en: 'Description' },
  'api.yes': { id: 'ya', en: 'yes' },
  'api.no': { id: 'tidak', en: 'no' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
