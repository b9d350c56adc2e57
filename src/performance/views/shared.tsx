/**
 * The aspiration service's figures in words and table cells, as /kinerja shows them: for other
 * features that show the same figures elsewhere (the leadership's monthly report).
 */
import type { Figures } from '../../aspirations/service.ts';
import { formatNumber, formatPercent, shortMonthOf } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';

/** What these need of a page (or a document): its texts and language. */
export type Wording = Pick<PageContext, 't' | 'lang'>;

const share = (ctx: Wording, n: number, of: number) => (of === 0 ? '–' : formatPercent((n / of) * 100, ctx.lang));

/** A month (YYYY-MM) as "Nov 2026". */
export function monthName(ctx: Wording, month: string) {
  return shortMonthOf(ctx, month);
}

function spreadText(ctx: Wording, spread: Figures['toVerify']) {
  if (spread.median === null || spread.p90 === null) return ctx.t('performance.noSpread');
  return ctx.t('performance.spread', {
    median: formatNumber(spread.median, ctx.lang),
    p90: formatNumber(spread.p90, ctx.lang),
  });
}

const ofN = (ctx: Wording, n: number, of: number) =>
  ctx.t('performance.ofN', { n: formatNumber(n, ctx.lang), of: formatNumber(of, ctx.lang), share: share(ctx, n, of) });

/** The headline figures as term and value. */
export function headlineRows(ctx: Wording, f: Figures): [string, string][] {
  const { t } = ctx;
  const rated = f.ratings.reduce((a, b) => a + b, 0);
  const mean = rated === 0 ? null : f.ratings.reduce((sum, n, i) => sum + n * (i + 1), 0) / rated;
  return [
    [t('performance.received'), formatNumber(f.received, ctx.lang)],
    [t('performance.verifiedInTarget'), ofN(ctx, f.verifiedInTarget, f.received)],
    [t('performance.answered'), ofN(ctx, f.answered, f.received)],
    [t('performance.resolved'), ofN(ctx, f.resolved, f.received)],
    [t('performance.resolvedInTarget'), ofN(ctx, f.resolvedInTarget, f.resolved)],
    [t('performance.reopened'), ofN(ctx, f.reopened, f.resolved)],
    [t('performance.toVerify'), spreadText(ctx, f.toVerify)],
    [t('performance.toAnswer'), spreadText(ctx, f.toAnswer)],
    [t('performance.toResolve'), spreadText(ctx, f.toResolve)],
    [
      t('performance.rating'),
      mean === null
        ? t('performance.noSpread')
        : t('performance.ratingLine', {
            mean: formatNumber(Math.round(mean * 10) / 10, ctx.lang),
            n: formatNumber(rated, ctx.lang),
          }),
    ],
    [
      t('performance.fixed'),
      t('performance.fixedLine', { yes: formatNumber(f.fixed.yes, ctx.lang), no: formatNumber(f.fixed.no, ctx.lang) }),
    ],
  ];
}

/** The cells every per-group table shares. */
export function figureCells(ctx: Wording, f: Figures) {
  return [
    formatNumber(f.received, ctx.lang),
    share(ctx, f.verifiedInTarget, f.received),
    formatNumber(f.answered, ctx.lang),
    formatNumber(f.resolved, ctx.lang),
    share(ctx, f.resolvedInTarget, f.resolved),
    f.toResolve.median === null ? '–' : formatNumber(f.toResolve.median, ctx.lang),
  ];
}

/** The columns of those tables, after the one that names the group. */
export function figureColumns(ctx: Wording, first: string) {
  const { t } = ctx;
  return [
    first,
    t('performance.received'),
    t('performance.verifiedInTarget'),
    t('performance.answered'),
    t('performance.resolved'),
    t('performance.resolvedInTarget'),
    t('performance.medianResolve'),
  ];
}
