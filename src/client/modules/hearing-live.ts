/**
 * A hearing's question lists follow the meeting live (Server-Sent Events): a question the moderator
 * approves appears, support counts change and the list reorders by them, an answered question moves
 * to the answered list, a withdrawn or merged one leaves. New items are drawn from the page's own
 * <template>, so they look and work like those the server drew. A page whose stream broke (a weak
 * signal) is sent the whole list when it reconnects. Without JavaScript the page has a link that
 * reloads it.
 */
interface LiveQuestion {
  id: number;
  gone?: true;
  body?: string;
  asker?: string;
  votes?: number;
  settled?: boolean;
  answer?: string | null;
  moment?: string | null;
  momentLink?: string | null;
  code?: string | null;
}

function slot(item: Element, name: string): HTMLElement | null {
  return item.querySelector<HTMLElement>(`[data-slot="${name}"]`);
}

function show(item: Element, name: string, visible: boolean): void {
  const block = slot(item, name);
  if (block !== null) block.hidden = !visible;
}

export function hearingLive(root: HTMLElement): void {
  const source = root.dataset.source;
  const template = root.querySelector<HTMLTemplateElement>('template[data-template="question"]');
  const open = root.querySelector<HTMLElement>('[data-list="open"]');
  const settled = root.querySelector<HTMLElement>('[data-list="settled"]');
  if (source === undefined || template === null || open === null || settled === null) return;
  if (typeof EventSource === 'undefined') return;
  const numbers = new Intl.NumberFormat(root.dataset.format);
  const citizen = root.dataset.citizen ?? '';

  const fill = (item: HTMLElement, q: LiveQuestion) => {
    item.dataset.votes = String(q.votes ?? 0);
    const set = (name: string, text: string) => {
      const el = slot(item, name);
      if (el !== null) el.textContent = text;
    };
    set('body', q.body ?? '');
    set('asker', q.asker || citizen);
    set('votes', numbers.format(q.votes ?? 0));
    set('answer', q.answer ?? '');
    show(item, 'answer-block', (q.answer ?? null) !== null);
    let moment = slot(item, 'moment');
    if (moment !== null && q.momentLink && moment.tagName !== 'A') {
      const link = document.createElement('a');
      link.dataset.slot = 'moment';
      link.rel = 'noopener';
      moment.replaceWith(link);
      moment = link;
    }
    if (moment instanceof HTMLAnchorElement && q.momentLink) moment.href = q.momentLink;
    set('moment', q.moment ?? '');
    show(item, 'moment-block', (q.moment ?? null) !== null);
    const code = slot(item, 'code');
    if (code instanceof HTMLAnchorElement && q.code) code.href = `/aspirasi/${q.code}`;
    set('code', q.code ?? '');
    show(item, 'code-block', (q.code ?? null) !== null);
    if (q.settled) slot(item, 'vote')?.remove();
  };

  const draw = (q: LiveQuestion) => {
    let item = document.getElementById(`pertanyaan-${q.id}`);
    if (q.gone) {
      item?.remove();
      return;
    }
    if (item === null) {
      const model = template.content.firstElementChild;
      if (model === null) return;
      // Adopted into the page: an element left in the template's own document has no address.
      item = document.importNode(model, true) as HTMLElement;
      item.id = `pertanyaan-${q.id}`;
      const form = slot(item, 'vote');
      form?.setAttribute('action', (form.getAttribute('action') ?? '').replace(/\/0\/dukung$/, `/${q.id}/dukung`));
      const button = form?.querySelector('button[aria-label]');
      button?.setAttribute('aria-label', (button.getAttribute('aria-label') ?? '').replace(/\b0\b/, String(q.id)));
    }
    fill(item, q);
    const list = q.settled ? settled : open;
    if (item.parentElement !== list) list.append(item);
  };

  // Most supported first; among equals, the one asked first.
  const order = (list: HTMLElement) => {
    const items = [...list.children] as HTMLElement[];
    const key = (el: HTMLElement) => [Number(el.dataset.votes ?? 0), Number(el.id.replace(/\D/g, ''))] as const;
    const sorted = [...items].sort((a, b) => key(b)[0] - key(a)[0] || key(a)[1] - key(b)[1]);
    if (sorted.some((el, i) => el !== items[i])) list.append(...sorted);
  };

  const events = new EventSource(source);
  events.addEventListener('ready', () => {
    root.dataset.listening = 'true';
  });
  // The stream broke; the browser tries again by itself.
  events.addEventListener('error', () => {
    delete root.dataset.listening;
  });
  const apply = (questions: LiveQuestion[]) => {
    for (const q of questions) draw(q);
    for (const list of [open, settled]) {
      order(list);
      const empty = root.querySelector<HTMLElement>(`[data-empty="${list.dataset.list}"]`);
      if (empty !== null) empty.hidden = list.children.length > 0;
    }
  };
  events.addEventListener('questions', (event) => {
    apply(JSON.parse((event as MessageEvent<string>).data) as LiveQuestion[]);
  });
  // After the stream was lost and found again: the whole list, and what is not in it has left.
  events.addEventListener('all', (event) => {
    const questions = JSON.parse((event as MessageEvent<string>).data) as LiveQuestion[];
    const kept = new Set(questions.map((q) => `pertanyaan-${q.id}`));
    for (const list of [open, settled]) for (const item of [...list.children]) if (!kept.has(item.id)) item.remove();
    apply(questions);
  });
  window.addEventListener('pagehide', () => events.close());
}
