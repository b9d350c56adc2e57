/**
 * Work on a timer: asking whether resolved aspirations stay resolved, removing photos no aspiration
 * kept, folding the kept sums of the figures.
 */

import { getCouncil } from '../council/service.ts';
import type { Deps } from '../platform/deps.ts';
import { translator } from '../platform/i18n.ts';
import type { Job } from '../platform/jobs.ts';
import { fileStore } from '../platform/storage.ts';
import { removeOrphans } from '../platform/uploads.ts';
import { tellCitizen } from './notify.ts';
import * as q from './queries.ts';
import { PHOTO_FOLDER } from './rules.ts';
import { alertSpikes } from './spikes.ts';
import { suggestCategories, trainCategoryModel } from './suggestions.ts';

/**
 * Some weeks after resolution the reporter is asked whether the problem is really resolved; the
 * question and its answer are on the public timeline. Returns how many were asked.
 */
export async function askWhetherResolved(deps: Deps, now = new Date()): Promise<number> {
  const weeks = deps.config.aspirations.followUpWeeks;
  const due = await q.dueForFollowUp(deps.db, new Date(now.getTime() - weeks * 7 * 86_400_000));
  if (due.length === 0) return 0;
  const structure = await getCouncil(deps.db);
  const t = translator(deps.config.defaultLanguage);
  for (const a of due) {
    await deps.db.transaction().execute(async (trx) => {
      await q.updateAspiration(trx, a.id, { fixed_asked_at: now });
      await q.insertEvent(trx, { aspiration_id: a.id, kind: 'fixedAsked', public: true });
      await tellCitizen(trx, deps, a.id, (shown) => ({
        subject: t('aspiration.mail.fixed.subject', { code: a.code }),
        text: t('aspiration.mail.fixed.body', {
          code: a.code,
          title: shown(a.title),
          link: `${deps.config.publicBaseUrl}/lacak?kode=${a.code}`,
          site: structure.council.name,
        }),
        sms: t('aspiration.sms.fixed', {
          code: a.code,
          link: `${deps.config.publicBaseUrl}/lacak?kode=${a.code}`,
          site: structure.council.name,
        }),
      }));
    });
  }
  return due.length;
}

/**
 * Aspirations resolved after a point (a moment, then the id at that moment), oldest first, up to
 * `limit`: whom to ask how it went, a page at a time (the next page starts after the last one).
 */
export async function resolvedAfter(deps: Deps, after: { at: Date; id: number }, limit: number) {
  const structure = await getCouncil(deps.db);
  const rows = await q.resolvedAfter(deps.db, structure.council.id, after, limit);
  return rows.map((a) => ({ id: a.id, code: a.code, at: a.resolved_at ?? after.at }));
}

/**
 * Photos are written before the record that names them is committed; a crash in between leaves
 * files nobody can reach. They are removed once they are an hour old (an upload in progress is younger).
 */
export async function removeOrphanPhotos(deps: Deps, now = Date.now()): Promise<number> {
  const known = new Set((await q.photoFiles(deps.db)).map((r) => r.file));
  return removeOrphans(fileStore(deps.config), PHOTO_FOLDER, known, now);
}

/** Folds the rows each change appended to the figures' kept sums; returns how many were folded. */
export function foldFigureSums(deps: Deps): Promise<number> {
  return q.compactTally(deps.db);
}

/** The aspiration jobs (hourly; the sums folded every five minutes; category suggestions; spike alerts); `afterwards` is told when mail was queued. */
export function aspirationJobs(deps: Deps, afterwards: () => void): Job[] {
  const hour = 60 * 60 * 1000;
  return [
    {
      name: 'aspirations.follow-up',
      everyMs: hour,
      run: async () => {
        if ((await askWhetherResolved(deps)) > 0) afterwards();
      },
    },
    { name: 'aspirations.orphan-photos', everyMs: hour, run: () => removeOrphanPhotos(deps) },
    // Every change to the figures appends rows to the kept sums; folding them often keeps /kinerja's
    // sums small (a few thousand rows at most between runs at the benchmark's pace).
    { name: 'aspirations.compact-tally', everyMs: 5 * 60 * 1000, run: () => foldFigureSums(deps) },
    // Looks every ten minutes; trains only without a model, after staff corrected one, or daily.
    {
      name: 'aspirations.train-categories',
      everyMs: 10 * 60 * 1000,
      run: (signal) => trainCategoryModel(deps, false, new Date(), signal),
    },
    { name: 'aspirations.suggest-categories', everyMs: 60 * 1000, run: () => suggestCategories(deps) },
    // Tells a komisi of a spike in its categories within the hour; once a week per spike.
    {
      name: 'aspirations.spike-alerts',
      everyMs: hour,
      run: async () => {
        if ((await alertSpikes(deps)) > 0) afterwards();
      },
    },
  ];
}
