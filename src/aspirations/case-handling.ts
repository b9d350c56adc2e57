/** The council's side: the inbox, the case file (every read of personal data audited), staff actions one by one or in bulk, answer templates. */
import { type Body, type CouncilStructure, getCouncil } from '../council/service.ts';
import type { AspirationStatus } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import { translator } from '../platform/i18n.ts';
import { can } from '../platform/permissions.ts';
import { addWorkingDays, jakartaDay } from '../platform/working-days.ts';
import { tellCitizen } from './notify.ts';
import * as q from './queries.ts';
import {
  type ActionResult,
  type AspirationError,
  clean,
  followUpKinds,
  isCode,
  PAGE_SIZE,
  statuses,
  TEXT_MAX,
  text,
} from './rules.ts';
import { type AspirationView, isOpen, memberScope, officialMaySee, type Row, viewOf } from './view.ts';

export type InboxFilter = Omit<q.InboxFilter, 'limit' | 'offset' | 'member'> & { page: number };

export async function inbox(deps: Deps, user: CurrentUser, filter: InboxFilter) {
  const structure = await getCouncil(deps.db);
  const query: q.InboxFilter = {
    ...filter,
    member: await memberScope(deps, user),
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  };
  const [rows, total] = await Promise.all([
    q.listInbox(deps.db, structure.council.id, query),
    q.countInbox(deps.db, structure.council.id, query),
  ]);
  return { items: await Promise.all(rows.map((r) => viewOf(deps, r, true, true))), total, pageSize: PAGE_SIZE };
}

export interface ReporterDetails {
  name: string | null;
  email: string | null;
  phone: string | null;
  consentVersion: string;
  consentAt: Date;
}

export interface CaseFile {
  view: AspirationView;
  /** Hidden from members for confidential reports. */
  reporter: ReporterDetails | null;
  members: { name: string; slug: string }[];
  messages: Awaited<ReturnType<typeof q.messagesAbout>>;
  templates: { id: number; title: string; body: string }[];
}

