/**
 * The aspiration room: staff publish time slots for a desk (the general desk, a komisi, or one
 * member) on the council's working days; a citizen takes a place, gets a code, a calendar file and
 * a reminder the day before, and moves or cancels by the link mailed to them. At the desk, staff
 * see the day's queue, check people in or mark them absent, enter walk-ins, and record each
 * conversation as an aspiration (channel "ruang aspirasi") or link it to one.
 */

import { randomInt } from 'node:crypto';
import ical from 'ical-generator';
import { fileReceivedAspiration, isCode, publicAspiration } from '../aspirations/service.ts';
import { type Body, getCouncil } from '../council/service.ts';
import type { AppointmentStatus, RoomDesk } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import { isEmail, normaliseEmail, normalisePhone, PHONE_PATTERN } from '../platform/contact.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import { formatDate, formatTime } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import type { Job } from '../platform/jobs.ts';
import { enqueueMessage, enqueueToContact } from '../platform/outbox.ts';
import { type FieldError, isSingleLine } from '../platform/validation.ts';
import { isCalendarDay, isWorkingDay, jakartaDay } from '../platform/working-days.ts';
import * as q from './queries.ts';

/** How far ahead slots may be published in one go, and are shown to citizens. */
export const HORIZON_DAYS = 60;
export const MAX_SLOTS_AT_ONCE = 500;

export type Desk =
  | { kind: 'umum' }
  | { kind: 'komisi'; body: Body }
  | { kind: 'anggota'; member: { id: number; slug: string; name: string } };

/** A desk as a form value and an address part: "umum", "komisi-i", "anggota-<slug>". */
export function deskKey(desk: Desk): string {
  return desk.kind === 'umum'
    ? 'umum'
    : desk.kind === 'komisi'
      ? `komisi:${desk.body.slug}`
      : `anggota:${desk.member.slug}`;
}

export interface Slot {
  id: number;
  desk: Desk;
  startsAt: Date;
  endsAt: Date;
  /** The day in Jakarta, YYYY-MM-DD. */
  day: string;
  capacity: number;
  booked: number;
  place: string;
}

export type AppointmentProblem =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'tooShort'
  | 'oneLine'
  | 'past'
  | 'order'
  | 'span'
  | 'contact'
  | 'email'
  | 'phone'
  | 'consent'
  | 'full'
  | 'none'
  | 'tooMany'
  | 'closed';
export type AppointmentError = FieldError<AppointmentProblem>;

type SlotRow = NonNullable<Awaited<ReturnType<typeof q.slotById>>>;

function deskOf(
  bodies: Body[],
  r: Pick<SlotRow, 'desk' | 'body_id' | 'member_id' | 'member_name' | 'member_slug'>,
): Desk {
  if (r.desk === 'komisi') {
    const body = bodies.find((b) => b.id === r.body_id);
    if (body !== undefined) return { kind: 'komisi', body };
  }
  if (r.desk === 'anggota' && r.member_id !== null)
    return { kind: 'anggota', member: { id: r.member_id, slug: r.member_slug ?? '', name: r.member_name ?? '' } };
  return { kind: 'umum' };
}

function toSlot(bodies: Body[], r: SlotRow): Slot {
  return {
    id: r.id,
    desk: deskOf(bodies, r),
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    day: jakartaDay(r.starts_at),
    capacity: r.capacity,
    booked: r.booked,
    place: r.place,
  };
}

