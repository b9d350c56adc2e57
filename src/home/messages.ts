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
  'home.komisi': { id: 'Komisi dan bidangnya', en: 'Commissions and their fields' },
  'home.komisiLead': {
    id: 'Setiap komisi membidangi urusan tertentu. Aspirasi warga diteruskan ke komisi yang membidanginya.',
    en: 'Each commission oversees certain affairs. Citizens’ aspirations are forwarded to the commission in charge.',
  },
  'home.fraksi': { id: 'Fraksi', en: 'Factions' },
  'home.members': { id: 'Lihat anggota', en: 'See the members' },
  'home.takePart': { id: 'Ikut serta', en: 'Take part' },
  'home.takePartLead': {
    id: 'Kenali wakil Anda di DPRD, lalu hubungi mereka melalui sekretariat dewan.',
    en: 'Get to know your representatives, then reach them through the council secretariat.',
  },
  'home.speak': { id: 'Sampaikan aspirasi Anda', en: 'Make yourself heard' },
  'home.speakLead': {
    id: 'Usul, keluhan atau pertanyaan untuk DPRD: diteruskan ke komisi yang membidangi dan anggota dari dapil Anda, dan Anda dapat mengikuti setiap langkahnya.',
    en: 'Ideas, complaints or questions for the council: forwarded to the komisi in charge and the members of your dapil, and you can follow every step.',
  },
  'home.answered': { id: 'Baru saja dijawab', en: 'Recently answered' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
