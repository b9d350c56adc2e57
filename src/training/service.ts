/**
 * Training. The secretariat plans sessions for members and staff (and invites them by email) and
 * opens classes to citizens; people register while places are left; at the door they scan the
 * session's QR code (or staff tick them off); afterwards they rate it, and an attendee who has
 * rated it downloads a certificate whose code anyone can check at /sertifikat/:code. Each
 * official's record adds up their hours and topics per year; managers see the year's totals.
 */
import { randomInt } from 'node:crypto';
import { getCouncil } from '../council/service.ts';
import type { TrainingAudience, TrainingTopic } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import { isEmail, normaliseEmail, normalisePhone, PHONE_PATTERN } from '../platform/contact.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { PersonalDataHooks } from '../platform/feature.ts';
import { dayOf, formatDate, formatNumber, formatTime } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import type { Job } from '../platform/jobs.ts';
import { enqueueMessage, enqueueToContact } from '../platform/outbox.ts';
import { pdfDocument } from '../platform/pdf-document.ts';
import { can } from '../platform/permissions.ts';
import { fileStore } from '../platform/storage.ts';
import { pdfProblem, storeDocument, storedFile, type UploadedFile } from '../platform/uploads.ts';
import { type FieldError, isPortalOrWebLink, isSingleLine } from '../platform/validation.ts';
import { isCalendarDay, jakartaDay } from '../platform/working-days.ts';
import { inviteOne, surveysToChoose } from '../surveys/service.ts';
import * as q from './queries.ts';

export const TOPICS: readonly TrainingTopic[] = [
  'komunikasi',
  'pelayanan_publik',
  'alat_digital',
  'legal_drafting',
  'analisis_anggaran',
  'literasi_digital',
];
export const AUDIENCES: readonly TrainingAudience[] = ['pejabat', 'warga'];

/** Check-in opens this long before a session starts and closes when it ends. */
export const CHECKIN_EARLY_MS = 60 * 60 * 1000;

export interface Session {
  id: number;
  audience: TrainingAudience;
  topic: TrainingTopic;
  title: string;
  description: string;
  trainer: string;
  place: string | null;
  onlineUrl: string | null;
  materialUrl: string | null;
  /** The uploaded PDF of the materials, served at /pelatihan/:id/materi.pdf. */
  material: { bytes: number } | null;
  /** The survey of the survey builder that evaluates it, if staff named one. */
  surveyId: number | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  registered: number;
  /** Length in hours, to one decimal. */
  hours: number;
  cancelled: boolean;
  checkinCode: string;
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof q.sessionById>>>;

export const hoursBetween = (startsAt: Date, endsAt: Date) =>
  Math.round((endsAt.getTime() - startsAt.getTime()) / 360_000) / 10;

function toSession(r: SessionRow): Session {
  return {
    id: r.id,
    audience: r.audience,
    topic: r.topic,
    title: r.title,
    description: r.description,
    trainer: r.trainer,
    place: r.place,
    onlineUrl: r.online_url,
    materialUrl: r.material_url,
    material: r.material_bytes === null ? null : { bytes: r.material_bytes },
    surveyId: r.survey_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    capacity: r.capacity,
    registered: r.registered,
    hours: hoursBetween(r.starts_at, r.ends_at),
    cancelled: r.cancelled_at !== null,
    checkinCode: r.checkin_code,
  };
}

/** Which audiences a person may see: public classes for all, officials' sessions for officials. */
const audiencesOf = (user: CurrentUser | null): TrainingAudience[] =>
  can(user?.role, 'training.attend') ? ['pejabat', 'warga'] : ['warga'];

export async function upcoming(
  deps: Deps,
  user: CurrentUser | null,
  now = new Date(),
  limit = 100,
): Promise<Session[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.upcomingSessions(deps.db, structure.council.id, audiencesOf(user), now, limit);
  return rows.map(toSession);
}

/** The next public classes, for the home page. */
export async function nextClasses(deps: Deps, limit = 3, now = new Date()): Promise<Session[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.upcomingSessions(deps.db, structure.council.id, ['warga'], now, limit);
  return rows.map(toSession);
}

/** A session as this person may see it: an officials' session is not there for anyone else. */
export async function visibleSession(deps: Deps, user: CurrentUser | null, id: number): Promise<Session | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.sessionById(deps.db, structure.council.id, id);
  if (row === undefined || !audiencesOf(user).includes(row.audience)) return undefined;
  return toSession(row);
}

// ----------------------------------------------------------------------------- materials

const MATERIAL_FOLDER = 'pelatihan';

/** A change staff make to a session: done, refused with the fields' problems, or no such session. */
export type SessionChangeResult = { ok: true } | { ok: false; errors: TrainingError[] } | undefined;

