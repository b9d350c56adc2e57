/** The frame of every public page: header with the council's name, navigation, language switch, footer. */
import type { ComponentChildren } from 'preact';
import type { Language } from '../../config.ts';
import type { MessageKey } from '../i18n.ts';
import { isCurrent, type PageContext, urlInLanguage, urlInTextSize } from '../page-context.ts';
import { can } from '../permissions.ts';
import { brandColour } from '../site.ts';
import type { TextSize } from '../text-size.ts';
import { Button } from './components.tsx';

const navigation: { href: string; label: MessageKey }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/anggota', label: 'nav.members' },
  { href: '/dapil', label: 'nav.dapil' },
  { href: '/agenda', label: 'nav.agenda' },
  { href: '/perda', label: 'nav.regulations' },
  { href: '/proyek', label: 'nav.projects' },
  { href: '/anggaran', label: 'nav.budget' },
  { href: '/aspirasi', label: 'nav.aspirations' },
  { href: '/konsultasi', label: 'nav.consultations' },
  { href: '/forum', label: 'nav.forum' },
  { href: '/janji-temu', label: 'nav.appointments' },
  { href: '/reses', label: 'nav.reses' },
  { href: '/pokir', label: 'nav.pokir' },
  { href: '/survei', label: 'nav.surveys' },
];

const textSizes: { size: TextSize; label: MessageKey }[] = [
  { size: 'biasa', label: 'site.textSize.biasa' },
  { size: 'besar', label: 'site.textSize.besar' },
  { size: 'sangat-besar', label: 'site.textSize.sangatBesar' },
];

/** Links that depend on who is signed in. */
function personal(ctx: PageContext): { href: string; label: MessageKey }[] {
  if (ctx.user === null) return [{ href: '/masuk', label: 'nav.signIn' }];
  const links: { href: string; label: MessageKey }[] = [{ href: '/akun', label: 'nav.account' }];
  if (ctx.user.mfaPassed && can(ctx.user.role, 'backoffice.enter'))
    links.push({ href: '/kelola', label: 'nav.backOffice' });
  return links;
}

const languageNames: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };
const languageShort: Record<Language, string> = { id: 'ID', en: 'EN' };

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** What the page is about, for search engines and link previews (the site's tagline if absent). */
  description?: string;
  /** schema.org data about what the page shows (the council, a member, a meeting, a regulation). */
  jsonLd?: Record<string, unknown>;
  /** For link previews: an article (news) rather than a page of the site, and its picture. */
  preview?: { type: 'article'; image?: string | undefined; published?: Date | null | undefined };
  children: ComponentChildren;
}

const ogLocale: Record<Language, string> = { id: 'id_ID', en: 'en_GB' };

/** JSON inside a script element: "<" escaped so that no text can close the element. */
function scriptJson(data: Record<string, unknown>): string {
  return JSON.stringify({ '@context': 'https://schema.org', ...data }).replace(/</g, '\\u003c');
}

