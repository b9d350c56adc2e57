/** What other features may show of aspirations: a status badge and the two ways in. */
import type { AspirationStatus } from '../../db/schema.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ButtonLink, Tag, type TagTone } from '../../platform/views/components.tsx';

export const statusTexts = {
  received: 'aspiration.status.received',
  verified: 'aspiration.status.verified',
  forwarded: 'aspiration.status.forwarded',
  resolved: 'aspiration.status.resolved',
  rejected: 'aspiration.status.rejected',
  referred: 'aspiration.status.referred',
  duplicate: 'aspiration.status.duplicate',
} as const satisfies Record<AspirationStatus, MessageKey>;

export function statusLabel(ctx: PageContext, status: AspirationStatus): string {
  return ctx.t(statusTexts[status]);
}

/** What each status means in the colours every page uses (Tag's tones). */
const statusTone: Record<AspirationStatus, TagTone> = {
  received: 'neutral',
  verified: 'active',
  forwarded: 'active',
  resolved: 'done',
  rejected: 'stopped',
  referred: 'done',
  duplicate: 'stopped',
};

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: AspirationStatus }) {
  return <Tag tone={statusTone[status]}>{statusLabel(ctx, status)}</Tag>;
}

/** The two ways in: send a new aspiration, or find one sent before. */
export function SendOrTrack({ ctx }: { ctx: PageContext }) {
  return (
    <p>
      <ButtonLink href="/aspirasi/baru">{ctx.t('aspiration.new.title')}</ButtonLink>{' '}
      <a href="/lacak">{ctx.t('aspiration.track.link')}</a>
    </p>
  );
}
