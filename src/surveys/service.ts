/**
 * Surveys. Staff build a survey in sections of questions (choices, Likert scales, numbers, text,
 * matrices; a question may show only when an earlier section's answer is given), or take the
 * ready-made IKM questionnaire for a service unit; publish it for a period; close it. People answer
 * one section a screen, resumable, once each; every raw answer is kept and the figures — the IKM
 * above all — are recomputed from them. A survey with answers keeps its questions: a change is a
 * new version.
 */

import { visitsAfter } from '../appointments/service.ts';
import { resolvedAfter, tellReporter } from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import type { SurveyAudience, SurveyQuestionKind, SurveyServiceUnit, SurveyStatus } from '../db/schema.ts';
import { answeredAfter } from '../information-requests/service.ts';
import { recordAudit } from '../platform/audit.ts';
import { isEmail, normaliseEmail } from '../platform/contact.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { PersonalDataHooks, PersonalDataSection, SitemapEntry } from '../platform/feature.ts';
import { dayOf } from '../platform/format.ts';
import { groupBy } from '../platform/group-by.ts';
import { type Translate, translator } from '../platform/i18n.ts';
import type { Job } from '../platform/jobs.ts';
import { enqueueMessage } from '../platform/outbox.ts';
import { type FieldError, isSingleLine } from '../platform/validation.ts';
import { isCalendarDay, jakartaDay } from '../platform/working-days.ts';
import { computeIkm, type IkmElement, type IkmResult } from './ikm.ts';
import * as q from './queries.ts';
import { ikmTemplate, templateQuestion, templateSection } from './templates.ts';

export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 4000;
export const TITLE_MAX = 200;
export const INTRO_MAX = 4000;
export const PROMPT_MAX = 500;
export const CHOICES_MAX = 20;
export const SERVICE_UNITS: readonly SurveyServiceUnit[] = ['aspiration', 'information', 'aspiration_room'];
export const AUDIENCES: readonly SurveyAudience[] = ['everyone', 'service_users', 'sample'];
/** At most this many addresses in one sample list sent at once. */
export const LIST_MAX = 500;
export const QUESTION_KINDS: readonly SurveyQuestionKind[] = [
  'single',
  'multiple',
  'likert4',
  'likert5',
  'number',
  'short_text',
  'long_text',
  'matrix',
];
/** How many answers one internet address may start in an hour, for open surveys without an account. */
export const STARTS_PER_HOUR = 30;

export type SurveyProblem =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'oneLine'
  | 'order'
  | 'choices'
  | 'rows'
  | 'range'
  | 'locked'
  | 'empty'
  | 'taken'
  | 'email'
  | 'notOpen';
export type SurveyError = FieldError<SurveyProblem>;

export type AnswerProblem = 'required' | 'choice' | 'number' | 'min' | 'max' | 'tooLong' | 'oneLine' | 'rows';
export interface AnswerError {
  field: string;
  problem: AnswerProblem;
  max?: number;
}

/** Where a survey stands for the people who may answer it, on a given day. */
export type SurveyPhase = 'draft' | 'upcoming' | 'open' | 'ended';

export interface Survey {
  id: number;
  kind: 'general' | 'ikm';
  title: string;
  intro: string;
  serviceUnit: SurveyServiceUnit | null;
  opensOn: string;
  closesOn: string;
  anonymous: boolean;
  audience: SurveyAudience;
  status: SurveyStatus;
  version: number;
  previousId: number | null;
  publishedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  phase: SurveyPhase;
}

export interface SurveySummary extends Survey {
  submitted: number;
  started: number;
}

export interface Choice {
  value: string;
  label: string;
}

export interface Question {
  id: number;
  sectionId: number;
  code: string;
  kind: SurveyQuestionKind;
  prompt: string;
  help: string;
  required: boolean;
  min: number | null;
  max: number | null;
  /** Shown only when an earlier question was answered with this value. */
  showIf: { questionId: number; value: string } | null;
  ikmElement: number | null;
  options: Choice[];
  rows: Choice[];
}

export interface Section {
  id: number;
  position: number;
  title: string;
  intro: string;
  questions: Question[];
}

export interface SurveyForm {
  survey: Survey;
  sections: Section[];
}

type SurveyRow = NonNullable<Awaited<ReturnType<typeof q.surveyById>>>;

function phaseOf(row: { status: SurveyStatus; opens_on: string; closes_on: string }, today: string): SurveyPhase {
  if (row.status === 'draft') return 'draft';
  if (row.status === 'closed' || today > row.closes_on) return 'ended';
  return today < row.opens_on ? 'upcoming' : 'open';
}

function surveyOf(row: SurveyRow, t: Translate, today: string): Survey {
  const unit = row.service_unit;
  return {
    id: row.id,
    kind: row.kind,
    // A ready-made survey is named in the reader's language.
    title: row.kind === 'ikm' && unit !== null ? t('survey.ikmTitle', { unit: t(unitKey[unit]) }) : row.title,
    intro: row.kind === 'ikm' ? t('survey.ikmIntro') : row.intro,
    serviceUnit: unit,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    anonymous: row.anonymous,
    audience: row.audience,
    status: row.status,
    version: row.version,
    previousId: row.previous_id,
    publishedAt: row.published_at,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
    phase: phaseOf(row, today),
  };
}

export const unitKey = {
  aspiration: 'survey.unit.aspiration',
  information: 'survey.unit.information',
  aspiration_room: 'survey.unit.aspiration_room',
} as const;

const today = () => jakartaDay(new Date());

/** Published surveys: those open now, and those ended (whose results are public). */
export async function publicSurveys(
  deps: Deps,
  t: Translate,
): Promise<{ open: SurveySummary[]; ended: SurveySummary[] }> {
  const council = await getCouncil(deps.db);
  const rows = await q.listSurveys(deps.db, council.council.id, ['published', 'closed']);
  const day = today();
  const all = rows.map((r) => ({ ...surveyOf(r, t, day), submitted: Number(r.submitted), started: Number(r.started) }));
  return { open: all.filter((s) => s.phase === 'open'), ended: all.filter((s) => s.phase === 'ended') };
}

/** Every survey, for the back office. */
export async function allSurveys(deps: Deps, t: Translate): Promise<SurveySummary[]> {
  const council = await getCouncil(deps.db);
  const rows = await q.listSurveys(deps.db, council.council.id, ['draft', 'published', 'closed']);
  const day = today();
  return rows.map((r) => ({ ...surveyOf(r, t, day), submitted: Number(r.submitted), started: Number(r.started) }));
}

