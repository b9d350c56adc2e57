/** The citizen's side: the public list and page, photos, tracking by code, support, and the reporter's own actions (reply, rate, reopen, "is it resolved?"). */

import { timingSafeEqual } from 'node:crypto';
import { getCouncil } from '../council/service.ts';
import { countAttempt } from '../platform/attempts.ts';
import { isEmail, normaliseEmail, normalisePhone, PHONE_PATTERN } from '../platform/contact.ts';
import { hashToken } from '../platform/crypto.ts';
import type { Deps } from '../platform/deps.ts';
import { translator } from '../platform/i18n.ts';
import { askToFollow } from '../platform/subscriptions.ts';
import { addWorkingDays, jakartaDay } from '../platform/working-days.ts';
import { sendToContact, tellCitizen } from './notify.ts';
import * as q from './queries.ts';
import { type ActionResult, type AspirationError, clean, isCode, PAGE_SIZE, TEXT_MAX, text } from './rules.ts';
import { type AspirationView, isOpen, isReporter, officialMaySee, publicText, type Viewer, viewOf } from './view.ts';

/**
 * The public page of an aspiration. A confidential report exists only for its reporter and for
 * the officials who handle it; anyone else gets "not found", as if there were none.
 */
export async function publicAspiration(
  deps: Deps,
  code: string,
  viewer: Viewer,
): Promise<{ view: AspirationView; reporter: boolean } | undefined> {
  if (!isCode(code)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.aspirationByCode(deps.db, structure.council.id, code);
  if (row === undefined) return undefined;
  const reporter = isReporter(viewer, row);
  if (row.kind === 'rahasia' && !reporter) return undefined;
  return { view: await viewOf(deps, row, false, false, reporter), reporter };
}

export async function photoFile(
  deps: Deps,
  code: string,
  photoId: number,
  viewer: Viewer,
): Promise<string | undefined> {
  if (!isCode(code)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.aspirationByCode(deps.db, structure.council.id, code);
  if (row === undefined) return undefined;
  if (row.kind === 'rahasia' && !isReporter(viewer, row) && !(await officialMaySee(deps, viewer.user, row)))
    return undefined;
  return (await q.photoById(deps.db, row.id, photoId))?.file;
}

/** How long a private link sent from /lacak opens the aspiration. */
const SENT_LINK_DAYS = 7;
/** Requests from /lacak per tracking code, and per contact, in an hour, whatever the address. */
const TRACK_ATTEMPTS = { max: 5, windowMs: 60 * 60 * 1000 };

const signedLink = /^(\d{1,12})-(\d{1,12})-([A-Za-z0-9_-]{32})$/;
const linkSignature = (deps: Deps, id: number, expires: number) =>
  deps.sealer.lookup(`lacak-link:${id}:${expires}`).slice(0, 32);

/**
 * The aspiration behind a private link, if the link is real: the token made when it was sent,
 * or a link /lacak mailed since (the aspiration's id, an expiry and a signature only the portal can
 * make), until it expires.
 */
export async function aspirationOfToken(deps: Deps, token: string) {
  const signed = signedLink.exec(token);
  if (signed !== null) {
    const [, id, expires, sig] = signed;
    const expected = Buffer.from(linkSignature(deps, Number(id), Number(expires)));
    if (
      Number(expires) * 1000 > Date.now() &&
      expected.length === Buffer.byteLength(sig ?? '') &&
      timingSafeEqual(expected, Buffer.from(sig ?? ''))
    ) {
      const row = await q.codeOf(deps.db, Number(id));
      if (row !== undefined) return { id: Number(id), code: row.code };
    }
  }
  return q.aspirationByTokenHash(deps.db, hashToken(token));
}

export type TrackResult = { ok: true } | { ok: false; errors: AspirationError[] } | { ok: false; problem: 'limited' };

/**
 * /lacak: the private link of an aspiration goes to the email address or phone number given, when
 * it is the reporter's. The answer is the same whether or not they match, so the form confirms
 * nothing to whoever knows a code or someone's number; and requests are counted per code and per
 * contact in the database, across every client address, before anything is looked up.
 */
export async function sendTrackingLink(deps: Deps, rawCode: string, rawContact: string): Promise<TrackResult> {
  const code = rawCode.trim().toUpperCase();
  const contact = clean(rawContact);
  const email = contact.includes('@') ? normaliseEmail(contact) : undefined;
  const phone = email === undefined ? normalisePhone(contact) : undefined;
  const errors: AspirationError[] = [];
  if (code === '') errors.push({ field: 'kode', problem: 'required' });
  else if (!isCode(code)) errors.push({ field: 'kode', problem: 'code' });
  if (contact === '') errors.push({ field: 'kontak', problem: 'required' });
  // A phone is accepted here as the form accepted it, so every reporter who gave one can be found.
  else if (email !== undefined ? !isEmail(email) : !PHONE_PATTERN.test(contact))
    errors.push({ field: 'kontak', problem: 'trackContact' });
  if (errors.length > 0) return { ok: false, errors };

  const lookup = deps.sealer.lookup(email ?? phone ?? '');
  const { max, windowMs } = TRACK_ATTEMPTS;
  const codeAllowed = await countAttempt(deps.db, `lacak-code:${code}`, max, windowMs);
  const contactAllowed = await countAttempt(deps.db, `lacak-contact:${lookup}`, max, windowMs);
  if (!codeAllowed || !contactAllowed) return { ok: false, problem: 'limited' };

  const structure = await getCouncil(deps.db);
  const row = await q.aspirationByCode(deps.db, structure.council.id, code);
  if (row === undefined || (await q.reporterMatches(deps.db, row.id, lookup)) === undefined) return { ok: true };
  const expires = Math.floor(Date.now() / 1000) + SENT_LINK_DAYS * 86_400;
  const link = `${deps.config.publicBaseUrl}/lacak/${row.id}-${expires}-${linkSignature(deps, row.id, expires)}`;
  const t = translator(deps.config.defaultLanguage);
  const words = { code: row.code, link, days: String(SENT_LINK_DAYS), site: structure.council.name };
  await deps.db.transaction().execute((trx) =>
    sendToContact(trx, deps, email !== undefined ? { email } : { phone: phone ?? '' }, {
      subject: t('aspiration.mail.trackLink.subject', words),
      text: t('aspiration.mail.trackLink.body', words),
      sms: t('aspiration.sms.trackLink', words),
      topic: `aspiration:${row.id}`,
    }),
  );
  return { ok: true };
}

export type PublicFilter = Omit<q.PublicFilter, 'limit' | 'offset'> & { page: number };

/**
 * How many public aspirations match a filter. Counting reads every matching row (27 ms for 100 000
 * on the embedded engine, measured by npm run bench), so a total is reused for TOTAL_TTL_MS, or
 * until this process writes an aspiration; another process's writes show after the TTL.
 */
const TOTAL_TTL_MS = 10_000;
const totals = new WeakMap<object, Map<string, { n: number; at: number; generation: number }>>();

async function countPublicCached(deps: Deps, councilId: number, query: q.PublicFilter): Promise<number> {
  let memo = totals.get(deps.db);
  if (memo === undefined) {
    memo = new Map();
    totals.set(deps.db, memo);
  }
  const { limit: _limit, offset: _offset, sort: _sort, ...filter } = query;
  const key = `${councilId}:${JSON.stringify(filter)}`;
  const known = memo.get(key);
  const now = Date.now();
  if (known !== undefined && known.generation === q.writeGeneration() && now - known.at < TOTAL_TTL_MS) return known.n;
  const generation = q.writeGeneration();
  const n = await q.countPublic(deps.db, councilId, query);
  if (memo.size >= 1000) memo.clear();
  memo.set(key, { n, at: now, generation });
  return n;
}

/**
 * A page of public aspirations and how many match. A search counts in the same pass, up to
 * SEARCH_COUNT_CAP (`capped` past it); a list without words reuses its exact total, or skips it
 * when `counted` is false (total -1).
 */
export async function publicPage(deps: Deps, councilId: number, query: q.PublicFilter, counted = true) {
  if (query.q !== undefined && query.q.trim() !== '') return q.searchPublic(deps.db, councilId, query);
  const [rows, total] = await Promise.all([
    q.listPublic(deps.db, councilId, query),
    counted ? countPublicCached(deps, councilId, query) : Promise.resolve(-1),
  ]);
  return { rows, total, capped: false };
}

export async function listPublicAspirations(deps: Deps, filter: PublicFilter) {
  const structure = await getCouncil(deps.db);
  const { page, ...rest } = filter;
  const query: q.PublicFilter = { ...rest, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const { rows, total, capped } = await publicPage(deps, structure.council.id, query);
  return {
    items: await Promise.all(rows.map((r) => viewOf(deps, r, false, true))),
    total,
    capped,
    pageSize: PAGE_SIZE,
  };
}

/**
 * Supporting an open aspiration instead of filing the same one: it counts at once (once per
 * address); with an address, a link to confirm following it goes there, and nothing else is
 * mailed to the address before that link is used.
 */
export async function support(
  deps: Deps,
  code: string,
  rawEmail: string,
): Promise<{ ok: true; counted: boolean; confirm: boolean } | { ok: false; problem: 'missing' | 'closed' | 'email' }> {
  const structure = await getCouncil(deps.db);
  const row = isCode(code) ? await q.aspirationByCode(deps.db, structure.council.id, code) : undefined;
  if (row === undefined || row.kind === 'rahasia') return { ok: false, problem: 'missing' };
  if (!isOpen(row.status)) return { ok: false, problem: 'closed' };
  const email = normaliseEmail(clean(rawEmail));
  if (email !== '' && (!isEmail(email) || email.length > 320)) return { ok: false, problem: 'email' };
  const counted = await deps.db
    .transaction()
    .execute((trx) => q.addSupporter(trx, row.id, email === '' ? null : deps.sealer.lookup(email)));
  if (email === '') return { ok: true, counted, confirm: false };
  const t = translator(deps.config.defaultLanguage);
  const asked = await askToFollow(deps, { type: 'aspiration', id: row.id }, email, (link) => ({
    subject: t('aspiration.mail.confirm.subject', { code: row.code }),
    text: t('aspiration.mail.confirm.body', {
      code: row.code,
      title: publicText(row.hidden_passages)(row.title),
      link,
      site: structure.council.name,
    }),
  }));
  return asked.ok ? { ok: true, counted, confirm: true } : { ok: false, problem: 'email' };
}

/** The page of an aspiration from its id (where a confirmed follower is sent). */
export async function aspirationPath(deps: Deps, id: number): Promise<string> {
  const row = await q.codeOf(deps.db, id);
  return row === undefined ? '/aspirasi' : `/aspirasi/${row.code}`;
}

// ---------------------------------------------------------------- the council's side

export type CitizenAction =
  | { type: 'reply'; body: string }
  | { type: 'rate'; rating: string; comment: string }
  | { type: 'reopen'; reason: string }
  | { type: 'fixed'; answer: string };

export async function citizenAct(
  deps: Deps,
  code: string,
  viewer: Viewer,
  action: CitizenAction,
): Promise<ActionResult> {
  const errors: AspirationError[] = [];
  if (action.type === 'reply') text(errors, 'body', clean(action.body), 2, TEXT_MAX);
  if (action.type === 'reopen') text(errors, 'reason', clean(action.reason), 5, TEXT_MAX);
  if (action.type === 'rate') {
    if (!/^[1-5]$/.test(action.rating))
      errors.push({ field: 'rating', problem: action.rating === '' ? 'required' : 'invalid' });
    text(errors, 'comment', clean(action.comment), 0, TEXT_MAX, false);
  }
  if (action.type === 'fixed' && !['ya', 'tidak'].includes(action.answer))
    errors.push({ field: 'answer', problem: 'required' });
  if (errors.length > 0) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  const t = translator(deps.config.defaultLanguage);
  return deps.db.transaction().execute(async (trx): Promise<ActionResult> => {
    const current = isCode(code) ? await q.aspirationByCode(trx, structure.council.id, code) : undefined;
    if (current === undefined) return { ok: false, problem: 'missing' };
    const row = await q.lockAspiration(trx, current.id);
    if (row === undefined || !isReporter(viewer, row)) return { ok: false, problem: 'forbidden' };
    const event = (kind: string, body: string | null, details: object = {}) =>
      q.insertEvent(trx, {
        aspiration_id: row.id,
        kind,
        public: true,
        by_reporter: true,
        actor_user_id: viewer.user?.id ?? null,
        body,
        details: JSON.stringify(details),
      });
    const closed = ['resolved', 'referred', 'rejected'].includes(row.status);
    switch (action.type) {
      case 'reply':
        if (row.status === 'duplicate') return { ok: false, problem: 'state' };
        await event('reply', clean(action.body));
        break;
      case 'rate':
        if (!closed) return { ok: false, problem: 'state' };
        await q.updateAspiration(trx, row.id, {
          rating: Number(action.rating),
          rating_comment: clean(action.comment) || null,
        });
        await event('rated', clean(action.comment) || null, { rating: Number(action.rating) });
        break;
      case 'reopen': {
        const limit = deps.config.aspirations.reopenDays * 24 * 60 * 60 * 1000;
        if (row.status !== 'resolved' || row.resolved_at === null || Date.now() - row.resolved_at.getTime() > limit)
          return { ok: false, problem: 'state' };
        await q.updateAspiration(trx, row.id, {
          status: row.komisi_id === null ? 'verified' : 'forwarded',
          resolved_at: null,
          resolve_due: addWorkingDays(
            jakartaDay(new Date()),
            structure.categories.find((c) => c.id === row.category_id)?.targetDays ?? 14,
            structure.holidays,
          ),
        });
        await event('reopened', clean(action.reason));
        break;
      }
      case 'fixed':
        if (row.status !== 'resolved') return { ok: false, problem: 'state' };
        await q.updateAspiration(trx, row.id, { fixed_answer: action.answer === 'ya' });
        await event('fixed', null, { answer: action.answer });
        break;
    }
    if (action.type === 'reopen') {
      const step = t('aspiration.event.reopened');
      await tellCitizen(trx, deps, row.id, (shown) => ({
        subject: t('aspiration.mail.step.subject', { code: row.code, step }),
        text: t('aspiration.mail.step.body', {
          code: row.code,
          title: shown(row.title),
          step,
          body: shown(clean(action.reason)),
          link: `${deps.config.publicBaseUrl}/lacak?kode=${row.code}`,
          site: structure.council.name,
        }),
        sms: t('aspiration.sms.step', {
          code: row.code,
          step,
          body: shown(clean(action.reason)),
          link: `${deps.config.publicBaseUrl}/lacak?kode=${row.code}`,
          site: structure.council.name,
        }),
      }));
    }
    return { ok: true, code: row.code };
  });
}
