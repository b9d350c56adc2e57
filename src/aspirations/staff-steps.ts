/**
 * The council's steps on an aspiration, one small definition each: who may take it, from which
 * statuses, what the citizen's mail calls it, what its input must hold, and what it writes.
 * `act()` in case-handling.ts runs them all the same way: check, lock, apply, audit, tell.
 */
import type { Body, Category, CouncilStructure } from '../council/service.ts';
import type { Db } from '../db/index.ts';
import type { AspirationStatus } from '../db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import type { MessageKey } from '../platform/i18n.ts';
import type { Permission } from '../platform/permissions.ts';
import { moveSubscriptions } from '../platform/subscriptions.ts';
import { addWorkingDays } from '../platform/working-days.ts';
import * as q from './queries.ts';
import { type AspirationError, clean, followUpKinds, isCode, statuses, TEXT_MAX, text } from './rules.ts';
import { isOpen, type Row } from './view.ts';

export type StaffAction =
  | { type: 'verify' }
  | { type: 'reject'; reason: string }
  | { type: 'duplicate'; of: string }
  | { type: 'forward'; komisi: string }
  | { type: 'refer'; agency: string; body: string }
  | { type: 'note'; body: string }
  | { type: 'respond'; body: string }
  | { type: 'followUp'; action: string; body: string }
  | { type: 'resolve'; body: string }
  | { type: 'hide'; passage: string; reason: string }
  | { type: 'category'; category: string }
  | { type: 'place'; kelurahan: string };

export type StaffActionType = StaffAction['type'];
export type ActionOf<K extends StaffActionType> = Extract<StaffAction, { type: K }>;

/** What checking a step's input may look at. */
export interface CheckContext {
  deps: Deps;
  structure: CouncilStructure;
  /** The code of the aspiration the step is for. */
  code: string;
  errors: AspirationError[];
}

/** What applying a step has, inside the transaction, with the aspiration's row locked. */
export interface ApplyContext {
  trx: Db;
  deps: Deps;
  structure: CouncilStructure;
  row: Row;
  category: Category | undefined;
  today: string;
  /** Writes a timeline event by the acting official (or, for a member's response, the member). */
  event(kind: string, isPublic: boolean, body: string | null, details?: object): Promise<unknown>;
}

/**
 * What the citizen's mail quotes of the step (null: nothing but its name) and what the audit entry
 * records beyond the code; 'missing' aborts.
 */
export type Applied = { told: string | null; audit?: Record<string, string> } | 'missing';

interface Step<K extends StaffActionType> {
  permission: Extract<Permission, 'aspiration.triage' | 'aspiration.respond'>;
  /** The statuses the step may be taken from; any other is refused as out of order. */
  from: readonly AspirationStatus[];
  /** The step's name in the citizen's mail; undefined for steps the citizen is not told of. */
  mail: MessageKey | undefined;
  /** Checks the input (pushing to ctx.errors) and returns how to apply it once the row is locked. */
  check(action: ActionOf<K>, ctx: CheckContext): Promise<(ctx: ApplyContext) => Promise<Applied>>;
}

type Steps = { [K in StaffActionType]: Step<K> };

const need = (ctx: CheckContext, field: string, value: string, min = 2, max = TEXT_MAX) =>
  text(ctx.errors, field, clean(value), min, max);

/** A step that writes one public event quoting the official's text. */
const saying =
  (kind: string, body: string, details: object = {}) =>
  async (ctx: ApplyContext): Promise<Applied> => {
    const told = clean(body);
    await ctx.event(kind, true, told, details);
    return { told };
  };

/** The date by which the council should have resolved it: the category's target in working days. */
const resolveDue = (ctx: ApplyContext) =>
  addWorkingDays(ctx.today, ctx.category?.targetDays ?? 14, ctx.structure.holidays);

/** The texts of an aspiration the public sees, where a passage to hide must occur. */
async function publicTexts(ctx: CheckContext): Promise<string[]> {
  const row = await q.aspirationByCode(ctx.deps.db, ctx.structure.council.id, ctx.code);
  if (row === undefined) return [];
  const events = await q.eventsOf(ctx.deps.db, row.id, false);
  return [row.title, row.description, row.address, row.rating_comment, ...events.map((e) => e.body)].filter(
    (t): t is string => t !== null,
  );
}

