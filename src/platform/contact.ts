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

const emailInText = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// 0812-3456-7890, +62 812 3456 7890, 62812…, (021) 8888-1234: Indonesian numbers as people write them.
const phoneInText = /(?<![\p{N}])(?:\+62|62|0)[\s.-]?\(?\d{2,4}\)?(?:[\s.-]?\d{2,5}){1,4}(?![\p{N}])/gu;
// A NIK (population number) is 16 digits, perhaps in groups.
const nikInText = /(?<![\p{N}])\d{4}[\s.-]?\d{4}[\s.-]?\d{4}[\s.-]?\d{4}(?![\p{N}])/gu;

/**
 * Text for the public, with the contact details a citizen typed into it masked: an email address
 * keeps its first letter and its domain (b•••@gmail.com), a phone number its first four and last
 * four digits (0812-••••-7890), a NIK nothing. The stored text is unchanged for staff and the reporter.
 */
export function maskContacts(text: string): string {
  return text
    .replace(emailInText, (email) => `${email.slice(0, 1)}•••${email.slice(email.indexOf('@'))}`)
    .replace(nikInText, (nik) => (nik.replace(/\D/g, '').length === 16 ? '•'.repeat(16) : nik))
    .replace(phoneInText, (phone) => {
      const digits = phone.replace(/\D/g, '');
      if (digits.length < 9 || digits.length > 14) return phone;
      let seen = 0;
      // Keep the first four and the last four digits where they stand; every other digit becomes •.
      return phone.replace(/\d/g, (d) => {
        seen++;
        return seen <= 4 || seen > digits.length - 4 ? d : '•';
      });
    });
}
