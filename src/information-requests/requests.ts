/**
 * Requests for public information on the legal clock (UU 14/2008 KIP, Pasal 22): received, answered
 * within 10 working days of the council's calendar, once extended by up to 7 with a reason; the
 * decision (in full, in part, refused with the exemption article, not held) and the answer. The
 * applicant follows it by a code and a private link and is told of every step by email and SMS;
 * only the PPID officer sees who asked, each look recorded in the audit log.
 */
import { randomInt } from 'node:crypto';
import { handOverToPpid, informationAspirationsToMove } from '../aspirations/service.ts';
import { type CouncilStructure, getCouncil } from '../council/service.ts';
import type {
  InformationDecision,
  InformationDelivery,
  InformationRequestStepKind,
  ObjectionReason,
} from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import { isEmail, normaliseEmail, normalisePhone, PHONE_PATTERN } from '../platform/contact.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { PersonalDataHooks, WaitingWork } from '../platform/feature.ts';
import { dayOf } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import type { Job } from '../platform/jobs.ts';
import { type enqueueMessage, enqueueToContact } from '../platform/outbox.ts';
import { can } from '../platform/permissions.ts';
import { fileStore } from '../platform/storage.ts';
import { pdfProblem, storeDocument, storedFile, type UploadedFile } from '../platform/uploads.ts';
import { type FieldError, isPortalOrWebLink, isSingleLine } from '../platform/validation.ts';
import { addWorkingDays, jakartaDay, workingDaysUntil } from '../platform/working-days.ts';
import * as q from './queries.ts';

/** Pasal 22 ayat (7) and (8): the answer within 10 working days, once extended by at most 7. */
export const ANSWER_DAYS = 10;
export const MAX_EXTENSION_DAYS = 7;
export const OFFICE_PAGE_SIZE = 25;
/** Pasal 36: an objection within 30 working days; the superior answers within 30. Pasal 37: then 14 to the Komisi Informasi. */
export const OBJECTION_DAYS = 30;
export const OBJECTION_ANSWER_DAYS = 30;
export const COMMISSION_DAYS = 14;

/** Pasal 35 ayat (1), a to g, in the law's order. */
export const objectionReasons: readonly ObjectionReason[] = [
  'pengecualian',
  'berkala',
  'tidak_ditanggapi',
  'tidak_sesuai',
  'tidak_dipenuhi',
  'biaya',
  'terlambat',
];

export const deliveries: readonly InformationDelivery[] = ['email', 'ambil', 'pos', 'lihat'];
export const decisions: readonly InformationDecision[] = ['penuh', 'sebagian', 'ditolak', 'tidak_dikuasai'];

export type RequestProblem =
  | 'required'
  | 'tooLong'
  | 'tooShort'
  | 'oneLine'
  | 'invalid'
  | 'email'
  | 'phone'
  | 'contact'
  | 'emailNeeded'
  | 'identity'
  | 'consent'
  | 'days'
  | 'link'
  | 'reasons'
  | 'documentsGiven'
  | 'tooMany'
  | 'tooLarge'
  | 'pdf';
export type RequestError = FieldError<RequestProblem>;

export interface RequestInput {
  name: string;
  address: string;
  email: string;
  phone: string;
  identity: string;
  information: string;
  purpose: string;
  delivery: string;
  consent: boolean;
}

/** Where a request stands against its deadline, in working days of the council's calendar. */
export interface RequestClock {
  /** The last day of the answer: 10 working days after receipt, plus the extension. */
  dueOn: string;
  /** Working days left until dueOn (0 on the day, negative when past); null once answered. */
  daysLeft: number | null;
  /** Answered after dueOn, or still unanswered past it. */
  late: boolean;
}

export function clockOf(
  r: { received_on: string; extension_days: number | null; answered_on: string | null },
  holidays: ReadonlySet<string>,
  today: string,
): RequestClock {
  const dueOn = addWorkingDays(r.received_on, ANSWER_DAYS + (r.extension_days ?? 0), holidays);
  if (r.answered_on !== null) return { dueOn, daysLeft: null, late: r.answered_on > dueOn };
  const daysLeft = workingDaysUntil(today, dueOn, holidays);
  return { dueOn, daysLeft, late: daysLeft < 0 };
}

type Row = Awaited<ReturnType<typeof q.requestByCode>> & {};
/**
 * `incomplete`: moved from an aspiration, and the applicant has not yet said who they are, why
 * they ask and how to receive the answer. The clock runs all the same, from the aspiration's day.
 */
export type RequestSummary = Row & { clock: RequestClock; incomplete: boolean };
export interface RequestStep {
  kind: InformationRequestStepKind;
  text: string | null;
  created_at: Date;
}

/** The applicant's objection, its deadline, and until when the dispute may go to the Komisi Informasi. */
export type ObjectionView = (Awaited<ReturnType<typeof q.objectionOf>> & {}) & {
  answerDue: string;
  /** The superior's answer is late. */
  late: boolean;
  /** The last day to take the dispute to the Komisi Informasi, once that road is open. */
  commissionBy: string | null;
};