/** Staff put the session's materials up as a PDF, replacing any before; the old file is removed. */
export async function uploadMaterial(
  deps: Deps,
  user: CurrentUser,
  id: number,
  file: UploadedFile | undefined,
  ip: string,
): Promise<SessionChangeResult> {
  const structure = await getCouncil(deps.db);
  if ((await q.sessionById(deps.db, structure.council.id, id)) === undefined) return undefined;
  const errors: TrainingError[] = [];
  const problem = pdfProblem(file);
  if (problem !== undefined) errors.push({ field: 'material', problem });
  if (errors.length > 0 || file === undefined) return { ok: false, errors };
  const files = fileStore(deps.config);
  const stored = await storeDocument(files, MATERIAL_FOLDER, file.data);
  const done = await deps.db.transaction().execute(async (trx) => {
    const set = await q.setMaterial(trx, structure.council.id, id, stored, file.data.length);
    if (set === undefined) return undefined;
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'training.material-uploaded',
      subjectType: 'training_session',
      subjectId: id,
      ip,
      details: { bytes: file.data.length },
    });
    return set;
  });
  if (done === undefined) {
    await files.remove(MATERIAL_FOLDER, stored);
    return undefined;
  }
  if (done.replaced !== null) await files.remove(MATERIAL_FOLDER, done.replaced);
  return { ok: true };
}

/** The materials of a session this person may see, to read; undefined when there are none. */
export async function materialFile(deps: Deps, user: CurrentUser | null, id: number) {
  const structure = await getCouncil(deps.db);
  const row = await q.sessionById(deps.db, structure.council.id, id);
  if (row === undefined || row.material_file === null || !audiencesOf(user).includes(row.audience)) return undefined;
  return { title: row.title, stream: await storedFile(fileStore(deps.config), MATERIAL_FOLDER, row.material_file) };
}

// ----------------------------------------------------------------------------- evaluation survey

/**
 * Staff name the survey (of the survey builder) that evaluates a session, or none (''): those
 * present are invited to it once the session is over. Only a published survey not yet closed.
 */
export async function chooseSurvey(
  deps: Deps,
  user: CurrentUser,
  id: number,
  raw: string,
  ip: string,
): Promise<SessionChangeResult> {
  const structure = await getCouncil(deps.db);
  if ((await q.sessionById(deps.db, structure.council.id, id)) === undefined) return undefined;
  const choices = await surveysToChoose(deps);
  const surveyId = raw.trim() === '' ? null : Number(raw);
  if (surveyId !== null && !choices.some((c) => c.id === surveyId))
    return { ok: false, errors: [{ field: 'survey', problem: 'invalid' }] };
  await deps.db.transaction().execute(async (trx) => {
    await q.setSurvey(trx, structure.council.id, id, surveyId);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'training.survey-chosen',
      subjectType: 'training_session',
      subjectId: id,
      ip,
      details: { survey: surveyId },
    });
  });
  return { ok: true };
}

/** People invited to evaluation surveys in one run; the rest wait for the next. */
const SURVEY_BATCH = 200;

/**
 * Invites everyone present at a session that is over to its evaluation survey, once each, by the
 * email or phone they gave (an official by their account's email), with a personal link.
 */
export async function inviteToEvaluations(deps: Deps, now = new Date()): Promise<number> {
  const rows = await q.toInviteToSurvey(deps.db, now, SURVEY_BATCH);
  if (rows.length === 0) return 0;
  const site = (await getCouncil(deps.db)).council.name;
  const lang = deps.config.defaultLanguage;
  const t = translator(lang);
  const open = (v: string | null) => (v === null ? '' : deps.sealer.open(v));
  let sent = 0;
  for (const r of rows) {
    await deps.db.transaction().execute(async (trx) => {
      if (r.survey_id === null) return;
      const invitation = await inviteOne(trx, deps, r.council_id, r.survey_id, 'training', String(r.id));
      // A survey that opens later: asked on a run after it opens.
      if (invitation === 'later') return;
      await q.updateRegistration(trx, r.id, { survey_invited_at: now });
      // A survey closed or withdrawn meanwhile: nothing to ask, and not asked again.
      if (invitation === undefined) return;
      const values = {
        name: open(r.name_sealed),
        title: r.title,
        link: invitation.link,
        until: dayOf({ lang }, invitation.until),
        site,
      };
      await enqueueToContact(
        trx,
        deps.sealer,
        { email: open(r.email_sealed) || open(r.account_email_sealed), phone: open(r.phone_sealed) },
        {
          subject: t('training.mail.evaluation.subject', values),
          mail: t('training.mail.evaluation.body', values),
          sms: t('training.sms.evaluation', values),
          topic: `training:${r.session_id}`,
        },
      );
      sent++;
    });
  }
  return sent;
}