/** A survey with its sections and questions, worded for the reader; drafts only when asked for. */
export async function surveyForm(
  deps: Deps,
  id: number,
  t: Translate,
  options: { drafts?: boolean } = {},
): Promise<SurveyForm | undefined> {
  const council = await getCouncil(deps.db);
  const row = await q.surveyById(deps.db, council.council.id, id);
  if (row === undefined || (row.status === 'draft' && options.drafts !== true)) return undefined;
  const [sectionRows, questionRows, choiceRows] = await Promise.all([
    q.sectionsOf(deps.db, id),
    q.questionsOf(deps.db, id),
    q.choicesOf(deps.db, id),
  ]);
  const unit = row.service_unit;
  // A ready-made survey's words come from its template, in the reader's language.
  const template = row.kind === 'ikm' && unit !== null ? ikmTemplate(unit) : [];
  const choicesOf = groupBy(choiceRows, (c) => c.question_id);
  const sections: Section[] = sectionRows.map((s) => {
    const tpl = templateSection(template, s.template_key);
    return {
      id: s.id,
      position: s.position,
      title: tpl === undefined ? s.title : t(tpl.title),
      intro: s.intro,
      questions: [],
    };
  });
  for (const r of questionRows) {
    const tpl = templateQuestion(template, r);
    const choices = choicesOf.get(r.id) ?? [];
    const question: Question = {
      id: r.id,
      sectionId: r.section_id,
      code: r.code,
      kind: r.kind,
      prompt: tpl === undefined ? r.prompt : t(tpl.prompt),
      help: r.help,
      required: r.required,
      min: r.min_value,
      max: r.max_value,
      showIf:
        r.show_if_question_id === null || r.show_if_value === null
          ? null
          : { questionId: r.show_if_question_id, value: r.show_if_value },
      ikmElement: r.ikm_element,
      options: choices
        .filter((c) => c.role === 'option')
        .map((c) => {
          const own = tpl?.options.find((o) => o.value === c.value);
          return { value: c.value, label: own === undefined ? c.label : t(own.label) };
        }),
      rows: choices.filter((c) => c.role === 'row').map((c) => ({ value: c.value, label: c.label })),
    };
    sections.find((s) => s.id === r.section_id)?.questions.push(question);
  }
  return { survey: surveyOf(row, t, today()), sections };
}

// ------------------------------------------------------------ answering

export interface Response {
  id: number;
  position: number;
  submitted: boolean;
}

/** What a person has answered so far: per question, the values given (a matrix's as row=value). */
export type Answers = Map<number, string[]>;

export type StartResult =
  | { ok: true; token: string; response: Response }
  | { ok: false; reason: 'closed' | 'account' | 'already' | 'invited' };

const responseOf = (r: { id: number; section_position: number; submitted_at: Date | null }): Response => ({
  id: r.id,
  position: r.section_position,
  submitted: r.submitted_at !== null,
});

/**
 * Starts (or, for an account, takes up again) a person's answers. The key returned is what the
 * browser keeps to carry on; only its hash is stored.
 */
export async function startResponse(deps: Deps, form: SurveyForm, user: CurrentUser | null): Promise<StartResult> {
  const { survey } = form;
  if (survey.phase !== 'open') return { ok: false, reason: 'closed' };
  // A survey of those who used a service, or of a sample, is answered by its invitations' links.
  if (survey.audience !== 'everyone') return { ok: false, reason: 'invited' };
  if (!survey.anonymous && user === null) return { ok: false, reason: 'account' };
  const { token, hash } = newToken();
  if (user !== null && !survey.anonymous) {
    const existing = await q.responseOfUser(deps.db, survey.id, user.id);
    if (existing !== undefined) {
      if (existing.submitted_at !== null) return { ok: false, reason: 'already' };
      await q.replaceResponseHash(deps.db, existing.id, hash);
      return { ok: true, token, response: responseOf(existing) };
    }
  }
  if (user !== null && survey.anonymous && (await q.hasParticipated(deps.db, survey.id, user.id)))
    return { ok: false, reason: 'already' };
  const row = await q.insertResponse(deps.db, {
    survey_id: survey.id,
    resume_hash: hash,
    user_id: survey.anonymous || user === null ? null : user.id,
  });
  if (row === undefined) return { ok: false, reason: 'already' };
  return { ok: true, token, response: responseOf(row) };
}

/** The answers a browser's key leads to, if they are of this survey. */
export async function responseByKey(
  deps: Deps,
  surveyId: number,
  key: string | undefined,
): Promise<{ response: Response; answers: Answers } | undefined> {
  if (key === undefined || !/^[A-Za-z0-9_-]{20,100}$/.test(key)) return undefined;
  const row = await q.responseByHash(deps.db, surveyId, hashToken(key));
  if (row === undefined) return undefined;
  const answers: Answers = new Map();
  for (const a of await q.answersOf(deps.db, row.id)) {
    const list = answers.get(a.question_id) ?? [];
    list.push(answerToken(a));
    answers.set(a.question_id, list);
  }
  return { response: responseOf(row), answers };
}

/** One kept answer as the pages compare it: the value, or "row=value" for a matrix's row. */
const answerToken = (a: { item: string; value: string }) =>
  a.item === '' || a.item === a.value ? a.value : `${a.item}=${a.value}`;

/** Whether a question is asked, given the answers so far: its condition's answer was given. */
export function isShown(question: Question, answers: Answers): boolean {
  if (question.showIf === null) return true;
  return (answers.get(question.showIf.questionId) ?? []).includes(question.showIf.value);
}

/** The sections with at least one question to ask, given the answers so far. */
export function sectionsToAsk(form: SurveyForm, answers: Answers): Section[] {
  return form.sections.filter((s) => s.questions.some((question) => isShown(question, answers)));
}

/** The form field of a question, and of one row of a matrix. */
export const fieldOf = (question: { code: string }, row?: string) =>
  row === undefined ? `q_${question.code}` : `q_${question.code}--${row}`;

type Sent = Record<string, string | string[] | undefined>;
const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
const allOf = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

type AnswerRow = { question_id: number; item: string; value: string; score: number | null };