/**
 * Whether the applicant may still object, and until when: within 30 working days of the answer,
 * or of the deadline the answer missed. Before either, or once objected, not.
 */
export interface ObjectionWindow {
  open: boolean;
  until: string | null;
}

/** The request as its applicant sees it by the private link: what was asked, every step, the objection. */
export type RequestView = RequestSummary & {
  name: string | null;
  /** For a request still to complete: what the aspiration already gave, to fill its form. */
  prefill: { name: string; email: string; phone: string } | null;
  steps: RequestStep[];
  /** The documents the answer gave (PDF), for its applicant and the PPID officer. */
  documents: AnswerDocument[];
  objection: ObjectionView | null;
  objectionWindow: ObjectionWindow;
};
export interface AnswerDocument {
  title: string;
  file: string;
  bytes: number;
}
/** Documents an answer may carry, each a PDF of at most MAX_DOCUMENT_BYTES. */
export const MAX_ANSWER_DOCUMENTS = 3;
const DOCUMENT_FOLDER = 'ppid';
/** The request as the PPID officer handles it: who asked, too. */
export interface Applicant {
  name: string;
  address: string;
  email: string;
  phone: string;
  identity: string;
}
export type OfficeRequest = RequestView & { applicant: Applicant | null };

const today = (now = new Date()) => jakartaDay(now);
const summaryOf = (structure: CouncilStructure, row: Row, now = new Date()): RequestSummary => ({
  ...row,
  clock: clockOf(row, structure.holidays, today(now)),
  incomplete: row.purpose === null && row.identity_erased_at === null,
});

function objectionViewOf(
  objection: Awaited<ReturnType<typeof q.objectionOf>>,
  holidays: ReadonlySet<string>,
  day: string,
): ObjectionView | null {
  if (objection === undefined) return null;
  const answerDue = addWorkingDays(objection.filed_on, OBJECTION_ANSWER_DAYS, holidays);
  const late = objection.answered_on === null ? day > answerDue : objection.answered_on > answerDue;
  // Pasal 37: 14 working days after the superior's answer, or after the day it was owed.
  const from = objection.answered_on ?? (day > answerDue ? answerDue : null);
  return {
    ...objection,
    answerDue,
    late,
    commissionBy: from === null ? null : addWorkingDays(from, COMMISSION_DAYS, holidays),
  };
}

export function objectionWindowOf(
  r: { answered_on: string | null; clock: RequestClock },
  objected: boolean,
  holidays: ReadonlySet<string>,
  day: string,
): ObjectionWindow {
  if (objected) return { open: false, until: null };
  const from = r.answered_on ?? (r.clock.late ? r.clock.dueOn : null);
  if (from === null) return { open: false, until: null };
  const until = addWorkingDays(from, OBJECTION_DAYS, holidays);
  return { open: day <= until, until };
}

/** Everything the applicant's page and the officer's page show beside the request itself. */
async function detailsOf(deps: Deps, structure: CouncilStructure, summary: RequestSummary, now = new Date()) {
  const [steps, objection, documents] = await Promise.all([
    q.requestSteps(deps.db, summary.id),
    q.objectionOf(deps.db, summary.id),
    q.documentsOf(deps.db, summary.id),
  ]);
  const day = today(now);
  return {
    steps,
    documents,
    objection: objectionViewOf(objection, structure.holidays, day),
    objectionWindow: objectionWindowOf(summary, objection !== undefined, structure.holidays, day),
  };
}

const codeLetters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** The registration number the law asks for: PPID-, the year, and six letters no one can guess. */
async function newCode(deps: Deps, year: string): Promise<string> {
  for (;;) {
    const code = `PPID-${year}-${Array.from({ length: 6 }, () => codeLetters[randomInt(codeLetters.length)]).join('')}`;
    if (!(await q.requestCodeTaken(deps.db, code))) return code;
  }
}

export const isRequestCode = (code: string) => /^PPID-\d{4}-[A-Z2-9]{6}$/.test(code);

/** A text of one or more lines: trimmed, its line ends made one kind, and what is wrong with it recorded. */
function paragraphOf(errors: RequestError[], field: string, raw: string, min: number, max: number): string {
  const value = raw.trim().replace(/\r\n?/g, '\n');
  if (value === '') errors.push({ field, problem: 'required' });
  else if (value.length < min) errors.push({ field, problem: 'tooShort' });
  else if (value.length > max) errors.push({ field, problem: 'tooLong', max });
  return value;
}

