/**
 * A service says what is wrong with a form as values ({ field, problem }); this turns them into
 * sentences for the error summary and beside each field. Each feature names the text of each of
 * its problems in a table, so a problem without words fails the type check.
 */
import type { MessageKey, Translate } from './i18n.ts';
import type { FieldErrors } from './views/form.tsx';

export interface FieldError<P extends string = string> {
  field: string;
  problem: P;
  /** For "at most {max}" texts. */
  max?: number;
  /** For texts that name something, e.g. the photo that is too large. */
  name?: string;
}

/**
 * How a form names its fields in messages, so that each line of the error summary says which
 * field it is about: its own words when it was left empty ("Tulis judul singkat."), else its name
 * before the problem ("Judul singkat: terlalu panjang …"). Fields whose problems name themselves
 * (an email address, the consent, an amount) need no name.
 */
export type FieldWords = Readonly<Partial<Record<string, { name?: MessageKey; required?: MessageKey }>>>;

export function fieldMessages<P extends string>(
  t: Translate,
  errors: readonly FieldError<P>[],
  texts: Readonly<Record<P, MessageKey>>,
  /** Put before each field name, when one page holds two forms. */
  prefix = '',
  words: FieldWords = {},
): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const own = words[e.field];
    const problem = t(texts[e.problem], { max: e.max ?? 0, name: e.name ?? '' });
    const text =
      e.problem === 'required' && own?.required !== undefined
        ? t(own.required)
        : own?.name === undefined
          ? problem
          : `${t(own.name)}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`;
    const field = `${prefix}${e.field}`;
    out[field] = out[field] === undefined ? text : `${out[field]} ${text}`;
  }
  return out;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const notOnOneLine = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

/**
 * Whether text fits a one-line field (a name, a title, an address): no line break or other
 * control character, which would let it pass for more than it is where it is shown or mailed.
 */
export function isSingleLine(text: string): boolean {
  return !notOnOneLine.test(text);
}

/**
 * Whether a staff-entered link is safe to show as one: a page of this portal ("/anggaran", never
 * "//host" or "/\\host", which browsers read as another site) or an http(s) web address.
 */
export function isPortalOrWebLink(value: string): boolean {
  if (/\s/.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//') && !value.startsWith('/\\');
  return URL.canParse(value) && ['https:', 'http:'].includes(new URL(value).protocol);
}