/** The desks slots can be published for: the general desk, each komisi, each sitting member. */
export async function desks(deps: Deps): Promise<Desk[]> {
  const structure = await getCouncil(deps.db);
  const members = await q.sittingMembers(deps.db, structure.council.id);
  return [
    { kind: 'umum' },
    ...structure.komisi.map((body) => ({ kind: 'komisi' as const, body })),
    ...members.map((member) => ({ kind: 'anggota' as const, member })),
  ];
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export interface SlotsInput {
  desk: string;
  from: string;
  until: string;
  startTime: string;
  endTime: string;
  minutes: string;
  capacity: string;
  place: string;
}

/**
 * Publishes slots of one desk on every working day of a span (weekends and the council's holidays
 * are skipped), from a start to an end time, one every so many minutes; a time the desk already
 * has a slot at is left as it is.
 */
export async function publishSlots(
  deps: Deps,
  user: CurrentUser,
  input: SlotsInput,
  ip: string,
): Promise<{ ok: true; created: number; skippedDays: number } | { ok: false; errors: AppointmentError[] }> {
  const structure = await getCouncil(deps.db);
  const errors: AppointmentError[] = [];
  const desk = (await desks(deps)).find((d) => deskKey(d) === input.desk);
  if (desk === undefined) errors.push({ field: 'desk', problem: 'invalid' });
  const today = jakartaDay(new Date());
  for (const field of ['from', 'until'] as const) {
    const value = input[field].trim();
    if (value === '') errors.push({ field, problem: 'required' });
    else if (!isCalendarDay(value)) errors.push({ field, problem: 'invalid' });
    else if (value < today) errors.push({ field, problem: 'past' });
  }
  const from = input.from.trim();
  const until = input.until.trim();
  if (isCalendarDay(from) && isCalendarDay(until)) {
    if (until < from) errors.push({ field: 'until', problem: 'order' });
    else if (Date.parse(until) - Date.parse(from) > HORIZON_DAYS * 86_400_000)
      errors.push({ field: 'until', problem: 'span', max: HORIZON_DAYS });
  }
  for (const field of ['startTime', 'endTime'] as const) {
    const value = input[field].trim();
    if (value === '') errors.push({ field, problem: 'required' });
    else if (!timePattern.test(value)) errors.push({ field, problem: 'invalid' });
  }
  const startTime = input.startTime.trim();
  const endTime = input.endTime.trim();
  if (timePattern.test(startTime) && timePattern.test(endTime) && endTime <= startTime)
    errors.push({ field: 'endTime', problem: 'order' });
  const minutes = /^\d{1,3}$/.test(input.minutes.trim()) ? Number(input.minutes) : 0;
  if (minutes < 10 || minutes > 240) errors.push({ field: 'minutes', problem: 'invalid' });
  const capacity = /^\d{1,2}$/.test(input.capacity.trim()) ? Number(input.capacity) : 0;
  if (capacity < 1 || capacity > 50) errors.push({ field: 'capacity', problem: 'invalid' });
  const place = input.place.trim();
  if (place.length < 3) errors.push({ field: 'place', problem: 'required' });
  else if (place.length > 200) errors.push({ field: 'place', problem: 'tooLong', max: 200 });
  else if (!isSingleLine(place)) errors.push({ field: 'place', problem: 'oneLine' });
  if (errors.length > 0 || desk === undefined) return { ok: false, errors };

  const deskColumns = {
    desk: desk.kind as RoomDesk,
    bodyId: desk.kind === 'komisi' ? desk.body.id : null,
    memberId: desk.kind === 'anggota' ? desk.member.id : null,
  };
  const wanted: { starts: Date; ends: Date }[] = [];
  let skippedDays = 0;
  const now = new Date();
  for (let day = from; day <= until; day = nextDay(day)) {
    if (!isWorkingDay(day, structure.holidays)) {
      skippedDays++;
      continue;
    }
    for (let start = at(day, startTime); start.getTime() + minutes * 60_000 <= at(day, endTime).getTime(); ) {
      const ends = new Date(start.getTime() + minutes * 60_000);
      if (start > now) wanted.push({ starts: start, ends });
      start = ends;
    }
  }
  if (wanted.length === 0) return { ok: false, errors: [{ field: 'from', problem: 'none' }] };
  if (wanted.length > MAX_SLOTS_AT_ONCE)
    return { ok: false, errors: [{ field: 'until', problem: 'tooMany', max: MAX_SLOTS_AT_ONCE }] };
  const first = wanted[0]?.starts ?? now;
  const last = wanted.at(-1)?.ends ?? now;
  const created = await deps.db.transaction().execute(async (trx) => {
    const existing = await q.overlapping(trx, structure.council.id, deskColumns, first, last);
    const fresh = wanted.filter((w) => !existing.some((e) => e.starts_at < w.ends && e.ends_at > w.starts));
    await q.insertSlots(
      trx,
      fresh.map((w) => ({
        council_id: structure.council.id,
        desk: deskColumns.desk,
        body_id: deskColumns.bodyId,
        member_id: deskColumns.memberId,
        starts_at: w.starts,
        ends_at: w.ends,
        capacity,
        place,
        created_by: user.id,
      })),
    );
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'room.slots-published',
      subjectType: 'council',
      subjectId: structure.council.id,
      ip,
      details: { desk: input.desk, from, until, slots: fresh.length },
    });
    return fresh.length;
  });
  return { ok: true, created, skippedDays };
}