function checkRequest(input: RequestInput) {
  const errors: RequestError[] = [];
  const line = (field: keyof RequestInput, value: string, min: number, max: number) => {
    if (value === '') errors.push({ field, problem: 'required' });
    else if (value.length < min) errors.push({ field, problem: 'tooShort' });
    else if (value.length > max) errors.push({ field, problem: 'tooLong', max });
    else if (!isSingleLine(value)) errors.push({ field, problem: 'oneLine' });
  };
  const name = input.name.trim();
  line('name', name, 2, 120);
  const address = paragraphOf(errors, 'address', input.address, 5, 300);
  const email = normaliseEmail(input.email);
  const phone = input.phone.trim();
  if (email !== '' && (email.length > 320 || !isEmail(email))) errors.push({ field: 'email', problem: 'email' });
  if (phone !== '' && !PHONE_PATTERN.test(phone)) errors.push({ field: 'phone', problem: 'phone' });
  if (email === '' && phone === '') errors.push({ field: 'email', problem: 'contact' });
  // NIK (16 digits) or another identity document (passport, SIM): letters and digits.
  const identity = input.identity.replace(/\s+/g, '').toUpperCase();
  if (identity === '') errors.push({ field: 'identity', problem: 'required' });
  else if (!/^[A-Z0-9./-]{6,30}$/.test(identity)) errors.push({ field: 'identity', problem: 'identity' });
  const information = paragraphOf(errors, 'information', input.information, 10, 2000);
  const purpose = paragraphOf(errors, 'purpose', input.purpose, 5, 1000);
  const delivery = input.delivery.trim();
  if (delivery === '') errors.push({ field: 'delivery', problem: 'required' });
  else if (!(deliveries as readonly string[]).includes(delivery))
    errors.push({ field: 'delivery', problem: 'invalid' });
  else if (delivery === 'email' && email === '' && !errors.some((e) => e.field === 'email'))
    errors.push({ field: 'email', problem: 'emailNeeded' });
  if (!input.consent) errors.push({ field: 'consent', problem: 'consent' });
  return {
    errors,
    request: {
      name,
      address,
      email,
      phone: phone === '' ? '' : normalisePhone(phone),
      identity,
      information,
      purpose,
      delivery: delivery as InformationDelivery,
    },
  };
}

export type SubmitResult = { ok: true; code: string; token: string } | { ok: false; errors: RequestError[] };

/** Registers a request (from the form, or entered by the PPID desk) and tells the applicant. */
export async function submitRequest(
  deps: Deps,
  user: CurrentUser | null,
  input: RequestInput,
  now = new Date(),
): Promise<SubmitResult> {
  const { errors, request } = checkRequest(input);
  if (errors.length > 0) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  const receivedOn = today(now);
  const code = await newCode(deps, receivedOn.slice(0, 4));
  const token = newToken();
  await deps.db.transaction().execute(async (trx) => {
    const id = await q.insertRequest(trx, {
      council_id: structure.council.id,
      code,
      token_hash: token.hash,
      user_id: user?.id ?? null,
      name_sealed: sealed(deps, request.name),
      address_sealed: sealed(deps, request.address),
      email_sealed: sealed(deps, request.email),
      phone_sealed: sealed(deps, request.phone),
      identity_sealed: sealed(deps, request.identity),
      information: request.information,
      purpose: request.purpose,
      delivery: request.delivery,
      received_on: receivedOn,
    });
    await q.insertRequestStep(trx, { request_id: id, kind: 'diterima', text: null, actor_user_id: user?.id ?? null });
    const dueOn = clockOf(
      { received_on: receivedOn, extension_days: null, answered_on: null },
      structure.holidays,
      receivedOn,
    ).dueOn;
    await tell(deps, trx, request, 'received', {
      code,
      link: privateLink(deps, token.token),
      due: dueOn,
      site: structure.council.name,
    });
  });
  return { ok: true, code, token: token.token };
}

const privateLink = (deps: Deps, token: string) => `${deps.config.publicBaseUrl}/informasi-publik/permohonan/${token}`;

type Moment = 'received' | 'moved' | 'completed' | 'extended' | 'answered' | 'objected' | 'objectionAnswered';

const trackLink = (deps: Deps, code: string) => `${deps.config.publicBaseUrl}/informasi-publik/lacak?kode=${code}`;

/** Writes one step's message to the applicant's email and phone, in the caller's transaction. */
async function tell(
  deps: Deps,
  db: Parameters<typeof enqueueMessage>[0],
  person: { name: string; email: string; phone: string },
  moment: Moment,
  about: {
    code: string;
    link: string;
    due: string;
    site: string;
    reason?: string;
    decision?: InformationDecision;
    outcome?: ObjectionOutcome;
    answer?: string;
    aspiration?: string;
  },
) {
  // No query here: on PGlite's one connection a query outside the transaction would wait forever.
  const lang = deps.config.defaultLanguage;
  const t = translator(lang);
  const values = {
    // A request moved from an aspiration sent without a name has none until it is completed.
    name: person.name === '' ? t('ppid.mail.applicant') : person.name,
    code: about.code,
    link: about.link,
    due: dayOf({ lang }, about.due),
    reason: about.reason ?? '',
    answer: about.answer ?? '',
    decision: about.decision === undefined ? '' : t(decisionTexts[about.decision]),
    outcome: about.outcome === undefined ? '' : t(outcomeTexts[about.outcome]),
    aspiration: about.aspiration ?? '',
    site: about.site,
  };
  await enqueueToContact(db, deps.sealer, person, {
    subject: t(`ppid.mail.${moment}.subject`, values),
    mail: t(`ppid.mail.${moment}.body`, values),
    sms: t(`ppid.sms.${moment}`, values),
    topic: `information-request:${about.code}`,
  });
}

