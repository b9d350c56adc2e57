/**
 * The aspiration form away from a signal: where the installable app finds the form, the one-page
 * form it opens offline, where it sends what was kept, the page that lists what waits, and the
 * words of the note it puts on pages while something waits (see src/client/sw.ts).
 */
import type { Translate } from '../platform/i18n.ts';

export const offlineDraftPaths = {
  form: '/aspirasi/baru',
  offlineForm: '/aspirasi/baru/luring',
  send: '/aspirasi/kirim',
  queue: '/aspirasi/antrean',
} as const;

export function offlineDraftTexts(t: Translate) {
  return {
    waitingOne: t('aspiration.queue.noteOne'),
    waitingMany: t('aspiration.queue.noteMany'),
    sent: t('aspiration.queue.noteSent'),
    look: t('aspiration.queue.look'),
  };
}
