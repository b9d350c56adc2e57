/**
 * Virtual hearings: a public meeting of the agenda that citizens follow online and put questions
 * to. Questions come from an account, or from a name and an address confirmed by a mailed link;
 * a moderator approves, rejects or merges them; people support them, one vote each; the chair sees
 * the approved ones by support. Each is answered with words, or with the point of the recording
 * where it was answered; after the meeting what was left gets a written answer or is filed as an
 * aspiration (channel "siaran"). Askers are mailed either way. Every change is announced on one
 * realtime channel so that open pages of every app process follow it (live.ts).
 */
import { contactsOf } from '../accounts/service.ts';
import { endOf, liveNow, type MeetingView, meetingView } from '../agenda/service.ts';
import { fileReceivedAspiration } from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import type { QuestionStatus } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import { isEmail, normaliseEmail } from '../platform/contact.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { PersonalDataHooks, PersonalDataSection, SitemapEntry, WaitingWork } from '../platform/feature.ts';
import { translator } from '../platform/i18n.ts';
import { enqueueMessage } from '../platform/outbox.ts';
import { can } from '../platform/permissions.ts';
import { type FieldError, isSingleLine } from '../platform/validation.ts';
import * as q from './queries.ts';

/**
 * The realtime channel: its payload is `{"h":hearing,"q":question,"v":1}` of what changed; `v` when
 * the change shows on public pages (a question waiting for a moderator concerns moderators only).
 */
export const QUESTIONS_CHANNEL = 'hearing_questions';
export const CONFIRM_DAYS = 1;
export const QUESTION_MAX = 500;
export const ANSWER_MAX = 4000;
/** An asker may send this many questions to one hearing in ten minutes. */
export const QUESTIONS_PER_10_MINUTES = 5;
const confirmSince = () => new Date(Date.now() - CONFIRM_DAYS * 86_400_000);

export type HearingProblem =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'tooShort'
  | 'oneLine'
  | 'email'
  | 'closed'
  | 'tooFast'
  | 'taken'
  | 'notOpen'
  | 'time';
export type HearingError = FieldError<HearingProblem>;

export interface Hearing {
  id: number;
  questionsOpen: boolean;
  emailQuestions: boolean;
  /** The meeting as the agenda shows it (its history and documents stay on the agenda's page). */
  meeting: { view: MeetingView };
  /** Questions may be sent and supported now: open, and before the meeting's end. */
  accepting: boolean;
  live: boolean;
  ended: boolean;
  updatedAt: Date;
}

/** A question as anyone may see it: the asker's shown name only. */
export interface Question {
  id: number;
  hearingId: number;
  body: string;
  asker: string;
  status: QuestionStatus;
  mergedInto: number | null;
  votes: number;
  answer: string | null;
  /** Where in the recording it was answered, in seconds from the start. */
  answerSecond: number | null;
  answeredAt: Date | null;
  aspirationCode: string | null;
  askedAt: Date;
}

type QuestionRow = Awaited<ReturnType<typeof q.questionsOf>>[number];

function questionOf(r: QuestionRow): Question {
  return {
    id: r.id,
    hearingId: r.hearing_id,
    body: r.body,
    asker: r.asker_label,
    status: r.status,
    mergedInto: r.merged_into,
    votes: r.votes,
    answer: r.answer,
    answerSecond: r.answer_second,
    answeredAt: r.answered_at,
    aspirationCode: r.aspiration_code,
    askedAt: r.created_at,
  };
}

/** Answered in words or in the recording, or taken further as an aspiration. */
export function isSettled(question: Question): boolean {
  return question.answeredAt !== null || question.aspirationCode !== null;
}

type HearingRow = NonNullable<Awaited<ReturnType<typeof q.hearingById>>>;

/**
 * A hearing and its meeting as read a moment ago, kept per database for PAGE_CACHE_SECONDS: in a
 * streamed meeting every ask, support and stream opened needs them, hundreds of times a second.
 * What depends on the clock (live, ended, accepting) is worked out again at each call. A change of
 * the hearing's settings in this process drops its entry; other processes see it when it expires.
 */