/** One question's answer read from the form: the rows to keep, or what is wrong with it. */
function readAnswer(question: Question, sent: Sent): { rows: AnswerRow[] } | { error: AnswerError } {
  const field = fieldOf(question);
  const id = question.id;
  const choose = (value: string) => question.options.some((o) => o.value === value);
  switch (question.kind) {
    case 'single':
    case 'likert4':
    case 'likert5': {
      const value = firstOf(sent[field]);
      if (value === '') return question.required ? { error: { field, problem: 'required' } } : { rows: [] };
      if (!choose(value)) return { error: { field, problem: 'choice' } };
      const score = question.kind === 'single' && question.ikmElement === null ? null : Number.parseInt(value, 10);
      return { rows: [{ question_id: id, item: '', value, score: Number.isInteger(score) ? score : null }] };
    }
    case 'multiple': {
      const values = [...new Set(allOf(sent[field]).map((v) => v.trim()))].filter((v) => v !== '');
      if (values.length === 0) return question.required ? { error: { field, problem: 'required' } } : { rows: [] };
      if (!values.every(choose)) return { error: { field, problem: 'choice' } };
      return { rows: values.map((value) => ({ question_id: id, item: value, value, score: null })) };
    }
    case 'number': {
      const text = firstOf(sent[field]);
      if (text === '') return question.required ? { error: { field, problem: 'required' } } : { rows: [] };
      if (!/^-?\d{1,9}$/.test(text)) return { error: { field, problem: 'number' } };
      const n = Number.parseInt(text, 10);
      if (question.min !== null && n < question.min) return { error: { field, problem: 'min', max: question.min } };
      if (question.max !== null && n > question.max) return { error: { field, problem: 'max', max: question.max } };
      return { rows: [{ question_id: id, item: '', value: String(n), score: n }] };
    }
    case 'short_text':
    case 'long_text': {
      const text = firstOf(sent[field]);
      const max = question.kind === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      if (text === '') return question.required ? { error: { field, problem: 'required' } } : { rows: [] };
      if (text.length > max) return { error: { field, problem: 'tooLong', max } };
      if (question.kind === 'short_text' && !isSingleLine(text)) return { error: { field, problem: 'oneLine' } };
      return { rows: [{ question_id: id, item: '', value: text, score: null }] };
    }
    case 'matrix': {
      const rows: AnswerRow[] = [];
      for (const row of question.rows) {
        const value = firstOf(sent[fieldOf(question, row.value)]);
        if (value === '') continue;
        if (!choose(value)) return { error: { field: fieldOf(question, row.value), problem: 'choice' } };
        const score = Number.parseInt(value, 10);
        rows.push({ question_id: id, item: row.value, value, score: Number.isInteger(score) ? score : null });
      }
      if (rows.length === 0 && !question.required) return { rows };
      if (rows.length < question.rows.length) {
        const missing = question.rows.find((r) => !rows.some((a) => a.item === r.value));
        return { error: { field: fieldOf(question, missing?.value), problem: 'rows' } };
      }
      return { rows };
    }
  }
}

export type AnswerResult =
  | { ok: true; next: number | 'done' }
  | { ok: false; errors: AnswerError[] }
  | { ok: false; reason: 'closed' | 'already' | 'gone' };

/**
 * Keeps the answers of one section and moves on (or back). Going back keeps what was answered
 * well and asks nothing; going on asks every shown question; the last section sends it all.
 */
export async function answerSection(
  deps: Deps,
  form: SurveyForm,
  held: { response: Response; answers: Answers },
  position: number,
  sent: Sent,
  direction: 'next' | 'back',
  user: CurrentUser | null,
): Promise<AnswerResult> {
  if (form.survey.phase !== 'open') return { ok: false, reason: 'closed' };
  if (held.response.submitted) return { ok: false, reason: 'already' };
  const { answers } = held;
  const section = sectionsToAsk(form, answers).find((s) => s.position === position);
  if (section === undefined) return { ok: false, reason: 'gone' };
  // The questions read well are kept (going back, the others are left as they were); going on,
  // every shown question must be.
  const kept: AnswerRow[] = [];
  const keptQuestions: number[] = [];
  const errors: AnswerError[] = [];
  for (const question of section.questions.filter((x) => isShown(x, answers))) {
    const read = readAnswer(question, sent);
    if ('error' in read) errors.push(read.error);
    else {
      kept.push(...read.rows);
      keptQuestions.push(question.id);
    }
  }
  if (direction === 'next' && errors.length > 0) return { ok: false, errors };

  // What the answers will be once these are kept: a later section may now be shown or hidden.
  for (const id of keptQuestions) answers.delete(id);
  for (const r of kept) answers.set(r.question_id, [...(answers.get(r.question_id) ?? []), answerToken(r)]);
  const after = sectionsToAsk(form, answers);
  const here = after.findIndex((s) => s.position === position);
  const target = direction === 'back' ? after[here - 1] : after[here + 1];
  const responseId = held.response.id;

  if (direction === 'next' && target === undefined) {
    // The last section: keep it, drop answers to questions no longer asked, and send it all.
    const hidden = form.sections
      .flatMap((s) => s.questions)
      .filter((x) => !isShown(x, answers))
      .map((x) => x.id);
    const sentOk = await deps.db
      .transaction()
      .execute(async (trx) => {
        await q.replaceAnswers(trx, responseId, [...keptQuestions, ...hidden], kept);
        if (!(await q.markSubmitted(trx, responseId, new Date()))) return false;
        if (user !== null && form.survey.anonymous && !(await q.insertParticipant(trx, form.survey.id, user.id)))
          throw new AlreadyAnswered();
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof AlreadyAnswered) return false;
        throw error;
      });
    return sentOk ? { ok: true, next: 'done' } : { ok: false, reason: 'already' };
  }
  const next = target?.position ?? position;
  await deps.db.transaction().execute(async (trx) => {
    await q.replaceAnswers(trx, responseId, keptQuestions, kept);
    await q.setPosition(trx, responseId, next);
  });
  return { ok: true, next };
}

/** Thrown when an account's second answer to an anonymous survey meets its first: undoes the send. */
class AlreadyAnswered extends Error {}

/**
 * Opens an invitation's link: its key is also the key of the answers it leads to, made on first
 * use, so one invitation gives one response however often the link is opened.
 */
export async function openInvitation(
  deps: Deps,
  form: SurveyForm,
  key: string | undefined,
  user: CurrentUser | null,
): Promise<{ ok: true } | { ok: false; reason: 'unknown' | 'closed' | 'account' }> {
  if (key === undefined || !/^[A-Za-z0-9_-]{20,100}$/.test(key)) return { ok: false, reason: 'unknown' };
  const hash = hashToken(key);
  const invitation = await q.invitationByHash(deps.db, form.survey.id, hash);
  if (invitation === undefined) return { ok: false, reason: 'unknown' };
  if (await q.responseByHash(deps.db, form.survey.id, hash)) return { ok: true };
  if (form.survey.phase !== 'open') return { ok: false, reason: 'closed' };
  if (!form.survey.anonymous && user === null) return { ok: false, reason: 'account' };
  await q.insertResponse(deps.db, {
    survey_id: form.survey.id,
    resume_hash: hash,
    user_id: form.survey.anonymous || user === null ? null : user.id,
  });
  return { ok: true };
}