/** Slots from now to the horizon; for citizens only those with a place left. */
export async function upcomingSlots(deps: Deps, options: { free: boolean; desk?: string | undefined }) {
  const structure = await getCouncil(deps.db);
  const now = new Date();
  const rows = await q.slotsFrom(
    deps.db,
    structure.council.id,
    now,
    new Date(now.getTime() + HORIZON_DAYS * 86_400_000),
    options.free,
  );
  const slots = rows.map((r) => toSlot(structure.bodies, r));
  return options.desk === undefined ? slots : slots.filter((s) => deskKey(s.desk) === options.desk);
}

/** One slot a citizen may still take a place in, or why not. */
export async function bookableSlot(deps: Deps, id: number): Promise<Slot | 'full' | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.slotById(deps.db, structure.council.id, id);
  if (row === undefined || row.cancelled_at !== null || row.starts_at <= new Date()) return undefined;
  return row.booked >= row.capacity ? 'full' : toSlot(structure.bodies, row);
}

// ----------------------------------------------------------------------------- booking

export interface BookingInput {
  topic: string;
  aspiration: string;
  name: string;
  email: string;
  phone: string;
  consent: boolean;
}

const codeLetters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A code to say at the desk: JT- and six letters or digits that cannot be mistaken for others. */
async function newCode(deps: Deps): Promise<string> {
  for (;;) {
    const code = `JT-${Array.from({ length: 6 }, () => codeLetters[randomInt(codeLetters.length)]).join('')}`;
    if (!(await q.codeTaken(deps.db, code))) return code;
  }
}

function checkPerson(
  input: { name: string; email: string; phone: string },
  errors: AppointmentError[],
  contactRequired: boolean,
) {
  const name = input.name.trim();
  if (name.length < 2) errors.push({ field: 'name', problem: 'required' });
  else if (name.length > 120) errors.push({ field: 'name', problem: 'tooLong', max: 120 });
  else if (!isSingleLine(name)) errors.push({ field: 'name', problem: 'oneLine' });
  const email = normaliseEmail(input.email);
  const phone = input.phone.trim();
  if (email !== '' && (email.length > 320 || !isEmail(email))) errors.push({ field: 'email', problem: 'email' });
  if (phone !== '' && !PHONE_PATTERN.test(phone)) errors.push({ field: 'phone', problem: 'phone' });
  if (contactRequired && email === '' && phone === '') errors.push({ field: 'email', problem: 'contact' });
  return { name, email, phone: phone === '' ? '' : normalisePhone(phone) };
}

function checkTopic(raw: string, errors: AppointmentError[]) {
  const topic = raw.trim();
  if (topic.length < 10) errors.push({ field: 'topic', problem: topic === '' ? 'required' : 'tooShort' });
  else if (topic.length > 1000) errors.push({ field: 'topic', problem: 'tooLong', max: 1000 });
  return topic;
}

async function checkAspiration(deps: Deps, raw: string, errors: AppointmentError[]) {
  const code = raw.trim().toUpperCase();
  if (code === '') return null;
  const found = isCode(code) ? await publicAspiration(deps, code, { user: null, ownedIds: [] }) : undefined;
  if (found === undefined) errors.push({ field: 'aspiration', problem: 'invalid' });
  return found?.view.code ?? null;
}

