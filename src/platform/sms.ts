/**
 * One SMS: 160 characters of the GSM 03.38 alphabet. A character outside it (a curly quote, an
 * emoji) turns the whole message into UCS-2, where only 70 fit, and a longer text is split into
 * parts the citizen pays for or receives out of order on a cheap phone. So every text meant for
 * SMS is written in the GSM alphabet and cut to one message here, keeping the link at its end whole:
 * the link is how the citizen reads the rest.
 */

/** The GSM 03.38 basic alphabet: one septet each. */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: an escape and the character, two septets each. */
const EXTENDED = '^{}\\[~]|€';

export const SMS_LIMIT = 160;

/** Typographic characters people (and translators) type, in the plain form a phone shows. */
const plain: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u2022': '-',
  '\u00A0': ' ',
  '\t': ' ',
};

/** The text in the GSM alphabet: typography made plain, accents dropped where GSM lacks the letter, anything else "?". */
export function toGsm(text: string): string {
  let out = '';
  for (const char of text) {
    const replaced = plain[char];
    if (replaced !== undefined || BASIC.includes(char) || EXTENDED.includes(char)) {
      out += replaced ?? char;
      continue;
    }
    const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += [...bare].every((c) => BASIC.includes(c)) ? bare : '?';
  }
  return out;
}

/** Septets a GSM text takes: two for each character of the extension table. */
export function gsmLength(text: string): number {
  let n = 0;
  for (const char of text) n += EXTENDED.includes(char) ? 2 : 1;
  return n;
}

/** Whether the text goes as one SMS unchanged. */
export function fitsOneSms(text: string): boolean {
  return toGsm(text) === text && gsmLength(text) <= SMS_LIMIT;
}

/**
 * The text as one SMS: in the GSM alphabet, spaces collapsed, and when too long cut at a word
 * with "..." — before its last link, which is kept whole.
 */
export function fitSms(text: string): string {
  const gsm = toGsm(text)
    .replace(/[ \r\n]+/g, ' ')
    .trim();
  if (gsmLength(gsm) <= SMS_LIMIT) return gsm;
  const link = /\s(https?:\/\/\S+)$/.exec(gsm)?.[1];
  const tail = link === undefined ? '' : ` ${link}`;
  const head = link === undefined ? gsm : gsm.slice(0, gsm.length - tail.length);
  const room = SMS_LIMIT - gsmLength(tail) - 3;
  if (room < 20) return cut(gsm, SMS_LIMIT - 3);
  return `${cut(head, room)}${tail}`;
}

/** At most `room` septets of the text ending at a word, then "...". */
function cut(text: string, room: number): string {
  let kept = '';
  for (const char of text) {
    if (gsmLength(kept + char) > room) break;
    kept += char;
  }
  const next = text.slice(kept.length, kept.length + 1);
  // Cut inside a word: drop its beginning, unless that leaves too little.
  const atWord = next === '' || /\s/.test(next) ? kept : kept.replace(/\s+\S*$/, '');
  return `${(atWord.length >= room / 2 ? atWord : kept).replace(/[\s.,;:-]+$/, '')}...`;
}