/** An official opens an aspiration: the reporter's details are read, and that read is audited. */
export async function caseFile(deps: Deps, user: CurrentUser, code: string, ip: string): Promise<CaseFile | undefined> {
  if (!isCode(code)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.aspirationByCode(deps.db, structure.council.id, code);
  if (row === undefined || !(await officialMaySee(deps, user, row))) return undefined;
  const mayReadReporter = row.kind !== 'rahasia' || can(user.role, 'aspiration.triage');
  let reporter: ReporterDetails | null = null;
  if (mayReadReporter) {
    const stored = await q.reporterOf(deps.db, row.id);
    if (stored !== undefined) {
      reporter = {
        name: stored.name_sealed === null ? null : deps.sealer.open(stored.name_sealed),
        email: stored.email_sealed === null ? null : deps.sealer.open(stored.email_sealed),
        phone: stored.phone_sealed === null ? null : deps.sealer.open(stored.phone_sealed),
        consentVersion: stored.consent_version,
        consentAt: stored.consent_at,
      };
      await recordAudit(deps.db, {
        actorUserId: user.id,
        actorRole: user.role,
        action: 'aspiration.reporter_read',
        subjectType: 'aspiration',
        subjectId: row.id,
        ip,
        details: { code: row.code },
      });
    }
  }
  const [view, members, messages, templates] = await Promise.all([
    viewOf(deps, row, true),
    row.dapil_id === null ? [] : q.membersOfDapil(deps.db, row.dapil_id),
    can(user.role, 'aspiration.triage') ? q.messagesAbout(deps.db, `aspiration:${row.id}`) : [],
    q.templatesOf(deps.db, structure.council.id),
  ]);
  return { view, reporter, members, messages, templates };
}

export type StaffAction =
  | { type: 'verify' }
  | { type: 'reject'; reason: string }
  | { type: 'duplicate'; of: string }
  | { type: 'forward'; komisi: string }
  | { type: 'refer'; agency: string; body: string }
  | { type: 'note'; body: string }
  | { type: 'respond'; body: string; asMember: boolean }
  | { type: 'followUp'; action: string; body: string }
  | { type: 'resolve'; body: string };

const triageActions = new Set<StaffAction['type']>(['verify', 'reject', 'duplicate', 'forward', 'refer', 'resolve']);

/** Which steps each status allows; everything else is refused as out of order. */
export const allowed: Record<StaffAction['type'], readonly AspirationStatus[]> = {
  verify: ['received'],
  reject: ['received', 'verified'],
  duplicate: ['received', 'verified', 'forwarded'],
  forward: ['verified', 'forwarded'],
  refer: ['received', 'verified', 'forwarded'],
  note: statuses,
  respond: ['verified', 'forwarded', 'resolved', 'referred'],
  followUp: ['verified', 'forwarded', 'resolved'],
  resolve: ['verified', 'forwarded'],
};

export async function act(
  deps: Deps,
  user: CurrentUser,
  code: string,
  action: StaffAction,
  ip: string,
): Promise<ActionResult> {
  const permission = triageActions.has(action.type) ? 'aspiration.triage' : 'aspiration.respond';
  if (!can(user.role, permission)) return { ok: false, problem: 'forbidden' };
  const errors: AspirationError[] = [];
  const need = (field: string, value: string, min = 2, max = TEXT_MAX) => text(errors, field, clean(value), min, max);
  if (action.type === 'reject') need('reason', action.reason, 5);
  if (action.type === 'refer') {
    need('agency', action.agency, 2, 200);
    need('body', action.body, 5);
  }
  if (action.type === 'note' || action.type === 'respond' || action.type === 'resolve') need('body', action.body, 5);
  if (action.type === 'followUp') {
    if (!(followUpKinds as readonly string[]).includes(action.action))
      errors.push({ field: 'action', problem: 'invalid' });
    need('body', action.body, 5);
  }
  const structure = await getCouncil(deps.db);
  let komisi: Body | undefined;
  if (action.type === 'forward') {
    komisi = structure.komisi.find((b) => b.slug === action.komisi);
    if (komisi === undefined) errors.push({ field: 'komisi', problem: action.komisi === '' ? 'required' : 'invalid' });
  }
  let target: Row | undefined;
  if (action.type === 'duplicate') {
    const of = action.of.trim().toUpperCase();
    target = isCode(of) ? await q.aspirationByCode(deps.db, structure.council.id, of) : undefined;
    if (target === undefined || target.code === code || (!isOpen(target.status) && target.status !== 'resolved'))
      errors.push({ field: 'of', problem: action.of.trim() === '' ? 'required' : 'invalid' });
  }
  if (errors.length > 0) return { ok: false, errors };

  const t = translator(deps.config.defaultLanguage);
  return deps.db.transaction().execute(async (trx): Promise<ActionResult> => {
    const current = await q.aspirationByCode(trx, structure.council.id, code);
    if (current === undefined) return { ok: false, problem: 'missing' };
    const row = await q.lockAspiration(trx, current.id);
    if (row === undefined || !(await officialMaySee({ ...deps, db: trx }, user, row)))
      return { ok: false, problem: 'missing' };
    if (!allowed[action.type].includes(row.status)) return { ok: false, problem: 'state' };
    const today = jakartaDay(new Date());
    const category = structure.categories.find((c) => c.id === row.category_id);
    const event = (kind: string, isPublic: boolean, body: string | null, details: object = {}) =>
      q.insertEvent(trx, {
        aspiration_id: row.id,
        kind,
        public: isPublic,
        actor_user_id: user.id,
        actor_member_id: action.type === 'respond' && action.asMember && user.memberId !== null ? user.memberId : null,
        body,
        details: JSON.stringify(details),
      });
    let publicBody: string | null = null;
    switch (action.type) {
      case 'verify':
        await q.updateAspiration(trx, row.id, {
          status: 'verified',
          resolve_due: addWorkingDays(today, category?.targetDays ?? 14, structure.holidays),
        });
        await event('verified', true, null);
        break;
      case 'reject':
        await q.updateAspiration(trx, row.id, { status: 'rejected' });
        publicBody = clean(action.reason);
        await event('rejected', true, publicBody);
        break;
      case 'duplicate': {
        if (target === undefined) return { ok: false, problem: 'missing' };
        await q.updateAspiration(trx, row.id, { status: 'duplicate', duplicate_of_id: target.id });
        // The reporter and the supporters now follow the one that stays, and count there.
        const reporter = await q.reporterOf(trx, row.id);
        const merged = [
          ...(reporter?.email_sealed == null ? [] : [deps.sealer.open(reporter.email_sealed)]),
          ...(await q.supportersWithEmail(trx, row.id)).flatMap((s) =>
            s.email_sealed === null ? [] : [deps.sealer.open(s.email_sealed)],
          ),
        ];
        const anonymous = row.supporters + 1 - merged.length;
        for (const email of merged)
          await q.addSupporter(trx, target.id, { sealed: deps.sealer.seal(email), lookup: deps.sealer.lookup(email) });
        for (let i = 0; i < anonymous; i++) await q.addSupporter(trx, target.id, null);
        await event('duplicate', true, null, { code: target.code });
        publicBody = target.code;
        break;
      }
      case 'forward': {
        if (komisi === undefined) return { ok: false, problem: 'missing' };
        await q.updateAspiration(trx, row.id, {
          status: 'forwarded',
          komisi_id: komisi.id,
          resolve_due: row.resolve_due ?? addWorkingDays(today, category?.targetDays ?? 14, structure.holidays),
        });
        const dapilNumber = structure.dapil.find((d) => d.id === row.dapil_id)?.number ?? null;
        await event('forwarded', true, null, { komisi: komisi.name, dapil: dapilNumber });
        publicBody = dapilNumber === null ? komisi.name : `${komisi.name}, dapil ${dapilNumber}`;
        break;
      }
      case 'refer':
        await q.updateAspiration(trx, row.id, { status: 'referred' });
        publicBody = clean(action.body);
        await event('referred', true, publicBody, { agency: clean(action.agency) });
        break;
      case 'note':
        await event('note', false, clean(action.body));
        break;
      case 'respond':
        publicBody = clean(action.body);
        await event('response', true, publicBody);
        break;
      case 'followUp':
        publicBody = clean(action.body);
        await event('followUp', true, publicBody, { action: action.action });
        break;
      case 'resolve':
        await q.updateAspiration(trx, row.id, { status: 'resolved', resolved_at: new Date() });
        publicBody = clean(action.body);
        await event('resolved', true, publicBody);
        break;
    }
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: `aspiration.${action.type}`,
      subjectType: 'aspiration',
      subjectId: row.id,
      ip,
      details: { code: row.code },
    });
    if (action.type !== 'note') {
      const step = t(`aspiration.event.${eventOf[action.type]}` as 'aspiration.event.received');
      await tellCitizen(trx, deps, row.id, {
        subject: t('aspiration.mail.step.subject', { code: row.code, step }),
        text: t('aspiration.mail.step.body', {
          code: row.code,
          title: row.title,
          step,
          body: publicBody ?? '',
          link: `${deps.config.publicBaseUrl}/lacak?kode=${row.code}`,
          site: structure.council.name,
        }),
      });
    }
    return { ok: true, code: row.code };
  });
}

