/** The texts of the site search: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'search.title': { id: 'Cari di seluruh situs', en: 'Search the whole site' },
  'search.label': {
    id: 'Cari anggota, rapat, perda, proyek, aspirasi',
    en: 'Search members, meetings, regulations, projects, aspirations',
  },
  'search.button': { id: 'Cari', en: 'Search' },
  'search.resultsFor': { id: 'Hasil untuk “{q}”', en: 'Results for “{q}”' },
  'search.tooShort': {
    id: 'Tulis paling sedikit {min} huruf untuk mencari.',
    en: 'Write at least {min} letters to search.',
  },
  'search.tooLong': {
    id: 'Kata pencarian terlalu panjang: paling banyak {max} huruf.',
    en: 'The search is too long: at most {max} letters.',
  },
  'search.nothing': {
    id: 'Tidak ada yang cocok dengan “{q}”. Periksa ejaannya atau coba kata lain.',
    en: 'Nothing matches “{q}”. Check the spelling or try other words.',
  },
  'search.kind.members': { id: 'Anggota DPRD', en: 'Council members' },
  'search.kind.meetings': { id: 'Rapat', en: 'Meetings' },
  'search.kind.regulations': { id: 'Peraturan', en: 'Regulations' },
  'search.kind.projects': { id: 'Program dan proyek', en: 'Programmes and projects' },
  'search.kind.news': { id: 'Berita', en: 'News' },
  'search.kind.aspirations': { id: 'Aspirasi warga', en: "Citizens' aspirations" },
  'search.count': { id: '{n} ditemukan', en: '{n} found' },
  'search.countCapped': { id: 'lebih dari {n} ditemukan', en: 'more than {n} found' },
  'search.all': { id: 'Lihat semua: {kind}', en: 'See all: {kind}' },
  'search.dapil': { id: 'Dapil {n}', en: 'District {n}' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
