/**
 * The council's meetings: staff publish them, change or cancel them (kept as revisions, the
 * iCalendar SEQUENCE raised), attach documents, and afterwards record minutes, decisions,
 * attendance and the recording. Closed meetings are public only as the fact that they take place.
 */

import { randomUUID } from 'node:crypto';
import { type Body, type CouncilStructure, getCouncil } from '../council/service.ts';
import type { MeetingType, Presence } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { SitemapEntry } from '../platform/feature.ts';
import { SITEMAP_LIMIT } from '../platform/sitemap.ts';
import { fileStore } from '../platform/storage.ts';
import { pdfProblem, storeDocument, storedFile, type UploadedFile } from '../platform/uploads.ts';
import type { FieldError } from '../platform/validation.ts';
import { isCalendarDay, jakartaDay } from '../platform/working-days.ts';
import * as q from './queries.ts';

export const meetingTypes: readonly MeetingType[] = [
  'paripurna',
  'komisi',
  'gabungan_komisi',
  'pansus',
  'banggar',
  'bamus',
  'bapemperda',
  'bk',
  'rapat_kerja',
  'rdp',
  'rdpu',
  'reses',
  'konsultasi_publik',
];

/** Paripurna and RDPU must be open (DOMAIN.md); these are closed unless decided otherwise. */
const mustBeOpen: readonly MeetingType[] = ['paripurna', 'rdpu'];
const closedByDefault: readonly MeetingType[] = ['banggar', 'bamus', 'bk'];
export function openByDefault(type: MeetingType): boolean {
  return !closedByDefault.includes(type);
}

export const presences: readonly Presence[] = ['hadir', 'izin', 'sakit', 'tanpa_keterangan'];
export const DOCUMENT_FOLDER = 'agenda';

export type MeetingProblem =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'mustBeOpen'
  | 'order'
  | 'url'
  | 'pdf'
  | 'tooLarge'
  | 'notYetHeld';

/**
 * Results (decisions, minutes, recording, attendance) of a meeting that has not begun are most
 * likely typed into the wrong meeting: they are kept only when the officer confirms.
 */
function notYetHeld(meeting: { starts_at: Date }, confirmed: boolean): MeetingError[] {
  return meeting.starts_at.getTime() > Date.now() && !confirmed
    ? [{ field: 'confirmEarly', problem: 'notYetHeld' }]
    : [];
}
export type MeetingError = FieldError<MeetingProblem>;

export interface MeetingInput {
  type: string;
  body: string;
  dapil: string;
  title: string;
  agendaItems: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  onlineUrl: string;
  livestreamUrl: string;
  /** 'open', 'closed', or '' for the type's default. */
  openness: string;
}

type MeetingValues = {
  type: MeetingType;
  body_id: number | null;
  dapil_id: number | null;
  title: string;
  agenda_items: string[];
  starts_at: Date;
  ends_at: Date | null;
  place: string | null;
  online_url: string | null;
  livestream_url: string | null;
  open: boolean;
};

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);

function url(errors: MeetingError[], field: string, value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  try {
    const parsed = new URL(v);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return v;
  } catch {}
  errors.push({ field, problem: 'url' });
  return null;
}

export function checkMeeting(
  structure: CouncilStructure,
  input: MeetingInput,
): { ok: true; values: MeetingValues } | { ok: false; errors: MeetingError[] } {
  const errors: MeetingError[] = [];
  const type = meetingTypes.find((m) => m === input.type);
  if (type === undefined) errors.push({ field: 'type', problem: input.type === '' ? 'required' : 'invalid' });
  const body = input.body === '' ? null : structure.bodies.find((b) => b.slug === input.body);
  if (body === undefined) errors.push({ field: 'body', problem: 'invalid' });
  const dapil = input.dapil === '' ? null : structure.dapil.find((d) => String(d.number) === input.dapil);
  if (dapil === undefined) errors.push({ field: 'dapil', problem: 'invalid' });
  const title = input.title.trim();
  if (title === '') errors.push({ field: 'title', problem: 'required' });
  else if (title.length > 200) errors.push({ field: 'title', problem: 'tooLong' });
  const items = input.agendaItems
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (items.length > 50 || items.some((i) => i.length > 500)) errors.push({ field: 'agendaItems', problem: 'tooLong' });
  if (!isCalendarDay(input.date.trim()))
    errors.push({ field: 'date', problem: input.date.trim() === '' ? 'required' : 'invalid' });
  if (!timePattern.test(input.startTime.trim()))
    errors.push({ field: 'startTime', problem: input.startTime.trim() === '' ? 'required' : 'invalid' });
  const end = input.endTime.trim();
  if (end !== '' && !timePattern.test(end)) errors.push({ field: 'endTime', problem: 'invalid' });
  else if (end !== '' && end <= input.startTime.trim()) errors.push({ field: 'endTime', problem: 'order' });
  const place = input.place.trim();
  if (place.length > 300) errors.push({ field: 'place', problem: 'tooLong' });
  const onlineUrl = url(errors, 'onlineUrl', input.onlineUrl);
  const livestreamUrl = url(errors, 'livestreamUrl', input.livestreamUrl);
  let isOpen = type === undefined ? true : openByDefault(type);
  if (input.openness === 'open') isOpen = true;
  else if (input.openness === 'closed') isOpen = false;
  if (type !== undefined && !isOpen && mustBeOpen.includes(type))
    errors.push({ field: 'openness', problem: 'mustBeOpen' });
  if (errors.length > 0 || type === undefined || body === undefined || dapil === undefined)
    return { ok: false, errors };
  const day = input.date.trim();
  return {
    ok: true,
    values: {
      type,
      body_id: body?.id ?? null,
      dapil_id: dapil?.id ?? null,
      title,
      agenda_items: items,
      starts_at: at(day, input.startTime.trim()),
      ends_at: end === '' ? null : at(day, end),
      place: place === '' ? null : place,
      online_url: onlineUrl,
      livestream_url: livestreamUrl,
      open: isOpen,
    },
  };
}