/** The first moment of a calendar day in Jakarta. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** How many people of a service are read at a time when inviting them. */
const PAGE = 500;

/** Every item of a source read in pages, oldest first, from a moment on. */
async function* everyAfter<T extends { id: number; at: Date }>(
  since: Date,
  page: (after: { at: Date; id: number }) => Promise<T[]>,
): AsyncGenerator<T> {
  let after = { at: since, id: 0 };
  for (;;) {
    const items = await page(after);
    yield* items;
    const last = items.at(-1);
    if (last === undefined || items.length < PAGE) return;
    after = { at: last.at, id: last.id };
  }
}

/**
 * Invites, once each, those who used the service of every open survey of service users: each
 * citizen whose aspiration was resolved (unit "aspiration") or who was received at the aspiration
 * room (unit "aspiration_room"), or whose request for public information was answered (unit
 * "information"), since the survey opened, by the channel they gave.
 */
export async function inviteServiceUsers(deps: Deps): Promise<number> {
  const structure = await getCouncil(deps.db);
  const surveys = await q.invitingSurveys(deps.db, structure.council.id, today());
  const t = translator(deps.config.defaultLanguage);
  let sent = 0;
  for (const s of surveys) {
    const since = startOfDay(s.opens_on);
    const title =
      s.kind === 'ikm' && s.service_unit !== null
        ? t('survey.ikmTitle', { unit: t(unitKey[s.service_unit]) })
        : s.title;
    const message = (
      link: string,
      body: 'survey.invite.aspiration' | 'survey.invite.visit' | 'survey.invite.information',
      code: string,
    ) => ({
      subject: t('survey.invite.subject', { site: structure.council.name }),
      text: t(body, {
        code,
        title,
        link,
        until: dayOf({ lang: deps.config.defaultLanguage }, s.closes_on),
        site: structure.council.name,
      }),
      sms: t('survey.invite.sms', { site: structure.council.name, link }),
      topic: `survey:${s.id}`,
    });
    const invite = async (
      source: 'aspiration' | 'appointment' | 'information_request',
      ref: string,
      send: (db: Deps['db'], link: string) => Promise<boolean>,
    ) => {
      const { token, hash } = newToken();
      const link = `${deps.config.publicBaseUrl}/survei/${s.id}/undangan?kunci=${token}`;
      await deps.db.transaction().execute(async (trx) => {
        const id = await q.insertInvitation(trx, { survey_id: s.id, token_hash: hash, source, source_ref: ref });
        if (id !== undefined && (await send(trx, link))) sent++;
      });
    };
    if (s.service_unit === 'aspiration') {
      const invited = await q.invitedRefs(deps.db, s.id, 'aspiration');
      for await (const a of everyAfter(since, (after) => resolvedAfter(deps, after, PAGE)))
        if (!invited.has(a.code))
          await invite('aspiration', a.code, (db, link) =>
            tellReporter(db, deps, a.id, message(link, 'survey.invite.aspiration', a.code)),
          );
    } else if (s.service_unit === 'information') {
      const invited = await q.invitedRefs(deps.db, s.id, 'information_request');
      for await (const r of everyAfter(since, (after) => answeredAfter(deps, after, PAGE)))
        if (!invited.has(r.code))
          await invite('information_request', r.code, (db, link) =>
            r.tell(db, message(link, 'survey.invite.information', r.code)),
          );
    } else if (s.service_unit === 'aspiration_room') {
      const invited = await q.invitedRefs(deps.db, s.id, 'appointment');
      for await (const v of everyAfter(since, (after) => visitsAfter(deps, after, PAGE)))
        if (!invited.has(v.code))
          await invite('appointment', v.code, (db, link) => v.tell(db, message(link, 'survey.invite.visit', v.code)));
    }
  }
  return sent;
}

/** Published surveys that have not closed, which another service may name as its evaluation. */
export async function surveysToChoose(deps: Deps): Promise<{ id: number; title: string }[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.surveysNotClosed(deps.db, structure.council.id, today());
  return rows.map((r) => ({ id: r.id, title: r.title }));
}

/**
 * Invites one person to a survey for another service (a training session's evaluation), once per
 * reference, in the caller's transaction: the personal link, the survey's title and its last day;
 * 'later' while the survey has not opened (ask again then); undefined when it is closed or gone,
 * or this reference was invited before.
 */
export async function inviteOne(
  db: Deps['db'],
  deps: Deps,
  councilId: number,
  surveyId: number,
  source: 'training',
  ref: string,
): Promise<{ link: string; title: string; until: string } | 'later' | undefined> {
  const survey = await q.publishedSurvey(db, councilId, surveyId);
  const day = today();
  if (survey !== undefined && survey.opens_on > day) return 'later';
  if (survey === undefined || survey.closes_on < day) return undefined;
  const { token, hash } = newToken();
  const id = await q.insertInvitation(db, { survey_id: surveyId, token_hash: hash, source, source_ref: ref });
  if (id === undefined) return undefined;
  return {
    link: `${deps.config.publicBaseUrl}/survei/${surveyId}/undangan?kunci=${token}`,
    title: survey.title,
    until: survey.closes_on,
  };
}

/**
 * Invites each address of a sample list by email, once per address and survey: only a keyed hash
 * of the address is kept with the invitation (the message itself leaves through the outbox).
 */
export async function inviteList(
  deps: Deps,
  user: CurrentUser,
  form: SurveyForm,
  list: string,
): Promise<{ ok: true; sent: number; already: number } | { ok: false; errors: SurveyError[] }> {
  const { survey } = form;
  if (survey.audience !== 'sample' || survey.status !== 'published' || survey.phase === 'ended')
    return { ok: false, errors: [{ field: 'list', problem: 'notOpen' }] };
  const addresses = [
    ...new Set(
      list
        .split(/[\s,;]+/)
        .map((a) => normaliseEmail(a))
        .filter((a) => a !== ''),
    ),
  ];
  if (addresses.length === 0) return { ok: false, errors: [{ field: 'list', problem: 'required' }] };
  if (addresses.length > LIST_MAX) return { ok: false, errors: [{ field: 'list', problem: 'tooLong', max: LIST_MAX }] };
  const wrong = addresses.filter((a) => !isEmail(a));
  if (wrong.length > 0)
    return { ok: false, errors: [{ field: 'list', problem: 'email', name: wrong.slice(0, 5).join(', ') }] };
  const structure = await getCouncil(deps.db);
  const t = translator(deps.config.defaultLanguage);
  let sent = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const address of addresses) {
      const { token, hash } = newToken();
      const id = await q.insertInvitation(trx, {
        survey_id: survey.id,
        token_hash: hash,
        source: 'list',
        source_ref: deps.sealer.lookup(address),
      });
      if (id === undefined) continue;
      const link = `${deps.config.publicBaseUrl}/survei/${survey.id}/undangan?kunci=${token}`;
      await enqueueMessage(trx, deps.sealer, {
        channel: 'email',
        to: address,
        subject: t('survey.invite.subject', { site: structure.council.name }),
        text: t('survey.invite.list', {
          title: survey.title,
          link,
          until: dayOf({ lang: deps.config.defaultLanguage }, survey.closesOn),
          site: structure.council.name,
        }),
        topic: `survey:${survey.id}`,
      });
      sent++;
    }
  });
  await audit(deps, user, 'survey.invite', survey.id, { sent, already: addresses.length - sent });
  return { ok: true, sent, already: addresses.length - sent };
}

