/**
 * Public consultations: staff put a document to the public in dated phases (information →
 * comments → closing → report), split into sections a citizen can comment on, support, or answer
 * agree / disagree / unsure. Moderators hide what breaks the rules, with a reason shown in its
 * place. When comments close, staff give every comment its fate and publish "what we heard and
 * what we did"; every commenter with an account is told by email, and each comment's own page
 * shows what became of it.
 */

import { contactsOf } from '../accounts/service.ts';
import { meeting as agendaMeeting } from '../agenda/service.ts';
import { type Body, type CouncilStructure, getCouncil, type Kecamatan } from '../council/service.ts';
import type { Db } from '../db/index.ts';
import type {
  CommentFate,
  CommentStatus,
  ConsultationKind,
  FollowersTold,
  Stance,
  StatementVote,
} from '../db/schema.ts';
import { documentFile as draftDocumentFile, draft as draftRecord } from '../drafts/service.ts';
import { recordAudit } from '../platform/audit.ts';
import { isEmail, normaliseEmail } from '../platform/contact.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { PersonalDataHooks, SitemapEntry, WaitingWork } from '../platform/feature.ts';
import { dayOf } from '../platform/format.ts';
import { type MessageKey, translator } from '../platform/i18n.ts';
import type { Job } from '../platform/jobs.ts';
import { enqueueMessage } from '../platform/outbox.ts';
import { isPdf, PdfUnreadableError, pdfText } from '../platform/pdf.ts';
import { can } from '../platform/permissions.ts';
import { pushToFollowers } from '../platform/push.ts';
import { SITEMAP_LIMIT } from '../platform/sitemap.ts';
import { askToFollow, confirmedSubscribers, followSection, stopLink } from '../platform/subscriptions.ts';
import type { UploadedFile } from '../platform/uploads.ts';
import { type FieldError, isSingleLine } from '../platform/validation.ts';
import { isCalendarDay, jakartaDay } from '../platform/working-days.ts';
import * as q from './queries.ts';

export const kinds: readonly ConsultationKind[] = ['rpjmd', 'raperda', 'lainnya'];
export const fates: readonly CommentFate[] = ['accepted', 'partly', 'rejected'];
export const stances: readonly Stance[] = ['agree', 'disagree', 'unsure'];
export const COMMENTS_PER_PAGE = 20;
/** More comments than this in ten minutes from one account is a flood, not a conversation. */
export const COMMENTS_PER_10_MINUTES = 5;
/** Links a comment may carry: enough to cite a source, too few to advertise. */
export const MAX_LINKS = 2;

export type Phase = 'upcoming' | 'information' | 'comments' | 'closing' | 'report';
/** The phases a visitor sees, in order. */
export const phases: readonly Exclude<Phase, 'upcoming'>[] = ['information', 'comments', 'closing', 'report'];

export interface Consultation {
  id: number;
  kind: ConsultationKind;
  title: string;
  summary: string;
  body: Body | undefined;
  raperda: { id: number; title: string } | undefined;
  opensOn: string;
  commentsFrom: string;
  commentsUntil: string;
  reportDue: string;
  holdFirstComments: boolean;
  /** Comments without an account are taken, confirmed by a link mailed to the writer. */
  emailComments: boolean;
  reportSummary: string | null;
  reportPublishedAt: Date | null;
  phase: Phase;
  /** Calendar days left to comment, counting today; 0 outside the comment phase. */
  daysLeft: number;
  comments: number;
  participants: number;
  updatedAt: Date;
}

export interface Section {
  id: number;
  position: number;
  heading: string;
  body: string;
  report: string | null;
  comments: number;
  stances: Record<Stance, number>;
}

export interface CommentView {
  id: number;
  consultationId: number;
  sectionId: number;
  parentId: number | null;
  userId: number | null;
  /** The name shown; empty shows "Warga". */
  author: string;
  origin: 'online' | 'offline';
  source: string | null;
  quote: string | null;
  /** The words, or null when a moderator hid them (the reason is shown instead). */
  body: string | null;
  kecamatan: string | null;
  status: CommentStatus;
  hiddenReason: string | null;
  support: number;
  openReports: number;
  fate: CommentFate | null;
  fateReason: string | null;
  createdAt: Date;
  replies: CommentView[];
}

export type ConsultationProblem =
  | 'required'
  | 'tooLong'
  | 'invalid'
  | 'order'
  | 'oneLine'
  | 'links'
  | 'tooFast'
  | 'quote'
  | 'closed'
  | 'notAnswered'
  | 'missing'
  | 'email'
  | 'pdf'
  | 'tooLarge'
  | 'noText';
export type ConsultationError = FieldError<ConsultationProblem>;
export type Result<T = { id: number }> = ({ ok: true } & T) | { ok: false; errors: ConsultationError[] };

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function phaseOf(
  c: { opens_on: string; comments_from: string; comments_until: string; report_published_at: Date | null },
  today: string,
): Phase {
  if (c.report_published_at !== null) return 'report';
  if (today < c.opens_on) return 'upcoming';
  if (today < c.comments_from) return 'information';
  if (today <= c.comments_until) return 'comments';
  return 'closing';
}

type Row = NonNullable<Awaited<ReturnType<typeof q.consultationById>>>;
function toConsultation(structure: CouncilStructure, r: Row, today: string): Consultation {
  const phase = phaseOf(r, today);
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    body: structure.bodies.find((b) => b.id === r.body_id),
    raperda:
      r.raperda_id === null || r.raperda_title === null ? undefined : { id: r.raperda_id, title: r.raperda_title },
    opensOn: r.opens_on,
    commentsFrom: r.comments_from,
    commentsUntil: r.comments_until,
    reportDue: r.report_due,
    holdFirstComments: r.hold_first_comments,
    emailComments: r.email_comments,
    reportSummary: r.report_summary,
    reportPublishedAt: r.report_published_at,
    phase,
    daysLeft: phase === 'comments' ? daysBetween(today, r.comments_until) + 1 : 0,
    comments: Number(r.comments ?? 0),
    participants: Number(r.participants ?? 0),
    updatedAt: r.updated_at,
  };
}

const today = () => jakartaDay(new Date());

// ------------------------------------------------------------------------------ reading

/** The consultations a visitor may see (opened), or every one for staff, latest comment phase first. */
export async function listConsultations(deps: Deps, official = false): Promise<Consultation[]> {
  const structure = await getCouncil(deps.db);
  const day = today();
  const rows = await q.consultations(deps.db, structure.council.id, official ? undefined : day);
  return rows.map((r) => toConsultation(structure, r, day));
}

/** The consultations open for comments now, soonest closing first (the home page's list). */
export async function openConsultations(deps: Deps): Promise<Consultation[]> {
  const list = await listConsultations(deps);
  return list.filter((c) => c.phase === 'comments').sort((a, b) => a.daysLeft - b.daysLeft);
}

/** The consultations held on a draft regulation, for the draft's page (visible ones only). */
export async function consultationsOfDraft(
  deps: Deps,
  raperdaId: number,
): Promise<{ id: number; title: string; reportPublished: boolean }[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.consultationsOfDraft(deps.db, structure.council.id, raperdaId, today());
  return rows.map((r) => ({ id: r.id, title: r.title, reportPublished: r.report_published_at !== null }));
}

export interface ConsultationRecord {
  consultation: Consultation;
  sections: Section[];
  /** Published short statements, to vote on. */
  statements: number;
  meetings: { id: number; title: string; open: boolean; startsAt: Date; cancelled: boolean }[];
}

export async function consultation(deps: Deps, id: number, official = false): Promise<ConsultationRecord | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.consultationById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const c = toConsultation(structure, row, today());
  if (c.phase === 'upcoming' && !official) return undefined;
  const [sections, meetings, statements] = await Promise.all([
    q.sectionsOf(deps.db, id),
    q.meetingsOf(deps.db, id),
    q.countStatements(deps.db, id),
  ]);
  return {
    consultation: c,
    statements,
    sections: sections.map((s) => ({
      id: s.id,
      position: s.position,
      heading: s.heading,
      body: s.body,
      report: s.report,
      comments: Number(s.comments ?? 0),
      stances: { agree: Number(s.agree ?? 0), disagree: Number(s.disagree ?? 0), unsure: Number(s.unsure ?? 0) },
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      open: m.open,
      startsAt: m.starts_at,
      cancelled: m.status === 'cancelled',
    })),
  };
}