// ----------------------------------------------------------------------------- planning

export type TrainingProblem =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'tooShort'
  | 'oneLine'
  | 'past'
  | 'order'
  | 'link'
  | 'where'
  | 'capacity'
  | 'contact'
  | 'email'
  | 'phone'
  | 'consent'
  | 'rating'
  | 'tooLarge'
  | 'pdf';
export type TrainingError = FieldError<TrainingProblem>;

export interface SessionInput {
  audience: string;
  topic: string;
  title: string;
  description: string;
  trainer: string;
  place: string;
  onlineUrl: string;
  materialUrl: string;
  day: string;
  startTime: string;
  endTime: string;
  capacity: string;
  invite: boolean;
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);

function checkSession(input: SessionInput, now: Date) {
  const errors: TrainingError[] = [];
  const line = (field: string, raw: string, min: number, max: number) => {
    const value = raw.trim();
    if (value === '') errors.push({ field, problem: 'required' });
    else if (value.length < min) errors.push({ field, problem: 'tooShort' });
    else if (value.length > max) errors.push({ field, problem: 'tooLong', max });
    else if (!isSingleLine(value)) errors.push({ field, problem: 'oneLine' });
    return value;
  };
  const link = (field: string, raw: string) => {
    const value = raw.trim();
    if (value === '') return null;
    if (value.length > 2000 || !isPortalOrWebLink(value)) errors.push({ field, problem: 'link' });
    return value;
  };
  const audience = AUDIENCES.find((a) => a === input.audience);
  if (audience === undefined) errors.push({ field: 'audience', problem: 'required' });
  const topic = TOPICS.find((t) => t === input.topic);
  if (topic === undefined) errors.push({ field: 'topic', problem: 'required' });
  const title = line('title', input.title, 5, 200);
  const description = input.description.trim();
  if (description === '') errors.push({ field: 'description', problem: 'required' });
  else if (description.length < 20) errors.push({ field: 'description', problem: 'tooShort' });
  else if (description.length > 4000) errors.push({ field: 'description', problem: 'tooLong', max: 4000 });
  const trainer = line('trainer', input.trainer, 2, 200);
  const place = input.place.trim();
  if (place.length > 300) errors.push({ field: 'place', problem: 'tooLong', max: 300 });
  else if (!isSingleLine(place)) errors.push({ field: 'place', problem: 'oneLine' });
  const onlineUrl = link('onlineUrl', input.onlineUrl);
  const materialUrl = link('materialUrl', input.materialUrl);
  if (place === '' && input.onlineUrl.trim() === '') errors.push({ field: 'place', problem: 'where' });
  let startsAt: Date | undefined;
  let endsAt: Date | undefined;
  if (!isCalendarDay(input.day)) errors.push({ field: 'day', problem: input.day === '' ? 'required' : 'invalid' });
  if (!timePattern.test(input.startTime)) errors.push({ field: 'startTime', problem: 'invalid' });
  if (!timePattern.test(input.endTime)) errors.push({ field: 'endTime', problem: 'invalid' });
  if (isCalendarDay(input.day) && timePattern.test(input.startTime) && timePattern.test(input.endTime)) {
    startsAt = at(input.day, input.startTime);
    endsAt = at(input.day, input.endTime);
    if (startsAt <= now) errors.push({ field: 'day', problem: 'past' });
    else if (endsAt <= startsAt) errors.push({ field: 'endTime', problem: 'order' });
  }
  const capacity = /^\d{1,5}$/.test(input.capacity.trim()) ? Number(input.capacity.trim()) : Number.NaN;
  if (!(capacity >= 1 && capacity <= 10_000)) errors.push({ field: 'capacity', problem: 'capacity' });
  if (errors.length > 0 || audience === undefined || topic === undefined || !startsAt || !endsAt)
    return { ok: false as const, errors };
  return {
    ok: true as const,
    values: {
      audience,
      topic,
      title,
      description,
      trainer,
      place: place === '' ? null : place,
      online_url: onlineUrl,
      material_url: materialUrl,
      starts_at: startsAt,
      ends_at: endsAt,
      capacity,
    },
  };
}

const codeLetters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomCode = (length: number) =>
  Array.from({ length }, () => codeLetters[randomInt(codeLetters.length)]).join('');

async function newCheckinCode(deps: Deps): Promise<string> {
  for (;;) {
    const code = randomCode(16);
    if (!(await q.checkinCodeTaken(deps.db, code))) return code;
  }
}