export type BookingResult =
  | { ok: true; token: string; code: string }
  | { ok: false; errors: AppointmentError[] }
  | { ok: false; full: true };

/** Takes a place in a slot for a citizen, and tells them by email and/or SMS. */
export async function book(deps: Deps, slotId: number, input: BookingInput): Promise<BookingResult | undefined> {
  const slot = await bookableSlot(deps, slotId);
  if (slot === undefined) return undefined;
  if (slot === 'full') return { ok: false, full: true };
  const errors: AppointmentError[] = [];
  const topic = checkTopic(input.topic, errors);
  const person = checkPerson(input, errors, true);
  const aspirationCode = await checkAspiration(deps, input.aspiration, errors);
  if (!input.consent) errors.push({ field: 'consent', problem: 'consent' });
  if (errors.length > 0) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  const code = await newCode(deps);
  const token = newToken();
  const booked = await deps.db.transaction().execute(async (trx) => {
    if (!(await q.takePlace(trx, slotId, new Date()))) return false;
    await q.insertAppointment(trx, {
      council_id: structure.council.id,
      slot_id: slotId,
      code,
      topic,
      aspiration_code: aspirationCode,
      name_sealed: deps.sealer.seal(person.name),
      email_sealed: person.email === '' ? null : deps.sealer.seal(person.email),
      phone_sealed: person.phone === '' ? null : deps.sealer.seal(person.phone),
      token_hash: token.hash,
    });
    await tell(deps, trx, person, 'confirm', {
      code,
      slot,
      link: manageLink(deps, token.token),
      site: structure.council.name,
    });
    return true;
  });
  return booked ? { ok: true, token: token.token, code } : { ok: false, full: true };
}

const manageLink = (deps: Deps, token: string) => `${deps.config.publicBaseUrl}/janji-temu/saya/${token}`;

/** Writes the message of one moment (booked, moved, cancelled, tomorrow) to the person's channels. */
async function tell(
  deps: Deps,
  db: Parameters<typeof enqueueMessage>[0],
  person: { name: string; email: string; phone: string },
  kind: 'confirm' | 'moved' | 'cancelled' | 'reminder' | 'closed',
  about: { code: string; slot: Pick<Slot, 'startsAt' | 'place'>; link: string; reason?: string; site: string },
) {
  // No query here: this runs inside the caller's transaction, and on PGlite's one connection a
  // query outside it would wait for the transaction forever.
  const t = translator(deps.config.defaultLanguage);
  const values = {
    name: person.name,
    code: about.code,
    day: formatDate(about.slot.startsAt, deps.config.defaultLanguage),
    time: formatTime(about.slot.startsAt, deps.config.defaultLanguage),
    place: about.slot.place,
    link: about.link,
    reason: about.reason ?? '',
    site: about.site,
  };
  await enqueueToContact(db, deps.sealer, person, {
    subject: t(`room.mail.${kind}.subject`, values),
    mail: t(`room.mail.${kind}.body`, values),
    sms: t(`room.sms.${kind}`, values),
    topic: `appointment:${about.code}`,
  });
}

/** A visit to the aspiration room, as another feature may use it to reach the visitor once more. */
export interface Visit {
  id: number;
  code: string;
  /** When the visitor was checked in. */
  at: Date;
  /** Writes one message to the visitor's email (or SMS), in the caller's transaction; false without either. */
  tell(
    db: Parameters<typeof enqueueMessage>[0],
    message: { subject: string; text: string; sms: string; topic: string },
  ): Promise<boolean>;
}

/**
 * The people received at the aspiration room (checked in) after a point (a moment, then the id at
 * that moment), oldest first, up to `limit`: a page (the next starts after the last one).
 */
export async function visitsAfter(deps: Deps, after: { at: Date; id: number }, limit: number): Promise<Visit[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.visitedAfter(deps.db, structure.council.id, after, limit);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    at: r.checked_in_at ?? after.at,
    async tell(db, message) {
      const { subject, text, sms, topic } = message;
      if (r.email_sealed !== null)
        await enqueueMessage(db, deps.sealer, {
          channel: 'email',
          to: deps.sealer.open(r.email_sealed),
          subject,
          text,
          topic,
        });
      else if (r.phone_sealed !== null)
        await enqueueMessage(db, deps.sealer, {
          channel: 'sms',
          to: deps.sealer.open(r.phone_sealed),
          subject,
          text: sms,
          topic,
        });
      else return false;
      return true;
    },
  }));
}