type CommentRow = Awaited<ReturnType<typeof q.topComments>>[number];
function toComment(structure: CouncilStructure, r: CommentRow): CommentView {
  const hidden = r.status === 'hidden';
  return {
    id: r.id,
    consultationId: r.consultation_id,
    sectionId: r.section_id,
    parentId: r.parent_id,
    userId: r.user_id,
    author: r.author_label,
    origin: r.origin,
    source: r.source,
    quote: hidden ? null : r.quote,
    body: hidden ? null : r.body,
    kecamatan: structure.kecamatan.find((k) => k.id === r.kecamatan_id)?.name ?? null,
    status: r.status,
    hiddenReason: r.hidden_reason,
    support: r.support_count,
    openReports: r.open_reports,
    fate: r.fate,
    fateReason: r.fate_reason,
    createdAt: r.created_at,
    replies: [],
  };
}

export interface SectionPage {
  record: ConsultationRecord;
  section: Section;
  comments: CommentView[];
  page: number;
  pages: number;
  /** The comments on this page that the signed-in person supports. */
  supported: Set<number>;
  stance: Stance | undefined;
}

export async function sectionPage(
  deps: Deps,
  id: number,
  sectionId: number,
  options: { order: q.CommentOrder; page: number; viewer: CurrentUser | null },
): Promise<SectionPage | undefined> {
  const record = await consultation(
    deps,
    id,
    options.viewer !== null && can(options.viewer.role, 'consultations.manage'),
  );
  const section = record?.sections.find((s) => s.id === sectionId);
  if (record === undefined || section === undefined) return undefined;
  const structure = await getCouncil(deps.db);
  const total = await q.countTopComments(deps.db, sectionId);
  const pages = Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE));
  const page = Math.min(options.page, pages);
  const top = await q.topComments(deps.db, sectionId, options.order, COMMENTS_PER_PAGE, (page - 1) * COMMENTS_PER_PAGE);
  const replies = await q.repliesTo(
    deps.db,
    top.map((c) => c.id),
  );
  const comments = top.map((r) => toComment(structure, r));
  for (const r of replies) comments.find((c) => c.id === r.parent_id)?.replies.push(toComment(structure, r));
  const viewer = options.viewer;
  const ids = comments.flatMap((c) => [c.id, ...c.replies.map((x) => x.id)]);
  const [supported, stance] =
    viewer === null
      ? [[], undefined]
      : await Promise.all([q.supportedBy(deps.db, viewer.id, ids), q.stanceOf(deps.db, sectionId, viewer.id)]);
  return {
    record,
    section,
    comments,
    page,
    pages,
    supported: new Set(supported.map((s) => s.comment_id)),
    stance: stance?.stance,
  };
}

export interface CommentRecord {
  consultation: Consultation;
  section: Section;
  comment: CommentView;
}

/** One comment on its own page, with its fate; held comments are not shown to anyone there. */
export async function commentRecord(deps: Deps, commentId: number): Promise<CommentRecord | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.commentById(deps.db, structure.council.id, commentId);
  if (row === undefined || row.status === 'held') return undefined;
  const record = await consultation(deps, row.consultation_id);
  const section = record?.sections.find((s) => s.id === row.section_id);
  if (record === undefined || section === undefined) return undefined;
  return { consultation: record.consultation, section, comment: toComment(structure, row) };
}

// ------------------------------------------------------------------------------ staff: set up

export interface ConsultationInput {
  kind: string;
  title: string;
  summary: string;
  body: string;
  raperda: string;
  opensOn: string;
  commentsFrom: string;
  commentsUntil: string;
  reportDue: string;
  holdFirstComments: boolean;
  emailComments: boolean;
}

async function checkConsultation(deps: Deps, structure: CouncilStructure, input: ConsultationInput) {
  const errors: ConsultationError[] = [];
  const kind = kinds.find((k) => k === input.kind);
  if (kind === undefined) errors.push({ field: 'kind', problem: 'invalid' });
  const title = input.title.trim();
  if (title.length < 5) errors.push({ field: 'title', problem: 'required' });
  else if (title.length > 300) errors.push({ field: 'title', problem: 'tooLong', max: 300 });
  else if (!isSingleLine(title)) errors.push({ field: 'title', problem: 'oneLine' });
  const summary = input.summary.trim();
  if (summary.length < 20) errors.push({ field: 'summary', problem: 'required' });
  else if (summary.length > 3000) errors.push({ field: 'summary', problem: 'tooLong', max: 3000 });
  const body = input.body === '' ? null : structure.bodies.find((b) => b.slug === input.body);
  if (body === undefined) errors.push({ field: 'body', problem: 'invalid' });
  let raperdaId: number | null = null;
  const raperda = input.raperda.trim();
  if (raperda !== '') {
    const found = /^\d{1,9}$/.test(raperda)
      ? await q.raperdaTitle(deps.db, structure.council.id, Number(raperda))
      : undefined;
    if (found === undefined) errors.push({ field: 'raperda', problem: 'invalid' });
    else raperdaId = found.id;
  }
  const dates = {
    opensOn: input.opensOn.trim(),
    commentsFrom: input.commentsFrom.trim(),
    commentsUntil: input.commentsUntil.trim(),
    reportDue: input.reportDue.trim(),
  };
  for (const [field, value] of Object.entries(dates)) {
    if (value === '') errors.push({ field, problem: 'required' });
    else if (!isCalendarDay(value)) errors.push({ field, problem: 'invalid' });
  }
  // Each phase starts no earlier than the one before it, checked wherever both days are real days.
  const order: [keyof typeof dates, keyof typeof dates][] = [
    ['opensOn', 'commentsFrom'],
    ['commentsFrom', 'commentsUntil'],
    ['commentsUntil', 'reportDue'],
  ];
  for (const [before, field] of order)
    if (isCalendarDay(dates[before]) && isCalendarDay(dates[field]) && dates[field] < dates[before])
      errors.push({ field, problem: 'order' });
  if (errors.length > 0 || kind === undefined || body === undefined) return { ok: false as const, errors };
  return {
    ok: true as const,
    values: {
      kind,
      title,
      summary,
      body_id: body?.id ?? null,
      raperda_id: raperdaId,
      opens_on: dates.opensOn,
      comments_from: dates.commentsFrom,
      comments_until: dates.commentsUntil,
      report_due: dates.reportDue,
      hold_first_comments: input.holdFirstComments,
      email_comments: input.emailComments,
    },
  };
}

export async function createConsultation(
  deps: Deps,
  user: CurrentUser,
  input: ConsultationInput,
  ip: string,
): Promise<Result> {
  const structure = await getCouncil(deps.db);
  const checked = await checkConsultation(deps, structure, input);
  if (!checked.ok) return checked;
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await q.insertConsultation(trx, {
      ...checked.values,
      council_id: structure.council.id,
      created_by: user.id,
    });
    await audit(trx, user, 'consultation.created', id, ip);
    return id;
  });
  return { ok: true, id };
}

export async function updateConsultation(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: ConsultationInput,
  ip: string,
): Promise<Result | undefined> {
  const structure = await getCouncil(deps.db);
  const current = await q.consultationById(deps.db, structure.council.id, id);
  if (current === undefined) return undefined;
  const checked = await checkConsultation(deps, structure, input);
  if (!checked.ok) return checked;
  const v = checked.values;
  const moved =
    current.report_published_at === null &&
    (v.opens_on !== current.opens_on ||
      v.comments_from !== current.comments_from ||
      v.comments_until !== current.comments_until ||
      v.report_due !== current.report_due);
  await deps.db.transaction().execute(async (trx) => {
    await q.updateConsultation(trx, id, v);
    await audit(trx, user, 'consultation.changed', id, ip);
    if (!moved) return;
    // The new timetable is the news; what the job would announce next starts from where it now stands.
    const changed = toConsultation(structure, { ...current, ...v }, today());
    await q.markFollowersTold(trx, id, current.followers_told, followersNews(changed));
    await tellFollowers(trx, deps, structure.council.name, changed, 'changed');
  });
  return { ok: true, id };
}

