/** Sending an aspiration: the first step (what and where, with similar open ones to support instead), then the details; committed before the tracking code is shown. */

import {
  type Category,
  type CouncilStructure,
  getCouncil,
  nearestKelurahan,
  type Place,
  placeOf,
} from '../council/service.ts';
import type { AspirationKind, AspirationStatus } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import { isEmail, normaliseEmail, normalisePhone, PHONE_PATTERN } from '../platform/contact.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import { translator } from '../platform/i18n.ts';
import { outboxRow } from '../platform/outbox.ts';
import { staffQueuePushes } from '../platform/push.ts';
import { fileStore } from '../platform/storage.ts';
import { type ProcessedPhoto, processPhoto, removePhotos, storePhotos } from '../platform/uploads.ts';
import type { FieldError } from '../platform/validation.ts';
import { addWorkingDays, jakartaDay } from '../platform/working-days.ts';
import { nextYearlyNumber } from '../platform/yearly-numbers.ts';
import { messageToContact } from './notify.ts';
import * as q from './queries.ts';
import {
  type AspirationError,
  CONSENT_VERSION,
  clean,
  DESCRIPTION_MAX,
  kinds,
  line,
  MAX_PHOTOS,
  NEW_ASPIRATION,
  PHOTO_FOLDER,
  SUBMISSION_KEY,
  type Submission,
  TITLE_MAX,
  text,
} from './rules.ts';
import { projectForAspiration } from './view.ts';

export interface FirstStep {
  kind: AspirationKind;
  category: Category;
  place: Place;
  /** The select's value for the place (derived from the pin when only a pin was given). */
  location: string;
  title: string;
  point: { lat: number; lon: number } | null;
}

/** The first part of the form: what, about which topic, where (a kelurahan, a pin, or both), a title. */
export function checkFirstStep(
  structure: CouncilStructure,
  input: {
    kind: string;
    category: string;
    location: string;
    title: string;
    lat?: string | undefined;
    lon?: string | undefined;
  },
): { ok: true; step: FirstStep } | { ok: false; errors: AspirationError[] } {
  const errors: AspirationError[] = [];
  const kind = kinds.find((k) => k === input.kind);
  if (kind === undefined) errors.push({ field: 'kind', problem: input.kind === '' ? 'required' : 'invalid' });
  const category = structure.categories.find((c) => c.slug === input.category);
  if (category === undefined)
    errors.push({ field: 'category', problem: input.category === '' ? 'required' : 'invalid' });
  const lat = clean(input.lat);
  const lon = clean(input.lon);
  let point: { lat: number; lon: number } | null = null;
  if (lat !== '' || lon !== '') {
    point = { lat: Number(lat), lon: Number(lon) };
    if (!(Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180)) {
      errors.push({ field: 'location', problem: 'invalid' });
      point = null;
    }
  }
  let location = input.location;
  // Only a pin: the nearest kelurahan is taken, and shown, so the person can correct it.
  if (location === '' && point !== null) {
    const near = nearestKelurahan(structure, point);
    if (near !== undefined) location = String(near.kelurahan.id);
  }
  const place = placeOf(structure, location);
  if (place === undefined) errors.push({ field: 'location', problem: location === '' ? 'required' : 'invalid' });
  const title = clean(input.title);
  line(errors, 'title', title, 5, TITLE_MAX);
  if (errors.length > 0 || kind === undefined || category === undefined || place === undefined)
    return { ok: false, errors };
  return { ok: true, step: { kind, category, place, location, title, point } };
}

export interface Similar {
  code: string;
  title: string;
  status: AspirationStatus;
  supporters: number;
  receivedAt: Date;
}

/** Open aspirations a new one may be the same as (never confidential ones). */
export async function findSimilar(deps: Deps, step: FirstStep): Promise<Similar[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.similarOpen(deps.db, structure.council.id, {
    categoryId: step.category.id,
    kecamatanId: step.place.kecamatanId,
    kelurahanId: step.place.kelurahanId,
    title: step.title,
    point: step.point,
  });
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    status: r.status,
    supporters: r.supporters,
    receivedAt: r.received_at,
  }));
}

/**
 * Filed: its code, its id, and the secret of its tracking link — or, when the same submission key
 * had filed it already, `repeated` and no link (only its hash was kept).
 */
