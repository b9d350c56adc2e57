/** What other features may show of reses: a report's figures in one line. */
import { formatNumber } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import type { ReportSummary } from '../service.ts';

export function figuresOf(ctx: PageContext, r: ReportSummary): string {
  return ctx.t('reses.figures', {
    visits: formatNumber(r.visits, ctx.lang),
    attendance: formatNumber(r.attendance, ctx.lang),
    inputs: formatNumber(r.inputs, ctx.lang),
  });
}