export type SaveResult =
  | { ok: true; id: number }
  | { ok: false; errors: MeetingError[] }
  | { ok: false; problem: 'missing' | 'cancelled' };

export async function createMeeting(
  deps: Deps,
  user: CurrentUser,
  input: MeetingInput,
  ip: string,
): Promise<SaveResult> {
  const structure = await getCouncil(deps.db);
  const checked = checkMeeting(structure, input);
  if (!checked.ok) return checked;
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await q.insertMeeting(trx, {
      council_id: structure.council.id,
      uid: `${randomUUID()}@dewan-terbuka`,
      ...checked.values,
      created_by: user.id,
    });
    await q.insertRevision(trx, { meeting_id: id, kind: 'created', changed_by: user.id });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'meeting.created',
      subjectType: 'meeting',
      subjectId: id,
      ip,
    });
    return id;
  });
  return { ok: true, id };
}

/** Fields whose change a calendar must learn of (and people be shown). */
const tracked = [
  'title',
  'starts_at',
  'ends_at',
  'place',
  'online_url',
  'livestream_url',
  'open',
  'type',
  'body_id',
  'agenda_items',
] as const;

/** Each value as JSON, so the revision can be read back (times as ISO strings). */
function comparable(value: unknown): string {
  return JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));
}

export async function updateMeeting(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: MeetingInput,
  note: string,
  ip: string,
): Promise<SaveResult> {
  const structure = await getCouncil(deps.db);
  const checked = checkMeeting(structure, input);
  if (!checked.ok) return checked;
  return deps.db.transaction().execute(async (trx): Promise<SaveResult> => {
    const current = await q.lockMeeting(trx, structure.council.id, id);
    if (current === undefined) return { ok: false, problem: 'missing' };
    if (current.status === 'cancelled') return { ok: false, problem: 'cancelled' };
    const changes: Record<string, [string, string]> = {};
    for (const field of tracked) {
      const before = comparable(current[field]);
      const after = comparable(checked.values[field]);
      if (before !== after) changes[field] = [before, after];
    }
    if (Object.keys(changes).length === 0) return { ok: true, id };
    await q.updateMeeting(trx, id, {
      ...checked.values,
      dapil_id: checked.values.dapil_id,
      sequence: current.sequence + 1,
    });
    await q.insertRevision(trx, {
      meeting_id: id,
      kind: 'changed',
      changes: JSON.stringify(changes),
      note: note.trim().slice(0, 500) || null,
      changed_by: user.id,
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'meeting.changed',
      subjectType: 'meeting',
      subjectId: id,
      ip,
      details: { fields: Object.keys(changes) },
    });
    return { ok: true, id };
  });
}

