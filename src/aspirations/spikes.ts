/**
 * What is rising this week: for every category × kecamatan, the aspirations of the last seven days
 * against the eight weeks before, by a Poisson test.
 *
 * Why Poisson and not a robust z-score: most cells hold 0 to 3 aspirations a week. A z-score by
 * median and MAD is undefined when the MAD is 0 (the usual case for such small counts) and treats
 * counts as continuous and symmetric. Counts of independent reports in a period are what a Poisson
 * distribution describes; its upper tail P(X ≥ this week | mean of the 8 weeks before) says how
 * surprising the week is. A cell is a spike when that chance is below 1 % and the week holds at
 * least 3 aspirations (one or two reports are never a spike). A mean of 0 is taken as 0.25: a
 * place and topic that never had any is surprising at 3, not at 1.
 */
import { getCouncil } from '../council/service.ts';
import type { Deps } from '../platform/deps.ts';
import { formatNumber } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import { topicalStem } from '../platform/indonesian-text.ts';
import { enqueueEmail } from '../platform/outbox.ts';
import { jakartaDay } from '../platform/working-days.ts';
import * as q from './queries.ts';

export const SPIKE_P = 0.01;
export const SPIKE_MIN = 3;
const FLOOR = 0.25;

export interface Spike {
  categoryId: number;
  kecamatanId: number;
  /** Aspirations received in the last seven days. */
  week: number;
  /** The mean per week over the eight weeks before. */
  before: number;
  /** P(X ≥ week) for a Poisson count with that mean. */
  p: number;
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  let term = Math.exp(-lambda);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.max(0, 1 - below);
}

/**
 * Nine weekly counts (0 the oldest, 8 the last seven days) judged by the rule above: the week, the
 * mean before and the chance, when the week is a spike; undefined otherwise.
 */
function surprising(counts: readonly number[]): { week: number; before: number; p: number } | undefined {
  const week = counts[8] ?? 0;
  if (week < SPIKE_MIN) return undefined;
  const before = counts.slice(0, 8).reduce((a, b) => a + b, 0) / 8;
  const p = poissonTail(week, Math.max(before, FLOOR));
  return p < SPIKE_P ? { week, before, p } : undefined;
}

/** The spikes of the seven days ending `now` (Jakarta), most surprising first. */
export async function spikes(deps: Pick<Deps, 'db'>, now = new Date()): Promise<Spike[]> {
  const { council } = await getCouncil(deps.db);
  const rows = await q.weeklyCells(deps.db, council.id, jakartaDay(now));
  const cells = new Map<string, { categoryId: number; kecamatanId: number; counts: number[] }>();
  for (const row of rows) {
    const key = `${row.category_id}:${row.kecamatan_id}`;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { categoryId: row.category_id, kecamatanId: row.kecamatan_id, counts: new Array<number>(9).fill(0) };
      cells.set(key, cell);
    }
    cell.counts[Number(row.week)] = Number(row.n);
  }
  const found: Spike[] = [];
  for (const cell of cells.values()) {
    const jump = surprising(cell.counts);
    if (jump !== undefined) found.push({ categoryId: cell.categoryId, kecamatanId: cell.kecamatanId, ...jump });
  }
  return found.sort((a, b) => a.p - b.p || b.week - a.week);
}

/** A spike still running is told to its komisi again after this long, not on every run. */
const ALERT_AGAIN_AFTER_MS = 7 * 86_400_000;

/**
 * Mails each spike to the members of its category's komisi (their active accounts), once a week
 * per category × kecamatan while it lasts (a job). A category without a komisi has no one to tell.
 * Returns how many spikes were told.
 */
