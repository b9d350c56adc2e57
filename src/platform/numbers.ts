/**
 * Numbers as people in Indonesia type them into a form: a decimal comma (61,5), dots between
 * thousands (1.250.000), "Rp" before an amount, "%" after a share. A dot before one to two or
 * more than three digits ("61.5", "-6.2383") is read as a decimal point too, since phones and
 * maps write it so; a lone group of three ("6.238") is read the Indonesian way (6238) unless only
 * the decimal reading fits the field's range (a coordinate).
 */

export interface NumberField {
  /** Digits kept after the decimal point; more are rounded. 0 for whole numbers (rupiah). */
  decimals: number;
  min: number;
  max: number;
  /** What may stand beside the number and is not part of it. */
  unit?: 'rupiah' | 'percent';
}

export type NumberReading = { ok: true; value: number } | { ok: false; problem: 'format' | 'range' };

const grouped = /^\d{1,3}(?:\.\d{3})+$/;
const plain = /^\d+$/;

function digitsOf(raw: string, unit: NumberField['unit']): string {
  let v = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (unit === 'rupiah') v = v.replace(/^Rp\.?/i, '');
  if (unit === 'percent') v = v.replace(/%$/, '');
  return v.replace(/^\u2212/, '-');
}

/** Every value the text may mean, the Indonesian reading first; none when it is not a number. */
function readings(text: string, decimals: number): number[] {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const signed = (n: number) => (negative ? -n : n);
  const comma = body.split(',');
  if (comma.length > 2) return [];
  if (comma.length === 2) {
    const [whole = '', fraction = ''] = comma;
    if (!(plain.test(whole) || grouped.test(whole)) || !plain.test(fraction)) return [];
    // "1.250.000,00" is a whole amount; "61,5" is not, where only whole numbers are meant.
    if (decimals === 0 && /[1-9]/.test(fraction)) return [];
    return [signed(Number(`${whole.replaceAll('.', '')}.${fraction}`))];
  }
  if (plain.test(body)) return [signed(Number(body))];
  if (grouped.test(body)) {
    const thousands = signed(Number(body.replaceAll('.', '')));
    return decimals === 0 || body.split('.').length > 2 ? [thousands] : [thousands, signed(Number(body))];
  }
  if (decimals > 0 && /^\d+\.\d+$/.test(body)) return [signed(Number(body))];
  return [];
}

/** Reads one number from a form field; says whether it was unreadable or out of the field's range. */
export function readNumber(raw: string, field: NumberField): NumberReading {
  const meant = readings(digitsOf(raw.trim(), field.unit), field.decimals);
  if (meant.length === 0) return { ok: false, problem: 'format' };
  const scale = 10 ** field.decimals;
  const fits = meant
    .map((n) => Math.round(n * scale) / scale)
    .find((n) => Number.isSafeInteger(Math.round(n * scale)) && n >= field.min && n <= field.max);
  return fits === undefined ? { ok: false, problem: 'range' } : { ok: true, value: Object.is(fits, -0) ? 0 : fits };
}

/** A number as it goes back into a form field: "61,5", "-6,2383", "1250000" (no grouping to retype). */
export function numberForField(value: number): string {
  return String(value).replace('.', ',');
}
