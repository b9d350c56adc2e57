/** The council's side: the inbox, the case file (every read of personal data audited), staff actions one by one or in bulk, answer templates. */
import { type CouncilStructure, getCouncil } from '../council/service.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { WaitingWork } from '../platform/feature.ts';
import { translator } from '../platform/i18n.ts';
import { can } from '../platform/permissions.ts';
import { jakartaDay } from '../platform/working-days.ts';
import { tellCitizen } from './notify.ts';
import { kelurahanFromText, type PlaceSuggestion } from './place-suggestion.ts';
import * as q from './queries.ts';
import { type ActionResult, type AspirationError, clean, isCode, PAGE_SIZE, TEXT_MAX, text } from './rules.ts';
import { type SimilarCase, similarCases } from './similar-cases.ts';
import { checkStep, type StaffAction, steps } from './staff-steps.ts';
import { type CategorySuggestion, categorySuggestion } from './suggestions.ts';
import { type AspirationView, memberScope, officialMaySee, viewOf } from './view.ts';

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

const DAY = 24 * 3600_000;

/**
 * What waits for this official on /kelola: aspirations to verify (staff), aspirations being
 * handled in their scope, each with how many are late, and those whose message to the citizen
 * did not go out in the last 30 days.
 */
export async function waitingAspirations(deps: Deps, user: CurrentUser): Promise<WaitingWork[]> {
  if (!can(user.role, 'aspiration.read')) return [];
  const structure = await getCouncil(deps.db);
  const member = await memberScope(deps, user);
  const now = new Date();
  const [work, undelivered] = await Promise.all([
    q.openWork(deps.db, structure.council.id, member, jakartaDay(now)),
    q.undelivered(deps.db, structure.council.id, member, new Date(now.getTime() - 30 * DAY)),
  ]);
  const waiting: WaitingWork[] = [];
  if (can(user.role, 'aspiration.triage') && work.toVerify > 0)
    waiting.push({
      href: '/kelola/aspirasi?status=received',
      label: 'aspiration.waiting.verify',
      count: work.toVerify,
      overdue: work.verifyLate,
      due: work.verifyNext,
    });
  if (work.handling > 0)
    waiting.push({
      href: '/kelola/aspirasi?status=open',
      label: 'aspiration.waiting.handle',
      count: work.handling,
      overdue: work.handlingLate,
      due: work.handlingNext,
    });
  if (undelivered.length > 0)
    waiting.push({
      href: `/kelola/aspirasi/${undelivered[0]?.code ?? ''}`,
      label: 'aspiration.waiting.undelivered',
      count: undelivered.length,
      overdue: 0,
      due: null,
      items: undelivered
        .slice(0, 5)
        .map((u) => ({ href: `/kelola/aspirasi/${u.code}`, text: `${u.code} · ${u.title}` })),
    });
  return waiting;
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
  /** The category the model suggests, for those who triage (above the council's threshold only). */
  suggestion: CategorySuggestion | undefined;
  /** Earlier aspirations like this one, for those who triage: to merge into or answer alike. */
  similar: SimilarCase[];
  /** The kelurahan the text names, when it is not the one stored (for those who triage). */
  place: PlaceSuggestion | undefined;
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
  const triage = can(user.role, 'aspiration.triage');
  const [view, members, messages, templates, suggestion, similar] = await Promise.all([
    viewOf(deps, row, true),
    row.dapil_id === null ? [] : q.membersOfDapil(deps.db, row.dapil_id),
    triage ? q.messagesAbout(deps.db, `aspiration:${row.id}`) : [],
    q.templatesOf(deps.db, structure.council.id),
    triage ? categorySuggestion(deps, row.id, structure.council.suggestion_min_accuracy) : undefined,
    triage ? similarCases(deps, structure, row) : [],
  ]);
  const place = triage
    ? kelurahanFromText(structure, `${row.title}. ${row.description}`, {
        kecamatanId: row.kecamatan_id,
        kelurahanId: row.kelurahan_id,
      })
    : undefined;
  return { view, reporter, members, messages, templates, suggestion, similar, place };
}