const recentHearings = new WeakMap<object, Map<string, { at: number; row: HearingRow; view: MeetingView }>>();

function recentOf(deps: Deps) {
  let found = recentHearings.get(deps.db);
  if (found === undefined) {
    found = new Map();
    recentHearings.set(deps.db, found);
  }
  return found;
}

async function readHearing(deps: Deps, id: number, official: boolean) {
  const keepMs = deps.config.pageCacheSeconds * 1000;
  const key = `${id}:${official}`;
  const recent = recentOf(deps);
  const kept = recent.get(key);
  if (kept !== undefined && Date.now() - kept.at < keepMs) return kept;
  const structure = await getCouncil(deps.db);
  const row = await q.hearingById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const view = await meetingView(deps, row.meeting_id, official);
  if (view === undefined) return undefined;
  const read = { at: Date.now(), row, view };
  if (keepMs > 0) {
    if (recent.size > 1000) recent.clear();
    recent.set(key, read);
  }
  return read;
}

async function hearingOf(deps: Deps, id: number, official: boolean, now = new Date()): Promise<Hearing | undefined> {
  const read = await readHearing(deps, id, official);
  if (read === undefined) return undefined;
  const { row, view } = read;
  // A hearing is public only while its meeting is: a meeting closed later takes it away.
  if (view.details === undefined) return undefined;
  const ended = now.getTime() >= endOf(view).getTime();
  return {
    id: row.id,
    questionsOpen: row.questions_open,
    emailQuestions: row.email_questions,
    meeting: { view },
    accepting: row.questions_open && !view.cancelled && !ended,
    live: liveNow(view, now),
    ended,
    updatedAt: new Date(Math.max(row.updated_at.getTime(), view.updatedAt.getTime())),
  };
}

export function hearing(deps: Deps, id: number, official = false) {
  return hearingOf(deps, id, official);
}

export interface HearingPage {
  hearing: Hearing;
  /** Approved and not yet settled, most supported first. */
  open: Question[];
  /** Answered or taken further, most supported first. */
  settled: Question[];
  /** The questions this visitor supported. */
  voted: Set<number>;
  /** What the signed-in asker sent that a moderator has not approved. */
  mine: { id: number; body: string; status: QuestionStatus }[];
}

export async function hearingPage(
  deps: Deps,
  id: number,
  viewer: { user: CurrentUser | null; voter: string | undefined },
): Promise<HearingPage | undefined> {
  const found = await hearingOf(deps, id, false);
  if (found === undefined) return undefined;
  const [approved, voted, mine] = await Promise.all([
    q.questionsOf(deps.db, id, ['approved']),
    viewer.voter === undefined ? new Set<number>() : q.votedBy(deps.db, id, viewer.voter),
    viewer.user === null ? [] : q.waitingOf(deps.db, id, viewer.user.id),
  ]);
  const questions = approved.map(questionOf);
  return {
    hearing: found,
    open: questions.filter((x) => !isSettled(x)),
    settled: questions.filter(isSettled),
    voted,
    mine,
  };
}

export interface HearingSummary {
  id: number;
  meetingId: number;
  startsAt: Date;
  questions: number;
  answered: number;
  questionsOpen: boolean;
  updatedAt: Date;
}

export async function listHearings(deps: Deps): Promise<HearingSummary[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.listHearings(deps.db, structure.council.id);
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    startsAt: r.starts_at,
    questions: Number(r.questions ?? 0),
    answered: Number(r.answered ?? 0),
    questionsOpen: r.questions_open,
    updatedAt: new Date(Math.max(r.updated_at.getTime(), r.meeting_updated_at.getTime())),
  }));
}

/** Each hearing with its meeting, newest first; the public's list leaves out meetings closed since. */
export async function publicHearings(
  deps: Deps,
  official = false,
): Promise<{ summary: HearingSummary; hearing: Hearing }[]> {
  const summaries = await listHearings(deps);
  const all = await Promise.all(
    summaries.map(async (summary) => ({ summary, hearing: await hearing(deps, summary.id, official) })),
  );
  return all.filter((x): x is { summary: HearingSummary; hearing: Hearing } => x.hearing !== undefined);
}