/** The invitations of service users, every quarter of an hour; `kick` sends them out at once. */
export function surveyJobs(deps: Deps, kick: () => void): Job[] {
  return [
    {
      name: 'surveys.invite',
      everyMs: 15 * 60 * 1000,
      run: async () => {
        if ((await inviteServiceUsers(deps)) > 0) kick();
      },
    },
  ];
}

// ------------------------------------------------------------ results

export interface ChoiceCount extends Choice {
  count: number;
}

export interface QuestionResult {
  question: Question;
  /** How many sent responses answered it. */
  answered: number;
  counts: ChoiceCount[];
  /** A matrix: per row, the count of each option. */
  rows: { row: Choice; counts: ChoiceCount[] }[];
  numbers: { mean: number; median: number; min: number; max: number } | null;
  /** The mean score of a scale (Likert, IKM element). */
  mean: number | null;
}

export interface SurveyResults {
  respondents: number;
  sections: { section: Section; questions: QuestionResult[] }[];
  ikm: IkmResult | undefined;
}

const median = (sorted: number[]) => {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Every figure of a survey, recomputed from the raw answers of the sent responses. */
export async function surveyResults(deps: Deps, form: SurveyForm): Promise<SurveyResults> {
  const [responses, answers] = await Promise.all([
    q.submittedResponses(deps.db, form.survey.id),
    q.submittedAnswers(deps.db, form.survey.id),
  ]);
  const byQuestion = groupBy(answers, (a) => a.question_id);
  const resultOf = (question: Question): QuestionResult => {
    const mine = byQuestion.get(question.id) ?? [];
    const countIn = (list: typeof mine) =>
      question.options.map((o) => ({ ...o, count: list.filter((a) => a.value === o.value).length }));
    const scores = mine.map((a) => a.score).filter((s): s is number => s !== null);
    const sorted = [...scores].sort((a, b) => a - b);
    const mean = scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
    return {
      question,
      answered: new Set(mine.map((a) => a.response_id)).size,
      counts: question.kind === 'matrix' ? [] : countIn(mine),
      rows: question.rows.map((row) => ({ row, counts: countIn(mine.filter((a) => a.item === row.value)) })),
      numbers:
        question.kind === 'number' && sorted.length > 0
          ? { mean: mean ?? 0, median: median(sorted), min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 }
          : null,
      mean: question.kind === 'likert4' || question.kind === 'likert5' || question.ikmElement !== null ? mean : null,
    };
  };
  let ikm: IkmResult | undefined;
  if (form.survey.kind === 'ikm') {
    const elementOf = new Map<number, IkmElement>();
    for (const s of form.sections)
      for (const question of s.questions)
        if (question.ikmElement !== null) elementOf.set(question.id, question.ikmElement as IkmElement);
    const perResponse = new Map<number, (number | null)[]>(responses.map((r) => [r.id, Array(9).fill(null)]));
    for (const a of answers) {
      const element = elementOf.get(a.question_id);
      const scores = perResponse.get(a.response_id);
      if (element !== undefined && scores !== undefined && a.score !== null) scores[element - 1] = a.score;
    }
    ikm = computeIkm([...perResponse.values()]);
  }
  return {
    respondents: responses.length,
    sections: form.sections.map((section) => ({ section, questions: section.questions.map(resultOf) })),
    ikm,
  };
}

/**
 * The raw answers without who gave them: one row per sent response (numbered in the order they
 * came, dated to the day), one column per question (a matrix's per row; several choices joined by
 * "; "). For the CSV and XLSX downloads of staff and for open data.
 */
export async function anonymisedAnswers(deps: Deps, form: SurveyForm): Promise<{ header: string[]; rows: string[][] }> {
  const [responses, answers] = await Promise.all([
    q.submittedResponses(deps.db, form.survey.id),
    q.submittedAnswers(deps.db, form.survey.id),
  ]);
  const columns: { questionId: number; item?: string; name: string }[] = [];
  for (const s of form.sections)
    for (const question of s.questions) {
      if (question.kind === 'matrix')
        for (const row of question.rows)
          columns.push({ questionId: question.id, item: row.value, name: `${question.code}.${row.value}` });
      else columns.push({ questionId: question.id, name: question.code });
    }
  const byResponse = groupBy(answers, (a) => a.response_id);
  const rows = responses.map((r, i) => {
    const mine = byResponse.get(r.id) ?? [];
    return [
      String(i + 1),
      r.submitted_at === null ? '' : jakartaDay(r.submitted_at),
      ...columns.map((c) =>
        mine
          .filter((a) => a.question_id === c.questionId && (c.item === undefined || a.item === c.item))
          .map((a) => a.value)
          .join('; '),
      ),
    ];
  });
  return { header: ['no', 'tanggal', ...columns.map((c) => c.name)], rows };
}

export interface IkmFigure {
  survey: Survey;
  ikm: IkmResult;
}

/**
 * The IKM of every ended IKM survey (the public figures), newest period first; the figures are
 * recomputed from the raw answers each time.
 */
export async function endedIkm(deps: Deps, t: Translate): Promise<IkmFigure[]> {
  const { ended } = await publicSurveys(deps, t);
  const out: IkmFigure[] = [];
  for (const s of ended.filter((x) => x.kind === 'ikm')) {
    const form = await surveyForm(deps, s.id, t);
    if (form === undefined) continue;
    const { ikm } = await surveyResults(deps, form);
    if (ikm !== undefined) out.push({ survey: form.survey, ikm });
  }
  return out;
}

// ------------------------------------------------------------ building

export interface SurveyInput {
  title: string;
  intro: string;
  opensOn: string;
  closesOn: string;
  anonymous: boolean;
  audience: string;
  /** The service whose users are invited (for a general survey of service users). */
  unit: string;
}

/** Who answers: everyone, those who used a service (of a unit), or a sample list. */
function checkAudience(input: SurveyInput, kind: 'general' | 'ikm', errors: SurveyError[]) {
  // A form without the choice (the page's always sends one) asks everyone.
  const audience = input.audience === '' ? 'everyone' : AUDIENCES.find((a) => a === input.audience);
  if (audience === undefined) errors.push({ field: 'audience', problem: 'invalid' });
  const unit = SERVICE_UNITS.find((u) => u === input.unit);
  if (kind === 'general' && audience === 'service_users' && unit === undefined)
    errors.push({ field: 'usersOf', problem: input.unit === '' ? 'required' : 'invalid' });
  return {
    audience: audience ?? 'everyone',
    unit: kind === 'general' && audience === 'service_users' ? (unit ?? null) : null,
  };
}

function checkPeriod(opensOn: string, closesOn: string, errors: SurveyError[]) {
  if (opensOn === '') errors.push({ field: 'opensOn', problem: 'required' });
  else if (!isCalendarDay(opensOn)) errors.push({ field: 'opensOn', problem: 'invalid' });
  if (closesOn === '') errors.push({ field: 'closesOn', problem: 'required' });
  else if (!isCalendarDay(closesOn)) errors.push({ field: 'closesOn', problem: 'invalid' });
  else if (isCalendarDay(opensOn) && closesOn < opensOn) errors.push({ field: 'closesOn', problem: 'order' });
}

function checkText(
  field: string,
  value: string,
  max: number,
  errors: SurveyError[],
  options: { required?: boolean; oneLine?: boolean },
) {
  if (value === '') {
    if (options.required === true) errors.push({ field, problem: 'required' });
  } else if (value.length > max) errors.push({ field, problem: 'tooLong', max });
  else if (options.oneLine === true && !isSingleLine(value)) errors.push({ field, problem: 'oneLine' });
}

type BuildResult = { ok: true; id: number } | { ok: false; errors: SurveyError[] };

const audit = (deps: Deps, user: CurrentUser, action: string, id: number, details?: Record<string, unknown>) =>
  recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action,
    subjectType: 'survey',
    subjectId: id,
    details,
  });