export type SubmitResult =
  | { ok: true; id: number; code: string; token: string; repeated?: undefined }
  | { ok: true; id: number; code: string; token: null; repeated: true }
  | { ok: false; errors: AspirationError[] };

async function filedWithKey(deps: Deps, councilId: number, keyHash: string | null): Promise<SubmitResult | undefined> {
  if (keyHash === null) return undefined;
  const found = await q.aspirationBySubmissionKey(deps.db, councilId, keyHash);
  return found === undefined ? undefined : { ok: true, id: found.id, code: found.code, token: null, repeated: true };
}

export async function submitAspiration(deps: Deps, input: Submission): Promise<SubmitResult> {
  const structure = await getCouncil(deps.db);
  const keyHash = input.key !== undefined && SUBMISSION_KEY.test(input.key) ? hashToken(input.key) : null;
  // Sent again (the first answer never reached the phone): the first filing stands.
  const earlier = await filedWithKey(deps, structure.council.id, keyHash);
  if (earlier !== undefined) return earlier;
  const first = checkFirstStep(structure, input);
  const errors: AspirationError[] = first.ok ? [] : [...first.errors];
  const description = clean(input.description);
  text(errors, 'description', description, 10, DESCRIPTION_MAX);
  const address = clean(input.address);
  line(errors, 'address', address, 0, 200, false);
  const name = clean(input.name);
  line(errors, 'name', name, 0, 120, false);
  const email = normaliseEmail(clean(input.email));
  const phone = clean(input.phone);
  if (email !== '' && (email.length > 320 || !isEmail(email))) errors.push({ field: 'email', problem: 'email' });
  if (phone !== '' && !PHONE_PATTERN.test(phone)) errors.push({ field: 'phone', problem: 'phone' });
  // Online, the council must be able to answer; at the office the code is handed over in person.
  if (input.channel === 'web' && email === '' && phone === '') errors.push({ field: 'email', problem: 'contact' });
  if (input.channel === 'web' && !input.consent) errors.push({ field: 'consent', problem: 'consent' });

  const files = input.photos.filter((f) => f.filename !== '' || f.data.length > 0);
  if (files.length > MAX_PHOTOS) errors.push({ field: 'photos', problem: 'tooMany', max: MAX_PHOTOS });
  const processed: ProcessedPhoto[] = [];
  if (files.length <= MAX_PHOTOS) {
    for (const file of files) {
      const result = await processPhoto(file);
      if (result.ok) processed.push(result.photo);
      else errors.push({ field: 'photos', problem: result.problem, name: file.filename.slice(0, 80) });
    }
  }
  if (errors.length > 0 || !first.ok) return { ok: false, errors };
  const { step } = first;

  const projectId =
    input.project !== undefined && /^\d{1,9}$/.test(input.project)
      ? ((await projectForAspiration(deps, Number(input.project)))?.id ?? null)
      : null;
  const stored = await storePhotos(fileStore(deps.config), PHOTO_FOLDER, processed);
  const access = newToken();
  const now = new Date();
  const today = jakartaDay(now);
  const year = Number(today.slice(0, 4));
  try {
    // The number comes from a sequence, before the write: no lock is held for it, so submissions
    // do not queue behind one another. A submission that fails leaves a gap.
    const sequence = await nextYearlyNumber(deps.db, 'aspiration', year);
    const code = `ASP-${year}-${String(sequence).padStart(6, '0')}`;
    const t = translator(deps.config.defaultLanguage);
    const link = `${deps.config.publicBaseUrl}/lacak/${access.token}`;
    // A new aspiration has no follower yet, and its reporter's contact is at hand.
    const told =
      email === '' && phone === ''
        ? undefined
        : await outboxRow(
            deps.db,
            deps.sealer,
            messageToContact(deps, email !== '' ? { email } : { phone, via: input.replyVia }, {
              subject: t('aspiration.mail.received.subject', { code }),
              text: t('aspiration.mail.received.body', { code, title: step.title, link, site: structure.council.name }),
              sms: t('aspiration.sms.received', { code, link, site: structure.council.name }),
            }),
          );
    const filing: q.Filing = {
      aspiration: {
        council_id: structure.council.id,
        code,
        kind: step.kind,
        category_id: step.category.id,
        title: step.title,
        description,
        kecamatan_id: step.place.kecamatanId,
        kelurahan_id: step.place.kelurahanId,
        dapil_id: step.place.dapilId,
        address: address === '' ? null : address,
        lat: step.point?.lat ?? null,
        lon: step.point?.lon ?? null,
        channel: input.channel,
        show_name: input.showName && name !== '' && step.kind !== 'rahasia',
        user_id: input.userId,
        access_token_hash: access.hash,
        received_at: now,
        verify_due: addWorkingDays(today, structure.council.verify_days, structure.holidays),
        project_id: projectId,
        submission_key_hash: keyHash,
      },
      reporter: {
        name_sealed: name === '' ? null : deps.sealer.seal(name),
        email_sealed: email === '' ? null : deps.sealer.seal(email),
        phone_sealed: phone === '' ? null : deps.sealer.seal(phone),
        email_lookup: email === '' ? null : deps.sealer.lookup(email),
        phone_lookup: phone === '' ? null : deps.sealer.lookup(normalisePhone(phone)),
        consent_version: CONSENT_VERSION,
        consent_at: now,
      },
      photos: stored.map((s) => ({ file: s.file, width: s.width, height: s.height, bytes: s.bytes })),
      event: {
        kind: 'received',
        public: true,
        actor_user_id: input.enteredBy?.id ?? null,
        details: JSON.stringify({ channel: input.channel }),
      },
      told: told === undefined ? [] : [told],
      // Officials who asked for it hear of the new item in their queue on their phone.
      notices: await staffQueuePushes(deps.db, deps.sealer, {
        title: t('aspiration.push.new', { code }),
        body: step.title,
        url: `/kelola/aspirasi/${code}`,
      }),
    };
    const { enteredBy } = input;
    const id =
      enteredBy === undefined
        ? await q.fileAspiration(deps.db, filing)
        : // What an official enters on someone's behalf is in the audit trail, in the same transaction.
          await deps.db.transaction().execute(async (trx) => {
            const filed = await q.fileAspiration(trx, filing);
            await recordAudit(trx, {
              actorUserId: enteredBy.id,
              actorRole: enteredBy.role,
              action: 'aspiration.entered',
              subjectType: 'aspiration',
              subjectId: filed,
              details: { code, channel: input.channel },
            });
            return filed;
          });
    deps.signals.send(NEW_ASPIRATION, code);
    return { ok: true, id, code, token: access.token };
  } catch (error) {
    await removePhotos(
      fileStore(deps.config),
      PHOTO_FOLDER,
      stored.map((s) => s.file),
    );
    // The same key, sent twice at once: the other request filed it while this one was checking.
    const first = q.isSubmissionKeyTaken(error) ? await filedWithKey(deps, structure.council.id, keyHash) : undefined;
    if (first !== undefined) return first;
    throw error;
  }
}