/** The hearing of a meeting, for the agenda's link to it. */
export async function hearingOfMeeting(deps: Deps, meetingId: number): Promise<number | undefined> {
  const structure = await getCouncil(deps.db);
  const rows = await q.hearingsOfMeetings(deps.db, structure.council.id, [meetingId]);
  return rows[0]?.id;
}

// ------------------------------------------------------------------ setting a hearing up

/** Makes a public meeting a hearing that takes questions (the livestream is the meeting's own). */
export async function openHearing(
  deps: Deps,
  user: CurrentUser,
  meetingId: string,
  ip: string,
): Promise<{ ok: true; id: number } | { ok: false; errors: HearingError[] }> {
  const id = /^\d{1,9}$/.test(meetingId) ? Number(meetingId) : 0;
  const view = id === 0 ? undefined : await meetingView(deps, id, true);
  if (view === undefined) return { ok: false, errors: [{ field: 'meeting', problem: 'required' }] };
  if (!view.open || view.cancelled) return { ok: false, errors: [{ field: 'meeting', problem: 'notOpen' }] };
  const structure = await getCouncil(deps.db);
  const created = await deps.db.transaction().execute(async (trx) => {
    const hearingId = await q.insertHearing(trx, {
      council_id: structure.council.id,
      meeting_id: id,
      created_by: user.id,
    });
    if (hearingId === undefined) return undefined;
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'hearing.opened',
      subjectType: 'hearing',
      subjectId: hearingId,
      ip,
      details: { meeting: id },
    });
    return hearingId;
  });
  if (created === undefined) return { ok: false, errors: [{ field: 'meeting', problem: 'taken' }] };
  return { ok: true, id: created };
}

export async function setHearing(
  deps: Deps,
  user: CurrentUser,
  id: number,
  settings: { questionsOpen: boolean; emailQuestions: boolean },
  ip: string,
): Promise<boolean> {
  const found = await hearingOf(deps, id, true);
  if (found === undefined) return false;
  await deps.db.transaction().execute(async (trx) => {
    await q.updateHearing(trx, id, {
      questions_open: settings.questionsOpen,
      email_questions: settings.emailQuestions,
    });
    recentOf(deps).delete(`${id}:true`);
    recentOf(deps).delete(`${id}:false`);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'hearing.settings',
      subjectType: 'hearing',
      subjectId: id,
      ip,
      details: settings,
    });
  });
  return true;
}

// ------------------------------------------------------------------ asking

export interface QuestionInput {
  body: string;
  name: string;
}

function checkQuestion(found: Hearing, input: QuestionInput, errors: HearingError[]) {
  if (!found.accepting) errors.push({ field: 'body', problem: 'closed' });
  const body = input.body.trim().replace(/[ \t]+/g, ' ');
  if (body.length < 10) errors.push({ field: 'body', problem: body === '' ? 'required' : 'tooShort' });
  else if (body.length > QUESTION_MAX) errors.push({ field: 'body', problem: 'tooLong', max: QUESTION_MAX });
  const name = input.name.trim();
  if (name.length > 80) errors.push({ field: 'name', problem: 'tooLong', max: 80 });
  else if (!isSingleLine(name)) errors.push({ field: 'name', problem: 'oneLine' });
  return { body, name };
}

/** The signal of a changed question (live.ts reads it); `seen`: the change shows on public pages too. */
const signal = (hearingId: number, id: number, seen: boolean) =>
  JSON.stringify(seen ? { h: hearingId, q: id, v: 1 } : { h: hearingId, q: id });

/** Announces a change of these questions to the hearing's open pages; call after it committed. */
function announce(deps: Deps, hearingId: number, ids: number[], seen = true) {
  for (const id of ids) deps.signals.send(QUESTIONS_CHANNEL, signal(hearingId, id, seen));
}

export type AskResult = { ok: true; id: number } | { ok: false; errors: HearingError[] } | { ok: false; missing: true };

