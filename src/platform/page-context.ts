/** What every page needs besides its own data: language, text, the council, where we are. */
import type { Language } from '../config.ts';
import type { Role } from '../db/schema.ts';
import type { Assets } from './assets.ts';
import type { Translate } from './i18n.ts';
import type { Site } from './site.ts';

export interface PageContext {
  lang: Language;
  t: Translate;
  /** The portal's public address (PUBLIC_BASE_URL), for links that leave the page: Open Graph, JSON-LD. */
  origin: string;
  /** Path and query of the current request, to mark the current page and switch language. */
  url: string;
  council: Site | undefined;
  assets: Assets;
  /** Map tiles when configured; pages offer maps only then. */
  map: { tiles: string; attribution: string } | undefined;
  /** The signed-in person, for the header; null for a visitor. */
  user: { name: string; role: Role; mfaPassed: boolean } | null;
}

/** The same address in another language: `?lang=` replaced, every other parameter kept. */
export function urlInLanguage(url: string, lang: Language): string {
  const parsed = new URL(url, 'http://localhost');
  parsed.searchParams.set('lang', lang);
  return `${parsed.pathname}?${parsed.searchParams.toString()}`;
}

/** Whether a navigation link points at the current page or a page under it. */
export function isCurrent(url: string, href: string): boolean {
  const path = new URL(url, 'http://localhost').pathname;
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}