/** The form's values of a consultation, to change it. */
export function formValues(c: Consultation): Record<string, string> {
  return {
    kind: c.kind,
    title: c.title,
    summary: c.summary,
    body: c.body?.slug ?? '',
    raperda: c.raperda === undefined ? '' : String(c.raperda.id),
    opensOn: c.opensOn,
    commentsFrom: c.commentsFrom,
    commentsUntil: c.commentsUntil,
    reportDue: c.reportDue,
    holdFirstComments: c.holdFirstComments ? 'yes' : '',
    emailComments: c.emailComments ? 'yes' : '',
  };
}

/** A line that starts a unit of a regulation's text: "Pasal 12", "Pasal 12A". */
const articleLine = /^\s*Pasal\s+\d+[A-Z]?\s*$/i;
/** A line that starts a chapter of a plan: "BAB IV", "BAB 4 …". */
const chapterLine = /^\s*BAB\s+([IVXLCDM]+|\d+)\b.*$/i;

/**
 * Splits a pasted text into the sections citizens comment on: at each "Pasal N" line when there
 * are any (a Raperda), else at each "BAB …" line (a plan's chapters), else one section under the
 * heading typed. Text before the first marker is its own section ("Pembukaan", or the heading).
 */
export function splitText(text: string, heading: string, preamble: string): { heading: string; body: string }[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const marker = lines.some((l) => articleLine.test(l))
    ? articleLine
    : lines.some((l) => chapterLine.test(l))
      ? chapterLine
      : undefined;
  if (marker === undefined) return [{ heading, body: text.trim() }];
  const sections: { heading: string; lines: string[] }[] = [{ heading: heading || preamble, lines: [] }];
  for (const line of lines) {
    if (marker.test(line)) sections.push({ heading: line.trim().replace(/\s+/g, ' '), lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections.map((s) => ({ heading: s.heading, body: s.lines.join('\n').trim() })).filter((s) => s.body !== '');
}

export const MAX_SECTIONS_TEXT = 200_000;

export async function addSections(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: { heading: string; text: string },
  ip: string,
): Promise<Result<{ id: number; added: number }> | undefined> {
  const structure = await getCouncil(deps.db);
  const current = await q.consultationById(deps.db, structure.council.id, id);
  if (current === undefined) return undefined;
  const errors: ConsultationError[] = [];
  const heading = input.heading.trim();
  if (heading.length > 200) errors.push({ field: 'heading', problem: 'tooLong', max: 200 });
  else if (!isSingleLine(heading)) errors.push({ field: 'heading', problem: 'oneLine' });
  const text = input.text.trim();
  if (text === '') errors.push({ field: 'text', problem: 'required' });
  else if (text.length > MAX_SECTIONS_TEXT) errors.push({ field: 'text', problem: 'tooLong', max: MAX_SECTIONS_TEXT });
  const t = translator(deps.config.defaultLanguage);
  const parts = errors.length > 0 ? [] : splitText(text, heading, t('consultation.preamble'));
  if (errors.length === 0 && parts.some((p) => p.heading === ''))
    errors.push({ field: 'heading', problem: 'required' });
  if (errors.length > 0) return { ok: false, errors };
  await deps.db.transaction().execute(async (trx) => {
    const last = await q.lastPosition(trx, id);
    await q.insertSections(
      trx,
      parts.map((p, i) => ({ consultation_id: id, position: last + i + 1, heading: p.heading, body: p.body })),
    );
    await audit(trx, user, 'consultation.sections-added', id, ip, { sections: parts.length });
  });
  return { ok: true, id, added: parts.length };
}

/** The largest PDF staff may take a text from, as for a draft's documents. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A line that is only a page number ("3", "- 3 -"): the print's furniture, not the text. */
const pageNumberLine = /^\s*[-–]?\s*\d{1,4}\s*[-–]?\s*$/;

/** The documents of the consultation's draft regulation, to take its text from. */
export async function draftDocuments(deps: Deps, c: Consultation): Promise<{ id: number; title: string }[]> {
  if (c.raperda === undefined) return [];
  const record = await draftRecord(deps, c.raperda.id);
  return record?.documents.map((d) => ({ id: d.id, title: d.title })) ?? [];
}

export type ImportResult =
  | { ok: true; text: string; from: string; headings: string[] }
  | { ok: false; errors: ConsultationError[] };

/**
 * The text of a PDF — uploaded, or one of the draft's documents — for staff to check and then add
 * as sections: nothing is stored here. The split it would give is returned to be shown first.
 */
export async function importText(
  deps: Deps,
  c: Consultation,
  input: { document: string; file: UploadedFile | undefined },
): Promise<ImportResult> {
  const file = input.file !== undefined && input.file.data.length > 0 ? input.file : undefined;
  let data: Buffer | undefined;
  let from = '';
  if (file !== undefined) {
    if (file.truncated || file.data.length > MAX_IMPORT_BYTES)
      return { ok: false, errors: [{ field: 'pdf', problem: 'tooLarge', max: MAX_IMPORT_BYTES / 1024 / 1024 }] };
    if (!isPdf(file.data)) return { ok: false, errors: [{ field: 'pdf', problem: 'pdf' }] };
    data = file.data;
    from = file.filename;
  } else if (input.document !== '') {
    const id = /^\d{1,9}$/.test(input.document) ? Number(input.document) : 0;
    const found = c.raperda === undefined ? undefined : await draftDocumentFile(deps, c.raperda.id, id);
    if (found === undefined) return { ok: false, errors: [{ field: 'document', problem: 'invalid' }] };
    data = await found.bytes();
    from = found.title;
  } else return { ok: false, errors: [{ field: 'pdf', problem: 'required' }] };
  let text: string;
  try {
    text = await pdfText(data);
  } catch (error) {
    if (error instanceof PdfUnreadableError) return { ok: false, errors: [{ field: 'pdf', problem: 'pdf' }] };
    throw error;
  }
  text = text
    .split('\n')
    .filter((line) => !pageNumberLine.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // A scan has pictures of pages and no text: there is nothing to split.
  if (text.length < 20) return { ok: false, errors: [{ field: 'pdf', problem: 'noText' }] };
  if (text.length > MAX_SECTIONS_TEXT)
    return { ok: false, errors: [{ field: 'pdf', problem: 'tooLong', max: MAX_SECTIONS_TEXT }] };
  const t = translator(deps.config.defaultLanguage);
  const headings = splitText(text, '', t('consultation.preamble')).map((p) => p.heading);
  return { ok: true, text, from, headings };
}

/** Removes a section that nobody has commented on yet (a mistake in the split). */
export async function removeSection(
  deps: Deps,
  user: CurrentUser,
  id: number,
  sectionId: number,
  ip: string,
): Promise<Result | undefined> {
  const record = await consultation(deps, id, true);
  const section = record?.sections.find((s) => s.id === sectionId);
  if (record === undefined || section === undefined) return undefined;
  const all = await q.allComments(deps.db, id, ['published', 'held', 'hidden']);
  if (all.some((c) => c.section_id === sectionId))
    return { ok: false, errors: [{ field: 'section', problem: 'closed' }] };
  await deps.db.transaction().execute(async (trx) => {
    await q.removeSection(trx, id, sectionId);
    await audit(trx, user, 'consultation.section-removed', id, ip, { section: section.heading });
  });
  return { ok: true, id };
}

export async function linkMeeting(
  deps: Deps,
  user: CurrentUser,
  id: number,
  raw: string,
  ip: string,
): Promise<Result | undefined> {
  const structure = await getCouncil(deps.db);
  const current = await q.consultationById(deps.db, structure.council.id, id);
  if (current === undefined) return undefined;
  const value = raw.trim().replace(/^.*\/agenda\//, '');
  const found = /^\d{1,9}$/.test(value) ? await agendaMeeting(deps, Number(value), true) : undefined;
  if (found === undefined)
    return { ok: false, errors: [{ field: 'meeting', problem: value === '' ? 'required' : 'invalid' }] };
  const meetingId = found.view.id;
  await deps.db.transaction().execute(async (trx) => {
    await q.linkMeeting(trx, id, meetingId);
    await audit(trx, user, 'consultation.meeting-linked', id, ip, { meeting: meetingId });
  });
  return { ok: true, id };
}

// ------------------------------------------------------------------------------ taking part

export interface CommentInput {
  body: string;
  quote: string;
  kecamatan: string;
  /** 'name' shows the account's name; 'warga' shows none. */
  showAs: string;
  parent: string;
}

const linkPattern = /(https?:\/\/|www\.)/gi;

function checkWords(body: string, errors: ConsultationError[]) {
  if (body.length < 10) errors.push({ field: 'body', problem: 'required' });
  else if (body.length > 3000) errors.push({ field: 'body', problem: 'tooLong', max: 3000 });
  else if ((body.match(linkPattern)?.length ?? 0) > MAX_LINKS)
    errors.push({ field: 'body', problem: 'links', max: MAX_LINKS });
}

function kecamatanOf(structure: CouncilStructure, slug: string, errors: ConsultationError[]): Kecamatan | null {
  if (slug === '') return null;
  const found = structure.kecamatan.find((k) => k.slug === slug);
  if (found === undefined) errors.push({ field: 'kecamatan', problem: 'invalid' });
  return found ?? null;
}

export type CommentResult =
  | { ok: true; id: number; held: boolean }
  | { ok: false; errors: ConsultationError[] }
  | { ok: false; missing: true };

/** A comment's words checked against its section: what to store, or why not. */
async function checkComment(
  deps: Deps,
  record: ConsultationRecord,
  section: Section,
  input: CommentInput,
): Promise<
  | { ok: true; values: { quote: string | null; body: string; kecamatanId: number | null; parentId: number | null } }
  | { ok: false; errors: ConsultationError[] }
> {
  const structure = await getCouncil(deps.db);
  const errors: ConsultationError[] = [];
  if (record.consultation.phase !== 'comments') errors.push({ field: 'body', problem: 'closed' });
  const body = input.body.trim();
  checkWords(body, errors);
  const quote = input.quote.trim().replace(/\s+/g, ' ');
  if (quote.length > 500) errors.push({ field: 'quote', problem: 'tooLong', max: 500 });
  else if (quote !== '' && !section.body.replace(/\s+/g, ' ').includes(quote))
    errors.push({ field: 'quote', problem: 'quote' });
  const kecamatan = kecamatanOf(structure, input.kecamatan, errors);
  let parentId: number | null = null;
  if (input.parent !== '') {
    const parent = /^\d{1,9}$/.test(input.parent)
      ? await q.commentById(deps.db, structure.council.id, Number(input.parent))
      : undefined;
    // One level of replies: a reply answers a comment of this section that is not itself a reply.
    if (
      parent === undefined ||
      parent.section_id !== section.id ||
      parent.parent_id !== null ||
      parent.status !== 'published'
    )
      errors.push({ field: 'body', problem: 'invalid' });
    else parentId = parent.id;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: { quote: quote === '' ? null : quote, body, kecamatanId: kecamatan?.id ?? null, parentId },
  };
}

/** A citizen's comment (or reply) on a section, while comments are open. */
export async function addComment(
  deps: Deps,
  user: CurrentUser,
  id: number,
  sectionId: number,
  input: CommentInput,
): Promise<CommentResult> {
  const record = await consultation(deps, id);
  const section = record?.sections.find((s) => s.id === sectionId);
  if (record === undefined || section === undefined) return { ok: false, missing: true };
  const checked = await checkComment(deps, record, section, input);
  if (!checked.ok) return checked;
  if ((await q.commentsSince(deps.db, user.id, new Date(Date.now() - 10 * 60_000))) >= COMMENTS_PER_10_MINUTES)
    return { ok: false, errors: [{ field: 'body', problem: 'tooFast' }] };
  // An account none of whose comments has been let through yet waits for a moderator, where the
  // consultation asks for it: a new account's first words are where spam and abuse come from.
  const held = record.consultation.holdFirstComments && (await q.publishedCommentsBy(deps.db, user.id)) === 0;
  const v = checked.values;
  const { id: commentId } = await q.insertComment(deps.db, {
    consultation_id: id,
    section_id: sectionId,
    parent_id: v.parentId,
    user_id: user.id,
    author_label: input.showAs === 'warga' ? '' : user.name,
    origin: 'online',
    quote: v.quote,
    body: v.body,
    kecamatan_id: v.kecamatanId,
    status: held ? 'held' : 'published',
  });
  return { ok: true, id: commentId, held };
}

// ---------------------------------------------------------- comments confirmed by a mailed link

/** How long a mailed link to confirm a comment works; words not confirmed by then are forgotten. */
export const CONFIRM_DAYS = 3;
const confirmSince = () => new Date(Date.now() - CONFIRM_DAYS * 86_400_000);

export interface EmailCommentInput extends CommentInput {
  email: string;
  /** The name to show; empty shows "Warga". */
  name: string;
  consent: boolean;
}

/**
 * A comment from someone without an account, where the consultation takes them: the words wait,
 * and a link to confirm goes to the address given. Nothing is shown before the link is opened.
 */
export async function askToConfirmComment(
  deps: Deps,
  id: number,
  sectionId: number,
  input: EmailCommentInput,
): Promise<{ ok: true } | { ok: false; errors: ConsultationError[] } | { ok: false; missing: true }> {
  const record = await consultation(deps, id);
  const section = record?.sections.find((s) => s.id === sectionId);
  if (record === undefined || section === undefined || !record.consultation.emailComments)
    return { ok: false, missing: true };
  const checked = await checkComment(deps, record, section, input);
  const errors = checked.ok ? [] : [...checked.errors];
  const name = input.name.trim();
  if (name.length > 100) errors.push({ field: 'name', problem: 'tooLong', max: 100 });
  else if (!isSingleLine(name)) errors.push({ field: 'name', problem: 'oneLine' });
  const email = normaliseEmail(input.email);
  if (email === '') errors.push({ field: 'email', problem: 'required' });
  else if (!isEmail(email) || email.length > 320) errors.push({ field: 'email', problem: 'email' });
  if (!input.consent) errors.push({ field: 'consent', problem: 'required' });
  if (!checked.ok || errors.length > 0) return { ok: false, errors };
  const lookup = deps.sealer.lookup(email);
  if ((await q.writtenByAddressSince(deps.db, lookup, new Date(Date.now() - 10 * 60_000))) >= COMMENTS_PER_10_MINUTES)
    return { ok: false, errors: [{ field: 'body', problem: 'tooFast' }] };
  const structure = await getCouncil(deps.db);
  const t = translator(deps.config.defaultLanguage);
  const token = newToken();
  const v = checked.values;
  await deps.db.transaction().execute(async (trx) => {
    await q.purgePending(trx, confirmSince());
    await q.insertPendingComment(trx, {
      consultation_id: id,
      section_id: sectionId,
      parent_id: v.parentId,
      author_label: name,
      quote: v.quote,
      body: v.body,
      kecamatan_id: v.kecamatanId,
      email_sealed: deps.sealer.seal(email),
      email_lookup: lookup,
      token_hash: token.hash,
    });
    await enqueueMessage(trx, deps.sealer, {
      channel: 'email',
      to: email,
      subject: t('consultation.mail.confirm.subject', { title: record.consultation.title }),
      text: t('consultation.mail.confirm.body', {
        title: record.consultation.title,
        section: section.heading,
        link: `${deps.config.publicBaseUrl}/konsultasi/email/${token.token}`,
        days: CONFIRM_DAYS,
        site: structure.council.name,
      }),
      topic: `consultation:${id}`,
    });
  });
  return { ok: true };
}

/** What a mailed link leads to: words still waiting to be confirmed, or the comment they became. */
export type MailedComment =
  | {
      state: 'waiting';
      consultation: Consultation;
      section: Section;
      author: string;
      quote: string | null;
      body: string;
    }
  | { state: 'confirmed'; record: CommentRecord };

export async function mailedComment(deps: Deps, token: string): Promise<MailedComment | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const structure = await getCouncil(deps.db);
  const hash = hashToken(token);
  const pending = await q.pendingByToken(deps.db, structure.council.id, hash, confirmSince());
  if (pending !== undefined) {
    const record = await consultation(deps, pending.consultation_id);
    const section = record?.sections.find((s) => s.id === pending.section_id);
    if (record === undefined || section === undefined) return undefined;
    return {
      state: 'waiting',
      consultation: record.consultation,
      section,
      author: pending.author_label,
      quote: pending.quote,
      body: pending.body,
    };
  }
  const row = await q.commentByToken(deps.db, structure.council.id, hash);
  if (row === undefined) return undefined;
  const record = await consultation(deps, row.consultation_id);
  const section = record?.sections.find((s) => s.id === row.section_id);
  if (record === undefined || section === undefined) return undefined;
  return {
    state: 'confirmed',
    record: { consultation: record.consultation, section, comment: toComment(structure, row) },
  };
}

export type ConfirmOutcome =
  | { outcome: 'published' | 'held'; consultationId: number; sectionId: number; commentId: number }
  | { outcome: 'closed'; consultationId: number; sectionId: number }
  | { outcome: 'missing' };

/** The writer opened the link and confirms: the words become a comment, once. */
export async function confirmComment(deps: Deps, token: string, ip: string): Promise<ConfirmOutcome> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { outcome: 'missing' };
  const structure = await getCouncil(deps.db);
  const hash = hashToken(token);
  const pending = await q.pendingByToken(deps.db, structure.council.id, hash, confirmSince());
  if (pending === undefined) return { outcome: 'missing' };
  const record = await consultation(deps, pending.consultation_id);
  const where = { consultationId: pending.consultation_id, sectionId: pending.section_id };
  if (record === undefined) return { outcome: 'missing' };
  if (record.consultation.phase !== 'comments') {
    await q.takePending(deps.db, pending.id);
    return { outcome: 'closed', ...where };
  }
  const held =
    record.consultation.holdFirstComments && (await q.publishedCommentsByAddress(deps.db, pending.email_lookup)) === 0;
  const commentId = await deps.db.transaction().execute(async (trx) => {
    // Two clicks on one link at once: only the one that takes the words out writes the comment.
    if ((await q.takePending(trx, pending.id)) === undefined) return undefined;
    const { id } = await q.insertComment(trx, {
      consultation_id: pending.consultation_id,
      section_id: pending.section_id,
      parent_id: pending.parent_id,
      user_id: null,
      author_label: pending.author_label,
      origin: 'online',
      quote: pending.quote,
      body: pending.body,
      kecamatan_id: pending.kecamatan_id,
      status: held ? 'held' : 'published',
      email_sealed: pending.email_sealed,
      email_lookup: pending.email_lookup,
      token_hash: hash,
    });
    await recordAudit(trx, {
      actorUserId: null,
      actorRole: 'visitor',
      action: 'consultation.comment-confirmed',
      subjectType: 'consultation_comment',
      subjectId: id,
      ip,
    });
    return id;
  });
  if (commentId === undefined) return { outcome: 'missing' };
  return { outcome: held ? 'held' : 'published', ...where, commentId };
}

/**
 * The writer's rights over a comment sent by mail, from its link: `forget` takes their name and
 * address off it (the words stay, signed "Warga"); `withdraw` also takes the words out of public
 * view, with the reason said in their place. Either way the link stops working.
 */
export async function releaseMailedComment(
  deps: Deps,
  token: string,
  action: 'forget' | 'withdraw',
  ip: string,
): Promise<{ consultationId: number; sectionId: number } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.commentByToken(deps.db, structure.council.id, hashToken(token));
  if (row === undefined) return undefined;
  const t = translator(deps.config.defaultLanguage);
  await deps.db.transaction().execute(async (trx) => {
    await q.unlinkComment(
      trx,
      row.id,
      action === 'withdraw' ? { status: 'hidden', hidden_reason: t('consultation.withdrawnReason') } : {},
    );
    await recordAudit(trx, {
      actorUserId: null,
      actorRole: 'visitor',
      action: action === 'withdraw' ? 'consultation.comment-withdrawn' : 'consultation.comment-unlinked',
      subjectType: 'consultation_comment',
      subjectId: row.id,
      ip,
    });
  });
  return { consultationId: row.consultation_id, sectionId: row.section_id };
}

/** Input received offline (a letter, a musyawarah's minutes), entered by staff with its source. */
export async function addOfflineInput(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: { section: string; source: string; body: string; kecamatan: string },
  ip: string,
): Promise<Result | undefined> {
  const record = await consultation(deps, id, true);
  if (record === undefined) return undefined;
  const structure = await getCouncil(deps.db);
  const errors: ConsultationError[] = [];
  const section = record.sections.find((s) => String(s.id) === input.section);
  if (section === undefined) errors.push({ field: 'section', problem: 'invalid' });
  const source = input.source.trim();
  if (source.length < 3) errors.push({ field: 'source', problem: 'required' });
  else if (source.length > 300) errors.push({ field: 'source', problem: 'tooLong', max: 300 });
  else if (!isSingleLine(source)) errors.push({ field: 'source', problem: 'oneLine' });
  const body = input.body.trim();
  if (body.length < 10) errors.push({ field: 'offlineBody', problem: 'required' });
  else if (body.length > 10_000) errors.push({ field: 'offlineBody', problem: 'tooLong', max: 10_000 });
  const kecamatan = kecamatanOf(structure, input.kecamatan, errors);
  if (record.consultation.phase === 'report') errors.push({ field: 'offlineBody', problem: 'closed' });
  if (errors.length > 0 || section === undefined) return { ok: false, errors };
  const commentId = await deps.db.transaction().execute(async (trx) => {
    const { id: commentId } = await q.insertComment(trx, {
      consultation_id: id,
      section_id: section.id,
      user_id: null,
      author_label: source,
      origin: 'offline',
      source,
      body,
      kecamatan_id: kecamatan?.id ?? null,
    });
    await audit(trx, user, 'consultation.offline-input', id, ip, { comment: commentId });
    return commentId;
  });
  return { ok: true, id: commentId };
}

export type SupportOutcome = 'added' | 'already' | 'own' | 'closed';
export type SupportResult =
  | { outcome: SupportOutcome; consultationId: number; sectionId: number }
  | { outcome: 'missing' };

export async function supportComment(deps: Deps, user: CurrentUser, commentId: number): Promise<SupportResult> {
  const structure = await getCouncil(deps.db);
  const row = await q.commentById(deps.db, structure.council.id, commentId);
  if (row === undefined || row.status !== 'published') return { outcome: 'missing' };
  const record = await consultation(deps, row.consultation_id);
  if (record === undefined) return { outcome: 'missing' };
  const where = { consultationId: row.consultation_id, sectionId: row.section_id };
  if (record.consultation.phase !== 'comments') return { outcome: 'closed', ...where };
  if (row.user_id === user.id) return { outcome: 'own', ...where };
  const added = await deps.db.transaction().execute((trx) => q.addSupport(trx, commentId, user.id));
  return { outcome: added ? 'added' : 'already', ...where };
}

export async function giveStance(
  deps: Deps,
  user: CurrentUser,
  id: number,
  sectionId: number,
  raw: string,
): Promise<'saved' | 'invalid' | 'closed' | 'missing'> {
  const record = await consultation(deps, id);
  if (record === undefined || !record.sections.some((s) => s.id === sectionId)) return 'missing';
  const stance = stances.find((s) => s === raw);
  if (stance === undefined) return 'invalid';
  if (record.consultation.phase !== 'comments') return 'closed';
  await q.setStance(deps.db, sectionId, user.id, stance);
  return 'saved';
}

/** Anyone may tell the moderators that a comment breaks the rules; the comment stays until one looks. */
export async function reportComment(
  deps: Deps,
  user: CurrentUser | null,
  commentId: number,
  rawReason: string,
): Promise<{ ok: true; consultationId: number; sectionId: number } | { ok: false; problem: 'reason' | 'missing' }> {
  const structure = await getCouncil(deps.db);
  const row = await q.commentById(deps.db, structure.council.id, commentId);
  if (row === undefined || row.status !== 'published') return { ok: false, problem: 'missing' };
  const reason = rawReason.trim();
  if (reason.length < 3 || reason.length > 500) return { ok: false, problem: 'reason' };
  await deps.db.transaction().execute((trx) => q.addReport(trx, commentId, user?.id ?? null, reason));
  return { ok: true, consultationId: row.consultation_id, sectionId: row.section_id };
}

// ------------------------------------------------------------------------------ moderation

export interface QueueItem {
  comment: CommentView;
  /** The words as written: a moderator must read what they judge. */
  text: string;
  consultationTitle: string;
  section: string;
  reasons: string[];
}

export async function moderationQueue(deps: Deps): Promise<QueueItem[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.moderationQueue(deps.db, structure.council.id);
  return rows.map((r) => ({
    comment: toComment(structure, r),
    text: r.body,
    consultationTitle: r.consultation_title,
    section: r.heading,
    reasons: r.reasons ?? [],
  }));
}

export type ModerationAction = 'hide' | 'restore' | 'approve' | 'dismiss';

/** A moderator's decision on a comment; the reason of a hiding is shown in the comment's place. */
export async function moderate(
  deps: Deps,
  user: CurrentUser,
  commentId: number,
  action: ModerationAction,
  rawReason: string,
  ip: string,
): Promise<Result | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.commentById(deps.db, structure.council.id, commentId);
  if (row === undefined) return undefined;
  const reason = rawReason.trim();
  if (action === 'hide') {
    if (reason.length < 5) return { ok: false, errors: [{ field: `reason-${commentId}`, problem: 'required' }] };
    if (reason.length > 300)
      return { ok: false, errors: [{ field: `reason-${commentId}`, problem: 'tooLong', max: 300 }] };
  }
  const next: Record<ModerationAction, CommentStatus> = {
    hide: 'hidden',
    restore: 'published',
    approve: 'published',
    dismiss: row.status,
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.setCommentStatus(trx, commentId, {
      status: next[action],
      hidden_reason: action === 'hide' ? reason : null,
      open_reports: 0,
    });
    await q.resolveReports(trx, commentId);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: `consultation.comment-${action}`,
      subjectType: 'consultation_comment',
      subjectId: commentId,
      ip,
      details: action === 'hide' ? { reason } : undefined,
    });
  });
  return { ok: true, id: row.consultation_id };
}