export const decisionTexts = {
  penuh: 'ppid.decision.penuh',
  sebagian: 'ppid.decision.sebagian',
  ditolak: 'ppid.decision.ditolak',
  tidak_dikuasai: 'ppid.decision.tidak_dikuasai',
} as const satisfies Record<InformationDecision, string>;

export const outcomeTexts = {
  dikabulkan: 'ppid.outcome.dikabulkan',
  ditolak: 'ppid.outcome.ditolak',
} as const satisfies Record<ObjectionOutcome, string>;

const open = (deps: Deps, sealed: string | null) => (sealed === null ? '' : deps.sealer.open(sealed));
/** A personal field sealed for storage; one not given is stored as null. */
const sealed = (deps: Deps, value: string) => (value === '' ? null : deps.sealer.seal(value));
type IdentityRow = Awaited<ReturnType<typeof q.requestById>> & {};
const applicantOf = (deps: Deps, row: IdentityRow): Applicant | null =>
  row.identity_erased_at !== null
    ? null
    : {
        name: open(deps, row.name_sealed),
        address: open(deps, row.address_sealed),
        email: open(deps, row.email_sealed),
        phone: open(deps, row.phone_sealed),
        identity: open(deps, row.identity_sealed),
      };

/** The applicant's own request, by the private link: what was asked, the clock and every step. */
export async function requestOfToken(deps: Deps, token: string, now = new Date()): Promise<RequestView | undefined> {
  const found = await rowOfToken(deps, token);
  if (found === undefined) return undefined;
  const { structure, row } = found;
  const { name_sealed, address_sealed, email_sealed, phone_sealed, identity_sealed, ...rest } = row;
  const summary = summaryOf(structure, rest, now);
  return {
    ...summary,
    name: name_sealed === null ? null : deps.sealer.open(name_sealed),
    prefill: summary.incomplete
      ? { name: open(deps, name_sealed), email: open(deps, email_sealed), phone: open(deps, phone_sealed) }
      : null,
    ...(await detailsOf(deps, structure, summary, now)),
  };
}

async function rowOfToken(deps: Deps, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.requestByToken(deps.db, structure.council.id, hashToken(token));
  return row === undefined ? undefined : { structure, row };
}

/** Where a request stands, by its code alone: the clock and the decision, nothing of what was asked. */
export async function requestStatus(deps: Deps, rawCode: string) {
  const code = rawCode.trim().toUpperCase();
  if (!isRequestCode(code)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.requestByCode(deps.db, structure.council.id, code);
  if (row === undefined) return undefined;
  const summary = summaryOf(structure, row);
  return {
    code: summary.code,
    receivedOn: summary.received_on,
    extended: summary.extension_days !== null,
    decision: summary.decision,
    answeredOn: summary.answered_on,
    clock: summary.clock,
  };
}
export type RequestStatus = Awaited<ReturnType<typeof requestStatus>> & {};

/** The PPID officer's list: open requests by deadline, the answered ones, or those objected to. */
export async function officeRequests(deps: Deps, tab: q.RequestTab, page: number) {
  const structure = await getCouncil(deps.db);
  const { rows, total } = await q.requestPage(
    deps.db,
    structure.council.id,
    tab,
    OFFICE_PAGE_SIZE,
    (page - 1) * OFFICE_PAGE_SIZE,
  );
  return { requests: rows.map((r) => summaryOf(structure, r)), total, pageSize: OFFICE_PAGE_SIZE };
}

/** One request with who asked, for the PPID officer; the look is recorded in the audit log. */
export async function officeRequest(
  deps: Deps,
  user: CurrentUser,
  id: number,
  ip: string,
): Promise<OfficeRequest | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.requestById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'ppid.request-viewed',
    subjectType: 'information_request',
    subjectId: id,
    ip,
  });
  const applicant = applicantOf(deps, row);
  const { name_sealed, address_sealed, email_sealed, phone_sealed, identity_sealed, ...rest } = row;
  const summary = summaryOf(structure, rest);
  return {
    ...summary,
    name: applicant?.name ?? null,
    // The officer sees the whole applicant below; the form to complete is the applicant's alone.
    prefill: null,
    ...(await detailsOf(deps, structure, summary)),
    applicant,
  };
}

export type HandlingResult = { ok: true } | { ok: false; errors: RequestError[] } | { ok: false; closed: true };

/**
 * The one extension (Pasal 22 ayat 8): up to 7 working days, with the reason told to the applicant.
 * Refused once extended or answered, or after the deadline has passed.
 */
