/** Queries over meetings, their revisions, documents and attendance. */
import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database, MeetingType, Presence } from '../db/schema.ts';
import { tsQuery } from '../platform/search.ts';

const columns = [
  'meeting.id',
  'meeting.uid',
  'meeting.type',
  'meeting.body_id',
  'meeting.dapil_id',
  'meeting.title',
  'meeting.agenda_items',
  'meeting.starts_at',
  'meeting.ends_at',
  'meeting.place',
  'meeting.online_url',
  'meeting.livestream_url',
  'meeting.open',
  'meeting.status',
  'meeting.sequence',
  'meeting.minutes',
  'meeting.decisions',
  'meeting.recording_url',
  'meeting.created_at',
  'meeting.updated_at',
] as const;

export interface MeetingFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  bodyId?: number | undefined;
  type?: MeetingType | undefined;
  q?: string | undefined;
  memberId?: number | undefined;
  /** An official searches: closed meetings are found by their words too. */
  official?: boolean;
  /** Newest first (past meetings) instead of soonest first. */
  descending?: boolean;
  limit: number;
  offset: number;
}

function filtered(db: Db, councilId: number, filter: MeetingFilter) {
  let query = db.selectFrom('meeting').where('meeting.council_id', '=', councilId);
  if (filter.from !== undefined) query = query.where('meeting.starts_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('meeting.starts_at', '<', filter.to);
  if (filter.bodyId !== undefined) query = query.where('meeting.body_id', '=', filter.bodyId);
  if (filter.type !== undefined) query = query.where('meeting.type', '=', filter.type);
  const memberId = filter.memberId;
  if (memberId !== undefined) {
    // A member's meetings: those of the bodies they sit in, the plenary, and their dapil's reses.
    query = query.where((eb) =>
      eb.or([
        eb('meeting.type', '=', 'paripurna'),
        eb(
          'meeting.body_id',
          'in',
          eb.selectFrom('body_membership').select('body_id').where('member_id', '=', memberId),
        ),
        eb('meeting.dapil_id', 'in', eb.selectFrom('member').select('dapil_id').where('id', '=', memberId)),
      ]),
    );
  }
  const q = filter.q?.trim();
  if (q !== undefined && q !== '') {
    // A visitor never finds a closed meeting by words: its title and content are not public, and
    // a match would tell what they contain. Officials find it like any other.
    if (filter.official !== true) query = query.where('meeting.open', '=', true);
    query = query.where((eb) =>
      eb.or([
        sql<SqlBool>`meeting.search @@ ${tsQuery('indonesian', q)}`,
        sql<SqlBool>`to_tsvector('simple', meeting.title) @@ ${tsQuery('simple', q)}`,
      ]),
    );
  }
  return query;
}

export function listMeetings(db: Db, councilId: number, filter: MeetingFilter) {
  return filtered(db, councilId, filter)
    .select(columns)
    .orderBy('meeting.starts_at', filter.descending === true ? 'desc' : 'asc')
    .orderBy('meeting.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function countMeetings(db: Db, councilId: number, filter: MeetingFilter): Promise<number> {
  const row = await filtered(db, councilId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function recentlyChanged(db: Db, councilId: number, limit: number) {
  return db
    .selectFrom('meeting')
    .select(columns)
    .where('council_id', '=', councilId)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

export function meetingById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('meeting')
    .select(columns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function lockMeeting(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('meeting')
    .select(columns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function insertMeeting(db: Db, values: Insertable<Database['meeting']>) {
  return db.insertInto('meeting').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateMeeting(db: Db, id: number, values: Updateable<Database['meeting']>) {
  return db
    .updateTable('meeting')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function insertRevision(db: Db, values: Insertable<Database['meeting_revision']>) {
  return db.insertInto('meeting_revision').values(values).execute();
}

export function revisionsOf(db: Db, meetingId: number) {
  return db
    .selectFrom('meeting_revision')
    .select(['id', 'kind', 'changes', 'note', 'created_at'])
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute();
}

export function attachmentsOf(db: Db, meetingId: number) {
  return db
    .selectFrom('meeting_attachment')
    .select(['id', 'title', 'file', 'bytes'])
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute();
}

export function attachmentById(db: Db, meetingId: number, id: number) {
  return db
    .selectFrom('meeting_attachment')
    .select(['id', 'title', 'file'])
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertAttachment(db: Db, values: Insertable<Database['meeting_attachment']>) {
  return db.insertInto('meeting_attachment').values(values).execute();
}

export function attendanceOf(db: Db, meetingId: number) {
  return db
    .selectFrom('meeting_attendance')
    .innerJoin('member', 'member.id', 'meeting_attendance.member_id')
    .select(['member.id', 'member.name', 'member.slug', 'meeting_attendance.presence'])
    .where('meeting_attendance.meeting_id', '=', meetingId)
    .orderBy('member.name')
    .execute();
}

export async function setAttendance(db: Db, meetingId: number, rows: { memberId: number; presence: Presence }[]) {
  await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('meeting_attendance')
    .values(rows.map((r) => ({ meeting_id: meetingId, member_id: r.memberId, presence: r.presence })))
    .execute();
}

/** How often a member was present where attendance was recorded. */
export async function attendanceCounts(db: Db, memberId: number) {
  const row = await db
    .selectFrom('meeting_attendance')
    .innerJoin('meeting', 'meeting.id', 'meeting_attendance.meeting_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('recorded'),
      eb.fn
        .count<number>('meeting_attendance.member_id')
        .filterWhere('meeting_attendance.presence', '=', 'hadir')
        .as('present'),
    ])
    .where('meeting_attendance.member_id', '=', memberId)
    .where('meeting.status', '=', 'scheduled')
    .executeTakeFirstOrThrow();
  return { recorded: Number(row.recorded), present: Number(row.present) };
}

export function attendedBy(db: Db, memberId: number, limit: number) {
  return db
    .selectFrom('meeting_attendance')
    .innerJoin('meeting', 'meeting.id', 'meeting_attendance.meeting_id')
    .select(['meeting.id', 'meeting.title', 'meeting.starts_at', 'meeting.type'])
    .where('meeting_attendance.member_id', '=', memberId)
    .where('meeting_attendance.presence', '=', 'hadir')
    .orderBy('meeting.starts_at', 'desc')
    .limit(limit)
    .execute();
}

export async function countAttendedBetween(
  db: Db,
  memberId: number,
  from: Date,
  to: Date,
  hearingTypes: readonly MeetingType[],
) {
  const row = await db
    .selectFrom('meeting_attendance')
    .innerJoin('meeting', 'meeting.id', 'meeting_attendance.meeting_id')
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      eb.fn.countAll<string>().filterWhere('meeting.type', 'in', hearingTypes).as('hearings'),
    ])
    .where('meeting_attendance.member_id', '=', memberId)
    .where('meeting_attendance.presence', '=', 'hadir')
    .where('meeting.starts_at', '>=', from)
    .where('meeting.starts_at', '<', to)
    .executeTakeFirstOrThrow();
  return { meetings: Number(row.n), hearings: Number(row.hearings) };
}

export function bodyMembers(db: Db, bodyId: number) {
  return db
    .selectFrom('body_membership')
    .innerJoin('member', 'member.id', 'body_membership.member_id')
    .select(['member.id', 'member.name'])
    .where('body_membership.body_id', '=', bodyId)
    .where('member.active', '=', true)
    .orderBy('member.name')
    .execute();
}

export function activeMembers(db: Db, councilId: number, dapilId?: number) {
  let query = db
    .selectFrom('member')
    .select(['id', 'name'])
    .where('council_id', '=', councilId)
    .where('active', '=', true);
  if (dapilId !== undefined) query = query.where('dapil_id', '=', dapilId);
  return query.orderBy('name').execute();
}

/** Every meeting's page, newest first, and when it last changed (for search engines). */
export function meetingPages(db: Db, councilId: number, limit: number) {
  return db
    .selectFrom('meeting')
    .select(['id', 'updated_at'])
    .where('council_id', '=', councilId)
    .orderBy('starts_at', 'desc')
    .limit(limit)
    .execute();
}
