/**
 * The service worker of the installable app (served at /sw.js, scope "/"). It keeps the app shell
 * (style sheet, script, icons, the offline page) and a copy of each public page the person opened,
 * so that on a weak or absent signal those pages still read, under a banner that says they are
 * offline and when the copy was saved. Pages always come from the network first: a copy is only
 * ever shown when the network failed. Forms (POST) and everything off this origin pass untouched.
 *
 * It also keeps the aspiration form: with no signal, the form opens from the phone, and a form
 * sent without a signal is kept (drafts.ts) and sent when the signal returns — by Background Sync
 * where the browser has it, otherwise at the next page opened — exactly once, because each form
 * names a submission key the server files one aspiration for. Pages then say how many reports wait.
 *
 * The server prepends `self.DT = {…}` (platform data: the shell's file names, the banner's texts,
 * the time zone), so a new build of the assets is a new worker and the old shell is dropped.
 */

import { allDrafts, type Draft, dateAndTime, putDraft } from './drafts.ts';

interface Settings {
  version: string;
  shell: string[];
  offlinePage: string;
  /** The banner's words per language, with {date} and {time}. */
  texts: Record<string, { offline: string }>;
  timeZone: string;
  zoneLabel: string;
  /** Pages never kept: the back office, the account, signing in and out. */
  neverKept: string[];
  /** Forms that end or start a person's session: the pages kept so far are forgotten when one is sent. */
  forgetOn: string[];
  maxPages: number;
  drafts: {
    /** The form's first step, answered by the one-page offline form when there is no signal. */
    form: string;
    offlineForm: string;
    /** Where the form is sent; the server answers JSON when asked. */
    send: string;
    /** The page listing the drafts on this phone. */
    queue: string;
    texts: Record<string, { waitingOne: string; waitingMany: string; sent: string; look: string }>;
  };
}

// The worker's globals, typed here: the project's type check runs with the DOM library only.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
interface MessageFromPage extends ExtendableEvent {
  data: unknown;
}
interface WindowClient {
  url: string;
  postMessage(message: unknown): void;
}
interface PushEvent extends ExtendableEvent {
  data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  notification: { data: unknown; close(): void };
}
interface WorkerScope {
  DT: Settings;
  location: Location;
  registration: {
    sync?: { register(tag: string): Promise<void> };
    showNotification(
      title: string,
      options: { body: string; icon: string; data: unknown; lang: string; tag: string },
    ): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window' }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<unknown>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageFromPage) => void): void;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const settings = scope.DT;
const SHELL = `shell-${settings.version}`;
const PAGES = 'pages';
const SAVED_AT = 'x-saved-at';
const SYNC_TAG = 'aspiration-drafts';
const drafts = settings.drafts;
const zone = { timeZone: settings.timeZone, label: settings.zoneLabel };

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([...settings.shell, settings.offlinePage, drafts.offlineForm, drafts.queue]))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('shell-') && name !== SHELL) await caches.delete(name);
      await scope.clients.claim();
      // The page that installed the worker was fetched before there was one: keep it now.
      for (const client of await scope.clients.matchAll({ type: 'window' })) {
        await keepFresh(new Request(client.url, { credentials: 'same-origin' })).catch(() => undefined);
      }
    })(),
  );
});

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.method === 'POST' && settings.forgetOn.includes(url.pathname)) {
    // Signing out (or someone else signing in on a shared phone) forgets the pages kept so far;
    // the form goes on as sent.
    event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.method === 'POST' && url.pathname === drafts.send && request.mode === 'navigate') {
    event.respondWith(sendOrKeep(request, event));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(pageFor(request, event));
    return;
  }
  if (settings.shell.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: SHELL }).then((kept) => kept ?? fetch(request)));
  }
});