export interface AppointmentView {
  id: number;
  code: string;
  topic: string;
  aspirationCode: string | null;
  status: AppointmentStatus;
  walkIn: boolean;
  slot: Slot | undefined;
  checkedInAt: Date | null;
  createdAt: Date;
}

type AppointmentRow = NonNullable<Awaited<ReturnType<typeof q.appointmentById>>>;

async function viewOf(
  deps: Deps,
  r: AppointmentRow,
  slots = new Map<number, Promise<Awaited<ReturnType<typeof q.slotById>>>>(),
): Promise<AppointmentView> {
  const structure = await getCouncil(deps.db);
  // A day's queue shares its slots: each is read once however many are booked in it.
  if (r.slot_id !== null && !slots.has(r.slot_id))
    slots.set(r.slot_id, q.slotById(deps.db, structure.council.id, r.slot_id));
  const slotRow = r.slot_id === null ? undefined : await slots.get(r.slot_id);
  return {
    id: r.id,
    code: r.code,
    topic: r.topic,
    aspirationCode: r.aspiration_code,
    status: r.status,
    walkIn: r.walk_in,
    slot: slotRow === undefined ? undefined : toSlot(structure.bodies, slotRow),
    checkedInAt: r.checked_in_at,
    createdAt: r.created_at,
  };
}

const personOf = (deps: Deps, r: AppointmentRow) => ({
  name: deps.sealer.open(r.name_sealed),
  email: r.email_sealed === null ? '' : deps.sealer.open(r.email_sealed),
  phone: r.phone_sealed === null ? '' : deps.sealer.open(r.phone_sealed),
});

async function rowOfToken(deps: Deps, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const structure = await getCouncil(deps.db);
  return q.appointmentByToken(deps.db, structure.council.id, hashToken(token));
}

/** The citizen's own appointment, by the link mailed to them. */
export async function appointmentOfToken(deps: Deps, token: string): Promise<AppointmentView | undefined> {
  const row = await rowOfToken(deps, token);
  return row === undefined ? undefined : viewOf(deps, row);
}

/** Whether an appointment can still be moved or cancelled by its citizen: booked and not begun. */
export const changeable = (a: AppointmentView) =>
  a.status === 'booked' && a.slot !== undefined && a.slot.startsAt > new Date();

export async function cancelByToken(deps: Deps, token: string): Promise<'cancelled' | 'late' | undefined> {
  const row = await rowOfToken(deps, token);
  if (row === undefined) return undefined;
  const view = await viewOf(deps, row);
  if (!changeable(view) || view.slot === undefined) return 'late';
  const slot = view.slot;
  const site = (await getCouncil(deps.db)).council.name;
  const done = await deps.db.transaction().execute(async (trx) => {
    if (!(await q.moveStatus(trx, row.id, ['booked'], 'cancelled'))) return false;
    await q.releasePlace(trx, slot.id);
    await tell(deps, trx, personOf(deps, row), 'cancelled', {
      code: row.code,
      slot,
      link: manageLink(deps, token),
      site,
    });
    return true;
  });
  return done ? 'cancelled' : 'late';
}