export async function extendRequest(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: { days: string; reason: string },
  ip: string,
  now = new Date(),
): Promise<HandlingResult | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.requestById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const clock = clockOf(row, structure.holidays, today(now));
  if (row.extension_days !== null || row.decision !== null || clock.late) return { ok: false, closed: true };
  const errors: RequestError[] = [];
  const days = /^\d{1,2}$/.test(input.days.trim()) ? Number(input.days.trim()) : Number.NaN;
  if (input.days.trim() === '') errors.push({ field: 'days', problem: 'required' });
  else if (!(days >= 1 && days <= MAX_EXTENSION_DAYS))
    errors.push({ field: 'days', problem: 'days', max: MAX_EXTENSION_DAYS });
  const reason = paragraphOf(errors, 'reason', input.reason, 10, 1000);
  if (errors.length > 0) return { ok: false, errors };
  const applicant = applicantOf(deps, row);
  const due = clockOf({ ...row, extension_days: days }, structure.holidays, today(now)).dueOn;
  const done = await deps.db.transaction().execute(async (trx) => {
    if (!(await q.extendRequest(trx, id, days, reason, now))) return false;
    await q.insertRequestStep(trx, { request_id: id, kind: 'diperpanjang', text: reason, actor_user_id: user.id });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'ppid.request-extended',
      subjectType: 'information_request',
      subjectId: id,
      ip,
      details: { days },
    });
    if (applicant !== null)
      await tell(deps, trx, applicant, 'extended', {
        code: row.code,
        link: trackLink(deps, row.code),
        due,
        reason,
        site: structure.council.name,
      });
    return true;
  });
  return done ? { ok: true } : { ok: false, closed: true };
}

/**
 * The decision and the written answer (Pasal 22 ayat 7): in full or in part with the information
 * or where to find it, refused with the exemption's article (in part, too), or not held.
 */
export async function answerRequest(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: { decision: string; exemption: string; answer: string; link: string; documents?: UploadedFile[] },
  ip: string,
  now = new Date(),
): Promise<HandlingResult | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.requestById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  if (row.decision !== null) return { ok: false, closed: true };
  const errors: RequestError[] = [];
  const decision = input.decision.trim();
  if (decision === '') errors.push({ field: 'decision', problem: 'required' });
  else if (!(decisions as readonly string[]).includes(decision)) errors.push({ field: 'decision', problem: 'invalid' });
  const needsExemption = decision === 'sebagian' || decision === 'ditolak';
  const exemption = needsExemption ? paragraphOf(errors, 'exemption', input.exemption, 10, 2000) : '';
  const answer = paragraphOf(errors, 'answer', input.answer, 10, 10_000);
  const link = input.link.trim();
  if (link.length > 500) errors.push({ field: 'link', problem: 'tooLong', max: 500 });
  else if (link !== '' && !isPortalOrWebLink(link)) errors.push({ field: 'link', problem: 'link' });
  // A browser sends an empty part for a file field left empty.
  const documents = (input.documents ?? []).filter((d) => d.data.length > 0 || d.filename !== '');
  if (documents.length > 0 && decision !== 'penuh' && decision !== 'sebagian')
    errors.push({ field: 'documents', problem: 'documentsGiven' });
  else if (documents.length > MAX_ANSWER_DOCUMENTS)
    errors.push({ field: 'documents', problem: 'tooMany', max: MAX_ANSWER_DOCUMENTS });
  else {
    const problem = documents.map((d) => pdfProblem(d)).find((p) => p !== undefined);
    if (problem !== undefined) errors.push({ field: 'documents', problem: problem === 'required' ? 'pdf' : problem });
  }
  if (errors.length > 0) return { ok: false, errors };
  const chosen = decision as InformationDecision;
  // Written before the transaction, which only refers to them: a file store is not transactional.
  const stored: { request_id: number; title: string; file: string; bytes: number }[] = [];
  for (const d of documents)
    stored.push({
      request_id: id,
      title: d.filename.replace(/[\r\n]/g, ' ').slice(0, 200) || `${row.code}.pdf`,
      file: await storeDocument(fileStore(deps.config), DOCUMENT_FOLDER, d.data),
      bytes: d.data.length,
    });
  const applicant = applicantOf(deps, row);
  const answeredOn = today(now);
  const due = clockOf(row, structure.holidays, answeredOn).dueOn;
  const done = await deps.db.transaction().execute(async (trx) => {
    const saved = await q.answerRequest(trx, id, {
      decision: chosen,
      exemption: needsExemption ? exemption : null,
      answer,
      answer_link: link === '' ? null : link,
      answered_on: answeredOn,
      at: now,
    });
    if (!saved) return false;
    await q.insertDocuments(trx, stored);
    await q.insertRequestStep(trx, { request_id: id, kind: 'dijawab', text: answer, actor_user_id: user.id });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'ppid.request-answered',
      subjectType: 'information_request',
      subjectId: id,
      ip,
      details: { decision: chosen, late: answeredOn > due, documents: stored.length },
    });
    if (applicant !== null)
      await tell(deps, trx, applicant, 'answered', {
        code: row.code,
        link: trackLink(deps, row.code),
        due,
        decision: chosen,
        answer,
        site: structure.council.name,
      });
    return true;
  });
  return done ? { ok: true } : { ok: false, closed: true };
}

