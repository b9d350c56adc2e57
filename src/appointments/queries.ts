/** Queries over the aspiration room's slots and the appointments booked in them. */
import { type Insertable, sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { AppointmentStatus, Database } from '../db/schema.ts';

const slotColumns = [
  'room_slot.id',
  'room_slot.desk',
  'room_slot.body_id',
  'room_slot.member_id',
  'room_slot.starts_at',
  'room_slot.ends_at',
  'room_slot.capacity',
  'room_slot.booked',
  'room_slot.place',
  'room_slot.cancelled_at',
  'member.name as member_name',
  'member.slug as member_slug',
] as const;

/** The members a desk can be opened for, by name. */
export function sittingMembers(db: Db, councilId: number) {
  return db
    .selectFrom('member')
    .select(['id', 'slug', 'name'])
    .where('council_id', '=', councilId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

export function insertSlots(db: Db, rows: Insertable<Database['room_slot']>[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('room_slot').values(rows).returning('id').execute();
}

/** Slots of one desk that overlap a span of time, to publish none twice. */
export function overlapping(
  db: Db,
  councilId: number,
  desk: { desk: string; bodyId: number | null; memberId: number | null },
  from: Date,
  until: Date,
) {
  let query = db
    .selectFrom('room_slot')
    .select(['starts_at', 'ends_at'])
    .where('council_id', '=', councilId)
    .where('desk', '=', desk.desk as 'umum')
    .where('cancelled_at', 'is', null)
    .where('starts_at', '<', until)
    .where('ends_at', '>', from);
  query = desk.bodyId === null ? query.where('body_id', 'is', null) : query.where('body_id', '=', desk.bodyId);
  query = desk.memberId === null ? query.where('member_id', 'is', null) : query.where('member_id', '=', desk.memberId);
  return query.execute();
}

/** Slots from a moment on (not cancelled), soonest first; `free` keeps only those with a place left. */
export function slotsFrom(db: Db, councilId: number, from: Date, until: Date, free: boolean) {
  let query = db
    .selectFrom('room_slot')
    .leftJoin('member', 'member.id', 'room_slot.member_id')
    .select(slotColumns)
    .where('room_slot.council_id', '=', councilId)
    .where('room_slot.cancelled_at', 'is', null)
    .where('room_slot.starts_at', '>=', from)
    .where('room_slot.starts_at', '<', until);
  if (free) query = query.whereRef('room_slot.booked', '<', 'room_slot.capacity');
  return query.orderBy('room_slot.starts_at').orderBy('room_slot.id').limit(2000).execute();
}

export function slotById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('room_slot')
    .leftJoin('member', 'member.id', 'room_slot.member_id')
    .select(slotColumns)
    .where('room_slot.council_id', '=', councilId)
    .where('room_slot.id', '=', id)
    .executeTakeFirst();
}

/**
 * Takes one place in a slot that still has one and starts later: a single conditional update, so
 * two people asking for the last place at the same moment cannot both get it.
 */
export async function takePlace(db: Db, slotId: number, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('room_slot')
    .set({ booked: sql`booked + 1`, updated_at: now })
    .where('id', '=', slotId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>', now)
    .whereRef('booked', '<', 'capacity')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function releasePlace(db: Db, slotId: number) {
  return db
    .updateTable('room_slot')
    .set({ booked: sql`booked - 1`, updated_at: new Date() })
    .where('id', '=', slotId)
    .where('booked', '>', 0)
    .execute();
}

export function insertAppointment(db: Db, values: Insertable<Database['appointment']>) {
  return db.insertInto('appointment').values(values).returning(['id', 'code']).executeTakeFirstOrThrow();
}

export async function codeTaken(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('appointment').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

const appointmentColumns = [
  'appointment.id',
  'appointment.slot_id',
  'appointment.code',
  'appointment.topic',
  'appointment.aspiration_code',
  'appointment.name_sealed',
  'appointment.email_sealed',
  'appointment.phone_sealed',
  'appointment.status',
  'appointment.walk_in',
  'appointment.checked_in_at',
  'appointment.reminded_at',
  'appointment.created_at',
] as const;

export function appointmentByToken(db: Db, councilId: number, tokenHash: string) {
  return db
    .selectFrom('appointment')
    .select(appointmentColumns)
    .where('council_id', '=', councilId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function appointmentById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('appointment')
    .select(appointmentColumns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateAppointment(
  db: Db,
  id: number,
  values: {
    status?: AppointmentStatus;
    slot_id?: number;
    checked_in_at?: Date;
    reminded_at?: Date | null;
    aspiration_code?: string;
    handled_by?: number;
  },
) {
  return db
    .updateTable('appointment')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Changes the state only from the one expected, so that two clicks do one thing. */
export async function moveStatus(db: Db, id: number, from: AppointmentStatus[], to: AppointmentStatus) {
  const row = await db
    .updateTable('appointment')
    .set({ status: to, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The appointments of a day at the desk: those booked in its slots and the walk-ins entered on it. */
export function appointmentsBetween(db: Db, councilId: number, from: Date, until: Date) {
  return db
    .selectFrom('appointment')
    .leftJoin('room_slot', 'room_slot.id', 'appointment.slot_id')
    .leftJoin('member', 'member.id', 'room_slot.member_id')
    .select(appointmentColumns)
    .select([
      'room_slot.starts_at',
      'room_slot.desk',
      'room_slot.body_id',
      'member.name as member_name',
      'member.slug as member_slug',
    ])
    .where('appointment.council_id', '=', councilId)
    .where((eb) =>
      eb.or([
        eb.and([eb('room_slot.starts_at', '>=', from), eb('room_slot.starts_at', '<', until)]),
        eb.and([
          eb('appointment.walk_in', '=', true),
          eb('appointment.created_at', '>=', from),
          eb('appointment.created_at', '<', until),
        ]),
      ]),
    )
    .orderBy(sql`coalesce(room_slot.starts_at, appointment.created_at)`)
    .orderBy('appointment.id')
    .execute();
}

/** Closes a slot that has not begun; false when it was already closed or has begun. */
export async function closeSlot(db: Db, id: number, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('room_slot')
    .set({ cancelled_at: now, updated_at: now })
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>', now)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The appointments still booked in a slot, with whom to tell. */
export function bookedIn(db: Db, slotId: number) {
  return db
    .selectFrom('appointment')
    .select(appointmentColumns)
    .where('slot_id', '=', slotId)
    .where('status', '=', 'booked')
    .orderBy('id')
    .execute();
}

/** Booked appointments whose slot starts within a span, not yet reminded. */
export function toRemind(db: Db, from: Date, until: Date) {
  return db
    .selectFrom('appointment')
    .innerJoin('room_slot', 'room_slot.id', 'appointment.slot_id')
    .select(['appointment.id', 'appointment.council_id', 'appointment.code', 'appointment.email_sealed'])
    .select(['appointment.phone_sealed', 'appointment.name_sealed', 'room_slot.starts_at', 'room_slot.place'])
    .where('appointment.status', '=', 'booked')
    .where('appointment.reminded_at', 'is', null)
    .where('room_slot.starts_at', '>=', from)
    .where('room_slot.starts_at', '<', until)
    .orderBy('appointment.id')
    .limit(500)
    .execute();
}

/** Appointments per month (Jakarta) by state and whether booked or walked in: counts, no names. */
export function countsByMonth(db: Db, councilId: number, since: Date) {
  return db
    .selectFrom('appointment')
    .select((eb) => [
      sql<string>`to_char(created_at at time zone 'Asia/Jakarta', 'YYYY-MM')`.as('month'),
      'status',
      'walk_in',
      eb.fn.countAll<string>().as('n'),
    ])
    .where('council_id', '=', councilId)
    .where('created_at', '>=', since)
    .groupBy([sql`1`, 'status', 'walk_in'])
    .orderBy(sql`1`)
    .execute();
}

/** Opening times ahead and the places in them, taken and in all. */
export function placesAhead(db: Db, councilId: number, from: Date, until: Date) {
  return db
    .selectFrom('room_slot')
    .select((eb) => [
      eb.fn.countAll<string>().as('slots'),
      sql<string>`coalesce(sum(capacity), 0)`.as('places'),
      sql<string>`coalesce(sum(booked), 0)`.as('booked'),
    ])
    .where('council_id', '=', councilId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', until)
    .executeTakeFirstOrThrow();
}

/**
 * People received at the aspiration room (checked in) after a point (a moment, then the id at that
 * moment), oldest first, with their contact: a page.
 */
export function visitedAfter(db: Db, councilId: number, after: { at: Date; id: number }, limit: number) {
  return db
    .selectFrom('appointment')
    .select(['id', 'code', 'checked_in_at', 'email_sealed', 'phone_sealed'])
    .where('council_id', '=', councilId)
    .where((eb) =>
      eb.or([
        eb('checked_in_at', '>', after.at),
        eb.and([eb('checked_in_at', '=', after.at), eb('id', '>', after.id)]),
      ]),
    )
    .orderBy('checked_in_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}