/** What an official's form says of a refused aspiration: each field's problem in plain terms. */
export type ReceivedProblem = 'required' | 'tooLong' | 'tooShort' | 'invalid';

/**
 * An aspiration an official received in person — in the aspiration room, on a reses — filed in
 * the name and with the contacts of whoever raised it (so the tracking code reaches them), its
 * name not shown in public. A refusal comes back field by field in plain terms.
 */
export async function fileReceivedAspiration(
  deps: Deps,
  user: CurrentUser,
  channel: 'ruang_aspirasi' | 'reses' | 'siaran',
  input: {
    /** The account of whoever raised it, when they have one: it shows among their aspirations. */
    userId?: number | null;
    category: string;
    location: string;
    title: string;
    description: string;
    name: string;
    email: string;
    phone: string;
  },
): Promise<{ ok: true; code: string } | { ok: false; errors: FieldError<ReceivedProblem>[] }> {
  const result = await submitAspiration(deps, {
    kind: 'aspirasi',
    category: input.category,
    location: input.location,
    title: input.title,
    description: input.description,
    name: input.name,
    email: input.email,
    phone: input.phone,
    showName: false,
    consent: true,
    channel,
    photos: [],
    userId: input.userId ?? null,
    enteredBy: user,
  });
  if (result.ok) return { ok: true, code: result.code };
  return {
    ok: false,
    errors: result.errors.map((e) => ({
      field: e.field,
      problem: e.problem === 'required' || e.problem === 'tooLong' || e.problem === 'tooShort' ? e.problem : 'invalid',
      ...(e.max === undefined ? {} : { max: e.max }),
    })),
  };
}