export async function cancelMeeting(
  deps: Deps,
  user: CurrentUser,
  id: number,
  reason: string,
  ip: string,
): Promise<SaveResult> {
  const text = reason.trim();
  if (text.length < 5 || text.length > 500)
    return { ok: false, errors: [{ field: 'reason', problem: text === '' ? 'required' : 'tooLong' }] };
  const structure = await getCouncil(deps.db);
  return deps.db.transaction().execute(async (trx): Promise<SaveResult> => {
    const current = await q.lockMeeting(trx, structure.council.id, id);
    if (current === undefined) return { ok: false, problem: 'missing' };
    if (current.status === 'cancelled') return { ok: false, problem: 'cancelled' };
    await q.updateMeeting(trx, id, { status: 'cancelled', sequence: current.sequence + 1 });
    await q.insertRevision(trx, { meeting_id: id, kind: 'cancelled', note: text, changed_by: user.id });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'meeting.cancelled',
      subjectType: 'meeting',
      subjectId: id,
      ip,
    });
    return { ok: true, id };
  });
}

export async function recordOutcome(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: { minutes: string; decisions: string; recordingUrl: string; confirmEarly: boolean },
  ip: string,
): Promise<SaveResult> {
  const errors: MeetingError[] = [];
  const minutes = input.minutes.trim();
  const decisions = input.decisions.trim();
  if (minutes.length > 100_000) errors.push({ field: 'minutes', problem: 'tooLong' });
  if (decisions.length > 20_000) errors.push({ field: 'decisions', problem: 'tooLong' });
  const recording = url(errors, 'recordingUrl', input.recordingUrl);
  if (errors.length > 0) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  return deps.db.transaction().execute(async (trx): Promise<SaveResult> => {
    const current = await q.lockMeeting(trx, structure.council.id, id);
    if (current === undefined) return { ok: false, problem: 'missing' };
    const early = minutes || decisions || recording ? notYetHeld(current, input.confirmEarly) : [];
    if (early.length > 0) return { ok: false, errors: early };
    await q.updateMeeting(trx, id, {
      minutes: minutes || null,
      decisions: decisions || null,
      recording_url: recording,
    });
    await q.insertRevision(trx, { meeting_id: id, kind: 'outcome', changed_by: user.id });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'meeting.outcome_recorded',
      subjectType: 'meeting',
      subjectId: id,
      ip,
    });
    return { ok: true, id };
  });
}

/** Who is expected at a meeting: the body's members, the dapil's for a reses, everyone for a plenary. */
export async function expectedMembers(
  deps: Deps,
  meeting: { type: MeetingType; body_id: number | null; dapil_id: number | null },
) {
  const structure = await getCouncil(deps.db);
  if (meeting.body_id !== null && meeting.type !== 'paripurna') return q.bodyMembers(deps.db, meeting.body_id);
  if (meeting.type === 'reses' && meeting.dapil_id !== null)
    return q.activeMembers(deps.db, structure.council.id, meeting.dapil_id);
  return q.activeMembers(deps.db, structure.council.id);
}

export async function recordAttendance(
  deps: Deps,
  user: CurrentUser,
  id: number,
  marks: Record<string, string>,
  confirmEarly: boolean,
  ip: string,
): Promise<SaveResult> {
  const structure = await getCouncil(deps.db);
  const meeting = await q.meetingById(deps.db, structure.council.id, id);
  if (meeting === undefined) return { ok: false, problem: 'missing' };
  if (meeting.status === 'cancelled') return { ok: false, problem: 'cancelled' };
  const early = Object.values(marks).some((mark) => mark !== '') ? notYetHeld(meeting, confirmEarly) : [];
  if (early.length > 0) return { ok: false, errors: early };
  const expected = await expectedMembers(deps, meeting);
  const rows: { memberId: number; presence: Presence }[] = [];
  for (const m of expected) {
    const mark = marks[`m${m.id}`];
    if (mark === undefined || mark === '') continue;
    const presence = presences.find((p) => p === mark);
    if (presence === undefined) return { ok: false, errors: [{ field: `m${m.id}`, problem: 'invalid' }] };
    rows.push({ memberId: m.id, presence });
  }
  await deps.db.transaction().execute(async (trx) => {
    await q.setAttendance(trx, id, rows);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'meeting.attendance_recorded',
      subjectType: 'meeting',
      subjectId: id,
      ip,
      details: { recorded: rows.length },
    });
  });
  return { ok: true, id };
}

function _isPdf(data: Buffer): boolean {
  return data.subarray(0, 5).toString('latin1') === '%PDF-';
}

