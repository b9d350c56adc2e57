/** The texts of the home feature: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'home.title': { id: 'Beranda', en: 'Home' },
  'home.lead': {
    id: '{council} periode {period}: {seats} anggota dari {dapilCount} daerah pemilihan (dapil) dan {fraksiCount} fraksi.',
    en: '{council}, term {period}: {seats} members from {dapilCount} electoral districts (dapil) and {fraksiCount} factions.',
  },
  'home.findDapil': { id: 'Siapa wakil saya?', en: 'Who represents me?' },
  'home.findDapilLead': {
    id: 'Pilih kelurahan tempat Anda tinggal untuk melihat dapil dan anggota DPRD yang mewakili Anda.',
    en: 'Choose the kelurahan where you live to see your electoral district and the council members who represent you.',
  },
  'home.members': { id: 'Semua anggota, komisi dan fraksi', en: 'All members, commissions and factions' },
  'home.takePart': {
    id: 'Ikut serta: rancangan perda yang sedang dibahas',
    en: 'Take part: draft regulations under debate',
  },
  'home.takePartLead': {
    id: 'Ikuti rancangannya untuk dikabari setiap tahap pembahasan.',
    en: 'Follow a draft to be told of every stage of its debate.',
  },
  'home.komisi': { id: 'Komisi dan bidangnya', en: 'Commissions and their fields' },
  'home.fraksi': { id: 'Fraksi', en: 'Factions' },
  'home.week': { id: 'Minggu ini di DPRD', en: 'This week at the council' },
  'home.liveNow': { id: 'Sedang berlangsung', en: 'Happening now' },
  'home.watch': { id: 'Tonton siaran langsung', en: 'Watch live' },
  'home.noMeetings': {
    id: 'Tidak ada rapat terjadwal dalam tujuh hari ke depan.',
    en: 'No meeting is scheduled in the next seven days.',
  },
  'home.allMeetings': { id: 'Agenda lengkap', en: 'Full agenda' },
  'home.voices': { id: 'Suara warga', en: "Citizens' voices" },
  'home.month': {
    id: 'Bulan ini: {received} aspirasi masuk, {answered} dijawab.',
    en: 'This month: {received} aspirations received, {answered} answered.',
  },
  'home.money': { id: 'Ke mana uang daerah {year}', en: 'Where the {year} money goes' },
  'home.revenue': { id: 'Pendapatan direncanakan', en: 'Revenue planned' },
  'home.spending': { id: 'Belanja direncanakan', en: 'Spending planned' },
  'home.spent': { id: 'terealisasi {amount}', en: '{amount} spent' },
  'home.moneyMore': { id: 'Rincian anggaran (APBD)', en: 'The budget in detail (APBD)' },
  'home.near': { id: 'Proyek di sekitar Anda', en: 'Projects near you' },
  'home.nearButton': { id: 'Lihat proyek', en: 'See projects' },
  'home.speakLead': {
    id: 'Usul, keluhan atau pertanyaan untuk DPRD: diteruskan ke komisi yang membidangi dan anggota dari dapil Anda, dan Anda dapat mengikuti setiap langkahnya.',
    en: 'Ideas, complaints or questions for the council: forwarded to the komisi in charge and the members of your dapil, and you can follow every step.',
  },
  'home.answered': { id: 'Baru saja dijawab', en: 'Recently answered' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