/**
 * A document of an answer, for the applicant (by the private link) or the PPID officer (by the
 * request's id, the caller having checked the permission); undefined when it is not that request's.
 */
export async function answerDocument(
  deps: Deps,
  of: { token: string } | { id: number },
  file: string,
): Promise<{ title: string; stream: Awaited<ReturnType<typeof storedFile>> } | undefined> {
  const structure = await getCouncil(deps.db);
  const row =
    'token' in of ? (await rowOfToken(deps, of.token))?.row : await q.requestById(deps.db, structure.council.id, of.id);
  if (row === undefined) return undefined;
  const found = (await q.documentsOf(deps.db, row.id)).find((d) => d.file === file);
  if (found === undefined) return undefined;
  return { title: found.title, stream: await storedFile(fileStore(deps.config), DOCUMENT_FOLDER, found.file) };
}

const objectionOutcomes = ['dikabulkan', 'ditolak'] as const;
export type ObjectionOutcome = (typeof objectionOutcomes)[number];
export { objectionOutcomes };

/**
 * The applicant objects (keberatan, Pasal 35–36), by the private link: one or more of the law's
 * reasons and what they want, within 30 working days of the answer or of the deadline it missed.
 */
export async function fileObjection(
  deps: Deps,
  token: string,
  input: { reasons: string[]; statement: string },
  now = new Date(),
): Promise<HandlingResult | undefined> {
  const found = await rowOfToken(deps, token);
  if (found === undefined) return undefined;
  const { structure, row } = found;
  const day = today(now);
  const summary = summaryOf(structure, row, now);
  const objected = (await q.objectionOf(deps.db, row.id)) !== undefined;
  if (!objectionWindowOf(summary, objected, structure.holidays, day).open) return { ok: false, closed: true };
  const errors: RequestError[] = [];
  const reasons = objectionReasons.filter((r) => input.reasons.includes(r));
  if (input.reasons.length === 0) errors.push({ field: 'reasons', problem: 'reasons' });
  else if (reasons.length !== new Set(input.reasons).size) errors.push({ field: 'reasons', problem: 'invalid' });
  const statement = paragraphOf(errors, 'statement', input.statement, 10, 5000);
  if (errors.length > 0) return { ok: false, errors };
  const applicant = applicantOf(deps, row);
  const answerDue = addWorkingDays(day, OBJECTION_ANSWER_DAYS, structure.holidays);
  const done = await deps.db.transaction().execute(async (trx) => {
    if (!(await q.insertObjection(trx, { request_id: row.id, reasons, statement, filed_on: day }))) return false;
    await q.insertRequestStep(trx, { request_id: row.id, kind: 'keberatan', text: statement, actor_user_id: null });
    if (applicant !== null)
      await tell(deps, trx, applicant, 'objected', {
        code: row.code,
        link: trackLink(deps, row.code),
        due: answerDue,
        site: structure.council.name,
      });
    return true;
  });
  return done ? { ok: true } : { ok: false, closed: true };
}

/**
 * The superior's answer to the objection (Pasal 36 ayat 2): upheld (the information will be given)
 * or rejected, with the reasons; the applicant is told until when the Komisi Informasi takes the
 * dispute (Pasal 37: 14 working days).
 */
export async function answerObjection(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: { outcome: string; answer: string },
  ip: string,
  now = new Date(),
): Promise<HandlingResult | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.requestById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const objection = await q.objectionOf(deps.db, id);
  if (objection === undefined || objection.outcome !== null) return { ok: false, closed: true };
  const errors: RequestError[] = [];
  const outcome = input.outcome.trim();
  if (outcome === '') errors.push({ field: 'outcome', problem: 'required' });
  else if (!(objectionOutcomes as readonly string[]).includes(outcome))
    errors.push({ field: 'outcome', problem: 'invalid' });
  const answer = paragraphOf(errors, 'objectionAnswer', input.answer, 10, 10_000);
  if (errors.length > 0) return { ok: false, errors };
  const chosen = outcome as ObjectionOutcome;
  const day = today(now);
  const applicant = applicantOf(deps, row);
  const commissionBy = addWorkingDays(day, COMMISSION_DAYS, structure.holidays);
  const done = await deps.db.transaction().execute(async (trx) => {
    if (!(await q.answerObjection(trx, id, { outcome: chosen, answer, answered_on: day, answered_by: user.id }, now)))
      return false;
    await q.insertRequestStep(trx, { request_id: id, kind: 'keberatan_dijawab', text: answer, actor_user_id: user.id });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'ppid.objection-answered',
      subjectType: 'information_request',
      subjectId: id,
      ip,
      details: { outcome: chosen },
    });
    if (applicant !== null)
      await tell(deps, trx, applicant, 'objectionAnswered', {
        code: row.code,
        link: trackLink(deps, row.code),
        due: commissionBy,
        outcome: chosen,
        answer,
        site: structure.council.name,
      });
    return true;
  });
  return done ? { ok: true } : { ok: false, closed: true };
}