/** Hiding a passage of the public text from the public, with the reason (audited and shown). */
const hide: Step<'hide'> = {
  permission: 'aspiration.triage',
  from: statuses,
  mail: undefined,
  check: async (action, ctx) => {
    const passage = action.passage.trim();
    need(ctx, 'passage', passage, 3, 500);
    need(ctx, 'hideReason', action.reason, 5, 500);
    if (passage.length >= 3 && !(await publicTexts(ctx)).some((t) => t.includes(passage)))
      ctx.errors.push({ field: 'passage', problem: 'notInText' });
    return async (apply) => {
      if (apply.row.hidden_passages.includes(passage)) return { told: null };
      await q.updateAspiration(apply.trx, apply.row.id, { hidden_passages: [...apply.row.hidden_passages, passage] });
      // The public sees that something was hidden and why, never what.
      await apply.event('hidden', true, clean(action.reason));
      return { told: null, audit: { reason: clean(action.reason), length: String(passage.length) } };
    };
  },
};

export const steps: Steps = {
  hide,
  verify: {
    permission: 'aspiration.triage',
    from: ['received'],
    mail: 'aspiration.event.verified',
    check: async () => async (ctx) => {
      await q.updateAspiration(ctx.trx, ctx.row.id, { status: 'verified', resolve_due: resolveDue(ctx) });
      await ctx.event('verified', true, null);
      return { told: null };
    },
  },
  reject: {
    permission: 'aspiration.triage',
    from: ['received', 'verified'],
    mail: 'aspiration.event.rejected',
    check: async (action, ctx) => {
      need(ctx, 'reason', action.reason, 5);
      return async (apply) => {
        await q.updateAspiration(apply.trx, apply.row.id, { status: 'rejected' });
        return saying('rejected', action.reason)(apply);
      };
    },
  },
  duplicate: {
    permission: 'aspiration.triage',
    from: ['received', 'verified', 'forwarded'],
    mail: 'aspiration.event.duplicate',
    check: async (action, ctx) => {
      const of = action.of.trim().toUpperCase();
      const target = isCode(of) ? await q.aspirationByCode(ctx.deps.db, ctx.structure.council.id, of) : undefined;
      if (target === undefined || target.code === ctx.code || (!isOpen(target.status) && target.status !== 'resolved'))
        ctx.errors.push({ field: 'of', problem: action.of.trim() === '' ? 'required' : 'invalid' });
      return async ({ trx, row, event }) => {
        if (target === undefined) return 'missing';
        await q.updateAspiration(trx, row.id, { status: 'duplicate', duplicate_of_id: target.id });
        // The reporter and the supporters count on the one that stays (once per address); whoever
        // follows this one by email follows that one now. The reporter is told its code by the
        // step's mail and may follow it there: nobody is subscribed without confirming.
        const reporter = await q.reporterOf(trx, row.id);
        await q.addSupporter(trx, target.id, reporter?.email_lookup ?? null);
        for (const lookup of await q.supporterLookups(trx, row.id)) await q.addSupporter(trx, target.id, lookup);
        await moveSubscriptions(trx, { type: 'aspiration', id: row.id }, { type: 'aspiration', id: target.id });
        await event('duplicate', true, null, { code: target.code });
        return { told: target.code };
      };
    },
  },
  forward: {
    permission: 'aspiration.triage',
    from: ['verified', 'forwarded'],
    mail: 'aspiration.event.forwarded',
    check: async (action, ctx) => {
      const komisi: Body | undefined = ctx.structure.komisi.find((b) => b.slug === action.komisi);
      if (komisi === undefined)
        ctx.errors.push({ field: 'komisi', problem: action.komisi === '' ? 'required' : 'invalid' });
      return async (apply) => {
        if (komisi === undefined) return 'missing';
        const { row } = apply;
        await q.updateAspiration(apply.trx, row.id, {
          status: 'forwarded',
          komisi_id: komisi.id,
          resolve_due: row.resolve_due ?? resolveDue(apply),
        });
        const dapilNumber = apply.structure.dapil.find((d) => d.id === row.dapil_id)?.number ?? null;
        await apply.event('forwarded', true, null, { komisi: komisi.name, dapil: dapilNumber });
        return { told: dapilNumber === null ? komisi.name : `${komisi.name}, dapil ${dapilNumber}` };
      };
    },
  },
  refer: {
    permission: 'aspiration.triage',
    from: ['received', 'verified', 'forwarded'],
    mail: 'aspiration.event.referred',
    check: async (action, ctx) => {
      need(ctx, 'agency', action.agency, 2, 200);
      need(ctx, 'body', action.body, 5);
      return async (apply) => {
        await q.updateAspiration(apply.trx, apply.row.id, { status: 'referred' });
        return saying('referred', action.body, { agency: clean(action.agency) })(apply);
      };
    },
  },
  // Setting the category (a suggestion taken, or another chosen): the komisi suggested for
  // forwarding follows it, the figures follow it, and what staff chose teaches the next model.
  category: {
    permission: 'aspiration.triage',
    from: ['received', 'verified', 'forwarded'],
    mail: undefined,
    check: async (action, ctx) => {
      const category = ctx.structure.categories.find((c) => c.slug === action.category);
      if (category === undefined)
        ctx.errors.push({ field: 'category', problem: action.category === '' ? 'required' : 'invalid' });
      return async ({ trx, row, event }) => {
        if (category === undefined) return 'missing';
        if (category.id !== row.category_id) {
          await q.updateAspiration(trx, row.id, { category_id: category.id });
          await event('category', true, null, { name: category.name, nameEn: category.nameEn });
        }
        await q.decideSuggestion(trx, row.id, category.id);
        return { told: null, audit: { category: category.slug } };
      };
    },
  },
  // Setting the place (a kelurahan named in the text, or one staff know): the kecamatan and dapil
  // follow it, and so do the members who see the aspiration and the figures.
  place: {
    permission: 'aspiration.triage',
    from: ['received', 'verified', 'forwarded'],
    mail: undefined,
    check: async (action, ctx) => {
      const kecamatan = ctx.structure.kecamatan.find((k) =>
        k.kelurahan.some((l) => String(l.id) === action.kelurahan.trim()),
      );
      const kelurahan = kecamatan?.kelurahan.find((l) => String(l.id) === action.kelurahan.trim());
      if (kecamatan === undefined || kelurahan === undefined)
        ctx.errors.push({ field: 'location', problem: action.kelurahan.trim() === '' ? 'required' : 'invalid' });
      const dapil = ctx.structure.dapil.find((d) => d.number === kecamatan?.dapilNumber);
      return async ({ trx, row, event }) => {
        if (kecamatan === undefined || kelurahan === undefined) return 'missing';
        if (row.kelurahan_id !== kelurahan.id) {
          await q.updateAspiration(trx, row.id, {
            kelurahan_id: kelurahan.id,
            kecamatan_id: kecamatan.id,
            dapil_id: dapil?.id ?? null,
          });
          await event('place', true, null, { kelurahan: kelurahan.name, kecamatan: kecamatan.name });
        }
        return { told: null, audit: { kelurahan: kelurahan.slug } };
      };
    },
  },
  note: {
    permission: 'aspiration.respond',
    from: statuses,
    mail: undefined,
    check: async (action, ctx) => {
      need(ctx, 'body', action.body, 5);
      return async (apply) => {
        await apply.event('note', false, clean(action.body));
        return { told: null };
      };
    },
  },
  respond: {
    permission: 'aspiration.respond',
    from: ['verified', 'forwarded', 'resolved', 'referred'],
    mail: 'aspiration.event.response',
    check: async (action, ctx) => {
      need(ctx, 'body', action.body, 5);
      return saying('response', action.body);
    },
  },
  followUp: {
    permission: 'aspiration.respond',
    from: ['verified', 'forwarded', 'resolved'],
    mail: 'aspiration.event.followUp',
    check: async (action, ctx) => {
      if (!(followUpKinds as readonly string[]).includes(action.action))
        ctx.errors.push({ field: 'action', problem: 'invalid' });
      need(ctx, 'body', action.body, 5);
      return saying('followUp', action.body, { action: action.action });
    },
  },
  resolve: {
    permission: 'aspiration.triage',
    from: ['verified', 'forwarded'],
    mail: 'aspiration.event.resolved',
    check: async (action, ctx) => {
      need(ctx, 'body', action.body, 5);
      return async (apply) => {
        await q.updateAspiration(apply.trx, apply.row.id, { status: 'resolved', resolved_at: new Date() });
        return saying('resolved', action.body)(apply);
      };
    },
  },
};

/** Checks an action's input by the definition of its kind; returns how to apply it. */
export function checkStep<K extends StaffActionType>(type: K, action: ActionOf<K>, ctx: CheckContext) {
  return steps[type].check(action, ctx);
}