/** Moves the appointment to another slot with a place left; the old place is given back. */
export async function rescheduleByToken(
  deps: Deps,
  token: string,
  rawSlot: string,
): Promise<'moved' | 'late' | 'full' | 'invalid' | undefined> {
  const row = await rowOfToken(deps, token);
  if (row === undefined) return undefined;
  const view = await viewOf(deps, row);
  if (!changeable(view) || view.slot === undefined) return 'late';
  const old = view.slot;
  const target = /^\d{1,9}$/.test(rawSlot) ? await bookableSlot(deps, Number(rawSlot)) : undefined;
  if (target === undefined || target === 'full' || target.id === old.id) return target === 'full' ? 'full' : 'invalid';
  const site = (await getCouncil(deps.db)).council.name;
  const moved = await deps.db.transaction().execute(async (trx) => {
    if (!(await q.takePlace(trx, target.id, new Date()))) return 'full' as const;
    await q.releasePlace(trx, old.id);
    await q.updateAppointment(trx, row.id, { slot_id: target.id, reminded_at: null });
    await tell(deps, trx, personOf(deps, row), 'moved', {
      code: row.code,
      slot: target,
      link: manageLink(deps, token),
      site,
    });
    return 'moved' as const;
  });
  return moved;
}

/** A calendar file of the appointment, for the citizen's phone. */
export function appointmentIcs(deps: Deps, a: AppointmentView, councilName: string): string | undefined {
  if (a.slot === undefined) return undefined;
  const t = translator(deps.config.defaultLanguage);
  const calendar = ical({ prodId: { company: 'Dewan Terbuka', product: 'janji-temu', language: 'ID' } });
  calendar.createEvent({
    id: `janji-temu-${a.code}@${new URL(deps.config.publicBaseUrl).host}`,
    start: a.slot.startsAt,
    end: a.slot.endsAt,
    summary: t('room.ics.summary', { site: councilName, code: a.code }),
    description: a.topic,
    location: a.slot.place,
    ...(a.status === 'cancelled' ? { status: 'CANCELLED' as never } : {}),
  });
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/**
 * The room cannot open at a time after all (a plenary, a member away): the slot closes, each
 * appointment in it is cancelled and its citizen told why, with the way to book again.
 */
export async function closeSlotByStaff(
  deps: Deps,
  user: CurrentUser,
  id: number,
  rawReason: string,
  ip: string,
): Promise<{ ok: true; told: number } | { ok: false; errors: AppointmentError[] } | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.slotById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const reason = rawReason.trim();
  const errors: AppointmentError[] = [];
  if (reason.length < 5) errors.push({ field: 'reason', problem: reason === '' ? 'required' : 'tooShort' });
  else if (reason.length > 300) errors.push({ field: 'reason', problem: 'tooLong', max: 300 });
  else if (!isSingleLine(reason)) errors.push({ field: 'reason', problem: 'oneLine' });
  if (row.cancelled_at !== null || row.starts_at <= new Date()) errors.push({ field: 'reason', problem: 'closed' });
  if (errors.length > 0) return { ok: false, errors };
  const slot = toSlot(structure.bodies, row);
  const told = await deps.db.transaction().execute(async (trx) => {
    if (!(await q.closeSlot(trx, id, new Date()))) return -1;
    const booked = await q.bookedIn(trx, id);
    for (const a of booked) {
      await q.moveStatus(trx, a.id, ['booked'], 'cancelled');
      await tell(deps, trx, personOf(deps, a), 'closed', {
        code: a.code,
        slot,
        link: `${deps.config.publicBaseUrl}/janji-temu`,
        reason,
        site: structure.council.name,
      });
    }
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'room.slot-closed',
      subjectType: 'room_slot',
      subjectId: id,
      ip,
      details: { reason, told: booked.length },
    });
    return booked.length;
  });
  if (told < 0) return { ok: false, errors: [{ field: 'reason', problem: 'closed' }] };
  return { ok: true, told };
}

/** One published slot for the desk's officers, with how many are booked in it. */
export async function officeSlot(deps: Deps, id: number): Promise<(Slot & { closed: boolean }) | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.slotById(deps.db, structure.council.id, id);
  return row === undefined ? undefined : { ...toSlot(structure.bodies, row), closed: row.cancelled_at !== null };
}

