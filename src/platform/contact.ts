/**
 * Email addresses and Indonesian phone numbers as people type them: one normal form each, so that
 * the same address or number finds the same person whatever spacing, case or country prefix was used.
 */

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
  return email.length <= 254 && emailPattern.test(email);
}

/** What a phone number may look like when typed: digits, spaces, brackets, hyphens, a leading +. */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{8,20}$/;

/** "+62 812-3456-7890", "62812…" and "0812…" are one number: 0812…. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.startsWith('+62') ? `0${digits.slice(3)}` : digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
}
