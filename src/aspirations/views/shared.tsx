/** What other features may show of aspirations: a status badge and the two ways in. */
import type { ComponentChildren } from 'preact';
import type { AspirationChannel, AspirationKind, AspirationStatus } from '../../db/schema.ts';
import { type MessageKey, textOf } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ButtonLink, Tag, type TagTone } from '../../platform/views/components.tsx';
import { Radios } from '../../platform/views/form.tsx';
import { kinds } from '../rules.ts';

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

const kindTexts = {
  aspirasi: 'aspiration.kind.aspirasi',
  pengaduan: 'aspiration.kind.pengaduan',
  informasi: 'aspiration.kind.informasi',
  rahasia: 'aspiration.kind.rahasia',
} as const satisfies Record<AspirationKind, MessageKey>;

export function kindLabel(ctx: PageContext, kind: string): string {
  return textOf(ctx.t, kindTexts, kind);
}

const kindHintTexts = {
  aspirasi: 'aspiration.kindHint.aspirasi',
  pengaduan: 'aspiration.kindHint.pengaduan',
  informasi: 'aspiration.kindHint.informasi',
  rahasia: 'aspiration.kindHint.rahasia',
} as const satisfies Record<AspirationKind, MessageKey>;

/** The kind question, as the aspiration form asks it (the kiosk asks it too, as its screen's heading). */
export function KindField({
  ctx,
  value,
  error,
  confidential = true,
  legend,
  formalRequest = true,
}: {
  ctx: PageContext;
  value: string | undefined;
  error: string | undefined;
  confidential?: boolean;
  /** The question, when it is the page's own (the kiosk asks one a screen). */
  legend?: ComponentChildren;
  /** Whether to point to the formal request for public information (not from a kiosk, which stays put). */
  formalRequest?: boolean;
}) {
  const { t } = ctx;
  // A question to the council can be an aspiration; a request under the information law (UU KIP)
  // needs the applicant's identity and runs on its own legal clock, so it has its own form.
  const hintOf = (k: (typeof kinds)[number]) =>
    k === 'informasi' && formalRequest ? (
      <>
        {t(kindHintTexts[k])} {t('aspiration.kindHint.formalRequest')}{' '}
        <a href="/informasi-publik/permohonan">{t('aspiration.kindHint.formalRequestLink')}</a>.
      </>
    ) : (
      t(kindHintTexts[k])
    );
  return (
    <Radios
      name="kind"
      legend={legend ?? t('aspiration.field.kind')}
      error={error}
      value={value}
      options={kinds
        .filter((k) => confidential || k !== 'rahasia')
        .map((k) => ({ value: k, label: kindLabel(ctx, k), hint: hintOf(k) }))}
    />
  );
}

/** The name of each way an aspiration reaches the council. */
export const channelTexts = {
  web: 'aspiration.channel.web',
  ruang_aspirasi: 'aspiration.channel.ruang_aspirasi',
  telepon: 'aspiration.channel.telepon',
  surat: 'aspiration.channel.surat',
  reses: 'aspiration.channel.reses',
  open311: 'aspiration.channel.open311',
  sms: 'aspiration.channel.sms',
  whatsapp: 'aspiration.channel.whatsapp',
  forum: 'aspiration.channel.forum',
  siaran: 'aspiration.channel.siaran',
} as const satisfies Record<AspirationChannel, MessageKey>;