export async function createSurvey(deps: Deps, user: CurrentUser, input: SurveyInput): Promise<BuildResult> {
  const errors: SurveyError[] = [];
  checkText('title', input.title, TITLE_MAX, errors, { required: true, oneLine: true });
  checkText('intro', input.intro, INTRO_MAX, errors, {});
  checkPeriod(input.opensOn, input.closesOn, errors);
  const { audience, unit } = checkAudience(input, 'general', errors);
  if (errors.length > 0) return { ok: false, errors };
  const council = await getCouncil(deps.db);
  const id = await q.insertSurvey(deps.db, {
    council_id: council.council.id,
    kind: 'general',
    title: input.title,
    intro: input.intro,
    service_unit: unit,
    audience,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    anonymous: input.anonymous,
    created_by: user.id,
  });
  await audit(deps, user, 'survey.create', id);
  return { ok: true, id };
}

/** A new IKM survey for a service unit and a period, with the regulation's questionnaire. */
export async function createIkmSurvey(
  deps: Deps,
  user: CurrentUser,
  input: { unit: string; opensOn: string; closesOn: string },
): Promise<BuildResult> {
  const errors: SurveyError[] = [];
  const unit = SERVICE_UNITS.find((u) => u === input.unit);
  if (unit === undefined) errors.push({ field: 'unit', problem: input.unit === '' ? 'required' : 'invalid' });
  checkPeriod(input.opensOn, input.closesOn, errors);
  if (errors.length > 0 || unit === undefined) return { ok: false, errors };
  const council = await getCouncil(deps.db);
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await q.insertSurvey(trx, {
      council_id: council.council.id,
      kind: 'ikm',
      title: translator('id')('survey.ikmTitle', { unit: translator('id')(unitKey[unit]) }),
      intro: translator('id')('survey.ikmIntro'),
      service_unit: unit,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      anonymous: true,
      created_by: user.id,
    });
    const t = translator('id');
    for (const section of ikmTemplate(unit)) {
      const sectionId = await q.insertSection(trx, {
        survey_id: id,
        title: t(section.title),
        template_key: section.key,
      });
      for (const question of section.questions) {
        const questionId = await q.insertQuestion(trx, {
          survey_id: id,
          section_id: sectionId,
          code: question.code,
          kind: question.kind,
          prompt: t(question.prompt),
          required: question.required,
          ikm_element: question.ikmElement ?? null,
          template_key: question.templateKey ?? null,
        });
        if (questionId === undefined) throw new Error(`IKM template repeats question ${question.code}`);
        await q.insertChoices(
          trx,
          question.options.map((o, i) => ({
            question_id: questionId,
            role: 'option',
            position: i + 1,
            value: o.value,
            label: t(o.label),
          })),
        );
      }
    }
    return id;
  });
  await audit(deps, user, 'survey.create', id, { kind: 'ikm', unit });
  return { ok: true, id };
}

/** Whether a survey's questions may still change: not once anyone has started answering it. */
export async function isLocked(deps: Deps, survey: Survey): Promise<boolean> {
  return survey.kind === 'ikm' || (await q.responseCounts(deps.db, survey.id)).started > 0;
}

/** Where building a survey stands: answers started and sent, invitations, whether questions may change. */
export async function buildState(deps: Deps, survey: Survey) {
  const [answers, invitations] = await Promise.all([
    q.responseCounts(deps.db, survey.id),
    q.invitationCounts(deps.db, survey.id),
  ]);
  return { ...answers, invitations, locked: survey.kind === 'ikm' || answers.started > 0 };
}

export async function updateSurvey(
  deps: Deps,
  user: CurrentUser,
  form: SurveyForm,
  input: SurveyInput,
): Promise<BuildResult> {
  const errors: SurveyError[] = [];
  const { survey } = form;
  if (survey.kind === 'general') {
    checkText('title', input.title, TITLE_MAX, errors, { required: true, oneLine: true });
    checkText('intro', input.intro, INTRO_MAX, errors, {});
  }
  checkPeriod(input.opensOn, input.closesOn, errors);
  const { audience, unit } = checkAudience(input, survey.kind, errors);
  // Whether answers are anonymous is a promise made to those who already answered.
  if (input.anonymous !== survey.anonymous && (await q.responseCounts(deps.db, survey.id)).started > 0)
    errors.push({ field: 'anonymous', problem: 'locked' });
  if (errors.length > 0) return { ok: false, errors };
  await q.updateSurvey(deps.db, survey.id, {
    ...(survey.kind === 'general' ? { title: input.title, intro: input.intro, service_unit: unit } : {}),
    audience,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    anonymous: input.anonymous,
  });
  await audit(deps, user, 'survey.update', survey.id);
  return { ok: true, id: survey.id };
}