// ------------------------------------------------------------------------------ closing report

export async function answerComment(
  deps: Deps,
  user: CurrentUser,
  commentId: number,
  input: { fate: string; reason: string },
  ip: string,
): Promise<Result | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.commentById(deps.db, structure.council.id, commentId);
  if (row === undefined) return undefined;
  const record = await consultation(deps, row.consultation_id, true);
  if (record === undefined) return undefined;
  const errors: ConsultationError[] = [];
  const fate = fates.find((f) => f === input.fate);
  if (fate === undefined) errors.push({ field: `fate-${commentId}`, problem: 'required' });
  const reason = input.reason.trim();
  if (reason.length < 5) errors.push({ field: `answer-${commentId}`, problem: 'required' });
  else if (reason.length > 2000) errors.push({ field: `answer-${commentId}`, problem: 'tooLong', max: 2000 });
  if (record.consultation.phase !== 'closing') errors.push({ field: `answer-${commentId}`, problem: 'closed' });
  if (errors.length > 0 || fate === undefined) return { ok: false, errors };
  await deps.db.transaction().execute(async (trx) => {
    await q.setFate(trx, commentId, fate, reason);
    await audit(trx, user, 'consultation.comment-answered', row.consultation_id, ip, { comment: commentId, fate });
  });
  return { ok: true, id: row.consultation_id };
}