export async function alertSpikes(deps: Pick<Deps, 'db' | 'sealer' | 'config'>, now = new Date()): Promise<number> {
  const structure = await getCouncil(deps.db);
  const councilId = structure.council.id;
  const found = await spikes(deps, now);
  if (found.length === 0) return 0;
  const told = new Set(
    (await q.spikeAlertsSince(deps.db, councilId, new Date(now.getTime() - ALERT_AGAIN_AFTER_MS))).map(
      (r) => `${r.category_id}:${r.kecamatan_id}`,
    ),
  );
  const lang = deps.config.defaultLanguage;
  const t = translator(lang);
  let alerted = 0;
  for (const spike of found) {
    if (told.has(`${spike.categoryId}:${spike.kecamatanId}`)) continue;
    const category = structure.categories.find((c) => c.id === spike.categoryId);
    const kecamatan = structure.kecamatan.find((k) => k.id === spike.kecamatanId);
    if (category?.komisiId == null || kecamatan === undefined) continue;
    const komisiId = category.komisiId;
    const link = `${deps.config.publicBaseUrl}/kelola/aspirasi?kategori=${category.slug}&kecamatan=${kecamatan.slug}`;
    await deps.db.transaction().execute(async (trx) => {
      const addresses = await q.komisiAddresses(trx, komisiId);
      for (const a of addresses)
        await enqueueEmail(trx, deps.sealer, {
          to: deps.sealer.open(a.email_sealed),
          subject: t('aspiration.spike.subject', { category: category.name, kecamatan: kecamatan.name }),
          text: t('aspiration.spike.body', {
            category: category.name,
            kecamatan: kecamatan.name,
            week: formatNumber(spike.week, lang),
            before: formatNumber(Math.round(spike.before * 10) / 10, lang),
            link,
            insights: `${deps.config.publicBaseUrl}/kelola/wawasan`,
            site: structure.council.name,
          }),
        });
      await q.insertSpikeAlert(trx, {
        council_id: councilId,
        category_id: category.id,
        kecamatan_id: kecamatan.id,
        week: spike.week,
        before: spike.before,
        recipients: addresses.length,
      });
    });
    alerted++;
  }
  return alerted;
}

export interface PlaceVolume {
  kelurahan: string;
  kecamatan: string;
  lat: number | null;
  lon: number | null;
  /** Aspirations received in the period. */
  n: number;
}

/** Aspirations of the last `days` per kelurahan, every kelurahan of the region (0 where none), most first. */
export async function volumeByKelurahan(deps: Pick<Deps, 'db'>, days = 90, now = new Date()): Promise<PlaceVolume[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.countsByKelurahan(deps.db, structure.council.id, new Date(now.getTime() - days * 86_400_000));
  const counts = new Map(rows.map((r) => [r.kelurahan_id, Number(r.n)]));
  return structure.kecamatan
    .flatMap((k) =>
      k.kelurahan.map((l) => ({
        kelurahan: l.name,
        kecamatan: k.name,
        lat: l.lat,
        lon: l.lon,
        n: counts.get(l.id) ?? 0,
      })),
    )
    .sort((a, b) => b.n - a.n || a.kelurahan.localeCompare(b.kelurahan));
}

export interface RisingStem {
  stem: string;
  /** Aspirations of the last seven days it occurs in. */
  week: number;
  /** The mean per week over the eight weeks before. */
  before: number;
  p: number;
}

/**
 * Words that jump: each topical stem's count of aspirations in the last seven days against the
 * eight weeks before, by the same Poisson test and thresholds as the spikes; the 15 most
 * surprising. Stems, not phrases: a phrase would need word positions across title and
 * description, and a stem already gathers its forms (banjir, kebanjiran).
 */
export async function risingStems(deps: Pick<Deps, 'db'>, now = new Date(), limit = 15): Promise<RisingStem[]> {
  const { council } = await getCouncil(deps.db);
  const rows = await q.weeklyStems(deps.db, council.id, jakartaDay(now));
  const counts = new Map<string, number[]>();
  for (const row of rows) {
    if (!topicalStem(row.stem)) continue;
    let c = counts.get(row.stem);
    if (c === undefined) {
      c = new Array<number>(9).fill(0);
      counts.set(row.stem, c);
    }
    c[Number(row.week)] = Number(row.n);
  }
  const found: RisingStem[] = [];
  for (const [stem, c] of counts) {
    const jump = surprising(c);
    if (jump !== undefined) found.push({ stem, ...jump });
  }
  return found.sort((a, b) => a.p - b.p || b.week - a.week || a.stem.localeCompare(b.stem)).slice(0, limit);
}