export async function addDocument(
  deps: Deps,
  user: CurrentUser,
  id: number,
  title: string,
  file: UploadedFile | undefined,
  ip: string,
): Promise<SaveResult> {
  const errors: MeetingError[] = [];
  const name = title.trim() || file?.filename.replace(/\.pdf$/i, '').slice(0, 200) || '';
  if (name === '') errors.push({ field: 'documentTitle', problem: 'required' });
  const problem = pdfProblem(file);
  if (problem !== undefined) errors.push({ field: 'document', problem });
  if (errors.length > 0 || file === undefined) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  const meeting = await q.meetingById(deps.db, structure.council.id, id);
  if (meeting === undefined) return { ok: false, problem: 'missing' };
  const stored = await storeDocument(fileStore(deps.config), DOCUMENT_FOLDER, file.data);
  await deps.db.transaction().execute(async (trx) => {
    await q.insertAttachment(trx, { meeting_id: id, title: name.slice(0, 200), file: stored, bytes: file.data.length });
    await q.insertRevision(trx, { meeting_id: id, kind: 'document', note: name.slice(0, 200), changed_by: user.id });
    await q.updateMeeting(trx, id, {});
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'meeting.document_added',
      subjectType: 'meeting',
      subjectId: id,
      ip,
    });
  });
  return { ok: true, id };
}

// ---------------------------------------------------------------- what people see

export interface MeetingView {
  id: number;
  uid: string;
  type: MeetingType;
  body: Body | undefined;
  dapilNumber: number | null;
  title: string;
  open: boolean;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date | null;
  sequence: number;
  updatedAt: Date;
  createdAt: Date;
  /** Undefined for a closed meeting: only that it takes place is public. */
  details:
    | {
        agendaItems: string[];
        place: string | null;
        onlineUrl: string | null;
        livestreamUrl: string | null;
        minutes: string | null;
        decisions: string | null;
        recordingUrl: string | null;
      }
    | undefined;
}

type Row = NonNullable<Awaited<ReturnType<typeof q.meetingById>>>;

export function viewOf(structure: CouncilStructure, row: Row, official = false): MeetingView {
  const showAll = row.open || official;
  return {
    id: row.id,
    uid: row.uid,
    type: row.type,
    body: structure.bodies.find((b) => b.id === row.body_id),
    dapilNumber: structure.dapil.find((d) => d.id === row.dapil_id)?.number ?? null,
    title: row.title,
    open: row.open,
    cancelled: row.status === 'cancelled',
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    sequence: row.sequence,
    updatedAt: row.updated_at,
    createdAt: row.created_at,
    details: showAll
      ? {
          agendaItems: row.agenda_items,
          place: row.place,
          // The video meeting is for invited speakers; the public follows the livestream.
          onlineUrl: official ? row.online_url : null,
          livestreamUrl: row.livestream_url,
          minutes: row.minutes,
          decisions: row.decisions,
          recordingUrl: row.recording_url,
        }
      : undefined,
  };
}

/** A meeting without a stated end is taken to last this long. */
export const ASSUMED_HOURS = 3;

/** When a meeting ends, or is taken to end. */
export function endOf(m: Pick<MeetingView, 'startsAt' | 'endsAt'>): Date {
  return m.endsAt ?? new Date(m.startsAt.getTime() + ASSUMED_HOURS * 3_600_000);
}

/** Going on now and followed online: an open meeting, not cancelled, with a livestream. */
export function liveNow(m: MeetingView, now = new Date()): boolean {
  return (
    !m.cancelled &&
    m.details?.livestreamUrl != null &&
    m.startsAt.getTime() <= now.getTime() &&
    now.getTime() < endOf(m).getTime()
  );
}

export interface AgendaFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  body?: string | undefined;
  type?: MeetingType | undefined;
  q?: string | undefined;
  member?: number | undefined;
  descending?: boolean;
  page: number;
  pageSize: number;
}

export async function agenda(deps: Deps, filter: AgendaFilter, official = false) {
  const structure = await getCouncil(deps.db);
  const query: q.MeetingFilter = {
    from: filter.from,
    to: filter.to,
    bodyId: filter.body === undefined ? undefined : (structure.bodies.find((b) => b.slug === filter.body)?.id ?? -1),
    type: filter.type,
    q: filter.q,
    memberId: filter.member,
    official,
    descending: filter.descending ?? false,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  };
  const [rows, total] = await Promise.all([
    q.listMeetings(deps.db, structure.council.id, query),
    q.countMeetings(deps.db, structure.council.id, query),
  ]);
  return { meetings: rows.map((r) => viewOf(structure, r, official)), total };
}

export async function recentChanges(deps: Deps, limit: number) {
  const structure = await getCouncil(deps.db);
  return (await q.recentlyChanged(deps.db, structure.council.id, limit)).map((r) => viewOf(structure, r));
}

export interface MeetingRecord {
  view: MeetingView;
  revisions: { kind: string; changes: Record<string, [string, string]>; note: string | null; at: Date }[];
  documents: { id: number; title: string; bytes: number }[];
  attendance: { id: number; name: string; slug: string; presence: Presence }[];
}

