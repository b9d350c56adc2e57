/**
 * The service worker of the installable app (served at /sw.js, scope "/"). It keeps the app shell
 * (style sheet, script, icons, the offline page) and a copy of each public page the person opened,
 * so that on a weak or absent signal those pages still read, under a banner that says they are
 * offline and when the copy was saved. Pages always come from the network first: a copy is only
 * ever shown when the network failed. Forms (POST) and everything off this origin pass untouched.
 *
 * The server prepends `self.DT = {…}` (platform data: the shell's file names, the banner's texts,
 * the time zone), so a new build of the assets is a new worker and the old shell is dropped.
 */

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
}

// The worker's globals, typed here: the project's type check runs with the DOM library only.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerScope {
  DT: Settings;
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(options: { type: 'window' }): Promise<{ url: string }[]> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const settings = scope.DT;
const SHELL = `shell-${settings.version}`;
const PAGES = 'pages';
const SAVED_AT = 'x-saved-at';

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([...settings.shell, settings.offlinePage]))
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
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(pageFor(request));
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

async function pageFor(request: Request): Promise<Response> {
  try {
    return await keepFresh(request);
  } catch {
    const kept = await caches.match(request.url, { cacheName: PAGES });
    if (kept !== undefined) return withBanner(kept);
    const offline = await caches.match(settings.offlinePage, { cacheName: SHELL });
    return offline ?? Response.error();
  }
}

/** The kept page with the offline banner at the top of its main content. */
async function withBanner(kept: Response): Promise<Response> {
  const html = await kept.text();
  const lang = /<html[^>]*\blang="([a-z]{2})"/.exec(html)?.[1] ?? 'id';
  const texts = settings.texts[lang] ?? settings.texts.id;
  const savedAt = new Date(kept.headers.get(SAVED_AT) ?? Date.now());
  // Written as platform/format.ts writes them ("1 Desember 2026", "18:05 WIB"); that module is not
  // bundled here because esbuild cannot lower all of it to the worker's oldest browser targets.
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  const date = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: settings.timeZone,
  }).format(savedAt);
  const time = `${new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: settings.timeZone,
  })
    .format(savedAt)
    .replace('.', ':')} ${settings.zoneLabel}`;
  const words = (texts?.offline ?? '').replace('{date}', date).replace('{time}', time);
  const banner = `<section class="banner banner-warning" role="status" data-offline-note><p>${escapeHtml(words)}</p></section>`;
  const marked = html.replace(/<main\b[^>]*>/, (open) => `${open}${banner}`);
  const headers = new Headers(kept.headers);
  headers.delete('content-length');
  return new Response(marked, { status: 200, headers });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
