/**
 * Routing by the model without a person (issue 21, point 5). Off until an administrator switches
 * it on for chosen categories at a precision level they set; then a new aspiration whose
 * suggestion names such a category gets that category (and with it the komisi staff forward it to)
 * at once, on the public timeline as set by the system. A category qualifies only while the model
 * in use measured, on the newest aspirations it never saw, a precision at the level or above over
 * at least AUTO_ROUTE_MIN_GUESSES guesses: precision is what a wrong automatic step costs.
 * Officers still see the suggestion and may change the category, which teaches the next model.
 */
import { getCouncil } from '../council/service.ts';
import type { Db } from '../db/index.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Deps } from '../platform/deps.ts';
import * as q from './queries.ts';
import type { ModelEvaluation } from './suggestions.ts';

/** Fewer guesses of a category than this in the held-out part, and its precision means too little. */
export const AUTO_ROUTE_MIN_GUESSES = 10;

export interface AutoRouteCategory {
  categoryId: number;
  /** Measured on the held-out part by the model in use; undefined when it never guessed it. */
  precision: number | undefined;
  guesses: number;
  switchedOn: boolean;
  /** Switched on, enough guesses, and precise enough: its suggestions are applied. */
  applied: boolean;
}

export interface AutoRouteSettings {
  /** The level (0.5–1) a category's precision must reach; undefined when never set. */
  minPrecision: number | undefined;
  categories: AutoRouteCategory[];
}

/** Precision and the number of guesses per category, from the chosen model's confusion matrix. */
export function precisionByCategory(evaluation: ModelEvaluation): Map<number, { precision: number; guesses: number }> {
  const chosen = evaluation.models[evaluation.chosen];
  const out = new Map<number, { precision: number; guesses: number }>();
  chosen.labels.forEach((label, i) => {
    const guesses = chosen.confusion.reduce((s, row) => s + (row[i] ?? 0), 0);
    const right = chosen.confusion[i]?.[i] ?? 0;
    out.set(Number(label), { precision: guesses === 0 ? 0 : right / guesses, guesses });
  });
  return out;
}

async function settingsOf(db: Db, councilId: number, categoryIds: number[]): Promise<AutoRouteSettings> {
  const [row, model] = await Promise.all([q.autoRouteOf(db, councilId), q.newestCategoryModel(db, councilId)]);
  const measured = model === undefined ? new Map() : precisionByCategory(JSON.parse(model.evaluation));
  const on = new Set(row?.categories ?? []);
  const level = row?.min_precision;
  return {
    minPrecision: level,
    categories: categoryIds.map((categoryId) => {
      const m = measured.get(categoryId);
      const switchedOn = on.has(categoryId);
      return {
        categoryId,
        precision: m?.precision,
        guesses: m?.guesses ?? 0,
        switchedOn,
        applied:
          switchedOn &&
          level !== undefined &&
          m !== undefined &&
          m.guesses >= AUTO_ROUTE_MIN_GUESSES &&
          m.precision >= level,
      };
    }),
  };
}

/** The administrator's switches with each category's standing, for /kelola/wawasan. */
export async function autoRouteSettings(deps: Pick<Deps, 'db'>): Promise<AutoRouteSettings> {
  const { council, categories } = await getCouncil(deps.db);
  return settingsOf(
    deps.db,
    council.id,
    categories.map((c) => c.id),
  );
}

export type AutoRouteResult = { ok: true } | { ok: false; field: 'minPrecision' | 'categories' };

/**
 * Sets the level (a whole percentage, 50–100) and the categories switched on (slugs); none
 * switches routing off. Audited with what was chosen.
 */
export async function changeAutoRoute(
  deps: Pick<Deps, 'db'>,
  editor: { id: number; role: string },
  ip: string,
  input: { minPrecision: string; categories: readonly string[] },
): Promise<AutoRouteResult> {
  const raw = input.minPrecision.trim();
  const percent = /^\d{1,3}$/.test(raw) ? Number(raw) : -1;
  if (percent < 50 || percent > 100) return { ok: false, field: 'minPrecision' };
  const { council, categories } = await getCouncil(deps.db);
  const chosen = [...new Set(input.categories)].map((slug) => categories.find((c) => c.slug === slug));
  if (chosen.some((c) => c === undefined)) return { ok: false, field: 'categories' };
  const ids = chosen.flatMap((c) => (c === undefined ? [] : [c.id]));
  await deps.db.transaction().execute(async (trx) => {
    await q.saveAutoRoute(trx, {
      council_id: council.id,
      min_precision: percent / 100,
      categories: ids,
      updated_by: editor.id,
    });
    await recordAudit(trx, {
      actorUserId: editor.id,
      actorRole: editor.role,
      action: 'aspiration.auto_route_changed',
      subjectType: 'council',
      subjectId: council.id,
      ip,
      details: { percent, categories: chosen.map((c) => c?.slug ?? '') },
    });
  });
  return { ok: true };
}

/**
 * Applies the suggestions just made where the administrator allowed it: the category is set on
 * each aspiration still received whose suggestion no officer has decided on yet, with a public
 * event by the system and an audit entry. Returns how many were applied.
 */
export async function applySuggestions(
  deps: Pick<Deps, 'db'>,
  councilId: number,
  suggestions: readonly { aspiration_id: number; category_id: number; confidence: number }[],
): Promise<number> {
  if (suggestions.length === 0) return 0;
  // Off (the usual case): the model's figures are not read at all.
  if (((await q.autoRouteOf(deps.db, councilId))?.categories.length ?? 0) === 0) return 0;
  const { categories } = await getCouncil(deps.db);
  const settings = await settingsOf(
    deps.db,
    councilId,
    categories.map((c) => c.id),
  );
  const allowed = new Set(settings.categories.filter((c) => c.applied).map((c) => c.categoryId));
  let applied = 0;
  for (const s of suggestions) {
    const category = categories.find((c) => c.id === s.category_id);
    if (category === undefined || !allowed.has(category.id)) continue;
    const measured = settings.categories.find((c) => c.categoryId === category.id);
    const done = await deps.db.transaction().execute(async (trx) => {
      const row = await q.lockAspiration(trx, s.aspiration_id);
      // An officer may have acted between the suggestion and now: then it is theirs to decide.
      if (row === undefined || row.status !== 'received' || !(await q.suggestionUndecided(trx, row.id))) return false;
      if (row.category_id !== category.id) {
        await q.updateAspiration(trx, row.id, { category_id: category.id });
        await q.insertEvent(trx, {
          aspiration_id: row.id,
          kind: 'category',
          public: true,
          actor_user_id: null,
          actor_member_id: null,
          body: null,
          details: JSON.stringify({
            name: category.name,
            nameEn: category.nameEn,
            by: 'system',
            precision: measured?.precision,
          }),
        });
      }
      await q.markSuggestionApplied(trx, row.id);
      await recordAudit(trx, {
        actorUserId: null,
        actorRole: 'system',
        action: 'aspiration.category_applied',
        subjectType: 'aspiration',
        subjectId: row.id,
        details: { code: row.code, category: category.slug, confidence: s.confidence },
      });
      return true;
    });
    if (done) applied++;
  }
  return applied;
}
