/** The citizen's side: the public list and page, photos, tracking by code, support, and the reporter's own actions (reply, rate, reopen, "is it resolved?"). */
import { getCouncil } from '../council/service.ts';
import { isEmail, normaliseEmail, normalisePhone } from '../platform/contact.ts';
import { hashToken } from '../platform/crypto.ts';
import type { Deps } from '../platform/deps.ts';
import { translator } from '../platform/i18n.ts';
import { addWorkingDays, jakartaDay } from '../platform/working-days.ts';
import { tellCitizen } from './notify.ts';
import * as q from './queries.ts';
import { type ActionResult, type AspirationError, clean, isCode, PAGE_SIZE, TEXT_MAX, text } from './rules.ts';
import { type AspirationView, isOpen, isReporter, officialMaySee, type Viewer, viewOf } from './view.ts';

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

/** The aspiration behind a private link, if the link is real. */
export async function aspirationOfToken(deps: Deps, token: string) {
  return q.aspirationByTokenHash(deps.db, hashToken(token));
}

/** Finds an aspiration by its code and the reporter's email address or phone number. */
export async function track(
  deps: Deps,
  code: string,
  contact: string,
): Promise<{ id: number; code: string } | undefined> {
  const normalised = code.trim().toUpperCase();
  if (!isCode(normalised)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.aspirationByCode(deps.db, structure.council.id, normalised);
  if (row === undefined) return undefined;
  const value = contact.trim();
  const lookup = isEmail(normaliseEmail(value))
    ? deps.sealer.lookup(normaliseEmail(value))
    : deps.sealer.lookup(normalisePhone(value));
  const match = await q.reporterMatches(deps.db, row.id, lookup);
  return match === undefined ? undefined : { id: row.id, code: row.code };
}

export type PublicFilter = Omit<q.PublicFilter, 'limit' | 'offset'> & { page: number };

/**
 * How many public aspirations match a filter. Counting reads every matching row (27 ms for 100 000
 * on the embedded engine, measured by npm run bench), so a total is reused for TOTAL_TTL_MS, or
 * until this process writes an aspiration; another process's writes show after the TTL.
 */
const TOTAL_TTL_MS = 10_000;
const totals = new WeakMap<object, Map<string, { n: number; at: number; generation: number }>>();

export async function countPublicCached(deps: Deps, councilId: number, query: q.PublicFilter): Promise<number> {
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

export async function listPublicAspirations(deps: Deps, filter: PublicFilter) {
  const structure = await getCouncil(deps.db);
  const query: q.PublicFilter = { ...filter, limit: PAGE_SIZE, offset: (filter.page - 1) * PAGE_SIZE };
  const [rows, total] = await Promise.all([
    q.listPublic(deps.db, structure.council.id, query),
    countPublicCached(deps, structure.council.id, query),
  ]);
  return { items: await Promise.all(rows.map((r) => viewOf(deps, r, false, true))), total, pageSize: PAGE_SIZE };
}

/** Supporting an open aspiration instead of filing the same one; with an email, following it. */
export async function support(
  deps: Deps,
  code: string,
  rawEmail: string,
): Promise<{ ok: true; counted: boolean } | { ok: false; problem: 'missing' | 'closed' | 'email' }> {
  const structure = await getCouncil(deps.db);
  const row = isCode(code) ? await q.aspirationByCode(deps.db, structure.council.id, code) : undefined;
  if (row === undefined || row.kind === 'rahasia') return { ok: false, problem: 'missing' };
  if (!isOpen(row.status)) return { ok: false, problem: 'closed' };
  const email = normaliseEmail(clean(rawEmail));
  if (email !== '' && !isEmail(email)) return { ok: false, problem: 'email' };
  const counted = await deps.db
    .transaction()
    .execute((trx) =>
      q.addSupporter(
        trx,
        row.id,
        email === '' ? null : { sealed: deps.sealer.seal(email), lookup: deps.sealer.lookup(email) },
      ),
    );
  return { ok: true, counted };
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
      await tellCitizen(trx, deps, row.id, {
        subject: t('aspiration.mail.step.subject', { code: row.code, step }),
        text: t('aspiration.mail.step.body', {
          code: row.code,
          title: row.title,
          step,
          body: clean(action.reason),
          link: `${deps.config.publicBaseUrl}/lacak?kode=${row.code}`,
          site: structure.council.name,
        }),
      });
    }
    return { ok: true, code: row.code };
  });
}
