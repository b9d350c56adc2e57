/**
 * The queue page (/aspirasi/antrean): lists the reports kept on this phone — waiting, sent with
 * their tracking codes, or not accepted with the reasons and the text to copy — from the phone's
 * storage, which only a script can read. Asks the service worker to send when the signal returns
 * or the person says so, and lists again when the worker says something changed.
 */
import { allDrafts, type Draft, dateAndTime, markSentSeen, removeDraft } from '../drafts.ts';

interface Texts {
  savedAt: string;
  photos: string;
  code: string;
  open: string;
}

export function draftQueue(element: HTMLElement): void {
  const texts = JSON.parse(element.dataset.texts ?? '{}') as Texts;
  const zone = JSON.parse(element.dataset.zone ?? '{}') as { timeZone: string; label: string };
  const lang = document.documentElement.lang || 'id';
  const template = element.querySelector<HTMLTemplateElement>('template[data-draft-template]');
  const none = element.querySelector<HTMLElement>('[data-drafts-none]');
  const offlineNote = element.querySelector<HTMLElement>('[data-drafts-offline]');
  const worker = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;

  const askToSend = () => worker?.controller?.postMessage('send-drafts');

  const item = (draft: Draft): Node => {
    const row = (template?.content.firstElementChild?.cloneNode(true) ?? document.createElement('li')) as HTMLElement;
    const put = (name: string, fill: (target: HTMLElement) => void) => {
      const target = row.querySelector<HTMLElement>(`[data-draft-${name}]`);
      if (target !== null) fill(target);
    };
    put('title', (target) => {
      target.textContent = draft.title;
    });
    put('meta', (target) => {
      // No destructuring in the browser's code: esbuild cannot lower it for the oldest targets.
      const moment = dateAndTime(new Date(draft.savedAt), lang, zone);
      const photos = draft.files.length === 0 ? '' : ` · ${texts.photos.replace('{n}', String(draft.files.length))}`;
      target.textContent = texts.savedAt.replace('{date}', moment.date).replace('{time}', moment.time) + photos;
    });
    put('code', (target) => {
      if (draft.state !== 'sent' || draft.code === undefined) return target.remove();
      const code = document.createElement('p');
      code.textContent = `${texts.code.replace('{code}', draft.code)} `;
      const link = document.createElement('a');
      link.href = draft.link ?? `/aspirasi/${draft.code}`;
      link.textContent = texts.open;
      code.append(link);
      target.replaceWith(code);
    });
    put('text', (target) => {
      if (draft.state !== 'refused') return target.remove();
      const reasons = document.createElement('p');
      reasons.textContent = (draft.errors ?? []).join(' ');
      const written = document.createElement('p');
      written.textContent = draft.fields.find((field) => field[0] === 'description')?.[1] ?? '';
      target.replaceWith(reasons, written);
    });
    put('remove', (target) => {
      // A draft still waiting is removed only by sending it: nothing typed is lost by a slip.
      if (draft.state === 'waiting') return target.remove();
      target.querySelector('button')?.addEventListener('click', () => {
        removeDraft(draft.key).then(render, () => undefined);
      });
    });
    return row;
  };

  let waiting = 0;
  const render = async () => {
    const drafts = await allDrafts().catch(() => [] as Draft[]);
    waiting = drafts.filter((d) => d.state === 'waiting').length;
    for (const state of ['waiting', 'sent', 'refused'] as const) {
      const section = element.querySelector<HTMLElement>(`[data-drafts="${state}"]`);
      const list = section?.querySelector('[data-drafts-list]');
      if (section == null || list == null) continue;
      const these = drafts.filter((d) => d.state === state);
      list.replaceChildren(...these.map(item));
      section.hidden = these.length === 0;
    }
    if (none !== null) none.hidden = drafts.length > 0;
    await markSentSeen().catch(() => undefined);
  };

  const showSignal = () => {
    if (offlineNote !== null) offlineNote.hidden = navigator.onLine;
  };

  element.querySelector('[data-drafts-send] button')?.addEventListener('click', askToSend);
  addEventListener('online', () => {
    showSignal();
    askToSend();
  });
  addEventListener('offline', showSignal);
  worker?.addEventListener('message', (event) => {
    if (event.data === 'drafts') render().catch(() => undefined);
  });
  // An attempt can fail just after the signal returns (the network not ready yet, the server busy):
  // while reports wait and the phone says it is online, ask again every few seconds. The worker
  // runs one attempt at a time, and the server files each report once by its key.
  setInterval(() => {
    if (waiting > 0 && navigator.onLine) askToSend();
  }, 4000);
  showSignal();
  render().catch(() => undefined);
}
