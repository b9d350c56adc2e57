/**
 * The one browser entry: finds elements marked with data-module and attaches their behaviour.
 * Every page works without this file; it only makes things quicker to use.
 */
import { autoSubmit } from './modules/auto-submit.ts';
import { embedPlayer } from './modules/embed-player.ts';
import { fileList } from './modules/file-list.ts';
import { hearingLive } from './modules/hearing-live.ts';
import { inboxLive } from './modules/inbox-live.ts';
import { kioskIdle } from './modules/kiosk-idle.ts';
import { pin } from './modules/pin.ts';
import { pointsMap } from './modules/points-map.ts';
import { printPage } from './modules/print-page.ts';
import { pushFollow } from './modules/push-follow.ts';

const modules: Record<string, (element: HTMLElement) => void> = {
  'auto-submit': autoSubmit,
  // Only the queue page needs it: fetched there (and kept offline by the service worker).
  'draft-queue': (element) => {
    import('./modules/draft-queue.ts').then((m) => m.draftQueue(element)).catch(() => undefined);
  },
  'embed-player': embedPlayer,
  'file-list': fileList,
  'hearing-live': hearingLive,
  'inbox-live': inboxLive,
  'kiosk-idle': kioskIdle,
  pin,
  'points-map': pointsMap,
  'print-page': printPage,
  'push-follow': pushFollow,
};

for (const element of document.querySelectorAll<HTMLElement>('[data-module]')) {
  for (const name of (element.dataset.module ?? '').split(/\s+/)) {
    modules[name]?.(element);
  }
}

// The installable app: a worker that keeps the pages this person opened for reading offline.
// Registered after the page has loaded, so that it never competes with the page itself.
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