/** SERT- and ten letters or digits: too many to guess, none to mistake for another. */
export const isCertificateCode = (code: string) => /^SERT-[A-Z2-9]{10}$/.test(code);

async function newCertificateCode(deps: Deps): Promise<string> {
  for (;;) {
    const code = `SERT-${randomCode(10)}`;
    if (!(await q.certificateCodeTaken(deps.db, code))) return code;
  }
}

export type CreateResult = { ok: true; id: number; invited: number } | { ok: false; errors: TrainingError[] };

/** Plans a session; for officials, may invite every active official by email. */
export async function createSession(
  deps: Deps,
  user: CurrentUser,
  input: SessionInput,
  ip: string,
  now = new Date(),
): Promise<CreateResult> {
  const checked = checkSession(input, now);
  if (!checked.ok) return checked;
  const structure = await getCouncil(deps.db);
  const checkinCode = await newCheckinCode(deps);
  const invitees = checked.values.audience === 'pejabat' && input.invite ? await q.officialsToInvite(deps.db) : [];
  const t = translator(deps.config.defaultLanguage);
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await q.insertSession(trx, {
      ...checked.values,
      council_id: structure.council.id,
      checkin_code: checkinCode,
      created_by: user.id,
    });
    const values = {
      title: checked.values.title,
      day: formatDate(checked.values.starts_at, deps.config.defaultLanguage),
      time: formatTime(checked.values.starts_at, deps.config.defaultLanguage),
      where: checked.values.place ?? checked.values.online_url ?? '',
      link: `${deps.config.publicBaseUrl}/pelatihan/${id}`,
      site: structure.council.name,
    };
    for (const invitee of invitees)
      await enqueueMessage(trx, deps.sealer, {
        channel: 'email',
        to: deps.sealer.open(invitee.email_sealed),
        subject: t('training.mail.invite.subject', values),
        text: t('training.mail.invite.body', { ...values, name: deps.sealer.open(invitee.name_sealed) }),
        topic: `training:${id}`,
      });
    return id;
  });
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'training.session-created',
    subjectType: 'training_session',
    subjectId: id,
    ip,
    details: { invited: invitees.length },
  });
  return { ok: true, id, invited: invitees.length };
}

// ----------------------------------------------------------------------------- registering

export interface Registration {
  id: number;
  sessionId: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  attendedAt: Date | null;
  rating: number | null;
  feedback: string | null;
  evaluatedAt: Date | null;
  certificateCode: string | null;
  registeredAt: Date;
}

type RegistrationRow = NonNullable<Awaited<ReturnType<typeof q.registrationOfUser>>>;

function toRegistration(deps: Deps, r: RegistrationRow): Registration {
  const open = (v: string | null) => (v === null ? null : deps.sealer.open(v));
  return {
    id: r.id,
    sessionId: r.session_id,
    name: open(r.name_sealed),
    email: open(r.email_sealed),
    phone: open(r.phone_sealed),
    attendedAt: r.attended_at,
    rating: r.rating,
    feedback: r.feedback,
    evaluatedAt: r.evaluated_at,
    certificateCode: r.certificate_code,
    registeredAt: r.created_at,
  };
}

export async function myRegistration(deps: Deps, user: CurrentUser | null, sessionId: number) {
  if (user === null) return undefined;
  const row = await q.registrationOfUser(deps.db, sessionId, user.id);
  return row === undefined ? undefined : toRegistration(deps, row);
}

/** Why no place was taken: none left, registration closed, or this person is registered already. */
export type Refusal = { ok: false; reason: 'full' | 'closed' | 'already' };
export type RegisterResult = { ok: true; token: string } | Refusal | { ok: false; errors: TrainingError[] };

/** Writes a confirmation or reminder to a registrant's channels, in the caller's transaction. */
async function tell(
  deps: Deps,
  db: Parameters<typeof enqueueMessage>[0],
  to: { name: string; email: string; phone: string },
  kind: 'registered' | 'reminder',
  session: Pick<Session, 'id' | 'title' | 'startsAt' | 'place' | 'onlineUrl'>,
  link: string,
  site: string,
) {
  const t = translator(deps.config.defaultLanguage);
  const values = {
    name: to.name,
    title: session.title,
    day: formatDate(session.startsAt, deps.config.defaultLanguage),
    time: formatTime(session.startsAt, deps.config.defaultLanguage),
    where: session.place ?? session.onlineUrl ?? '',
    link,
    site,
  };
  await enqueueToContact(db, deps.sealer, to, {
    subject: t(`training.mail.${kind}.subject`, values),
    mail: t(`training.mail.${kind}.body`, values),
    sms: t(`training.sms.${kind}`, values),
    topic: `training:${session.id}`,
  });
}