/**
 * One step of the council on one aspiration, as its definition in staff-steps.ts says: the
 * permission first, then the input, then (with the row locked) the status, the change, the audit
 * entry and the mail to the citizen, all in one transaction.
 */
export async function act(
  deps: Deps,
  user: CurrentUser,
  code: string,
  action: StaffAction,
  ip: string,
): Promise<ActionResult> {
  const step = steps[action.type];
  if (!can(user.role, step.permission)) return { ok: false, problem: 'forbidden' };
  const structure = await getCouncil(deps.db);
  const errors: AspirationError[] = [];
  const apply = await checkStep(action.type, action, { deps, structure, code, errors });
  if (errors.length > 0) return { ok: false, errors };

  const t = translator(deps.config.defaultLanguage);
  return deps.db.transaction().execute(async (trx): Promise<ActionResult> => {
    const current = await q.aspirationByCode(trx, structure.council.id, code);
    if (current === undefined) return { ok: false, problem: 'missing' };
    const row = await q.lockAspiration(trx, current.id);
    if (row === undefined || !(await officialMaySee({ ...deps, db: trx }, user, row)))
      return { ok: false, problem: 'missing' };
    if (!step.from.includes(row.status)) return { ok: false, problem: 'state' };
    const applied = await apply({
      trx,
      deps,
      structure,
      row,
      category: structure.categories.find((c) => c.id === row.category_id),
      today: jakartaDay(new Date()),
      event: (kind, isPublic, body, details = {}) =>
        q.insertEvent(trx, {
          aspiration_id: row.id,
          kind,
          public: isPublic,
          actor_user_id: user.id,
          // A council member's every step is theirs, on the public timeline too; staff act for the secretariat.
          actor_member_id: user.memberId,
          body,
          details: JSON.stringify(details),
        }),
    });
    if (applied === 'missing') return { ok: false, problem: 'missing' };
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: `aspiration.${action.type}`,
      subjectType: 'aspiration',
      subjectId: row.id,
      ip,
      details: { code: row.code, ...applied.audit },
    });
    if (step.mail !== undefined) {
      const name = t(step.mail);
      await tellCitizen(trx, deps, row.id, (shown) => ({
        subject: t('aspiration.mail.step.subject', { code: row.code, step: name }),
        text: t('aspiration.mail.step.body', {
          code: row.code,
          title: shown(row.title),
          step: name,
          body: shown(applied.told ?? ''),
          link: `${deps.config.publicBaseUrl}/lacak?kode=${row.code}`,
          site: structure.council.name,
        }),
        sms: t('aspiration.sms.step', {
          code: row.code,
          step: name,
          body: shown(applied.told ?? ''),
          link: `${deps.config.publicBaseUrl}/lacak?kode=${row.code}`,
          site: structure.council.name,
        }),
      }));
    }
    return { ok: true, code: row.code };
  });
}

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
  step: 'verify' | 'forward' | 'duplicate',
  ip: string,
  /** For 'duplicate': the aspiration the chosen ones are merged into. */
  of = '',
): Promise<{ done: number; skipped: number }> {
  const structure = await getCouncil(deps.db);
  let done = 0;
  for (const code of codes) {
    const row = isCode(code) ? await q.aspirationByCode(deps.db, structure.council.id, code) : undefined;
    if (row === undefined) continue;
    let action: StaffAction | undefined;
    if (step === 'verify') action = row.status === 'received' ? { type: 'verify' } : undefined;
    else if (step === 'duplicate') action = code === of ? undefined : { type: 'duplicate', of };
    else {
      // Forwarded to the komisi of its category, once verified; a category without one is skipped.
      const category = structure.categories.find((c) => c.id === row.category_id);
      const komisi = structure.komisi.find((k) => k.id === category?.komisiId);
      action = row.status === 'verified' && komisi !== undefined ? { type: 'forward', komisi: komisi.slug } : undefined;
    }
    if (action === undefined) continue;
    if ((await act(deps, user, code, action, ip)).ok) done++;
  }
  return { done, skipped: codes.length - done };
}
