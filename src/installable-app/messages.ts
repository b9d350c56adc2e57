/** The texts of the installable app (manifest, offline page, offline banner): Indonesian and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'app.description': {
    id: 'Agenda, peraturan, anggaran dan aspirasi warga di DPRD, juga saat sinyal lemah.',
    en: 'The council’s agenda, regulations, budget and citizens’ aspirations, even on a weak signal.',
  },
  'app.shortcutAspiration': { id: 'Sampaikan aspirasi', en: 'Send an aspiration' },
  'app.shortcutTrack': { id: 'Lacak', en: 'Track' },
  'app.shortcutAgenda': { id: 'Agenda', en: 'Agenda' },
  'app.offlineTitle': { id: 'Anda sedang luring', en: 'You are offline' },
  'app.offlineBody': {
    id: 'Halaman ini belum pernah Anda buka di ponsel ini, jadi belum tersimpan. Halaman yang sudah Anda buka tetap bisa dibaca tanpa sinyal. Coba lagi saat sinyal kembali.',
    en: 'You have not opened this page on this phone before, so it is not saved. Pages you have opened can still be read without a signal. Try again when the signal is back.',
  },
  'app.offlineHome': { id: 'Ke beranda', en: 'Go to the home page' },
  'app.offlineBanner': {
    id: 'Anda sedang luring. Halaman ini tersimpan pada {date} pukul {time}; isinya mungkin sudah berubah.',
    en: 'You are offline. This page was saved on {date} at {time}; it may have changed since.',
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