export async function writeSectionReport(
  deps: Deps,
  user: CurrentUser,
  id: number,
  sectionId: number,
  raw: string,
  ip: string,
): Promise<Result | undefined> {
  const record = await consultation(deps, id, true);
  if (record === undefined || !record.sections.some((s) => s.id === sectionId)) return undefined;
  const text = raw.trim();
  const field = `report-${sectionId}`;
  if (text.length > 10_000) return { ok: false, errors: [{ field, problem: 'tooLong', max: 10_000 }] };
  if (record.consultation.phase === 'report') return { ok: false, errors: [{ field, problem: 'closed' }] };
  await deps.db.transaction().execute(async (trx) => {
    await q.setSectionReport(trx, id, sectionId, text === '' ? null : text);
    await audit(trx, user, 'consultation.section-report', id, ip, { section: sectionId });
  });
  return { ok: true, id };
}

/**
 * Publishes "what we heard and what we did" once comments have closed and every published comment
 * has its fate; every commenter with an account is written to, in the same transaction.
 */
export async function publishReport(
  deps: Deps,
  user: CurrentUser,
  id: number,
  raw: string,
  ip: string,
): Promise<Result<{ id: number; told: number }> | undefined> {
  const record = await consultation(deps, id, true);
  if (record === undefined) return undefined;
  const errors: ConsultationError[] = [];
  const summary = raw.trim();
  if (summary.length < 20) errors.push({ field: 'reportSummary', problem: 'required' });
  else if (summary.length > 10_000) errors.push({ field: 'reportSummary', problem: 'tooLong', max: 10_000 });
  if (record.consultation.phase !== 'closing') errors.push({ field: 'reportSummary', problem: 'closed' });
  const published = await q.allComments(deps.db, id, ['published']);
  const unanswered = published.filter((c) => c.fate === null).length;
  if (unanswered > 0) errors.push({ field: 'reportSummary', problem: 'notAnswered', max: unanswered });
  if (errors.length > 0) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  const accounts = await contactsOf(
    deps,
    (await q.commenters(deps.db, id)).flatMap((r) => (r.user_id === null ? [] : [r.user_id])),
  );
  // Whoever wrote without an account is told at the address that confirmed the comment, once
  // for all their comments, by the name they gave.
  const byAddress = new Map<string, { email: string; name: string; ids: Set<number> }>();
  for (const r of await q.addressCommenters(deps.db, id)) {
    if (r.email_lookup === null || r.email_sealed === null) continue;
    const known = byAddress.get(r.email_lookup);
    if (known !== undefined) known.ids.add(r.id);
    else
      byAddress.set(r.email_lookup, {
        email: deps.sealer.open(r.email_sealed),
        name: r.author_label,
        ids: new Set([r.id]),
      });
  }
  const t = translator(deps.config.defaultLanguage);
  const people = [
    ...accounts.map((p) => ({
      email: p.email,
      name: p.name,
      own: (x: { user_id: number | null }) => x.user_id === p.id,
    })),
    ...[...byAddress.values()].map((p) => ({
      email: p.email,
      name: p.name === '' ? t('moderation.citizen') : p.name,
      own: (x: { id: number }) => p.ids.has(x.id),
    })),
  ];
  const c = record.consultation;
  await deps.db.transaction().execute(async (trx) => {
    await q.updateConsultation(trx, id, {
      report_summary: summary,
      report_published_at: new Date(),
      followers_told: 'report',
    });
    await audit(trx, user, 'consultation.report-published', id, ip, { told: people.length });
    // Followers who also commented get the mail below with their own comments' fate instead.
    await tellFollowers(
      trx,
      deps,
      structure.council.name,
      c,
      'report',
      new Set(people.map((p) => normaliseEmail(p.email))),
    );
    for (const person of people) {
      const own = published.filter(person.own);
      await enqueueMessage(trx, deps.sealer, {
        channel: 'email',
        to: person.email,
        subject: t('consultation.mail.report.subject', { title: c.title }),
        text: t('consultation.mail.report.body', {
          name: person.name,
          title: c.title,
          link: `${deps.config.publicBaseUrl}/konsultasi/${id}/laporan`,
          comments: own
            .map(
              (x) =>
                `- ${deps.config.publicBaseUrl}/konsultasi/komentar/${x.id}: ${t(`consultation.fate.${x.fate ?? 'accepted'}`)}`,
            )
            .join('\n'),
          site: structure.council.name,
        }),
        topic: `consultation:${id}`,
      });
    }
  });
  return { ok: true, id, told: people.length };
}