function keepable(url: URL, response: Response): boolean {
  if (!response.ok || response.type !== 'basic') return false;
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return false;
  if ((response.headers.get('cache-control') ?? '').includes('no-store')) return false;
  return !settings.neverKept.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`));
}

/** Fetches a page and keeps a copy with the time it was saved; returns the network's answer. */
async function keepFresh(request: Request): Promise<Response> {
  const response = await fetch(request);
  const url = new URL(request.url);
  if (keepable(url, response)) {
    const headers = new Headers(response.headers);
    headers.set(SAVED_AT, new Date().toISOString());
    const copy = new Response(await response.clone().arrayBuffer(), { status: 200, headers });
    const cache = await caches.open(PAGES);
    await cache.put(url.href, copy);
    await trim(cache);
  }
  return response;
}

/** The oldest copies go first once more than the limit are kept (a cheap phone has little room). */
async function trim(cache: Cache): Promise<void> {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - settings.maxPages))) await cache.delete(key);
}

async function pageFor(request: Request, event: FetchEvent): Promise<Response> {
  const url = new URL(request.url);
  let page: Response;
  let savedAt: string | null = null;
  try {
    page = await keepFresh(request);
    // A signal: the reports kept on this phone go now (the next visit, where there is no Background Sync).
    event.waitUntil(sendDrafts().catch(() => undefined));
  } catch {
    const kept =
      url.pathname === drafts.form
        ? await caches.match(drafts.offlineForm)
        : ((await caches.match(request.url, { cacheName: PAGES })) ??
          (await caches.match(request.url, { cacheName: SHELL })));
    const offline = kept ?? (await caches.match(settings.offlinePage, { cacheName: SHELL }));
    if (offline === undefined) return Response.error();
    page = offline;
    savedAt = kept?.headers.get(SAVED_AT) ?? null;
  }
  const counts = url.pathname === drafts.queue ? null : await draftCounts();
  if (savedAt === null && counts === null) return page;
  return withBanners(page, savedAt, counts);
}

interface DraftCounts {
  /** Waiting to be sent, or refused and waiting for the person to look. */
  waiting: number;
  /** Sent, and the person has not yet seen the tracking codes. */
  sent: number;
}

/** A note at the top of a page's main content: offline since when, and reports waiting or sent. */
async function withBanners(page: Response, savedAt: string | null, counts: DraftCounts | null): Promise<Response> {
  if (!(page.headers.get('content-type') ?? '').startsWith('text/html')) return page;
  const html = await page.text();
  const lang = /<html[^>]*\blang="([a-z]{2})"/.exec(html)?.[1] ?? 'id';
  let banners = '';
  if (savedAt !== null) {
    const texts = settings.texts[lang] ?? settings.texts.id;
    // No destructuring in the browser's code: esbuild cannot lower it for the oldest targets.
    const moment = dateAndTime(new Date(savedAt), lang, zone);
    const words = (texts?.offline ?? '').replace('{date}', moment.date).replace('{time}', moment.time);
    banners += `<section class="banner banner-warning" role="status" data-offline-note><p>${escapeHtml(words)}</p></section>`;
  }
  const texts = drafts.texts[lang] ?? drafts.texts.id;
  if (counts !== null && texts !== undefined) {
    const waiting = counts.waiting;
    const words =
      waiting === 0
        ? texts.sent
        : (waiting === 1 ? texts.waitingOne : texts.waitingMany).replace('{n}', String(waiting));
    banners += `<section class="banner banner-important" role="status" data-drafts-note><p>${escapeHtml(words)} <a href="${drafts.queue}">${escapeHtml(texts.look)}</a></p></section>`;
  }
  const marked = html.replace(/<main\b[^>]*>/, (open) => `${open}${banners}`);
  const headers = new Headers(page.headers);
  headers.delete('content-length');
  return new Response(marked, { status: page.status, statusText: page.statusText, headers });
}

async function draftCounts(): Promise<DraftCounts | null> {
  const kept = await allDrafts().catch(() => [] as Draft[]);
  const waiting = kept.filter((d) => d.state !== 'sent').length;
  const sent = kept.filter((d) => d.state === 'sent' && d.seen !== true).length;
  return waiting === 0 && sent === 0 ? null : { waiting, sent };
}

/**
 * The aspiration form, sent. Online it goes on as sent; when the network fails — or it is the
 * offline form, which carries no token of the form's session — it is kept on the phone and sent
 * as soon as there is a signal, and the person is shown the queue.
 */
async function sendOrKeep(request: Request, event: FetchEvent): Promise<Response> {
  const form = await request.clone().formData();
  if (form.get('luring') !== '1') {
    try {
      return await fetch(request);
    } catch {
      // No signal: kept below.
    }
  }
  await keepDraft(form);
  await scope.registration.sync?.register(SYNC_TAG).catch(() => undefined);
  // With a signal the queue page opens with the code already there; without, at once.
  const sending = sendDrafts().catch(() => undefined);
  event.waitUntil(sending);
  await Promise.race([sending, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  return Response.redirect(drafts.queue, 303);
}

async function keepDraft(form: FormData): Promise<void> {
  const fields: [string, string][] = [];
  const files: Draft['files'] = [];
  for (const entry of form.entries()) {
    const name = entry[0];
    const value = entry[1];
    if (typeof value === 'string') {
      if (name !== '_csrf' && name !== 'luring') fields.push([name, value]);
    } else if (value.size > 0) {
      files.push({ name: value.name, type: value.type, blob: value });
    }
  }
  const given = form.get('kunci');
  const key = typeof given === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(given) ? given : newKey();
  const title = form.get('title');
  await putDraft({
    key,
    state: 'waiting',
    title: typeof title === 'string' ? title : '',
    fields: fields.filter((field) => field[0] !== 'kunci'),
    files,
    savedAt: new Date().toISOString(),
  });
}

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

let sending: Promise<void> | null = null;

/** Sends every waiting draft, one at a time; one run at once however many ask. */
function sendDrafts(): Promise<void> {
  sending ??= sendWaiting().finally(() => {
    sending = null;
  });
  return sending;
}

/** Rejects when some draft is still waiting (Background Sync then tries again later). */
async function sendWaiting(): Promise<void> {
  const waiting = (await allDrafts()).filter((d) => d.state === 'waiting');
  if (waiting.length === 0) return;
  // A fresh token of the form's session, taken as a browser takes it: from the form.
  const form = await fetch(drafts.form, { credentials: 'same-origin' });
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (token === undefined) throw new Error('The form gave no token');
  let changed = false;
  try {
    for (const draft of waiting) {
      const body = new FormData();
      for (const field of draft.fields) body.append(field[0], field[1]);
      body.set('_csrf', token);
      body.set('kunci', draft.key);
      for (const file of draft.files) body.append('photos', file.blob, file.name);
      const answer = await fetch(drafts.send, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (answer.ok) {
        const filed = (await answer.json()) as { code: string; link: string };
        await putDraft({ ...draft, state: 'sent', code: filed.code, link: filed.link, files: [], seen: false });
      } else if (answer.status === 400 || answer.status === 413) {
        const errors =
          answer.status === 400 ? ((await answer.json()) as { errors: Record<string, string> }).errors : {};
        await putDraft({ ...draft, state: 'refused', errors: Object.values(errors) });
      } else {
        throw new Error(`The server answered ${answer.status}`);
      }
      changed = true;
    }
  } finally {
    if (changed) for (const client of await scope.clients.matchAll({ type: 'window' })) client.postMessage('drafts');
  }
}

scope.addEventListener('sync', (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(sendDrafts());
});

// The queue page's "send now", and its word that the signal is back.
scope.addEventListener('message', (event) => {
  if (event.data === 'send-drafts') event.waitUntil(sendDrafts().catch(() => undefined));
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Web Push: what the portal sent (platform/push.ts), shown as a notification that opens its page.
scope.addEventListener('push', (event) => {
  const notice = (event.data?.json() ?? {}) as { title?: string; body?: string; url?: string };
  event.waitUntil(
    scope.registration.showNotification(notice.title ?? '', {
      body: notice.body ?? '',
      icon: '/ikon/192.png',
      data: { url: notice.url ?? '/' },
      lang: 'id',
      // One notification per page followed: a newer step replaces the one before, not a pile.
      tag: notice.url ?? '/',
    }),
  );
});

scope.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | null)?.url ?? '/';
  // Only a page of this portal opens.
  const target = new URL(url, scope.location.origin);
  if (target.origin === scope.location.origin) event.waitUntil(scope.clients.openWindow(target.href));
});