/** An official takes a place in a session for officials (or a class) with their account. */
export async function registerOfficial(
  deps: Deps,
  user: CurrentUser,
  sessionId: number,
  now = new Date(),
): Promise<{ ok: true } | Refusal | undefined> {
  const session = await visibleSession(deps, user, sessionId);
  if (session === undefined) return undefined;
  if (session.cancelled || session.startsAt <= now) return { ok: false, reason: 'closed' };
  if ((await q.registrationOfUser(deps.db, sessionId, user.id)) !== undefined) return { ok: false, reason: 'already' };
  const site = (await getCouncil(deps.db)).council.name;
  const taken = await deps.db.transaction().execute(async (trx) => {
    if (!(await q.takePlace(trx, sessionId, now))) return false;
    await q.insertRegistration(trx, {
      session_id: sessionId,
      user_id: user.id,
      name_sealed: deps.sealer.seal(user.name),
    });
    const link = `${deps.config.publicBaseUrl}/pelatihan/${sessionId}`;
    await tell(deps, trx, { name: user.name, email: user.email, phone: '' }, 'registered', session, link, site);
    return true;
  });
  return taken ? { ok: true } : { ok: false, reason: 'full' };
}

export interface CitizenInput {
  name: string;
  email: string;
  phone: string;
  consent: boolean;
}

/** A citizen takes a place in a public class with a name and an email or phone number. */
export async function registerCitizen(
  deps: Deps,
  sessionId: number,
  input: CitizenInput,
  now = new Date(),
): Promise<RegisterResult | undefined> {
  const session = await visibleSession(deps, null, sessionId);
  if (session === undefined) return undefined;
  if (session.cancelled || session.startsAt <= now) return { ok: false, reason: 'closed' };
  const errors: TrainingError[] = [];
  const name = input.name.trim();
  if (name === '') errors.push({ field: 'name', problem: 'required' });
  else if (name.length < 2) errors.push({ field: 'name', problem: 'tooShort' });
  else if (name.length > 120) errors.push({ field: 'name', problem: 'tooLong', max: 120 });
  else if (!isSingleLine(name)) errors.push({ field: 'name', problem: 'oneLine' });
  const email = normaliseEmail(input.email);
  const phone = input.phone.trim();
  if (email !== '' && (email.length > 320 || !isEmail(email))) errors.push({ field: 'email', problem: 'email' });
  if (phone !== '' && !PHONE_PATTERN.test(phone)) errors.push({ field: 'phone', problem: 'phone' });
  if (email === '' && phone === '') errors.push({ field: 'email', problem: 'contact' });
  if (!input.consent) errors.push({ field: 'consent', problem: 'consent' });
  if (errors.length > 0) return { ok: false, errors };
  const site = (await getCouncil(deps.db)).council.name;
  const token = newToken();
  const person = { name, email, phone: phone === '' ? '' : normalisePhone(phone) };
  const outcome = await deps.db.transaction().execute(async (trx) => {
    // The same contact twice (a form sent again on a slow connection) keeps the first registration,
    // whose link was already sent. Written before the place is taken, so two at once cannot both pass.
    const id = await q.insertCitizenRegistration(trx, {
      session_id: sessionId,
      name_sealed: deps.sealer.seal(person.name),
      email_sealed: person.email === '' ? null : deps.sealer.seal(person.email),
      phone_sealed: person.phone === '' ? null : deps.sealer.seal(person.phone),
      contact_lookup: deps.sealer.lookup(person.email === '' ? person.phone : person.email),
      token_hash: token.hash,
    });
    if (id === undefined) return 'already' as const;
    if (!(await q.takePlace(trx, sessionId, now))) {
      await q.deleteRegistration(trx, id);
      return 'full' as const;
    }
    const link = `${deps.config.publicBaseUrl}/pelatihan/saya/${token.token}`;
    await tell(deps, trx, person, 'registered', session, link, site);
    return 'taken' as const;
  });
  return outcome === 'taken' ? { ok: true, token: token.token } : { ok: false, reason: outcome };
}

/** A citizen's registration by the private link mailed to them. */
export async function registrationOfToken(
  deps: Deps,
  token: string,
): Promise<{ registration: Registration; session: Session } | undefined> {
  const row = await q.registrationByToken(deps.db, hashToken(token));
  if (row === undefined) return undefined;
  const structure = await getCouncil(deps.db);
  const session = await q.sessionById(deps.db, structure.council.id, row.session_id);
  return session === undefined ? undefined : { registration: toRegistration(deps, row), session: toSession(session) };
}