/** A question from an account: it waits for a moderator. */
export async function askQuestion(deps: Deps, user: CurrentUser, id: number, input: QuestionInput): Promise<AskResult> {
  const found = await hearingOf(deps, id, false);
  if (found === undefined) return { ok: false, missing: true };
  const errors: HearingError[] = [];
  const { body, name } = checkQuestion(found, input, errors);
  if (errors.length > 0) return { ok: false, errors };
  const since = new Date(Date.now() - 10 * 60_000);
  if ((await q.askedSince(deps.db, id, { userId: user.id }, since)) >= QUESTIONS_PER_10_MINUTES)
    return { ok: false, errors: [{ field: 'body', problem: 'tooFast' }] };
  const questionId = await q.insertQuestion(deps.db, { hearing_id: id, body, asker_label: name, user_id: user.id });
  announce(deps, id, [questionId], false);
  return { ok: true, id: questionId };
}

export interface EmailQuestionInput extends QuestionInput {
  email: string;
  consent: boolean;
}

/** A question without an account: it waits until the link mailed to the address is followed. */
export async function askToConfirmQuestion(
  deps: Deps,
  id: number,
  input: EmailQuestionInput,
): Promise<{ ok: true } | { ok: false; errors: HearingError[] } | { ok: false; missing: true }> {
  const found = await hearingOf(deps, id, false);
  if (found === undefined || !found.emailQuestions) return { ok: false, missing: true };
  const errors: HearingError[] = [];
  const { body, name } = checkQuestion(found, input, errors);
  const email = normaliseEmail(input.email);
  if (email === '') errors.push({ field: 'email', problem: 'required' });
  else if (!isEmail(email) || email.length > 320) errors.push({ field: 'email', problem: 'email' });
  if (!input.consent) errors.push({ field: 'consent', problem: 'required' });
  if (errors.length > 0) return { ok: false, errors };
  const lookup = deps.sealer.lookup(email);
  if ((await q.askedSince(deps.db, id, { lookup }, new Date(Date.now() - 10 * 60_000))) >= QUESTIONS_PER_10_MINUTES)
    return { ok: false, errors: [{ field: 'body', problem: 'tooFast' }] };
  const structure = await getCouncil(deps.db);
  const t = translator(deps.config.defaultLanguage);
  const token = newToken();
  const title = found.meeting.view.title;
  await deps.db.transaction().execute(async (trx) => {
    await q.purgePending(trx, confirmSince());
    await q.insertPending(trx, {
      hearing_id: id,
      body,
      asker_label: name,
      email_sealed: deps.sealer.seal(email),
      email_lookup: lookup,
      token_hash: token.hash,
    });
    await enqueueMessage(trx, deps.sealer, {
      channel: 'email',
      to: email,
      subject: t('hearing.mail.confirm.subject', { title }),
      text: t('hearing.mail.confirm.body', {
        title,
        question: body,
        link: `${deps.config.publicBaseUrl}/siaran/email/${token.token}`,
        site: structure.council.name,
      }),
      topic: `hearing:${id}`,
    });
  });
  return { ok: true };
}

export interface MailedQuestion {
  hearing: Hearing;
  body: string;
  asker: string;
}

export async function mailedQuestion(deps: Deps, token: string): Promise<MailedQuestion | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const pending = await q.pendingByToken(deps.db, hashToken(token), confirmSince());
  if (pending === undefined) return undefined;
  const found = await hearingOf(deps, pending.hearing_id, false);
  if (found === undefined) return undefined;
  return { hearing: found, body: pending.body, asker: pending.asker_label };
}

/** The mailed link was followed and the button pressed: the question joins the moderator's queue. */
export async function confirmQuestion(
  deps: Deps,
  token: string,
): Promise<{ outcome: 'missing' } | { outcome: 'closed' | 'sent'; hearingId: number }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { outcome: 'missing' };
  const pending = await q.pendingByToken(deps.db, hashToken(token), confirmSince());
  if (pending === undefined) return { outcome: 'missing' };
  const found = await hearingOf(deps, pending.hearing_id, false);
  if (found === undefined) return { outcome: 'missing' };
  if (!found.accepting) return { outcome: 'closed', hearingId: found.id };
  const created = await deps.db.transaction().execute(async (trx) => {
    if ((await q.takePending(trx, pending.id)) === undefined) return undefined;
    return q.insertQuestion(trx, {
      hearing_id: found.id,
      body: pending.body,
      asker_label: pending.asker_label,
      email_sealed: pending.email_sealed,
      email_lookup: pending.email_lookup,
    });
  });
  if (created === undefined) return { outcome: 'missing' };
  announce(deps, found.id, [created], false);
  return { outcome: 'sent', hearingId: found.id };
}