/**
 * Who asked is kept while the request may still be objected to and handled, then erased: requests
 * answered longer ago than the retention of reporters' contact details (RETENTION_REPORTERS_DAYS).
 */
export async function eraseOldIdentities(deps: Deps, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - deps.config.retention.reporters * 86_400_000);
  const erased = await q.eraseIdentities(deps.db, before, now);
  if (erased > 0)
    await recordAudit(deps.db, {
      actorUserId: null,
      actorRole: 'system',
      action: 'ppid.identities-erased',
      details: { requests: erased },
    });
  return erased;
}

/** An applicant whose request was answered, as the survey of the information service invites them. */
export interface AnsweredApplicant {
  id: number;
  code: string;
  at: Date;
  /** Writes the message to the applicant (email, else SMS) in the caller's transaction; false when neither is kept. */
  tell(db: Deps['db'], message: { subject: string; text: string; sms: string; topic: string }): Promise<boolean>;
}

/** Applicants of requests answered after a moment, oldest first, for the information service's survey. */
export async function answeredAfter(
  deps: Deps,
  after: { at: Date; id: number },
  limit: number,
): Promise<AnsweredApplicant[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.answeredAfter(deps.db, structure.council.id, after, limit);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    at: r.answered_at ?? after.at,
    async tell(db, message) {
      // One way only: the survey is asked once, where the applicant reads best.
      const email = r.email_sealed === null ? '' : deps.sealer.open(r.email_sealed);
      const phone = email !== '' || r.phone_sealed === null ? '' : deps.sealer.open(r.phone_sealed);
      if (email === '' && phone === '') return false;
      await enqueueToContact(db, deps.sealer, { email, phone }, { ...message, mail: message.text });
      return true;
    },
  }));
}

/** Aspirations moved at a time: a backlog is worked off over several runs, each short. */
const MOVE_BATCH = 50;

/**
 * Moves open aspirations of the kind "permintaan informasi" (filed by SMS, Open311, the kiosk or
 * the front desk, or before this flow existed) into this flow: each becomes a request received on
 * the aspiration's day, its history a step, the aspiration closed as referred here with a link.
 * The applicant is sent the request's private link to complete what the law asks. Returns how
 * many moved.
 */
export async function adoptInformationAspirations(deps: Deps): Promise<number> {
  const structure = await getCouncil(deps.db);
  const councilId = structure.council.id;
  const t = translator(deps.config.defaultLanguage);
  const mail = {
    t,
    site: structure.council.name,
    day: (iso: string) => dayOf({ lang: deps.config.defaultLanguage }, iso),
  };
  const waiting = await informationAspirationsToMove(deps.db, deps, councilId, MOVE_BATCH);
  let moved = 0;
  for (const a of waiting) {
    const receivedOn = jakartaDay(a.receivedAt);
    const code = await newCode(deps, receivedOn.slice(0, 4));
    const token = newToken();
    const done = await deps.db.transaction().execute(async (trx) => {
      // Another instance's run may have taken it since it was read.
      if ((await q.requestOfAspiration(trx, a.code)) !== undefined) return false;
      const id = await q.insertRequest(trx, {
        council_id: councilId,
        code,
        token_hash: token.hash,
        user_id: a.userId,
        name_sealed: sealed(deps, a.name),
        address_sealed: null,
        email_sealed: sealed(deps, a.email),
        phone_sealed: sealed(deps, a.phone),
        identity_sealed: null,
        information: `${a.title}\n\n${a.description}`,
        purpose: null,
        delivery: null,
        received_on: receivedOn,
        aspiration_code: a.code,
      });
      await q.insertRequestStep(trx, {
        request_id: id,
        kind: 'diterima',
        text: null,
        actor_user_id: null,
        created_at: a.receivedAt,
      });
      await q.insertRequestStep(trx, { request_id: id, kind: 'dialihkan', text: a.code, actor_user_id: null });
      await handOverToPpid(
        trx,
        deps,
        councilId,
        a,
        { step: 'ppid', code, href: `/informasi-publik/lacak?kode=${code}` },
        mail,
      );
      const due = clockOf(
        { received_on: receivedOn, extension_days: null, answered_on: null },
        structure.holidays,
        receivedOn,
      ).dueOn;
      await tell(deps, trx, a, 'moved', {
        code,
        link: privateLink(deps, token.token),
        due,
        aspiration: a.code,
        site: structure.council.name,
      });
      await recordAudit(trx, {
        actorUserId: null,
        actorRole: 'system',
        action: 'ppid.request-moved',
        subjectType: 'information_request',
        subjectId: id,
        details: { aspiration: a.code },
      });
      return true;
    });
    if (done) moved++;
  }
  return moved;
}