export async function addSection(
  deps: Deps,
  user: CurrentUser,
  form: SurveyForm,
  input: { title: string; intro: string },
): Promise<BuildResult> {
  const errors: SurveyError[] = [];
  if (await isLocked(deps, form.survey)) errors.push({ field: 'sectionTitle', problem: 'locked' });
  checkText('sectionTitle', input.title, TITLE_MAX, errors, { required: true, oneLine: true });
  checkText('sectionIntro', input.intro, INTRO_MAX, errors, {});
  if (errors.length > 0) return { ok: false, errors };
  const id = await q.insertSection(deps.db, { survey_id: form.survey.id, title: input.title, intro: input.intro });
  await audit(deps, user, 'survey.section.add', form.survey.id, { section: id });
  return { ok: true, id };
}

export interface QuestionInput {
  section: string;
  kind: string;
  prompt: string;
  help: string;
  required: boolean;
  /** One choice a line. */
  options: string;
  /** One matrix row a line. */
  rows: string;
  min: string;
  max: string;
  /** "<question id>:<value>" of an earlier section's choice, or empty. */
  showIf: string;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

const likertLabels: Record<'likert4' | 'likert5', string[]> = {
  likert4: ['Sangat tidak setuju', 'Tidak setuju', 'Setuju', 'Sangat setuju'],
  likert5: ['Sangat tidak setuju', 'Tidak setuju', 'Ragu-ragu', 'Setuju', 'Sangat setuju'],
};

/** The earlier questions a new question in a section may depend on: choices of earlier sections. */
export function conditionChoices(form: SurveyForm, sectionId?: number): { question: Question; option: Choice }[] {
  const section = form.sections.find((s) => s.id === sectionId);
  return form.sections
    .filter((s) => section === undefined || s.position < section.position)
    .flatMap((s) => s.questions)
    .filter((x) => x.kind === 'single' || x.kind === 'likert4' || x.kind === 'likert5' || x.kind === 'multiple')
    .flatMap((question) => question.options.map((option) => ({ question, option })));
}

export async function addQuestion(
  deps: Deps,
  user: CurrentUser,
  form: SurveyForm,
  input: QuestionInput,
): Promise<BuildResult> {
  const errors: SurveyError[] = [];
  if (await isLocked(deps, form.survey)) errors.push({ field: 'prompt', problem: 'locked' });
  const section = form.sections.find((s) => String(s.id) === input.section);
  if (section === undefined) errors.push({ field: 'section', problem: input.section === '' ? 'required' : 'invalid' });
  const kind = QUESTION_KINDS.find((k) => k === input.kind);
  if (kind === undefined) errors.push({ field: 'kind', problem: input.kind === '' ? 'required' : 'invalid' });
  checkText('prompt', input.prompt, PROMPT_MAX, errors, { required: true });
  checkText('help', input.help, PROMPT_MAX, errors, {});
  const options = lines(input.options);
  const rows = lines(input.rows);
  if (kind === 'single' || kind === 'multiple' || kind === 'matrix') {
    if (options.length < 2) errors.push({ field: 'options', problem: 'choices' });
    else if (options.length > CHOICES_MAX || options.some((o) => o.length > PROMPT_MAX))
      errors.push({ field: 'options', problem: 'tooLong', max: CHOICES_MAX });
  }
  if (kind === 'matrix') {
    if (rows.length === 0) errors.push({ field: 'rows', problem: 'rows' });
    else if (rows.length > CHOICES_MAX || rows.some((o) => o.length > PROMPT_MAX))
      errors.push({ field: 'rows', problem: 'tooLong', max: CHOICES_MAX });
  }
  let min: number | null = null;
  let max: number | null = null;
  if (kind === 'number') {
    for (const [field, text] of [
      ['min', input.min.trim()],
      ['max', input.max.trim()],
    ] as const) {
      if (text === '') continue;
      if (!/^-?\d{1,9}$/.test(text)) errors.push({ field, problem: 'invalid' });
      else if (field === 'min') min = Number.parseInt(text, 10);
      else max = Number.parseInt(text, 10);
    }
    if (min !== null && max !== null && max < min) errors.push({ field: 'max', problem: 'range' });
  }
  let showIf: { questionId: number; value: string } | null = null;
  if (input.showIf !== '') {
    const found = conditionChoices(form, section?.id).find(
      (c) => `${c.question.id}:${c.option.value}` === input.showIf,
    );
    if (found === undefined) errors.push({ field: 'showIf', problem: 'invalid' });
    else showIf = { questionId: found.question.id, value: found.option.value };
  }
  if (errors.length > 0 || section === undefined || kind === undefined) return { ok: false, errors };
  const codes = form.sections.flatMap((s) => s.questions).map((x) => /^p(\d+)$/.exec(x.code)?.[1]);
  const next = Math.max(0, ...codes.map((c) => (c === undefined ? 0 : Number(c)))) + 1;
  const choiceRows =
    kind === 'likert4' || kind === 'likert5'
      ? likertLabels[kind].map((label, i) => ({ role: 'option' as const, value: String(i + 1), label }))
      : kind === 'single' || kind === 'multiple' || kind === 'matrix'
        ? [
            ...options.map((label, i) => ({ role: 'option' as const, value: String(i + 1), label })),
            ...(kind === 'matrix' ? rows.map((label, i) => ({ role: 'row' as const, value: `b${i + 1}`, label })) : []),
          ]
        : [];
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await q.insertQuestion(trx, {
      survey_id: form.survey.id,
      section_id: section.id,
      code: `p${next}`,
      kind,
      prompt: input.prompt,
      help: input.help,
      required: input.required,
      min_value: min,
      max_value: max,
      show_if_question_id: showIf?.questionId ?? null,
      show_if_value: showIf?.value ?? null,
    });
    if (id !== undefined)
      await q.insertChoices(
        trx,
        choiceRows.map((c, i) => ({ ...c, question_id: id, position: i + 1 })),
      );
    return id;
  });
  if (id === undefined) return { ok: false, errors: [{ field: 'prompt', problem: 'taken' }] };
  await audit(deps, user, 'survey.question.add', form.survey.id, { question: id, kind });
  return { ok: true, id };
}