// ------------------------------------------------------------------ supporting

export type VoteOutcome = 'added' | 'already' | 'closed' | 'missing';

/**
 * One vote a voter: an account, or a browser's own random key (a cookie). The count is kept on
 * the question so that the queue sorts without counting.
 */
export async function vote(
  deps: Deps,
  questionId: number,
  voter: string,
): Promise<{ outcome: VoteOutcome; hearingId?: number }> {
  const row = await q.questionById(deps.db, questionId);
  const structure = await getCouncil(deps.db);
  if (row === undefined || row.council_id !== structure.council.id || row.status !== 'approved')
    return { outcome: 'missing' };
  const found = await hearingOf(deps, row.hearing_id, false);
  if (found === undefined) return { outcome: 'missing' };
  if (!found.accepting) return { outcome: 'closed', hearingId: found.id };
  const added = await q.addVote(deps.db, questionId, voter);
  if (added) announce(deps, found.id, [questionId]);
  return { outcome: added ? 'added' : 'already', hearingId: found.id };
}

// ------------------------------------------------------------------ moderating

export interface ModerationQueue {
  hearing: Hearing;
  pending: Question[];
  approved: Question[];
  rejected: Question[];
}

export async function moderationQueue(deps: Deps, id: number): Promise<ModerationQueue | undefined> {
  const found = await hearingOf(deps, id, true);
  if (found === undefined) return undefined;
  const rows = (await q.questionsOf(deps.db, id, ['pending', 'approved', 'rejected'])).map(questionOf);
  return {
    hearing: found,
    // The oldest first: moderators work through them in the order they came.
    pending: rows.filter((x) => x.status === 'pending').sort((a, b) => a.id - b.id),
    approved: rows.filter((x) => x.status === 'approved'),
    rejected: rows.filter((x) => x.status === 'rejected'),
  };
}

/** The chair's screen: the approved questions not yet answered, most supported first. */
export async function chairQueue(deps: Deps, id: number) {
  const found = await hearingOf(deps, id, true);
  if (found === undefined) return undefined;
  const rows = (await q.questionsOf(deps.db, id, ['approved'])).map(questionOf);
  return { hearing: found, open: rows.filter((x) => !isSettled(x)), settled: rows.filter(isSettled) };
}

export type ModerationAction = 'approve' | 'reject' | 'restore';

async function officialQuestion(deps: Deps, questionId: number) {
  const structure = await getCouncil(deps.db);
  const row = await q.questionById(deps.db, questionId);
  if (row === undefined || row.council_id !== structure.council.id) return undefined;
  return row;
}

/** Approves, rejects, or takes back a rejection; a question already moved by someone else is left. */
export async function moderate(
  deps: Deps,
  user: CurrentUser,
  questionId: number,
  action: ModerationAction,
  ip: string,
): Promise<{ hearingId: number; done: boolean } | undefined> {
  const row = await officialQuestion(deps, questionId);
  if (row === undefined) return undefined;
  const move = {
    approve: { from: ['pending', 'rejected'], to: 'approved' },
    reject: { from: ['pending', 'approved'], to: 'rejected' },
    restore: { from: ['rejected'], to: 'pending' },
  } as const satisfies Record<ModerationAction, { from: QuestionStatus[]; to: QuestionStatus }>;
  const done = await deps.db.transaction().execute(async (trx) => {
    const moved = await q.moveQuestion(trx, questionId, move[action].from, {
      status: move[action].to,
      moderated_by: user.id,
      moderated_at: new Date(),
    });
    if (!moved) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: `hearing.question-${action}`,
      subjectType: 'hearing_question',
      subjectId: questionId,
      ip,
    });
    return true;
  });
  // Public pages care when a question joins or leaves their list; a waiting one's fate is the moderators'.
  if (done) announce(deps, row.hearing_id, [questionId], action === 'approve' || row.status === 'approved');
  return { hearingId: row.hearing_id, done };
}

