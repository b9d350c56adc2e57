/** The texts of the open-data feature: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'data.lead': {
    id: 'Data yang dipakai halaman portal ini dapat diunduh dan dipakai ulang siapa pun, termasuk portal Satu Data daerah.',
    en: "The data behind this portal's pages, for anyone to download and reuse, including regional open-data portals.",
  },
  'data.licence': { id: 'Lisensi:', en: 'Licence:' },
  'data.ckan': { id: 'Katalog yang kompatibel dengan CKAN:', en: 'CKAN-compatible catalogue:' },
  'data.download': { id: 'Unduh:', en: 'Download:' },
  'data.modified': { id: 'Diperbarui', en: 'Updated' },
  'data.publisher': { id: 'Penerbit', en: 'Publisher' },
  'data.tags': { id: 'Kata kunci', en: 'Keywords' },
  'data.columns': { id: 'Kolom', en: 'Columns' },
  'data.extra.frekuensi': { id: 'Frekuensi pembaruan', en: 'Update frequency' },
  'data.extra.kode_wilayah': { id: 'Kode wilayah (Kemendagri)', en: 'Region code (Kemendagri)' },
  'data.extra.wilayah': { id: 'Wilayah', en: 'Region' },
  'data.notFound': { id: 'Dataset tidak ditemukan', en: 'Dataset not found' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