/** A change of body is stored as ids; people read the bodies' names. */
function readableChanges(structure: CouncilStructure, changes: Record<string, [string, string]>) {
  const body = changes.body_id;
  if (body === undefined) return changes;
  const name = (raw: string) =>
    JSON.stringify(structure.bodies.find((b) => JSON.stringify(b.id) === raw)?.name ?? null);
  return { ...changes, body_id: [name(body[0]), name(body[1])] as [string, string] };
}

/** One meeting as a line of the agenda shows it, without its history, documents or attendance. */
export async function meetingView(deps: Deps, id: number, official = false): Promise<MeetingView | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.meetingById(deps.db, structure.council.id, id);
  return row === undefined ? undefined : viewOf(structure, row, official);
}

export async function meeting(deps: Deps, id: number, official = false): Promise<MeetingRecord | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.meetingById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const view = viewOf(structure, row, official);
  const [revisions, documents, attendance] = await Promise.all([
    q.revisionsOf(deps.db, id),
    view.details === undefined ? [] : q.attachmentsOf(deps.db, id),
    view.details === undefined ? [] : q.attendanceOf(deps.db, id),
  ]);
  return {
    view,
    revisions: revisions.map((r) => ({
      kind: r.kind,
      changes: readableChanges(structure, JSON.parse(r.changes) as Record<string, [string, string]>),
      note: view.details === undefined && r.kind !== 'cancelled' ? null : r.note,
      at: r.created_at,
    })),
    documents: documents.map((d) => ({ id: d.id, title: d.title, bytes: d.bytes })),
    attendance,
  };
}

/** The stored file of a document of an open meeting (closed meetings keep theirs). */
export async function documentFile(deps: Deps, meetingId: number, documentId: number, official: boolean) {
  const structure = await getCouncil(deps.db);
  const row = await q.meetingById(deps.db, structure.council.id, meetingId);
  if (row === undefined || (!row.open && !official)) return undefined;
  const doc = await q.attachmentById(deps.db, meetingId, documentId);
  return doc === undefined
    ? undefined
    : { ...doc, read: () => storedFile(fileStore(deps.config), DOCUMENT_FOLDER, doc.file) };
}

/** Hearings: meetings where the council hears the government's agencies or the public. */
export const HEARING_TYPES: readonly MeetingType[] = ['rdp', 'rdpu'];

/** How many meetings a member attended in a period, and how many of them were hearings. */
export function attendedBetween(
  deps: Deps,
  memberId: number,
  from: Date,
  to: Date,
): Promise<{ meetings: number; hearings: number }> {
  return q.countAttendedBetween(deps.db, memberId, from, to, HEARING_TYPES);
}

/** A member's attendance where it was recorded, and the meetings they attended. */
export async function memberAttendance(deps: Deps, memberId: number) {
  const [counts, attended] = await Promise.all([
    q.attendanceCounts(deps.db, memberId),
    q.attendedBy(deps.db, memberId, 20),
  ]);
  return {
    recorded: counts.recorded,
    present: counts.present,
    rate: counts.recorded === 0 ? null : counts.present / counts.recorded,
    attended: attended.map((m) => ({ id: m.id, title: m.title, startsAt: m.starts_at, type: m.type })),
  };
}

/** The values of a meeting as its edit form shows them. */
export function formValues(view: MeetingView): Record<string, string> {
  const time = (d: Date | null) =>
    d === null
      ? ''
      : new Intl.DateTimeFormat('en-GB', {
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: 'Asia/Jakarta',
        }).format(d);
  return {
    type: view.type,
    body: view.body?.slug ?? '',
    dapil: view.dapilNumber === null ? '' : String(view.dapilNumber),
    title: view.title,
    agendaItems: view.details?.agendaItems.join('\n') ?? '',
    date: jakartaDay(view.startsAt),
    startTime: time(view.startsAt),
    endTime: time(view.endsAt),
    place: view.details?.place ?? '',
    onlineUrl: view.details?.onlineUrl ?? '',
    livestreamUrl: view.details?.livestreamUrl ?? '',
    openness: view.open ? 'open' : 'closed',
    minutes: view.details?.minutes ?? '',
    decisions: view.details?.decisions ?? '',
    recordingUrl: view.details?.recordingUrl ?? '',
  };
}

/** The agenda's pages for search engines: the agenda and each meeting, newest first. */
export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const structure = await getCouncil(deps.db);
  const meetings = await q.meetingPages(deps.db, structure.council.id, SITEMAP_LIMIT - 1);
  return [{ path: '/agenda' }, ...meetings.map((m) => ({ path: `/agenda/${m.id}`, modified: m.updated_at }))];
}