/** Folds a question into an approved one of the same hearing: its votes and its asker go along. */
export async function mergeQuestion(
  deps: Deps,
  user: CurrentUser,
  questionId: number,
  intoRaw: string,
  ip: string,
): Promise<{ ok: true; hearingId: number } | { ok: false; hearingId: number; errors: HearingError[] } | undefined> {
  const row = await officialQuestion(deps, questionId);
  if (row === undefined) return undefined;
  const into = /^\d{1,9}$/.test(intoRaw) ? await q.questionById(deps.db, Number(intoRaw)) : undefined;
  if (into === undefined || into.hearing_id !== row.hearing_id || into.id === row.id || into.status !== 'approved')
    return { ok: false, hearingId: row.hearing_id, errors: [{ field: `into-${questionId}`, problem: 'invalid' }] };
  const done = await deps.db.transaction().execute(async (trx) => {
    const moved = await q.moveQuestion(trx, questionId, ['pending', 'approved', 'rejected'], {
      status: 'merged',
      merged_into: into.id,
      moderated_by: user.id,
      moderated_at: new Date(),
    });
    if (!moved) return false;
    await q.carryVotes(trx, questionId, into.id);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'hearing.question-merge',
      subjectType: 'hearing_question',
      subjectId: questionId,
      ip,
      details: { into: into.id },
    });
    return true;
  });
  if (!done)
    return { ok: false, hearingId: row.hearing_id, errors: [{ field: `into-${questionId}`, problem: 'invalid' }] };
  announce(deps, row.hearing_id, [questionId, into.id]);
  return { ok: true, hearingId: row.hearing_id };
}

/** "12:34", "1:02:03" or "12" (minutes) to seconds from the start of the recording. */
export function parseMoment(raw: string): number | undefined | null {
  const text = raw.trim();
  if (text === '') return null;
  const parts = text.split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d{1,3}$/.test(p))) return undefined;
  const n = parts.map(Number);
  const seconds =
    n.length === 1 ? (n[0] ?? 0) * 60 : n.reduce((total, part, i) => (i === 0 ? part : total * 60 + part), 0);
  if (n.length > 1 && n.slice(1).some((p) => p > 59)) return undefined;
  return seconds <= 86_400 ? seconds : undefined;
}