// ----------------------------------------------------------------------------- at the door

export type CheckInResult =
  | { ok: true; session: Session; already: boolean }
  | { ok: false; reason: 'early' | 'over' | 'notRegistered'; session: Session };

/** The door's QR code: a session for the code, if it is one this person may attend. */
export async function sessionOfCheckin(deps: Deps, user: CurrentUser, code: string): Promise<Session | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.sessionByCheckin(deps.db, structure.council.id, code);
  if (row === undefined || row.cancelled_at !== null || !audiencesOf(user).includes(row.audience)) return undefined;
  return toSession(row);
}

/** The attendee who scanned the door's code checks themselves in; it also issues their certificate code. */
export async function checkIn(
  deps: Deps,
  user: CurrentUser,
  code: string,
  now = new Date(),
): Promise<CheckInResult | undefined> {
  const session = await sessionOfCheckin(deps, user, code);
  if (session === undefined) return undefined;
  if (now.getTime() < session.startsAt.getTime() - CHECKIN_EARLY_MS) return { ok: false, reason: 'early', session };
  if (now >= session.endsAt) return { ok: false, reason: 'over', session };
  const registration = await q.registrationOfUser(deps.db, session.id, user.id);
  if (registration === undefined) return { ok: false, reason: 'notRegistered', session };
  if (registration.attended_at !== null) return { ok: true, session, already: true };
  await q.updateRegistration(deps.db, registration.id, {
    attended_at: now,
    certificate_code: await newCertificateCode(deps),
  });
  return { ok: true, session, already: false };
}

/** Staff tick who was there (and untick who was not); from an hour before the start. */
export async function markAttendance(
  deps: Deps,
  user: CurrentUser,
  sessionId: number,
  present: number[],
  ip: string,
  now = new Date(),
): Promise<'done' | 'early' | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.sessionById(deps.db, structure.council.id, sessionId);
  if (row === undefined) return undefined;
  if (now.getTime() < row.starts_at.getTime() - CHECKIN_EARLY_MS) return 'early';
  const registrations = await q.registrationsOf(deps.db, sessionId);
  let changed = 0;
  for (const r of registrations) {
    const there = present.includes(r.id);
    if (there && r.attended_at === null) {
      await q.updateRegistration(deps.db, r.id, {
        attended_at: now,
        certificate_code: r.certificate_code ?? (await newCertificateCode(deps)),
      });
      changed++;
    } else if (!there && r.attended_at !== null) {
      // A certificate once given stays valid only for who was there: untick, and it is withdrawn.
      await q.updateRegistration(deps.db, r.id, { attended_at: null, certificate_code: null });
      changed++;
    }
  }
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'training.attendance',
    subjectType: 'training_session',
    subjectId: sessionId,
    ip,
    details: { present: present.length, changed },
  });
  return 'done';
}

export interface OfficeSession extends Session {
  registrations: Registration[];
  averageRating: number | null;
}

/** A session with who registered, who came and how they rated it, for staff. */
export async function officeSession(
  deps: Deps,
  user: CurrentUser,
  id: number,
  ip: string,
): Promise<OfficeSession | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.sessionById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const registrations = (await q.registrationsOf(deps.db, id)).map((r) => toRegistration(deps, r));
  const rated = registrations.filter((r) => r.rating !== null);
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'training.registrations-viewed',
    subjectType: 'training_session',
    subjectId: id,
    ip,
  });
  return {
    ...toSession(row),
    registrations,
    averageRating:
      rated.length === 0 ? null : Math.round((rated.reduce((s, r) => s + (r.rating ?? 0), 0) / rated.length) * 10) / 10,
  };
}

export async function officeSessions(deps: Deps) {
  const structure = await getCouncil(deps.db);
  const rows = await q.officeSessions(deps.db, structure.council.id, 200);
  return rows.map((r) => ({ ...toSession(r), attended: Number(r.attended ?? 0) }));
}

// ----------------------------------------------------------------------------- afterwards

export type EvaluateResult = { ok: true } | { ok: false; errors: TrainingError[] } | { ok: false; notYet: true };

/** An attendee rates the session (1–5) and may say more; once. */
export async function evaluate(
  deps: Deps,
  registration: Registration,
  input: { rating: string; feedback: string },
  now = new Date(),
): Promise<EvaluateResult> {
  if (registration.attendedAt === null || registration.evaluatedAt !== null) return { ok: false, notYet: true };
  const errors: TrainingError[] = [];
  const rating = /^[1-5]$/.test(input.rating) ? Number(input.rating) : undefined;
  if (rating === undefined) errors.push({ field: 'rating', problem: 'rating' });
  const feedback = input.feedback.trim();
  if (feedback.length > 2000) errors.push({ field: 'feedback', problem: 'tooLong', max: 2000 });
  if (errors.length > 0 || rating === undefined) return { ok: false, errors };
  await q.updateRegistration(deps.db, registration.id, {
    rating,
    feedback: feedback === '' ? null : feedback,
    evaluated_at: now,
  });
  return { ok: true };
}