export interface ReportRecord {
  record: ConsultationRecord;
  /** Each section's published comments counted by fate; the rest have no answer yet. */
  bySection: { section: Section; outcomes: Record<CommentFate, number>; unanswered: number }[];
  counts: Record<CommentFate, number>;
  unanswered: number;
}

export async function reportRecord(deps: Deps, id: number, official = false): Promise<ReportRecord | undefined> {
  const record = await consultation(deps, id, official);
  if (record === undefined) return undefined;
  const rows = await q.fateCounts(deps.db, id);
  const none = (): Record<CommentFate, number> => ({ accepted: 0, partly: 0, rejected: 0 });
  const counts = none();
  let unanswered = 0;
  const bySection = record.sections.map((section) => {
    const outcomes = none();
    let open = 0;
    for (const r of rows.filter((x) => x.section_id === section.id)) {
      if (r.fate === null) open += Number(r.n);
      else outcomes[r.fate] += Number(r.n);
    }
    for (const f of fates) counts[f] += outcomes[f];
    unanswered += open;
    return { section, outcomes, unanswered: open };
  });
  return { record, bySection, counts, unanswered };
}

/** The report's figures and every published comment by section, for the staff who answer them. */
export async function answersRecord(deps: Deps, id: number) {
  const report = await reportRecord(deps, id, true);
  if (report === undefined) return undefined;
  const structure = await getCouncil(deps.db);
  const comments = (await q.allComments(deps.db, id, ['published'])).map((r) => toComment(structure, r));
  return {
    report,
    comments: report.record.sections.map((section) => ({
      section,
      comments: comments.filter((c) => c.sectionId === section.id),
    })),
  };
}