export async function removeQuestion(
  deps: Deps,
  user: CurrentUser,
  form: SurveyForm,
  questionId: number,
): Promise<BuildResult> {
  if (await isLocked(deps, form.survey)) return { ok: false, errors: [{ field: 'prompt', problem: 'locked' }] };
  await q.deleteQuestion(deps.db, form.survey.id, questionId);
  await audit(deps, user, 'survey.question.remove', form.survey.id, { question: questionId });
  return { ok: true, id: form.survey.id };
}

export async function removeSection(
  deps: Deps,
  user: CurrentUser,
  form: SurveyForm,
  sectionId: number,
): Promise<BuildResult> {
  if (await isLocked(deps, form.survey)) return { ok: false, errors: [{ field: 'sectionTitle', problem: 'locked' }] };
  await q.deleteSection(deps.db, form.survey.id, sectionId);
  await audit(deps, user, 'survey.section.remove', form.survey.id, { section: sectionId });
  return { ok: true, id: form.survey.id };
}

/** Opens a draft for its period: it needs a question, and each choice question two choices. */
export async function publishSurvey(deps: Deps, user: CurrentUser, form: SurveyForm): Promise<BuildResult> {
  const questions = form.sections.flatMap((s) => s.questions);
  if (questions.length === 0) return { ok: false, errors: [{ field: 'publish', problem: 'empty' }] };
  if (form.survey.closesOn < today()) return { ok: false, errors: [{ field: 'closesOn', problem: 'order' }] };
  if (!(await q.moveStatus(deps.db, form.survey.id, 'draft', { status: 'published', published_at: new Date() })))
    return { ok: false, errors: [{ field: 'publish', problem: 'locked' }] };
  await audit(deps, user, 'survey.publish', form.survey.id);
  return { ok: true, id: form.survey.id };
}

/** Closes a published survey before its last day: no more answers, the results become public. */
export async function closeSurvey(deps: Deps, user: CurrentUser, form: SurveyForm): Promise<BuildResult> {
  if (!(await q.moveStatus(deps.db, form.survey.id, 'published', { status: 'closed', closed_at: new Date() })))
    return { ok: false, errors: [{ field: 'close', problem: 'locked' }] };
  await audit(deps, user, 'survey.close', form.survey.id);
  return { ok: true, id: form.survey.id };
}

/**
 * A new draft with the same sections and questions, to change what a survey with answers asks:
 * the old one keeps its answers and figures untouched.
 */
export async function newVersion(deps: Deps, user: CurrentUser, form: SurveyForm): Promise<BuildResult> {
  const council = await getCouncil(deps.db);
  const source = await q.surveyById(deps.db, council.council.id, form.survey.id);
  if (source === undefined) return { ok: false, errors: [{ field: 'version', problem: 'invalid' }] };
  const [sections, questions, choices] = await Promise.all([
    q.sectionsOf(deps.db, source.id),
    q.questionsOf(deps.db, source.id),
    q.choicesOf(deps.db, source.id),
  ]);
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await q.insertSurvey(trx, {
      council_id: council.council.id,
      kind: source.kind,
      title: source.title,
      intro: source.intro,
      service_unit: source.service_unit,
      opens_on: source.opens_on,
      closes_on: source.closes_on,
      audience: source.audience,
      anonymous: source.anonymous,
      version: source.version + 1,
      previous_id: source.id,
      created_by: user.id,
    });
    const sectionIds = new Map<number, number>();
    for (const s of sections)
      sectionIds.set(
        s.id,
        await q.insertSection(trx, { survey_id: id, title: s.title, intro: s.intro, template_key: s.template_key }),
      );
    const questionIds = new Map<number, number>();
    for (const x of questions) {
      const newId = await q.insertQuestion(trx, {
        survey_id: id,
        section_id: sectionIds.get(x.section_id) ?? 0,
        code: x.code,
        kind: x.kind,
        prompt: x.prompt,
        help: x.help,
        required: x.required,
        min_value: x.min_value,
        max_value: x.max_value,
        show_if_question_id: x.show_if_question_id === null ? null : (questionIds.get(x.show_if_question_id) ?? null),
        show_if_value: x.show_if_value,
        ikm_element: x.ikm_element,
        template_key: x.template_key,
      });
      if (newId === undefined) throw new Error(`survey ${source.id} repeats question ${x.code}`);
      questionIds.set(x.id, newId);
    }
    await q.insertChoices(
      trx,
      choices.map((c) => ({
        question_id: questionIds.get(c.question_id) ?? 0,
        role: c.role,
        position: c.position,
        value: c.value,
        label: c.label,
      })),
    );
    return id;
  });
  await audit(deps, user, 'survey.version', id, { from: source.id });
  return { ok: true, id };
}

/** Staff downloading the raw answers: recorded, as every use of what people said. */
export function recordExport(deps: Deps, user: CurrentUser, surveyId: number, format: 'csv' | 'xlsx') {
  return audit(deps, user, 'survey.export', surveyId, { format });
}

// ------------------------------------------------------------ the rest of the app

export const surveyPersonalData: PersonalDataHooks = {
  async copy(deps, subject): Promise<PersonalDataSection[]> {
    const [rows, answers] = await Promise.all([
      q.surveysOfUser(deps.db, subject.userId),
      q.namedAnswersOfUser(deps.db, subject.userId),
    ]);
    if (rows.length === 0) return [];
    // A named survey's answers are the person's data; an anonymous one's are not tied to them.
    const answersOf = (surveyId: number) => {
      const out: Record<string, string> = {};
      for (const a of answers.filter((x) => x.survey_id === surveyId)) {
        const key = a.item === '' || a.item === a.value ? a.code : `${a.code}.${a.item}`;
        out[key] = out[key] === undefined ? a.value : `${out[key]}; ${a.value}`;
      }
      return out;
    };
    return [
      {
        key: 'surveys',
        title: 'survey.data.title',
        items: rows.map((r) => ({
          link: { href: `/survei/${r.id}`, text: r.title },
          text: r.anonymous ? translator('id')('survey.data.anonymous') : translator('id')('survey.data.named'),
          at: r.named_at ?? r.took_part_at,
          record: {
            survey: r.id,
            title: r.title,
            anonymous: r.anonymous,
            ...(r.anonymous ? {} : { answers: answersOf(r.id) }),
          },
        })),
      },
    ];
  },
  forget: (db, subject) => q.forgetUser(db, subject.userId),
};

export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const { open, ended } = await publicSurveys(deps, translator('id'));
  return [
    { path: '/survei' },
    ...open.map((s) => ({ path: `/survei/${s.id}`, modified: s.updatedAt })),
    ...ended.map((s) => ({ path: `/survei/${s.id}/hasil`, modified: s.updatedAt })),
  ];
}