/** The timeline event each step of the council writes (and the mail names). */
const eventOf: Record<StaffAction['type'], string> = {
  verify: 'verified',
  reject: 'rejected',
  duplicate: 'duplicate',
  forward: 'forwarded',
  refer: 'referred',
  note: 'note',
  respond: 'response',
  followUp: 'followUp',
  resolve: 'resolved',
};

// ---------------------------------------------------------------- the citizen's side

export async function answerTemplates(deps: Deps) {
  const structure = await getCouncil(deps.db);
  return q.templatesOf(deps.db, structure.council.id);
}

export async function addAnswerTemplate(
  deps: Deps,
  user: CurrentUser,
  input: { title: string; body: string },
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: AspirationError[] }> {
  const errors: AspirationError[] = [];
  const title = clean(input.title);
  const body = clean(input.body);
  text(errors, 'title', title, 2, 120);
  text(errors, 'body', body, 5, TEXT_MAX);
  if (errors.length > 0) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  await deps.db.transaction().execute(async (trx) => {
    await q.insertTemplate(trx, { council_id: structure.council.id, title, body });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'answer_template.added',
      ip,
      details: { title },
    });
  });
  return { ok: true };
}

/** The komisi the category of an aspiration is routed to, as a suggestion for forwarding. */
export function suggestedKomisi(structure: CouncilStructure, view: AspirationView): string | undefined {
  const id = view.category?.komisiId;
  return structure.komisi.find((k) => k.id === id)?.slug;
}

/**
 * One step for many aspirations from the inbox: verify what was received, or forward what was
 * verified to the komisi its category is routed to. What the step does not fit is left alone.
 */
export async function bulkAct(
  deps: Deps,
  user: CurrentUser,
  codes: string[],
  step: 'verify' | 'forward',
  ip: string,
): Promise<{ done: number; skipped: number }> {
  const structure = await getCouncil(deps.db);
  let done = 0;
  for (const code of codes) {
    const row = isCode(code) ? await q.aspirationByCode(deps.db, structure.council.id, code) : undefined;
    const category = structure.categories.find((c) => c.id === row?.category_id);
    const komisi = structure.komisi.find((k) => k.id === category?.komisiId);
    const action: StaffAction | undefined =
      step === 'verify'
        ? { type: 'verify' }
        : komisi === undefined
          ? undefined
          : { type: 'forward', komisi: komisi.slug };
    if (row === undefined || action === undefined || row.status !== (step === 'verify' ? 'received' : 'verified'))
      continue;
    if ((await act(deps, user, code, action, ip)).ok) done++;
  }
  return { done, skipped: codes.length - done };
}