// ------------------------------------------------------------------------------ figures and open data

export interface Figures {
  byKecamatan: { name: string | null; count: number }[];
  byDay: { day: string; count: number }[];
}

export async function figures(deps: Deps, id: number): Promise<Figures> {
  const structure = await getCouncil(deps.db);
  const [kecamatan, days] = await Promise.all([q.commentsByKecamatan(deps.db, id), q.commentsByDay(deps.db, id)]);
  return {
    byKecamatan: kecamatan
      .map((k) => ({
        name: structure.kecamatan.find((x) => x.id === k.kecamatan_id)?.name ?? null,
        count: Number(k.n),
      }))
      .sort((a, b) => b.count - a.count),
    byDay: days.map((d) => ({ day: d.day, count: Number(d.n) })),
  };
}

/** The published comments without who wrote them: open data anyone may reuse. */
export async function openComments(deps: Deps, id: number) {
  const record = await consultation(deps, id);
  if (record === undefined) return undefined;
  const structure = await getCouncil(deps.db);
  const rows = await q.allComments(deps.db, id, ['published']);
  return {
    record,
    rows: rows.map((r) => ({
      id: r.id,
      section: record.sections.find((s) => s.id === r.section_id)?.heading ?? '',
      reply_to: r.parent_id,
      origin: r.origin,
      kecamatan: structure.kecamatan.find((k) => k.id === r.kecamatan_id)?.name ?? null,
      date: jakartaDay(r.created_at),
      quote: r.quote,
      text: r.body,
      support: r.support_count,
      fate: record.consultation.phase === 'report' ? r.fate : null,
      fate_reason: record.consultation.phase === 'report' ? r.fate_reason : null,
    })),
  };
}

// ------------------------------------------------------------------------------ statements (Pol.is-style)

export const statementVotes: readonly StatementVote[] = ['agree', 'disagree', 'pass'];
/** Votes (agree or disagree; a pass is not a view) a statement needs before it is judged at all. */
export const MIN_VOTES = 5;
export const STATEMENT_MAX = 140;
export const STATEMENTS_PER_10_MINUTES = 3;

/**
 * Where a statement stands: most agree or most disagree (it unites), people are split (it divides),
 * in between, or too few votes to tell. This is a share of the votes, not Pol.is's opinion groups.
 */
export type Standing = 'unites' | 'divides' | 'leans' | 'few';

export function standingOf(agree: number, disagree: number): Standing {
  const votes = agree + disagree;
  if (votes < MIN_VOTES) return 'few';
  const share = agree / votes;
  if (share >= 0.7 || share <= 0.3) return 'unites';
  if (share >= 0.4 && share <= 0.6) return 'divides';
  return 'leans';
}

export interface StatementView {
  id: number;
  text: string;
  agree: number;
  disagree: number;
  pass: number;
  standing: Standing;
  /** The signed-in person's vote, when they voted. */
  mine: StatementVote | undefined;
}

export async function statementsPage(deps: Deps, id: number, viewer: CurrentUser | null) {
  const record = await consultation(deps, id, viewer !== null && can(viewer.role, 'consultations.manage'));
  if (record === undefined) return undefined;
  const rows = await q.statementsOf(deps.db, id, ['published']);
  const mine =
    viewer === null
      ? []
      : await q.votesBy(
          deps.db,
          viewer.id,
          rows.map((r) => r.id),
        );
  const statements: StatementView[] = rows.map((r) => ({
    id: r.id,
    text: r.text,
    agree: r.agree,
    disagree: r.disagree,
    pass: r.pass,
    standing: standingOf(r.agree, r.disagree),
    mine: mine.find((m) => m.statement_id === r.id)?.vote,
  }));
  return { record, statements };
}

export async function proposeStatement(
  deps: Deps,
  user: CurrentUser,
  id: number,
  raw: string,
): Promise<Result | undefined> {
  const record = await consultation(deps, id);
  if (record === undefined) return undefined;
  const text = raw.trim().replace(/\s+/g, ' ');
  const errors: ConsultationError[] = [];
  if (record.consultation.phase !== 'comments') errors.push({ field: 'statement', problem: 'closed' });
  else if (text.length < 10) errors.push({ field: 'statement', problem: 'required' });
  else if (text.length > STATEMENT_MAX) errors.push({ field: 'statement', problem: 'tooLong', max: STATEMENT_MAX });
  else if ((text.match(linkPattern)?.length ?? 0) > 0) errors.push({ field: 'statement', problem: 'links', max: 0 });
  else if ((await q.statementsSince(deps.db, user.id, new Date(Date.now() - 10 * 60_000))) >= STATEMENTS_PER_10_MINUTES)
    errors.push({ field: 'statement', problem: 'tooFast' });
  if (errors.length > 0) return { ok: false, errors };
  const { id: statementId } = await q.insertStatement(deps.db, { consultation_id: id, user_id: user.id, text });
  return { ok: true, id: statementId };
}

export async function voteOnStatement(
  deps: Deps,
  user: CurrentUser,
  statementId: number,
  raw: string,
): Promise<
  | { ok: true; consultationId: number }
  | { ok: false; problem: 'invalid' | 'closed'; consultationId: number }
  | { ok: false; problem: 'missing' }
> {
  const structure = await getCouncil(deps.db);
  const row = await q.statementById(deps.db, structure.council.id, statementId);
  if (row === undefined || row.status !== 'published') return { ok: false, problem: 'missing' };
  const record = await consultation(deps, row.consultation_id);
  if (record === undefined) return { ok: false, problem: 'missing' };
  const consultationId = row.consultation_id;
  const vote = statementVotes.find((v) => v === raw);
  if (vote === undefined) return { ok: false, problem: 'invalid', consultationId };
  if (record.consultation.phase !== 'comments') return { ok: false, problem: 'closed', consultationId };
  await deps.db.transaction().execute((trx) => q.castVote(trx, statementId, user.id, vote));
  return { ok: true, consultationId };
}

export async function heldStatements(deps: Deps) {
  const structure = await getCouncil(deps.db);
  const rows = await q.heldStatements(deps.db, structure.council.id);
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    consultationId: r.consultation_id,
    consultationTitle: r.consultation_title,
  }));
}

/** A moderator lets a proposed statement be voted on, or hides it with a reason. */
export async function moderateStatement(
  deps: Deps,
  user: CurrentUser,
  statementId: number,
  action: string,
  rawReason: string,
  ip: string,
): Promise<Result | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.statementById(deps.db, structure.council.id, statementId);
  if (row === undefined) return undefined;
  const field = `reason-s${statementId}`;
  if (action !== 'approve' && action !== 'hide') return { ok: false, errors: [{ field, problem: 'invalid' }] };
  const reason = rawReason.trim();
  if (action === 'hide' && reason.length < 5) return { ok: false, errors: [{ field, problem: 'required' }] };
  if (reason.length > 300) return { ok: false, errors: [{ field, problem: 'tooLong', max: 300 }] };
  await deps.db.transaction().execute(async (trx) => {
    await q.setStatementStatus(
      trx,
      statementId,
      action === 'hide' ? 'hidden' : 'published',
      action === 'hide' ? reason : null,
    );
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: `consultation.statement-${action}`,
      subjectType: 'consultation_statement',
      subjectId: statementId,
      ip,
      details: action === 'hide' ? { reason } : undefined,
    });
  });
  return { ok: true, id: row.consultation_id };
}

// ------------------------------------------------------------------------------ the feature's duties

async function audit(
  db: Deps['db'],
  user: CurrentUser,
  action: string,
  id: number,
  ip: string,
  details?: Record<string, unknown>,
) {
  await recordAudit(db, {
    actorUserId: user.id,
    actorRole: user.role,
    action,
    subjectType: 'consultation',
    subjectId: id,
    ip,
    details,
  });
}

export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const list = await listConsultations(deps);
  return [
    { path: '/konsultasi' },
    ...list.slice(0, SITEMAP_LIMIT - 1).map((c) => ({ path: `/konsultasi/${c.id}`, modified: c.updatedAt })),
  ];
}

