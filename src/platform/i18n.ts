/**
 * Interface text in Bahasa Indonesia (the default) and English. Each feature keeps its texts in
 * its own `messages.ts`, both languages side by side per key, and declares its keys into
 * `MessageCatalogue` so that `t()` accepts exactly the keys that exist somewhere: a key missing
 * from every catalogue, or written in one language only, fails the type check. The registry
 * (src/features.ts) adds each feature's texts when the app is loaded.
 */
import type { Language } from '../config.ts';
import { messages as platformMessages } from './messages.ts';

/** Every key: the platform's own, and each feature's, merged by declaration from its `messages.ts`. */
export interface MessageCatalogue extends Readonly<typeof platformMessages> {}
export type MessageKey = keyof MessageCatalogue & string;

/** A feature's texts: each key with its Indonesian and English wording. */
export type Messages = Readonly<Record<string, { readonly id: string; readonly en: string }>>;

const catalogue = new Map<string, { readonly id: string; readonly en: string }>();

/** Adds a feature's texts; the same key from two features is a mistake caught at start. */
export function addMessages(messages: Messages): void {
  for (const [key, text] of Object.entries(messages)) {
    if (catalogue.has(key) && catalogue.get(key) !== text) throw new Error(`Message "${key}" is defined twice`);
    catalogue.set(key, text);
  }
}
addMessages(platformMessages);

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  return (key, params) => {
    const text = catalogue.get(key);
    // The type check makes this unreachable unless a feature was left out of src/features.ts.
    if (text === undefined) throw new Error(`Message "${key}" is not loaded: is its feature in src/features.ts?`);
    return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params?.[name] === undefined ? whole : String(params[name]),
    );
  };
}

export const languages: readonly Language[] = ['id', 'en'];

export function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}

/**
 * The words for a value stored as plain text (a database column, an event's details) from a
 * feature's table of texts; a value the table does not know is shown as it is.
 */
export function textOf(t: Translate, texts: Readonly<Record<string, MessageKey>>, value: unknown): string {
  const key = typeof value === 'string' && Object.hasOwn(texts, value) ? texts[value] : undefined;
  return key === undefined ? String(value) : t(key);
}
