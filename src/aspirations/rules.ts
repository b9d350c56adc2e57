/** What an aspiration is: its kinds, statuses and channels, the limits of its fields, and how typed text is cleaned and checked. */
import type { AspirationChannel, AspirationKind, AspirationStatus } from '../db/schema.ts';
import type { CurrentUser } from '../platform/deps.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, type PhotoProblem, type UploadedFile } from '../platform/uploads.ts';
import { type FieldError, isSingleLine } from '../platform/validation.ts';

export const CONSENT_VERSION = '2026-12-aspirasi';
/** The real-time channel that tells open inboxes a new aspiration was committed. */
export const NEW_ASPIRATION = 'aspiration_new';
export const PHOTO_FOLDER = 'aspirasi';
export const TITLE_MAX = 150;
export const DESCRIPTION_MAX = 5000;
export const TEXT_MAX = 3000;
export { MAX_PHOTO_BYTES, MAX_PHOTOS };

export const kinds: readonly AspirationKind[] = ['aspirasi', 'pengaduan', 'informasi', 'rahasia'];
export const statuses: readonly AspirationStatus[] = [
  'received',
  'verified',
  'forwarded',
  'resolved',
  'rejected',
  'referred',
  'duplicate',
];
/** Every way an aspiration reaches the council. */
export const allChannels: readonly AspirationChannel[] = [
  'web',
  'ruang_aspirasi',
  'telepon',
  'surat',
  'reses',
  'open311',
  'sms',
  'whatsapp',
  'forum',
  'siaran',
];
export const intakeChannels: readonly AspirationChannel[] = [
  'ruang_aspirasi',
  'telepon',
  'surat',
  'reses',
  'sms',
  'whatsapp',
];
export const followUpKinds = ['rapat', 'kunjungan', 'rdp', 'surat', 'pokir'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

const codePattern = /^ASP-\d{4}-\d{6}$/;
export function isCode(value: string): boolean {
  return codePattern.test(value);
}

// Text is stored as typed and escaped on output; markup is refused so nobody wonders why it shows.
const markup = /<\s*\/?\s*[a-z!?]/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** A one-line field (title, name, address): text as for any field, and no line break. */
export function line(
  errors: AspirationError[],
  field: string,
  value: string,
  min: number,
  max: number,
  required = true,
) {
  text(errors, field, value, min, max, required);
  if (!isSingleLine(value)) errors.push({ field, problem: 'singleLine' });
}

export function clean(value: string | undefined): string {
  return (value ?? '').replace(controls, '').trim();
}

export type FieldProblem =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'singleLine'
  | 'markup'
  | 'invalid'
  | 'email'
  | 'phone'
  | 'contact'
  | 'consent'
  | 'tooMany'
  | 'notInText'
  | 'code'
  | 'trackContact'
  | PhotoProblem;

export type AspirationError = FieldError<FieldProblem>;

export interface Submission {
  kind: string;
  category: string;
  location: string;
  title: string;
  description?: string | undefined;
  address?: string | undefined;
  lat?: string | undefined;
  lon?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  showName: boolean;
  consent: boolean;
  channel: AspirationChannel;
  photos: UploadedFile[];
  userId: number | null;
  /** The project the aspiration is about (from a project's page); an unknown one is dropped. */
  project?: string | undefined;
  /** The officer who entered an aspiration received offline. */
  enteredBy?: CurrentUser | undefined;
  /**
   * The key the sending form names (a random string it was given once): the same key sent again
   * finds the aspiration it filed instead of filing another. One not shaped like a key is ignored.
   */
  key?: string | undefined;
  /** How the tracking code goes back to a phone that reported by message: the way it came. */
  replyVia?: 'sms' | 'whatsapp' | undefined;
}

/** What a submission key looks like: random, long enough not to be guessed, short enough to store. */
export const SUBMISSION_KEY = /^[A-Za-z0-9_-]{22,64}$/;

export function text(
  errors: AspirationError[],
  field: string,
  value: string,
  min: number,
  max: number,
  required = true,
) {
  if (value === '') {
    if (required) errors.push({ field, problem: 'required' });
    return;
  }
  if (value.length > max) errors.push({ field, problem: 'tooLong', max });
  else if (value.length < min) errors.push({ field, problem: 'tooShort' });
  else if (markup.test(value)) errors.push({ field, problem: 'markup' });
}

export const PAGE_SIZE = 20;

export type ActionResult =
  | { ok: true; code: string }
  | { ok: false; errors: AspirationError[] }
  | { ok: false; problem: 'state' | 'missing' | 'forbidden' };
