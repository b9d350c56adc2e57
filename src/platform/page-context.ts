/** What every page needs besides its own data: language, text, the council, where we are. */
import type { Language } from '../config.ts';
import type { Role } from '../db/schema.ts';
import type { Assets } from './assets.ts';
import type { Translate } from './i18n.ts';
import type { Site } from './site.ts';
import type { TextSize } from './text-size.ts';

export interface PageContext {
  lang: Language;
  /** The text size the visitor chose (platform/text-size.ts). */
  textSize: TextSize;
  t: Translate;
  /** The portal's public address (PUBLIC_BASE_URL), for links that leave the page: Open Graph, JSON-LD. */
  origin: string;
  /** Path and query of the current request, to mark the current page and switch language. */
  url: string;
  council: Site | undefined;
  assets: Assets;
  /** Map tiles when configured; pages offer maps only then. */
  map: { tiles: string; attribution: string } | undefined;
  /** The VAPID public key browsers subscribe to push with; pages offer push only when set. */
  pushKey: string | undefined;
  /** The signed-in person, for the header; null for a visitor. */
  user: { name: string; role: Role; mfaPassed: boolean } | null;
}

/** The same address with one display choice (`lang`, `teks`) replaced, every other parameter kept. */
function urlWith(url: string, name: 'lang' | 'teks', value: string): string {
  const parsed = new URL(url, 'http://localhost');
  parsed.searchParams.set(name, value);
  return `${parsed.pathname}?${parsed.searchParams.toString()}`;
}

/** The same address in another language. */
export function urlInLanguage(url: string, lang: Language): string {
  return urlWith(url, 'lang', lang);
}

/** The same address with another text size. */
export function urlInTextSize(url: string, size: TextSize): string {
  return urlWith(url, 'teks', size);
}

/** Whether a navigation link points at the current page or a page under it. */
export function isCurrent(url: string, href: string): boolean {
  const path = new URL(url, 'http://localhost').pathname;
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}
