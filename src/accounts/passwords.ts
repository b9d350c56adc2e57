/**
 * Passwords: argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane), a minimum length of
 * 10, and a refusal of passwords that appear in lists of the most used ones or are built from the
 * account's own email address.
 */
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id in @node-rs/argon2 (a const enum, which isolated modules cannot import).
const ARGON2ID = 2;
export const argon2Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_LENGTH = 10;
export const MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options as Parameters<typeof hash>[1]);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so the answer takes as long. */
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password for unknown accounts');
  await verifyPassword(await decoy, password);
}

// Common passwords and the patterns people reach for first, in Indonesia and everywhere.
// Compared after lower-casing, and with trailing digits and symbols removed.
const common = new Set(
  `password passw0rd p@ssword p@ssw0rd qwerty qwertyuiop qwertyuiop123 asdfghjkl zxcvbnm iloveyou
  admin administrator welcome letmein monkey dragon sunshine princess football baseball superman
  batman trustno1 master shadow michael jennifer abc abcdef abcdefgh abcdefghij abcd1234 test tester
  changeme secret default login starwars whatever freedom hello hellohello passwordpassword
  indonesia jakarta bekasi bandung surabaya garuda merdeka pancasila bismillah alhamdulillah
  assalamualaikum sayang sayangku cintaku kucing anjing rahasia katasandi kata sandi sandi
  sandiku masuk selamat selamatdatang bangsa nusantara dprd dewan rakyat aspirasi
  ganteng cantik keluarga bapak ibu mama papa anakku rumahku indah persija persib
  123456 1234567 12345678 123456789 1234567890 0123456789 987654321 9876543210 111111 000000
  1111111111 0000000000 121212 123123 123123123 112233 11223344 147258369 159753 753951 666666
  a1b2c3 a1b2c3d4 q1w2e3r4 q1w2e3r4t5 1q2w3e4r 1q2w3e4r5t zaq12wsx qazwsx qazwsxedc`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

function stripped(password: string): string {
  return password.toLowerCase().replace(/[\d\W_]+$/u, '');
}

function isSequence(password: string): boolean {
  if (/^(.)\1+$/u.test(password)) return true;
  const codes = [...password].map((c) => c.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - (codes[i - 1] ?? 0) === step);
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'personal';

export function passwordProblem(password: string, email?: string): PasswordProblem | undefined {
  if ([...password].length < MIN_LENGTH) return 'tooShort';
  if (password.length > MAX_LENGTH) return 'tooLong';
  const lower = password.toLowerCase();
  if (common.has(lower) || common.has(stripped(password)) || isSequence(password) || isSequence(stripped(password))) {
    return 'common';
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local !== undefined && local.length >= 4 && (lower.includes(local) || local.includes(stripped(password)))) {
    return 'personal';
  }
  return undefined;
}