/** The head every page shares: title and previews, the style sheet, the app's manifest, the script. */
function PageHead({
  ctx,
  title,
  description,
  jsonLd,
  preview,
  children,
}: {
  ctx: PageContext;
  title: string;
  description?: string | undefined;
  jsonLd?: Record<string, unknown> | undefined;
  preview?: LayoutProps['preview'];
  children?: ComponentChildren;
}) {
  const { t, council } = ctx;
  const siteName = council?.name ?? 'Dewan Terbuka';
  const summary = description ?? `${siteName}: ${t('site.tagline')}`;
  const path = new URL(ctx.url, 'http://localhost').pathname;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · ${siteName}`}</title>
      <meta name="description" content={summary} />
      <meta property="og:site_name" content={siteName} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={summary} />
      <meta property="og:type" content={preview?.type ?? 'website'} />
      {preview?.image === undefined ? null : <meta property="og:image" content={preview.image} />}
      {preview?.published === undefined || preview.published === null ? null : (
        <meta property="article:published_time" content={preview.published.toISOString()} />
      )}
      <meta property="og:url" content={`${ctx.origin}${path}`} />
      <meta property="og:locale" content={ogLocale[ctx.lang]} />
      {/* JSON with "<" escaped: a data block, never run (the CSP allows no inline script). */}
      {jsonLd === undefined ? null : (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(jsonLd) }} />
      )}
      <link rel="stylesheet" href={ctx.assets.css} />
      <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      {/* Installable as an app (the installable-app feature serves these addresses). */}
      <link rel="manifest" href="/manifest.webmanifest" />
      <link rel="apple-touch-icon" href="/ikon/apple-touch-icon.png" />
      <meta name="theme-color" content={brandColour} />
      {/* A module script is deferred already; `defer` on it is invalid HTML. */}
      <script type="module" src={ctx.assets.js} />
      {children}
    </head>
  );
}

export function Layout({ ctx, title, description, jsonLd, preview, children }: LayoutProps) {
  const { t, council } = ctx;
  const siteName = council?.name ?? 'Dewan Terbuka';
  return (
    <html lang={ctx.lang} class={ctx.textSize === 'biasa' ? undefined : `text-${ctx.textSize}`}>
      <PageHead ctx={ctx} title={title} description={description} jsonLd={jsonLd} preview={preview} />
      <body>
        <a class="skip" href="#isi">
          {t('site.skip')}
        </a>
        <header class="site-header">
          <div class="wrap bar">
            <a class="brand" href="/">
              <strong>{siteName}</strong>
              <span>{t('site.tagline')}</span>
            </a>
            <nav aria-label={t('site.language')}>
              <ul class="lang">
                {(['id', 'en'] as const).map((lang) =>
                  lang === ctx.lang ? (
                    <li key={lang} class="lang-current">
                      <span aria-current="true" title={languageNames[lang]}>
                        {languageShort[lang]}
                      </span>
                    </li>
                  ) : (
                    <li key={lang}>
                      <a href={urlInLanguage(ctx.url, lang)} hreflang={lang} lang={lang} title={languageNames[lang]}>
                        {languageShort[lang]}
                        <span class="visually-hidden">{` ${languageNames[lang]}`}</span>
                      </a>
                    </li>
                  ),
                )}
              </ul>
            </nav>
          </div>
          {/* On a phone the menu folds behind "Menu" (a details element: no script needed); on a
              wide screen it is always open (main.css, where the browser can style its content). */}
          <details class="menu">
            <summary class="menu-button">{t('site.menuButton')}</summary>
            <nav class="nav" aria-label={t('site.menu')}>
              <ul class="wrap">
                {[...navigation, ...personal(ctx)].map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={isCurrent(ctx.url, item.href) ? 'page' : undefined}>
                      {t(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <search>
              <form class="site-search wrap" method="get" action="/cari">
                <label class="visually-hidden" for="site-q">
                  {t('site.search')}
                </label>
                <input
                  id="site-q"
                  class="site-search-input"
                  name="q"
                  type="search"
                  maxLength={100}
                  placeholder={t('site.search')}
                />
                <Button variant="secondary">{t('site.searchButton')}</Button>
              </form>
            </search>
            {/* Links, like the language: the choice works without JavaScript and is remembered. */}
            <nav class="text-size wrap" aria-label={t('site.textSize')}>
              <span aria-hidden="true">{t('site.textSize')}:</span>
              <ul>
                {textSizes.map(({ size, label }) => (
                  <li key={size}>
                    {size === ctx.textSize ? (
                      <span class={`text-size-${size}`} aria-current="true">
                        {t(label)}
                      </span>
                    ) : (
                      <a class={`text-size-${size}`} href={urlInTextSize(ctx.url, size)} rel="nofollow">
                        {t(label)}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </details>
        </header>
        <main id="isi" class="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            {council === undefined ? null : (
              <>
                <p>
                  <strong>{council.name}</strong>
                </p>
                <address>
                  {t('site.address')}: {council.address}
                  {council.email === null ? null : (
                    <>
                      <br />
                      {t('site.contact')}: <a href={`mailto:${council.email}`}>{council.email}</a>
                    </>
                  )}
                  {council.phone === null ? null : (
                    <>
                      <br />
                      {t('site.contact')}: <a href={`tel:${council.phone.replace(/[^+\d]/g, '')}`}>{council.phone}</a>
                    </>
                  )}
                </address>
              </>
            )}
            <p>
              <a href="/kinerja">{t('site.performance')}</a> · <a href="/data">{t('data.title')}</a> ·{' '}
              <a href="/api/docs">{t('site.apiDocs')}</a> · <a href="/istilah">{t('site.glossary')}</a>
            </p>
            <p>{t('site.poweredBy')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

export interface KioskLayoutProps {
  ctx: PageContext;
  title: string;
  /** The kiosk's first screen: where it goes back to when left alone. */
  home: string;
  /** Seconds without a touch before the kiosk goes back to its first screen. */
  idleSeconds: number;
  children: ComponentChildren;
}

/**
 * A touch screen at the council's front desk: large type, high contrast, no menu to wander off
 * into, and back to its first screen after a while untouched — by the kiosk script, which waits
 * while someone is typing, or without JavaScript by a refresh.
 */
export function KioskLayout({ ctx, title, home, idleSeconds, children }: KioskLayoutProps) {
  const { t, council } = ctx;
  return (
    <html lang={ctx.lang} class="kiosk-screen">
      <PageHead ctx={ctx} title={title}>
        <noscript>
          <meta http-equiv="refresh" content={`${idleSeconds};url=${home}`} />
        </noscript>
      </PageHead>
      <body class="kiosk" data-module="kiosk-idle" data-home={home} data-idle={String(idleSeconds)}>
        <header class="site-header">
          <div class="wrap bar">
            <span class="brand">
              <strong>{council?.name ?? 'Dewan Terbuka'}</strong>
              <span>{t('site.tagline')}</span>
            </span>
            <nav aria-label={t('site.language')}>
              <ul class="lang">
                {(['id', 'en'] as const).map((lang) => (
                  <li key={lang} class={lang === ctx.lang ? 'lang-current' : undefined}>
                    {lang === ctx.lang ? (
                      <span aria-current="true">{languageNames[lang]}</span>
                    ) : (
                      <a href={urlInLanguage(ctx.url, lang)} hreflang={lang} lang={lang}>
                        {languageNames[lang]}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="isi" class="wrap" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