/** Reminds everyone booked for tomorrow (Jakarta), once each. */
export async function sendReminders(deps: Deps, now = new Date()): Promise<number> {
  const tomorrow = nextDay(jakartaDay(now));
  const site = (await getCouncil(deps.db)).council.name;
  const rows = await q.toRemind(deps.db, at(tomorrow, '00:00'), at(nextDay(tomorrow), '00:00'));
  for (const r of rows) {
    await deps.db.transaction().execute(async (trx) => {
      await q.updateAppointment(trx, r.id, { reminded_at: now });
      await tell(
        deps,
        trx,
        {
          name: deps.sealer.open(r.name_sealed),
          email: r.email_sealed === null ? '' : deps.sealer.open(r.email_sealed),
          phone: r.phone_sealed === null ? '' : deps.sealer.open(r.phone_sealed),
        },
        'reminder',
        {
          code: r.code,
          slot: { startsAt: r.starts_at, place: r.place },
          link: `${deps.config.publicBaseUrl}/janji-temu`,
          site,
        },
      );
    });
  }
  return rows.length;
}

/** Reminders of tomorrow's visits, looked for every quarter of an hour; `kick` is told when some were queued. */
export function roomJobs(deps: Deps, kick: () => void): Job[] {
  const run = async () => {
    if ((await sendReminders(deps)) > 0) kick();
  };
  return [{ name: 'appointments.reminders', everyMs: 15 * 60 * 1000, run }];
}

// ----------------------------------------------------------------------------- the desk

export interface DeskEntry extends AppointmentView {
  name: string;
  email: string;
  phone: string;
  /** When the person is expected: the slot's start, or when a walk-in was entered. */
  time: Date;
}

/** The queue of one day at the desk, with the names staff call out (an access to personal data). */
export async function deskDay(deps: Deps, user: CurrentUser, day: string, ip: string): Promise<DeskEntry[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.appointmentsBetween(deps.db, structure.council.id, at(day, '00:00'), at(nextDay(day), '00:00'));
  if (rows.length > 0)
    await recordAudit(deps.db, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'room.queue-viewed',
      subjectType: 'council',
      subjectId: structure.council.id,
      ip,
      details: { day, appointments: rows.length },
    });
  const slots = new Map<number, ReturnType<typeof q.slotById>>();
  return Promise.all(
    rows.map(async (r) => {
      const view = await viewOf(deps, r, slots);
      return { ...view, ...personOf(deps, r), time: r.starts_at ?? r.created_at };
    }),
  );
}

/** One appointment at the desk, to record its conversation. */
export async function deskEntry(deps: Deps, user: CurrentUser, id: number, ip: string): Promise<DeskEntry | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.appointmentById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'room.appointment-viewed',
    subjectType: 'appointment',
    subjectId: id,
    ip,
  });
  const view = await viewOf(deps, row);
  return { ...view, ...personOf(deps, row), time: view.slot?.startsAt ?? row.created_at };
}

/** Checks someone in, or marks them absent; 'invalid' when the appointment is not waiting for that. */
export async function markAttendance(
  deps: Deps,
  user: CurrentUser,
  id: number,
  present: boolean,
  ip: string,
): Promise<{ outcome: 'done' | 'invalid'; day: string } | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.appointmentById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const slot = row.slot_id === null ? undefined : await q.slotById(deps.db, structure.council.id, row.slot_id);
  const day = jakartaDay(slot?.starts_at ?? row.created_at);
  const done = await deps.db.transaction().execute(async (trx) => {
    const from: AppointmentStatus[] = present ? ['booked', 'no_show'] : ['booked'];
    if (!(await q.moveStatus(trx, id, from, present ? 'checked_in' : 'no_show'))) return false;
    if (present) await q.updateAppointment(trx, id, { checked_in_at: new Date(), handled_by: user.id });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: present ? 'room.checked-in' : 'room.no-show',
      subjectType: 'appointment',
      subjectId: id,
      ip,
    });
    return true;
  });
  return { outcome: done ? 'done' : 'invalid', day };
}

