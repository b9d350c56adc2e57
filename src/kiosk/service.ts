/**
 * The kiosk at the council's front desk: an aspiration asked one question a screen (the answers so
 * far ride along in the form), filed like one received in the aspiration room; and the call for a
 * member of staff, announced to the desk as it happens.
 */
import { kinds, submitAspiration } from '../aspirations/service.ts';
import { type CouncilStructure, getCouncil } from '../council/service.ts';
import { recordAudit } from '../platform/audit.ts';
import { isEmail, PHONE_PATTERN } from '../platform/contact.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import * as q from './queries.ts';

/** The kiosk's first screen, where it returns when left alone. */
export const KIOSK_HOME = '/kios';
/** Seconds untouched before the kiosk goes back to its first screen. */
export const IDLE_SECONDS = 90;
/** The realtime channel of calls for staff (across app processes). */
export const KIOSK_CALL = 'kiosk_call';

export const steps = ['jenis', 'kategori', 'kecamatan', 'kelurahan', 'judul', 'uraian', 'kontak', 'periksa'] as const;
export type Step = (typeof steps)[number];

/** The answers a kiosk form carries from screen to screen. */
export interface Answers {
  kind: string;
  category: string;
  kecamatan: string;
  kelurahan: string;
  title: string;
  description: string;
  name: string;
  phone: string;
  email: string;
  consent: string;
  /** The submission key: a double tap on "send" files one aspiration. */
  kunci: string;
}

export const answerNames = [
  'kind',
  'category',
  'kecamatan',
  'kelurahan',
  'title',
  'description',
  'name',
  'phone',
  'email',
  'consent',
  'kunci',
] as const satisfies readonly (keyof Answers)[];

export type KioskProblem =
  | { problem: 'choose' | 'required' | 'phone' | 'email' | 'consent' }
  | { problem: 'tooShort'; min: number }
  | { problem: 'tooLong'; max: number };
export type KioskErrors = Partial<Record<keyof Answers, KioskProblem>>;

function length(errors: KioskErrors, field: keyof Answers, value: string, min: number, max: number) {
  if (value === '') errors[field] = { problem: 'required' };
  else if (value.length < min) errors[field] = { problem: 'tooShort', min };
  else if (value.length > max) errors[field] = { problem: 'tooLong', max };
}

/** What is wrong with a screen's answer (nothing: the person may go on). */
export function checkStep(structure: CouncilStructure, step: Step, a: Answers): KioskErrors {
  const errors: KioskErrors = {};
  const kecamatan = structure.kecamatan.find((k) => String(k.id) === a.kecamatan);
  switch (step) {
    case 'jenis':
      if (!kinds.some((k) => k === a.kind)) errors.kind = { problem: 'choose' };
      break;
    case 'kategori':
      if (!structure.categories.some((c) => c.slug === a.category)) errors.category = { problem: 'choose' };
      break;
    case 'kecamatan':
      if (kecamatan === undefined) errors.kecamatan = { problem: 'choose' };
      break;
    case 'kelurahan':
      if (a.kelurahan !== '' && !kecamatan?.kelurahan.some((k) => String(k.id) === a.kelurahan))
        errors.kelurahan = { problem: 'choose' };
      break;
    case 'judul':
      length(errors, 'title', a.title, 5, 150);
      break;
    case 'uraian':
      length(errors, 'description', a.description, 10, 5000);
      break;
    case 'kontak':
      if (a.name.length > 120) errors.name = { problem: 'tooLong', max: 120 };
      if (a.phone !== '' && !PHONE_PATTERN.test(a.phone)) errors.phone = { problem: 'phone' };
      if (a.email !== '' && (a.email.length > 320 || !isEmail(a.email))) errors.email = { problem: 'email' };
      break;
    case 'periksa':
      if ((a.phone !== '' || a.email !== '' || a.name !== '') && a.consent !== 'yes')
        errors.consent = { problem: 'consent' };
      break;
  }
  return errors;
}

/** The first screen whose answer is missing or wrong: a form cut short or changed goes back there. */
export function firstOpenStep(structure: CouncilStructure, a: Answers, upTo: Step): Step | undefined {
  for (const step of steps.slice(0, steps.indexOf(upTo))) {
    if (Object.keys(checkStep(structure, step, a)).length > 0) return step;
  }
  return undefined;
}

/** The screen that asks each field the aspiration service may refuse (the rest: the contact screen). */
const stepOfField: Partial<Record<string, Step>> = {
  kind: 'jenis',
  category: 'kategori',
  location: 'kecamatan',
  title: 'judul',
  description: 'uraian',
};

/** Files the kiosk's aspiration as one received in the aspiration room; its code goes on the receipt. */
export async function fileFromKiosk(
  deps: Deps,
  a: Answers,
): Promise<{ ok: true; code: string } | { ok: false; step: Step }> {
  const structure = await getCouncil(deps.db);
  // Every screen checked again, the last one included: a form changed on the way goes back there.
  const open = steps.find((step) => Object.keys(checkStep(structure, step, a)).length > 0);
  if (open !== undefined) return { ok: false, step: open };
  const result = await submitAspiration(deps, {
    kind: a.kind,
    category: a.category,
    location: a.kelurahan === '' ? `k${a.kecamatan}` : a.kelurahan,
    title: a.title,
    description: a.description,
    name: a.name,
    email: a.email,
    phone: a.phone,
    showName: false,
    consent: a.consent === 'yes',
    channel: 'ruang_aspirasi',
    photos: [],
    userId: null,
    key: a.kunci,
  });
  if (result.ok) return { ok: true, code: result.code };
  // The service checks again what the screens checked; a refusal sends the person to its screen.
  const field = result.errors[0]?.field;
  return { ok: false, step: (field === undefined ? undefined : stepOfField[field]) ?? 'kontak' };
}

/** Someone at the kiosk asks for help: recorded and announced to the desk's open pages. */
export async function callStaff(deps: Deps, place: string): Promise<number> {
  const structure = await getCouncil(deps.db);
  const { id } = await q.insertCall(deps.db, structure.council.id, place);
  deps.signals.send(KIOSK_CALL, String(id));
  return id;
}

export interface KioskCall {
  id: number;
  place: string;
  calledAt: Date;
  answeredAt: Date | null;
}

export async function recentCalls(deps: Deps): Promise<KioskCall[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.recentCalls(deps.db, structure.council.id, new Date(Date.now() - 24 * 60 * 60 * 1000));
  return rows.map((r) => ({ id: r.id, place: r.place, calledAt: r.called_at, answeredAt: r.answered_at }));
}

/** A member of staff helped the person who called; false when the call is unknown (already helped is fine). */
export async function answerCall(deps: Deps, user: CurrentUser, id: number): Promise<boolean> {
  const structure = await getCouncil(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    if ((await q.callExists(trx, structure.council.id, id)) === undefined) return false;
    const answered = await q.answerCall(trx, structure.council.id, id, user.id);
    if (answered !== undefined)
      await recordAudit(trx, {
        actorUserId: user.id,
        actorRole: user.role,
        action: 'kiosk.call.answered',
        subjectType: 'kiosk_call',
        subjectId: id,
        details: {},
      });
    return true;
  });
}