export async function waitingConsultations(deps: Deps, user: CurrentUser): Promise<WaitingWork[]> {
  const waiting: WaitingWork[] = [];
  if (can(user.role, 'consultations.moderate')) {
    const structure = await getCouncil(deps.db);
    const count =
      (await q.countModerationQueue(deps.db, structure.council.id)) +
      (await q.countHeldStatements(deps.db, structure.council.id));
    if (count > 0)
      waiting.push({ href: '/kelola/moderasi', label: 'consultation.waiting.moderate', count, overdue: 0, due: null });
  }
  if (can(user.role, 'consultations.manage')) {
    const closing = (await listConsultations(deps, true)).filter((c) => c.phase === 'closing');
    const day = today();
    if (closing.length > 0)
      waiting.push({
        href: `/kelola/konsultasi/${closing[0]?.id ?? ''}`,
        label: 'consultation.waiting.report',
        count: closing.length,
        overdue: closing.filter((c) => c.reportDue < day).length,
        due: closing.map((c) => c.reportDue).sort()[0] ?? null,
        items: closing.slice(0, 5).map((c) => ({ href: `/kelola/konsultasi/${c.id}`, text: c.title })),
      });
  }
  return waiting;
}

/** The comments a person wrote, on /akun and in their copy of their data; erasure removes their name. */
// ------------------------------------------------------------------------------ following

/** Comments closing within this many days (counting today) is worth a reminder to followers. */
export const CLOSING_SOON_DAYS = 3;

/** Where a consultation's timetable stands, as its followers hear of it; null before comments open. */
export function followersNews(c: Consultation): FollowersTold | null {
  if (c.phase === 'report') return 'report';
  if (c.phase === 'closing') return 'closing';
  if (c.phase === 'comments') return c.daysLeft <= CLOSING_SOON_DAYS ? 'closing-soon' : 'comments';
  return null;
}

type News = FollowersTold | 'changed';
const newsTexts: Record<News, { subject: MessageKey; body: MessageKey; push: MessageKey }> = {
  comments: {
    subject: 'consultation.mail.opened.subject',
    body: 'consultation.mail.opened.body',
    push: 'consultation.push.opened',
  },
  'closing-soon': {
    subject: 'consultation.mail.closingSoon.subject',
    body: 'consultation.mail.closingSoon.body',
    push: 'consultation.push.closingSoon',
  },
  closing: {
    subject: 'consultation.mail.closed.subject',
    body: 'consultation.mail.closed.body',
    push: 'consultation.push.closed',
  },
  report: {
    subject: 'consultation.mail.reportOut.subject',
    body: 'consultation.mail.reportOut.body',
    push: 'consultation.push.report',
  },
  changed: {
    subject: 'consultation.mail.changed.subject',
    body: 'consultation.mail.changed.body',
    push: 'consultation.push.changed',
  },
};

/**
 * Tells everyone who follows the consultation (push, and email with a stop link) one piece of
 * news, in the caller's transaction; `skip` holds addresses told otherwise.
 */
async function tellFollowers(
  db: Db,
  deps: Deps,
  council: string,
  c: Consultation,
  news: News,
  skip: ReadonlySet<string> = new Set(),
): Promise<void> {
  const lang = deps.config.defaultLanguage;
  const t = translator(lang);
  const words = newsTexts[news];
  const path = news === 'report' ? `/konsultasi/${c.id}/laporan` : `/konsultasi/${c.id}`;
  const dates = {
    from: dayOf({ lang }, c.commentsFrom),
    until: dayOf({ lang }, c.commentsUntil),
    due: dayOf({ lang }, c.reportDue),
  };
  const subject = { type: 'consultation', id: c.id } as const;
  await pushToFollowers(db, deps.sealer, subject, { title: c.title, body: t(words.push, dates), url: path });
  for (const follower of await confirmedSubscribers(db, deps.sealer, subject)) {
    if (skip.has(follower.email)) continue;
    await enqueueMessage(db, deps.sealer, {
      channel: 'email',
      to: follower.email,
      subject: t(words.subject, { ...dates, title: c.title }),
      text: t(words.body, {
        ...dates,
        title: c.title,
        link: `${deps.config.publicBaseUrl}${path}`,
        stop: stopLink(deps, 'consultation', follower.id),
        site: council,
      }),
      topic: `consultation:${c.id}`,
    });
  }
}

/** Asks to follow a consultation the public can see: a link to confirm goes to the address first. */
export async function followConsultation(
  deps: Deps,
  id: number,
  rawEmail: string,
): Promise<{ ok: true } | { ok: false; problem: 'email' | 'missing' }> {
  const record = await consultation(deps, id);
  if (record === undefined) return { ok: false, problem: 'missing' };
  const structure = await getCouncil(deps.db);
  const t = translator(deps.config.defaultLanguage);
  const title = record.consultation.title;
  return askToFollow(deps, { type: 'consultation', id }, rawEmail, (link) => ({
    subject: t('consultation.mail.follow.subject', { title }),
    text: t('consultation.mail.follow.body', { title, link, site: structure.council.name }),
  }));
}

/**
 * Tells followers each step of the timetable once: comments open, a few days left, comments
 * closed (the report is told when staff publish it). Claimed row by row, so a second instance
 * running at the same moment sends nothing twice. Returns how many consultations had news.
 */
export async function tellFollowersOfTimetable(deps: Deps): Promise<number> {
  const structure = await getCouncil(deps.db);
  const day = today();
  let told = 0;
  for (const row of await q.consultations(deps.db, structure.council.id, day)) {
    const c = toConsultation(structure, row, day);
    const now = followersNews(c);
    if (now === null || now === 'report' || now === row.followers_told) continue;
    // Comments that open with only a few days left are announced as open, once, not twice.
    const news = now === 'closing-soon' && row.followers_told !== 'comments' ? 'comments' : now;
    const claimed = await deps.db.transaction().execute(async (trx) => {
      if (!(await q.markFollowersTold(trx, c.id, row.followers_told, now))) return false;
      await tellFollowers(trx, deps, structure.council.name, c, news);
      return true;
    });
    if (claimed) told += 1;
  }
  return told;
}

export function consultationJobs(deps: Deps, kick: () => void): Job[] {
  return [
    {
      name: 'consultations.tell-followers',
      everyMs: 15 * 60 * 1000,
      run: async () => {
        if ((await tellFollowersOfTimetable(deps)) > 0) kick();
      },
    },
  ];
}

export const consultationPersonalData: PersonalDataHooks = {
  async copy(deps, subject) {
    const structure = await getCouncil(deps.db);
    const day = today();
    const [rows, statements, followed] = await Promise.all([
      q.commentsOfPerson(deps.db, subject.userId, subject.emailLookup),
      q.statementsOfUser(deps.db, subject.userId),
      followSection(
        deps,
        subject,
        'consultation',
        { key: 'followedConsultations', title: 'consultation.followedByYou' },
        async (ids) =>
          (await q.consultations(deps.db, structure.council.id, undefined))
            .filter((r) => ids.includes(r.id))
            .map((r) => ({
              id: r.id,
              href: `/konsultasi/${r.id}`,
              text: r.title,
              state: `consultation.phase.${phaseOf(r, day)}`,
            })),
      ),
    ]);
    return [
      followed,
      {
        key: 'consultationComments',
        title: 'consultation.yourComments',
        items: rows.map((r) => ({
          link: { href: `/konsultasi/komentar/${r.id}`, text: r.consultation_title },
          text: r.body,
          at: r.created_at,
          record: {
            id: r.id,
            consultation: r.consultation_title,
            shownAs: r.author_label,
            text: r.body,
            quote: r.quote,
            status: r.status,
            fate: r.fate,
            fateReason: r.fate_reason,
            createdAt: r.created_at.toISOString(),
          },
        })),
      },
      {
        key: 'consultationStatements',
        title: 'consultation.yourStatements',
        items: statements.map((r) => ({
          link: { href: `/konsultasi/${r.consultation_id}/pernyataan`, text: r.consultation_title },
          text: r.text,
          at: r.created_at,
          record: { id: r.id, consultation: r.consultation_title, text: r.text, status: r.status },
        })),
      },
    ];
  },
  async forget(db, subject) {
    await q.forgetAuthor(db, subject.userId, subject.emailLookup);
  },
};