/** Someone who came without booking: entered as checked in now, to record the conversation next. */
export async function enterWalkIn(
  deps: Deps,
  user: CurrentUser,
  input: { name: string; email: string; phone: string; topic: string },
  ip: string,
): Promise<{ ok: true; id: number } | { ok: false; errors: AppointmentError[] }> {
  const errors: AppointmentError[] = [];
  const topic = checkTopic(input.topic, errors);
  const person = checkPerson(input, errors, false);
  if (errors.length > 0) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  const code = await newCode(deps);
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await q.insertAppointment(trx, {
      council_id: structure.council.id,
      slot_id: null,
      code,
      topic,
      name_sealed: deps.sealer.seal(person.name),
      email_sealed: person.email === '' ? null : deps.sealer.seal(person.email),
      phone_sealed: person.phone === '' ? null : deps.sealer.seal(person.phone),
      status: 'checked_in',
      walk_in: true,
      checked_in_at: new Date(),
      handled_by: user.id,
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'room.walk-in',
      subjectType: 'appointment',
      subjectId: id,
      ip,
    });
    return id;
  });
  return { ok: true, id };
}

export interface ConversationInput {
  /** 'new': the conversation becomes an aspiration; 'link': it was about an existing one. */
  mode: string;
  category: string;
  location: string;
  title: string;
  description: string;
  aspiration: string;
}

export type ConversationResult = { ok: true; code: string } | { ok: false; errors: AppointmentError[] };

/**
 * Records what was said: as a new aspiration received in the aspiration room, in the person's
 * name and with their contacts (so the tracking code reaches them), or as a link to the aspiration
 * it was about. The appointment is then done.
 */
export async function recordConversation(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: ConversationInput,
  ip: string,
): Promise<ConversationResult | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.appointmentById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  if (row.status !== 'checked_in') return { ok: false, errors: [{ field: 'mode', problem: 'invalid' }] };
  let code: string;
  if (input.mode === 'link') {
    const errors: AppointmentError[] = [];
    const found = await checkAspiration(deps, input.aspiration, errors);
    if (found === null && errors.length === 0) errors.push({ field: 'aspiration', problem: 'required' });
    if (found === null || errors.length > 0) return { ok: false, errors };
    code = found;
  } else if (input.mode === 'new') {
    const result = await fileReceivedAspiration(deps, user, 'ruang_aspirasi', { ...input, ...personOf(deps, row) });
    if (!result.ok) return result;
    code = result.code;
  } else return { ok: false, errors: [{ field: 'mode', problem: 'required' }] };
  await deps.db.transaction().execute(async (trx) => {
    await q.updateAppointment(trx, id, { status: 'done', aspiration_code: code, handled_by: user.id });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'room.conversation-recorded',
      subjectType: 'appointment',
      subjectId: id,
      ip,
      details: { aspiration: code },
    });
  });
  return { ok: true, code };
}

// ----------------------------------------------------------------------------- figures

export interface RoomFigures {
  months: { month: string; booked: number; walkIns: number; met: number; noShows: number; cancelled: number }[];
  ahead: { days: number; slots: number; places: number; taken: number };
}

/** The room's public figures: visits per month over a year, and the places on offer ahead. */
export async function roomFigures(deps: Deps, now = new Date()): Promise<RoomFigures> {
  const structure = await getCouncil(deps.db);
  const since = at(`${jakartaDay(new Date(now.getTime() - 365 * 86_400_000)).slice(0, 7)}-01`, '00:00');
  const [rows, ahead] = await Promise.all([
    q.countsByMonth(deps.db, structure.council.id, since),
    q.placesAhead(deps.db, structure.council.id, now, new Date(now.getTime() + 14 * 86_400_000)),
  ]);
  const months = new Map<string, RoomFigures['months'][number]>();
  for (const r of rows) {
    const m = months.get(r.month) ?? { month: r.month, booked: 0, walkIns: 0, met: 0, noShows: 0, cancelled: 0 };
    const n = Number(r.n);
    if (r.walk_in) m.walkIns += n;
    else m.booked += n;
    if (r.status === 'done' || r.status === 'checked_in') m.met += n;
    if (r.status === 'no_show') m.noShows += n;
    if (r.status === 'cancelled') m.cancelled += n;
    months.set(r.month, m);
  }
  return {
    months: [...months.values()],
    ahead: { days: 14, slots: Number(ahead.slots), places: Number(ahead.places), taken: Number(ahead.booked) },
  };
}
