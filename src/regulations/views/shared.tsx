/** What other features may show of regulations: the name of a kind of legal document. */
import type { RegulationType } from '../../db/schema.ts';
import { type MessageKey, textOf } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';

const regulationTypeTexts = {
  perda: 'regulation.type.perda',
  perwal: 'regulation.type.perwal',
  keputusan_dprd: 'regulation.type.keputusan_dprd',
  peraturan_dprd: 'regulation.type.peraturan_dprd',
  keputusan_pimpinan: 'regulation.type.keputusan_pimpinan',
} as const satisfies Record<RegulationType, MessageKey>;

export const typeName = (ctx: Pick<PageContext, 't'>, type: string) => textOf(ctx.t, regulationTypeTexts, type);