/** Whether the attendee may have the certificate: they were there and have rated the session. */
export const certificateReady = (r: Registration) =>
  r.attendedAt !== null && r.evaluatedAt !== null && r.certificateCode !== null;

export const certificateLink = (deps: Deps, code: string) => `${deps.config.publicBaseUrl}/sertifikat/${code}`;

/** The certificate as a PDF: who, what, when, how long, and where anyone can check it. */
export async function certificatePdf(deps: Deps, session: Session, registration: Registration): Promise<Buffer> {
  const structure = await getCouncil(deps.db);
  const lang = deps.config.defaultLanguage;
  const t = translator(lang);
  const code = registration.certificateCode ?? '';
  return pdfDocument(
    { title: t('training.certificate.title'), author: structure.council.name, lang: 'id-ID', createdAt: new Date() },
    [
      { kind: 'paragraph', text: t('training.certificate.given', { site: structure.council.name }) },
      { kind: 'heading', text: registration.name ?? '' },
      { kind: 'paragraph', text: t('training.certificate.for') },
      {
        kind: 'facts',
        rows: [
          [t('training.field.title'), session.title],
          [t('training.field.topic'), t(`training.topic.${session.topic}`)],
          [t('training.field.trainer'), session.trainer],
          [t('training.field.day'), formatDate(session.startsAt, lang)],
          [t('training.hours'), t('training.hoursValue', { n: formatNumber(session.hours, lang) })],
          [t('training.certificate.code'), code],
        ],
      },
      { kind: 'paragraph', text: t('training.certificate.check', { link: certificateLink(deps, code) }) },
    ],
  );
}

export interface CertificateCheck {
  code: string;
  /** Null once the holder's account was erased. */
  name: string | null;
  title: string;
  topic: TrainingTopic;
  trainer: string;
  startsAt: Date;
  hours: number;
}

/** Whether a certificate code is one this council issued, and to whom for what. */
export async function verifyCertificate(deps: Deps, code: string): Promise<CertificateCheck | undefined> {
  const normal = code.trim().toUpperCase();
  if (!isCertificateCode(normal)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.certificateByCode(deps.db, normal);
  if (row === undefined || row.council_id !== structure.council.id || row.attended_at === null) return undefined;
  return {
    code: normal,
    name: row.name_sealed === null ? null : deps.sealer.open(row.name_sealed),
    title: row.title,
    topic: row.topic,
    trainer: row.trainer,
    startsAt: row.starts_at,
    hours: hoursBetween(row.starts_at, row.ends_at),
  };
}

// ----------------------------------------------------------------------------- records

export interface RecordEntry {
  sessionId: number;
  title: string;
  topic: TrainingTopic;
  startsAt: Date;
  hours: number;
  attended: boolean;
  cancelled: boolean;
  certificateCode: string | null;
}

export interface YearTotal {
  year: number;
  hours: number;
  sessions: number;
  topics: TrainingTopic[];
}

/** A person's training: every session they registered for, and per year the hours and topics attended. */
export async function trainingRecord(
  deps: Deps,
  userId: number,
): Promise<{ entries: RecordEntry[]; years: YearTotal[] }> {
  const rows = await q.registrationsOfUser(deps.db, userId);
  const entries = rows.map((r) => ({
    sessionId: r.session_id,
    title: r.title,
    topic: r.topic,
    startsAt: r.starts_at,
    hours: hoursBetween(r.starts_at, r.ends_at),
    attended: r.attended_at !== null,
    cancelled: r.cancelled_at !== null,
    certificateCode: r.attended_at !== null && r.evaluated_at !== null ? r.certificate_code : null,
  }));
  const years = new Map<number, YearTotal>();
  for (const e of entries.filter((e) => e.attended)) {
    const year = Number(jakartaDay(e.startsAt).slice(0, 4));
    const total = years.get(year) ?? { year, hours: 0, sessions: 0, topics: [] };
    total.hours = Math.round((total.hours + e.hours) * 10) / 10;
    total.sessions++;
    if (!total.topics.includes(e.topic)) total.topics.push(e.topic);
    years.set(year, total);
  }
  return { entries, years: [...years.values()].sort((a, b) => b.year - a.year) };
}

export interface PersonTotal {
  name: string;
  hours: number;
  sessions: number;
  topics: TrainingTopic[];
}

/** The year's totals for the secretariat's report: officials one by one, and the public classes. */
export async function yearTotals(
  deps: Deps,
  year: number,
): Promise<{ officials: PersonTotal[]; citizens: { sessions: number; attendees: number } }> {
  const structure = await getCouncil(deps.db);
  const rows = await q.attendancesOfYear(deps.db, structure.council.id, year);
  const people = new Map<string, PersonTotal>();
  const classes = new Set<number>();
  let attendees = 0;
  for (const r of rows) {
    if (r.audience === 'warga') {
      classes.add(r.session_id);
      attendees++;
      continue;
    }
    const key = r.user_id === null ? `x${people.size}` : String(r.user_id);
    const name = r.name_sealed === null ? '—' : deps.sealer.open(r.name_sealed);
    const total = people.get(key) ?? { name, hours: 0, sessions: 0, topics: [] };
    total.hours = Math.round((total.hours + hoursBetween(r.starts_at, r.ends_at)) * 10) / 10;
    total.sessions++;
    if (!total.topics.includes(r.topic)) total.topics.push(r.topic);
    people.set(key, total);
  }
  return {
    officials: [...people.values()].sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name, 'id')),
    citizens: { sessions: classes.size, attendees },
  };
}

