/** What other features may show of meetings: a meeting's name as the public may read it. */
import type { MeetingType } from '../../db/schema.ts';
import { type MessageKey, textOf } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import type { MeetingView } from '../service.ts';

const meetingTypeTexts = {
  paripurna: 'agenda.type.paripurna',
  komisi: 'agenda.type.komisi',
  gabungan_komisi: 'agenda.type.gabungan_komisi',
  pansus: 'agenda.type.pansus',
  banggar: 'agenda.type.banggar',
  bamus: 'agenda.type.bamus',
  bapemperda: 'agenda.type.bapemperda',
  bk: 'agenda.type.bk',
  rapat_kerja: 'agenda.type.rapat_kerja',
  rdp: 'agenda.type.rdp',
  rdpu: 'agenda.type.rdpu',
  reses: 'agenda.type.reses',
  konsultasi_publik: 'agenda.type.konsultasi_publik',
} as const satisfies Record<MeetingType, MessageKey>;

export const typeLabel = (ctx: PageContext, type: string) => textOf(ctx.t, meetingTypeTexts, type);

/** The title where its details may be shown (an open meeting, or any meeting to staff). */
export function shownTitle(ctx: PageContext, m: MeetingView): string {
  return m.details !== undefined
    ? m.title
    : `${ctx.t('agenda.closedMeeting')}: ${m.body?.name ?? typeLabel(ctx, m.type)}`;
}
