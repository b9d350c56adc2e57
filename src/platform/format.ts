/**
 * How people read dates, times and money here: "29 November 2026", times in WIB
 * (Asia/Jakarta), amounts as "Rp 1.234.567".
 */
import type { Language } from '../config.ts';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };
export const timeZone = 'Asia/Jakarta';

/**
 * Each formatter is made once per language: building an Intl formatter costs far more than using
 * one (a /kinerja page of 25 months wrote a thousand numbers, and made a formatter for each).
 */
const perLanguage = <T>(make: (locale: string) => T): Record<Language, T> => ({
  id: make(locales.id),
  en: make(locales.en),
});
const days = perLanguage(
  (l) => new Intl.DateTimeFormat(l, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }),
);
const dates = perLanguage(
  (l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'long', year: 'numeric', timeZone }),
);
const times = perLanguage(
  (l) => new Intl.DateTimeFormat(l, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
);
const numbers = perLanguage((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 2 }));
const oneDecimal = perLanguage((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 }));
const months = perLanguage((l) => new Intl.DateTimeFormat(l, { month: 'long', year: 'numeric', timeZone: 'UTC' }));
const shortMonths = perLanguage(
  (l) => new Intl.DateTimeFormat(l, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
);

export function formatDate(date: Date, lang: Language): string {
  return dates[lang].format(date);
}

/** A date with its weekday: "Rabu, 2 Desember 2026" / "Wednesday 2 December 2026". */
export function formatDayDate(date: Date, lang: Language): string {
  return days[lang].format(date);
}

export function formatTime(date: Date, lang: Language): string {
  return `${times[lang].format(date).replace('.', ':')} WIB`;
}

export function formatNumber(value: number | bigint, lang: Language): string {
  return numbers[lang].format(value);
}

/** A file's size as a downloader weighs it: "820 KB", never 0 ("1 KB" for a tiny one). */
export function formatFileSize(bytes: number, lang: Language): string {
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`;
}

/** A share as "61,5%" (Indonesian) or "61.5%" (English). */
export function formatPercent(value: number, lang: Language): string {
  return `${formatNumber(value, lang)}%`;
}

/** "Rp 1.234.567" in both languages: the Rupiah is written the Indonesian way. */
export function formatRupiah(value: number | bigint): string {
  const negative = value < 0;
  const digits = (negative ? -value : value).toString().split('.')[0] ?? '0';
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}Rp ${grouped}`;
}

/** Scales of the Rupiah, largest first: the size, its Indonesian name, its English name. */
type Scales = [number, string, string][];

/** An amount in its largest scale with one decimal: "Rp 6,7 triliun"; below every scale, in full. */
function scaledRupiah(value: number, lang: Language, scales: Scales): string {
  const scale = scales.find(([size]) => Math.abs(value) >= size);
  if (scale === undefined) return formatRupiah(Math.round(value));
  const [size, id, en] = scale;
  const amount = oneDecimal[lang].format(value / size);
  return `Rp ${amount} ${lang === 'en' ? en : id}`;
}

/** An amount that stands alone, in words: "Rp 6,7 triliun" (id), "Rp 6.7 trillion" (en). */
export function formatRupiahWords(value: number, lang: Language): string {
  return scaledRupiah(value, lang, [
    [1e12, 'triliun', 'trillion'],
    [1e9, 'miliar', 'billion'],
    [1e6, 'juta', 'million'],
  ]);
}

/**
 * An amount on a chart's axis, where room is short: "Rp 1,2 T", "Rp 400 M", "Rp 50 jt" (id: triliun,
 * miliar, juta), "Rp 1.2 tn", "Rp 400 bn", "Rp 50 m" (en). Zero is "0".
 */
export function formatRupiahShort(value: number, lang: Language): string {
  if (value === 0) return '0';
  return scaledRupiah(value, lang, [
    [1e12, 'T', 'tn'],
    [1e9, 'M', 'bn'],
    [1e6, 'jt', 'm'],
    [1e3, 'rb', 'k'],
  ]);
}

/** A calendar day (YYYY-MM-DD, Jakarta) as people read it: "29 November 2026". */
export function dayOf(ctx: { lang: Language }, day: string): string {
  return formatDate(new Date(`${day}T12:00:00+07:00`), ctx.lang);
}

/** A calendar month (YYYY-MM) as "Oktober 2026" / "October 2026". */
export function monthOf(ctx: { lang: Language }, month: string): string {
  return months[ctx.lang].format(new Date(`${month}-15T00:00:00Z`));
}

/** A calendar month (YYYY-MM) where room is short: "Okt 2026" / "Oct 2026". */
export function shortMonthOf(ctx: { lang: Language }, month: string): string {
  return shortMonths[ctx.lang].format(new Date(`${month}-15T00:00:00Z`));
}