/** Seconds as the recording's clock: "12:34" or "1:02:03". */
export function momentText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A link into the recording at a moment, where the video site understands one (YouTube's t=). */
export function recordingAt(url: string, seconds: number): string {
  try {
    const u = new URL(url);
    if (/(^|\.)youtube\.com$|(^|\.)youtu\.be$/.test(u.hostname)) {
      u.searchParams.set('t', `${seconds}s`);
      return u.toString();
    }
  } catch {
    // A stored address was checked when saved; an odd one is linked as it is.
  }
  return url;
}

/** Everyone who asked it: the question's own asker and those of questions merged into it. */
async function askersOf(deps: Deps, questionId: number, row: { user_id: number | null; email_sealed: string | null }) {
  const merged = await q.mergedInto(deps.db, questionId);
  const all = [row, ...merged];
  const accounts = await contactsOf(
    deps,
    all.flatMap((a) => (a.user_id === null ? [] : [a.user_id])),
  );
  const addresses = new Set<string>(accounts.map((a) => a.email));
  for (const a of all) if (a.email_sealed !== null) addresses.add(deps.sealer.open(a.email_sealed));
  addresses.delete('');
  return [...addresses];
}

export interface AnswerInput {
  answer: string;
  moment: string;
  /** "Answered now" during the meeting: the moment is how long the meeting has been going. */
  now?: boolean;
}

/** Marks a question answered — in words, at a moment of the recording, or both — and tells its askers. */
export async function answerQuestion(
  deps: Deps,
  user: CurrentUser,
  questionId: number,
  input: AnswerInput,
  ip: string,
): Promise<{ ok: true; hearingId: number } | { ok: false; hearingId: number; errors: HearingError[] } | undefined> {
  const row = await officialQuestion(deps, questionId);
  if (row === undefined) return undefined;
  const found = await hearingOf(deps, row.hearing_id, true);
  if (found === undefined) return undefined;
  const errors: HearingError[] = [];
  if (row.status !== 'approved') errors.push({ field: 'answer', problem: 'invalid' });
  const answer = input.answer.trim();
  if (answer.length > ANSWER_MAX) errors.push({ field: 'answer', problem: 'tooLong', max: ANSWER_MAX });
  let moment = parseMoment(input.moment);
  if (moment === undefined) errors.push({ field: 'moment', problem: 'time' });
  if (input.now === true) {
    const since = Math.floor((Date.now() - found.meeting.view.startsAt.getTime()) / 1000);
    moment = since >= 0 && since <= 86_400 ? since : null;
  }
  if (answer === '' && (moment === null || moment === undefined) && input.now !== true)
    errors.push({ field: 'answer', problem: 'required' });
  if (errors.length > 0) return { ok: false, hearingId: row.hearing_id, errors };
  const first = row.answered_at === null;
  const askers = first ? await askersOf(deps, questionId, row) : [];
  const structure = await getCouncil(deps.db);
  const t = translator(deps.config.defaultLanguage);
  const view = found.meeting.view;
  const recording = view.details?.recordingUrl ?? view.details?.livestreamUrl ?? null;
  await deps.db.transaction().execute(async (trx) => {
    await q.updateQuestion(trx, questionId, {
      answer: answer === '' ? null : answer,
      answer_second: moment ?? null,
      answered_at: row.answered_at ?? new Date(),
      moderated_by: user.id,
      moderated_at: new Date(),
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'hearing.question-answer',
      subjectType: 'hearing_question',
      subjectId: questionId,
      ip,
    });
    const words = [
      answer,
      moment === null || moment === undefined
        ? ''
        : t('hearing.mail.answered.moment', {
            moment: momentText(moment),
            link: recording === null ? '' : recordingAt(recording, moment),
          }),
    ]
      .filter((x) => x !== '')
      .join('\n\n');
    for (const to of askers)
      await enqueueMessage(trx, deps.sealer, {
        channel: 'email',
        to,
        subject: t('hearing.mail.answered.subject', { title: view.title }),
        text: t('hearing.mail.answered.body', {
          title: view.title,
          question: row.body,
          answer: words,
          link: `${deps.config.publicBaseUrl}/siaran/${row.hearing_id}#pertanyaan-${questionId}`,
          site: structure.council.name,
        }),
        topic: `hearing:${row.hearing_id}`,
      });
  });
  announce(deps, row.hearing_id, [questionId]);
  return { ok: true, hearingId: row.hearing_id };
}

export interface AspirationInput {
  category: string;
  location: string;
  title: string;
}

/**
 * A question the meeting left open, filed as an aspiration in the asker's name (channel "siaran"):
 * it is routed like any other, and its tracking code reaches the asker.
 */
export async function questionToAspiration(
  deps: Deps,
  user: CurrentUser,
  questionId: number,
  input: AspirationInput,
  ip: string,
): Promise<
  { ok: true; hearingId: number; code: string } | { ok: false; hearingId: number; errors: HearingError[] } | undefined
> {
  const row = await officialQuestion(deps, questionId);
  if (row === undefined) return undefined;
  const found = await hearingOf(deps, row.hearing_id, true);
  if (found === undefined) return undefined;
  if (row.status !== 'approved' || row.aspiration_code !== null)
    return { ok: false, hearingId: row.hearing_id, errors: [{ field: 'title', problem: 'invalid' }] };
  const askers = await askersOf(deps, questionId, row);
  const account = row.user_id === null ? undefined : (await contactsOf(deps, [row.user_id]))[0];
  const own = account?.email ?? (row.email_sealed === null ? '' : deps.sealer.open(row.email_sealed));
  const t = translator(deps.config.defaultLanguage);
  const view = found.meeting.view;
  const filed = await fileReceivedAspiration(deps, user, 'siaran', {
    userId: row.user_id,
    category: input.category,
    location: input.location,
    title: input.title,
    description: `${row.body}\n\n${t('hearing.aspiration.from', { title: view.title })}`,
    name: row.asker_label,
    email: own,
    phone: '',
  });
  if (!filed.ok)
    return {
      ok: false,
      hearingId: row.hearing_id,
      errors: filed.errors,
    };
  const structure = await getCouncil(deps.db);
  // The asker of the question itself gets the aspiration's own receipt; those merged into it, this.
  const merged = askers.filter((a) => a !== own);
  await deps.db.transaction().execute(async (trx) => {
    await q.updateQuestion(trx, questionId, {
      aspiration_code: filed.code,
      moderated_by: user.id,
      moderated_at: new Date(),
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'hearing.question-aspiration',
      subjectType: 'hearing_question',
      subjectId: questionId,
      ip,
      details: { aspiration: filed.code },
    });
    for (const to of merged)
      await enqueueMessage(trx, deps.sealer, {
        channel: 'email',
        to,
        subject: t('hearing.mail.aspiration.subject', { code: filed.code }),
        text: t('hearing.mail.aspiration.body', {
          title: view.title,
          question: row.body,
          code: filed.code,
          link: `${deps.config.publicBaseUrl}/aspirasi/${filed.code}`,
          site: structure.council.name,
        }),
        topic: `hearing:${row.hearing_id}`,
      });
  });
  announce(deps, row.hearing_id, [questionId]);
  return { ok: true, hearingId: row.hearing_id, code: filed.code };
}

/** A question as a moderator handles it on its own page. */
export async function questionForOffice(deps: Deps, questionId: number) {
  const row = await officialQuestion(deps, questionId);
  if (row === undefined) return undefined;
  const found = await hearingOf(deps, row.hearing_id, true);
  if (found === undefined) return undefined;
  return { hearing: found, question: questionOf(row) };
}

/** The approved questions of these hearings, most supported first within each (open data). */
export async function questionsOfHearings(deps: Deps, hearingIds: number[]): Promise<Question[]> {
  return (await q.approvedOfHearings(deps.db, hearingIds)).map(questionOf);
}

/** The questions changed since a notification, for the pages that follow a hearing live. */
export async function questionsByIds(deps: Deps, ids: number[]): Promise<Question[]> {
  return (await q.questionsByIds(deps.db, ids)).map(questionOf);
}

/** For /kelola: the hearings whose questions wait for a moderator. */
export async function waitingHearings(deps: Deps, user: CurrentUser): Promise<WaitingWork[]> {
  if (!can(user.role, 'hearings.moderate')) return [];
  const structure = await getCouncil(deps.db);
  const rows = await q.waitingByHearing(deps.db, structure.council.id);
  return rows.map((r) => ({
    href: `/kelola/siaran/${r.id}/moderasi#menunggu`,
    label: 'hearing.waiting',
    count: Number(r.n),
    overdue: 0,
    due: null,
  }));
}

// ------------------------------------------------------------------ people's data, sitemap

/** What a person asked in hearings, from their account or their address; erasure unsigns it. */
export const hearingPersonalData: PersonalDataHooks = {
  async copy(deps, subject): Promise<PersonalDataSection[]> {
    const rows = await q.questionsOfPerson(deps.db, subject.userId, subject.emailLookup);
    if (rows.length === 0) return [];
    return [
      {
        key: 'hearingQuestions',
        title: 'hearing.data.title',
        items: rows.map((r) => ({
          link: { href: `/siaran/${r.hearing_id}#pertanyaan-${r.id}`, text: r.body.slice(0, 80) },
          text: r.body,
          at: r.created_at,
          record: { hearing: r.hearing_id, question: r.body, status: r.status, answer: r.answer },
        })),
      },
    ];
  },
  forget: (db, subject) => q.forgetPerson(db, subject.userId, subject.emailLookup),
};

export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const all = await publicHearings(deps);
  return [{ path: '/siaran' }, ...all.map((x) => ({ path: `/siaran/${x.hearing.id}`, modified: x.hearing.updatedAt }))];
}