/**
 * The applicant of a request moved from an aspiration says, by the private link, who they are,
 * why they ask and how to receive the answer — what the request form asks of everyone.
 */
export async function completeRequest(
  deps: Deps,
  token: string,
  input: Omit<RequestInput, 'information'>,
  now = new Date(),
): Promise<HandlingResult | undefined> {
  const found = await rowOfToken(deps, token);
  if (found === undefined) return undefined;
  const { structure, row } = found;
  if (!summaryOf(structure, row, now).incomplete) return { ok: false, closed: true };
  const { errors, request } = checkRequest({ ...input, information: row.information });
  if (errors.length > 0) return { ok: false, errors };
  const done = await deps.db.transaction().execute(async (trx) => {
    const completed = await q.completeRequest(
      trx,
      row.id,
      {
        name_sealed: sealed(deps, request.name),
        address_sealed: sealed(deps, request.address),
        email_sealed: sealed(deps, request.email),
        phone_sealed: sealed(deps, request.phone),
        identity_sealed: sealed(deps, request.identity),
        purpose: request.purpose,
        delivery: request.delivery,
      },
      now,
    );
    if (!completed) return false;
    await q.insertRequestStep(trx, { request_id: row.id, kind: 'dilengkapi', text: null, actor_user_id: null });
    await tell(deps, trx, request, 'completed', {
      code: row.code,
      link: privateLink(deps, token),
      due: clockOf(row, structure.holidays, today(now)).dueOn,
      site: structure.council.name,
    });
    return true;
  });
  return done ? { ok: true } : { ok: false, closed: true };
}

export function requestJobs(deps: Deps): Job[] {
  return [
    {
      name: 'information-requests.adopt-aspirations',
      everyMs: 5 * 60 * 1000,
      run: () => adoptInformationAspirations(deps),
    },
    {
      name: 'information-requests.erase-identities',
      everyMs: 24 * 60 * 60 * 1000,
      run: () => eraseOldIdentities(deps),
    },
  ];
}

/** The PPID officer's work on /kelola: unanswered requests and objections, how many late, the nearest deadline. */
export async function waitingRequests(deps: Deps, user: CurrentUser): Promise<WaitingWork[]> {
  if (!can(user.role, 'ppid.requests')) return [];
  const structure = await getCouncil(deps.db);
  const day = today();
  const [open, objected] = await Promise.all([
    q.openRequestClocks(deps.db, structure.council.id),
    q.openObjectionDays(deps.db, structure.council.id),
  ]);
  const waiting: WaitingWork[] = [];
  const clocks = open.map((r) => clockOf(r, structure.holidays, day));
  if (clocks.length > 0)
    waiting.push({
      href: '/kelola/ppid/permohonan',
      label: 'ppid.waiting',
      count: clocks.length,
      overdue: clocks.filter((c) => c.late).length,
      due: clocks.map((c) => c.dueOn).sort()[0] ?? null,
    });
  const dues = objected.map((o) => addWorkingDays(o.filed_on, OBJECTION_ANSWER_DAYS, structure.holidays)).sort();
  if (dues.length > 0)
    waiting.push({
      href: '/kelola/ppid/permohonan?tab=keberatan',
      label: 'ppid.waitingObjections',
      count: dues.length,
      overdue: dues.filter((d) => d < day).length,
      due: dues[0] ?? null,
    });
  return waiting;
}

/**
 * A person's requests in the copy of their data (what they gave, where it stands); the identity
 * number stays with the PPID officer, as everywhere.
 */
export const requestPersonalData: PersonalDataHooks = {
  async copy(deps, subject) {
    const structure = await getCouncil(deps.db);
    const t = translator(deps.config.defaultLanguage);
    const rows = await q.requestsOfUser(deps.db, subject.userId);
    return [
      {
        key: 'informationRequests',
        title: 'ppid.yourRequests',
        items: rows.map((r) => {
          const { name_sealed, address_sealed, email_sealed, phone_sealed, ...rest } = r;
          const summary = summaryOf(structure, rest);
          return {
            text: `${r.code}: ${r.information}`,
            at: r.created_at,
            record: {
              code: r.code,
              information: r.information,
              purpose: r.purpose,
              delivery: r.delivery,
              name: open(deps, name_sealed),
              address: open(deps, address_sealed),
              email: open(deps, email_sealed),
              phone: open(deps, phone_sealed),
              receivedOn: r.received_on,
              dueOn: summary.clock.dueOn,
              decision: r.decision === null ? null : t(decisionTexts[r.decision]),
              answer: r.answer,
              answeredOn: r.answered_on,
            },
          };
        }),
      },
    ];
  },
  async forget(db, { userId }) {
    await q.forgetApplicant(db, userId, new Date());
  },
};