// ----------------------------------------------------------------------------- reminders

/** Reminds everyone registered for a session starting within the next 24 hours, once each. */
export async function sendReminders(deps: Deps, now = new Date()): Promise<number> {
  const rows = await q.toRemind(deps.db, now, new Date(now.getTime() + 24 * 60 * 60 * 1000));
  if (rows.length === 0) return 0;
  const site = (await getCouncil(deps.db)).council.name;
  const open = (v: string | null) => (v === null ? '' : deps.sealer.open(v));
  for (const r of rows) {
    await deps.db.transaction().execute(async (trx) => {
      await q.updateRegistration(trx, r.id, { reminded_at: now });
      // A citizen's private link cannot be rebuilt from its hash: the reminder points to the class.
      await tell(
        deps,
        trx,
        {
          name: open(r.name_sealed),
          email: open(r.email_sealed) || open(r.account_email_sealed),
          phone: open(r.phone_sealed),
        },
        'reminder',
        { id: r.session_id, title: r.title, startsAt: r.starts_at, place: r.place, onlineUrl: r.online_url },
        `${deps.config.publicBaseUrl}/pelatihan/${r.session_id}`,
        site,
      );
    });
  }
  return rows.length;
}

/**
 * The email and phone kept for reminders are not needed once a session is long over: erased
 * `RETENTION_REPORTERS_DAYS` after its end. The name stays with the certificate it is printed on.
 */
export async function eraseOldContacts(deps: Deps, now = new Date()): Promise<number> {
  const erased = await q.eraseContacts(deps.db, new Date(now.getTime() - deps.config.retention.reporters * 86_400_000));
  if (erased > 0)
    await recordAudit(deps.db, {
      actorUserId: null,
      actorRole: 'system',
      action: 'training.contacts-erased',
      details: { registrations: erased },
    });
  return erased;
}

/**
 * Reminders of the next day's sessions and invitations to evaluate those over, looked for every
 * quarter of an hour; old contacts erased daily.
 */
export function trainingJobs(deps: Deps, kick: () => void): Job[] {
  const run = async () => {
    if ((await sendReminders(deps)) > 0) kick();
  };
  const evaluations = async () => {
    if ((await inviteToEvaluations(deps)) > 0) kick();
  };
  return [
    { name: 'training.reminders', everyMs: 15 * 60 * 1000, run },
    { name: 'training.evaluation-surveys', everyMs: 15 * 60 * 1000, run: evaluations },
    { name: 'training.erase-contacts', everyMs: 24 * 60 * 60 * 1000, run: () => eraseOldContacts(deps) },
  ];
}

// ----------------------------------------------------------------------------- personal data

export const trainingPersonalData: PersonalDataHooks = {
  async copy(deps, subject) {
    const { entries } = await trainingRecord(deps, subject.userId);
    return [
      {
        key: 'training',
        title: 'training.data.title',
        items: entries.map((e) => ({
          link: { href: `/pelatihan/${e.sessionId}`, text: e.title },
          text: e.title,
          at: e.startsAt,
          record: {
            session: e.sessionId,
            title: e.title,
            topic: e.topic,
            startsAt: e.startsAt.toISOString(),
            hours: e.hours,
            attended: e.attended,
            certificate: e.certificateCode,
          },
        })),
      },
    ];
  },
  async forget(db, subject) {
    await q.forgetUser(db, subject.userId);
  },
};
