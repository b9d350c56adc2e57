import { dayOf, formatDate, formatTime } from '../../platform/format.ts';
import { type MessageKey, textOf } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import type { FieldWords } from '../../platform/validation.ts';
import { SummaryList } from '../../platform/views/components.tsx';
import type { AspirationView, Deadline, FieldProblem, FollowUpKind, TimelineEvent } from '../service.ts';
import { trailText } from '../trail.ts';
import { channelTexts, kindLabel, StatusBadge } from './shared.tsx';

export { kindLabel };

export const followUpTexts = {
  rapat: 'aspiration.followUp.rapat',
  kunjungan: 'aspiration.followUp.kunjungan',
  rdp: 'aspiration.followUp.rdp',
  surat: 'aspiration.followUp.surat',
  pokir: 'aspiration.followUp.pokir',
} as const satisfies Record<FollowUpKind, MessageKey>;

const eventTexts = {
  received: 'aspiration.event.received',
  receivedVia: 'aspiration.event.receivedVia',
  verified: 'aspiration.event.verified',
  rejected: 'aspiration.event.rejected',
  forwarded: 'aspiration.event.forwarded',
  forwardedTo: 'aspiration.event.forwardedTo',
  forwardedKomisi: 'aspiration.event.forwardedKomisi',
  referred: 'aspiration.event.referred',
  referredTo: 'aspiration.event.referredTo',
  duplicate: 'aspiration.event.duplicate',
  duplicateOf: 'aspiration.event.duplicateOf',
  response: 'aspiration.event.response',
  followUp: 'aspiration.event.followUp',
  followUpOf: 'aspiration.event.followUpOf',
  resolved: 'aspiration.event.resolved',
  reply: 'aspiration.event.reply',
  rated: 'aspiration.event.rated',
  ratedWith: 'aspiration.event.ratedWith',
  reopened: 'aspiration.event.reopened',
  fixed: 'aspiration.event.fixed',
  fixedYes: 'aspiration.event.fixedYes',
  fixedNo: 'aspiration.event.fixedNo',
  fixedAsked: 'aspiration.event.fixedAsked',
  note: 'aspiration.event.note',
  category: 'aspiration.event.category',
  hidden: 'aspiration.event.hidden',
} as const satisfies Record<string, MessageKey>;

export const problemTexts = {
  required: 'aspiration.problem.required',
  tooShort: 'aspiration.problem.tooShort',
  tooLong: 'aspiration.problem.tooLong',
  singleLine: 'aspiration.problem.singleLine',
  markup: 'aspiration.problem.markup',
  invalid: 'aspiration.problem.invalid',
  email: 'aspiration.problem.email',
  phone: 'aspiration.problem.phone',
  contact: 'aspiration.problem.contact',
  consent: 'aspiration.problem.consent',
  tooMany: 'aspiration.problem.tooMany',
  notInText: 'aspiration.problem.notInText',
  code: 'aspiration.problem.code',
  trackContact: 'aspiration.problem.trackContact',
  tooLarge: 'aspiration.problem.tooLarge',
  type: 'aspiration.problem.type',
  unreadable: 'aspiration.problem.unreadable',
} as const satisfies Record<FieldProblem, MessageKey>;

/** How the aspiration forms name their fields in the error summary and beside each field. */
export const fieldWords = {
  kind: { name: 'aspiration.field.kind', required: 'aspiration.required.kind' },
  category: { name: 'aspiration.field.category', required: 'aspiration.required.category' },
  location: { name: 'aspiration.field.place', required: 'aspiration.required.location' },
  title: { name: 'aspiration.field.title', required: 'aspiration.required.title' },
  description: { name: 'aspiration.field.description', required: 'aspiration.required.description' },
  address: { name: 'aspiration.fieldName.address' },
  name: { name: 'aspiration.fieldName.name' },
  rating: { name: 'aspiration.field.rating', required: 'aspiration.required.rating' },
  kode: { name: 'aspiration.field.code', required: 'aspiration.required.code' },
  kontak: { name: 'aspiration.fieldName.contact', required: 'aspiration.required.contact' },
} as const satisfies FieldWords;

export function DeadlineText({ ctx, deadline }: { ctx: PageContext; deadline: Deadline | null }) {
  if (deadline === null) return null;
  const { t } = ctx;
  const step = t(deadline.step === 'verify' ? 'aspiration.deadline.verify' : 'aspiration.deadline.resolve');
  const left =
    deadline.daysLeft > 0
      ? t('aspiration.deadline.left', { n: deadline.daysLeft })
      : deadline.daysLeft === 0
        ? t('aspiration.deadline.today')
        : t('aspiration.deadline.late', { n: -deadline.daysLeft });
  return (
    <span class={deadline.daysLeft < 0 ? 'deadline late' : 'deadline'}>
      {t('aspiration.deadline.text', { step, date: dayOf(ctx, deadline.due), left })}
    </span>
  );
}

export function categoryName(ctx: PageContext, view: AspirationView): string {
  if (view.category === undefined) return '';
  return ctx.lang === 'en' ? view.category.nameEn : view.category.name;
}

export function placeName(view: AspirationView): string {
  return [view.kelurahan?.name, view.kecamatan?.name].filter(Boolean).join(', ');
}

export function Facts({ ctx, view }: { ctx: PageContext; view: AspirationView }) {
  const { t } = ctx;
  return (
    <SummaryList>
      <dt>{t('aspiration.field.code')}</dt>
      <dd>
        <strong>{view.code}</strong>
      </dd>
      <dt>{t('aspiration.field.status')}</dt>
      <dd>
        <StatusBadge ctx={ctx} status={view.status} /> <DeadlineText ctx={ctx} deadline={view.deadline} />
      </dd>
      <dt>{t('aspiration.field.kind')}</dt>
      <dd>{kindLabel(ctx, view.kind)}</dd>
      <dt>{t('aspiration.field.category')}</dt>
      <dd>{categoryName(ctx, view)}</dd>
      <dt>{t('aspiration.field.place')}</dt>
      <dd>
        {placeName(view)}
        {view.address === null ? null : ` — ${view.address}`}
        {view.dapilNumber === null ? null : (
          <>
            {' · '}
            <a href={`/anggota?dapil=${view.dapilNumber}`}>{t('dapil.name', { n: view.dapilNumber })}</a>
          </>
        )}
      </dd>
      {view.komisi === undefined ? null : (
        <>
          <dt>{t('aspiration.field.komisi')}</dt>
          <dd>
            <a href={`/anggota?komisi=${view.komisi.slug}`}>{view.komisi.name}</a>
          </dd>
        </>
      )}
      {view.project === null ? null : (
        <>
          <dt>{t('aspiration.field.project')}</dt>
          <dd>
            <a href={`/proyek/${view.project.id}`}>{view.project.name}</a>
          </dd>
        </>
      )}
      <dt>{t('aspiration.field.received')}</dt>
      <dd>
        {formatDate(view.receivedAt, ctx.lang)}, {formatTime(view.receivedAt, ctx.lang)}
      </dd>
      <dt>{t('aspiration.field.reporter')}</dt>
      <dd>{view.publicName ?? t('aspiration.anonymous')}</dd>
      {view.kind === 'rahasia' ? null : (
        <>
          <dt>{t('aspiration.field.supporters')}</dt>
          <dd>{t('aspiration.supporters', { n: view.supporters })}</dd>
        </>
      )}
      {view.duplicateOfCode === null ? null : (
        <>
          <dt>{t('aspiration.field.duplicateOf')}</dt>
          <dd>
            <a href={`/aspirasi/${view.duplicateOfCode}`}>{view.duplicateOfCode}</a>
          </dd>
        </>
      )}
      {view.rating === null ? null : (
        <>
          <dt>{t('aspiration.field.rating')}</dt>
          <dd>{t('aspiration.rating', { n: view.rating })}</dd>
        </>
      )}
      {view.fixedAnswer === null ? null : (
        <>
          <dt>{t('aspiration.field.fixed')}</dt>
          <dd>{t(view.fixedAnswer ? 'aspiration.fixed.yes' : 'aspiration.fixed.no')}</dd>
        </>
      )}
    </SummaryList>
  );
}

export function Photos({ ctx, view }: { ctx: PageContext; view: AspirationView }) {
  if (view.photos.length === 0) return null;
  return (
    <ul class="photos">
      {view.photos.map((p, i) => (
        <li key={p.id}>
          <a href={`/aspirasi/${view.code}/foto/${p.id}`}>
            <img
              src={`/aspirasi/${view.code}/foto/${p.id}-kecil`}
              alt={ctx.t('aspiration.photoAlt', { n: i + 1, title: view.title })}
              width={Math.min(p.width, 480)}
              height={Math.round((Math.min(p.width, 480) / p.width) * p.height)}
              loading="lazy"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

function eventTitle(ctx: PageContext, e: TimelineEvent): string {
  const { t } = ctx;
  const d = e.details;
  switch (e.kind) {
    case 'forwarded':
      return d.dapil === null || d.dapil === undefined
        ? t('aspiration.event.forwardedKomisi', { komisi: String(d.komisi) })
        : t('aspiration.event.forwardedTo', { komisi: String(d.komisi), dapil: String(d.dapil) });
    case 'referred':
      return t('aspiration.event.referredTo', { agency: String(d.agency) });
    case 'duplicate':
      return t('aspiration.event.duplicateOf', { code: String(d.code) });
    case 'followUp':
      return t('aspiration.event.followUpOf', { action: textOf(t, followUpTexts, d.action) });
    case 'rated':
      return t('aspiration.event.ratedWith', { n: String(d.rating) });
    case 'category':
      return t(d.by === 'system' ? 'aspiration.event.categoryAuto' : 'aspiration.event.categoryTo', {
        category: String(ctx.lang === 'en' ? d.nameEn : d.name),
      });
    case 'place':
      return t('aspiration.event.placeTo', { kelurahan: String(d.kelurahan), kecamatan: String(d.kecamatan) });
    case 'fixed':
      return t(d.answer === 'ya' ? 'aspiration.event.fixedYes' : 'aspiration.event.fixedNo');
    case 'received':
      return t('aspiration.event.receivedVia', { channel: textOf(t, channelTexts, d.channel) });
    case 'trail':
      return trailText(t, d, (day) => dayOf(ctx, day));
    default:
      return textOf(t, eventTexts, e.kind);
  }
}

export function Timeline({
  ctx,
  view,
  internal = false,
}: {
  ctx: PageContext;
  view: AspirationView;
  internal?: boolean;
}) {
  const { t } = ctx;
  return (
    <ol class="timeline">
      {view.events.map((e) => (
        <li key={e.id} class={e.public ? `event event-${e.kind}` : 'event event-internal'}>
          <p class="event-head">
            <strong>
              {e.kind === 'trail' && typeof e.details.href === 'string' && e.details.href.startsWith('/') ? (
                <a href={e.details.href}>{eventTitle(ctx, e)}</a>
              ) : (
                eventTitle(ctx, e)
              )}
            </strong>
            {!e.public ? ` (${t('aspiration.internal')})` : null}
            <br />
            <span class="meta">
              {formatDate(e.at, ctx.lang)}, {formatTime(e.at, ctx.lang)}
              {' · '}
              {e.byReporter ? (
                t('aspiration.by.reporter')
              ) : e.member !== null ? (
                <a href={`/anggota/${e.member.slug}`}>{e.member.name}</a>
              ) : (
                t('aspiration.by.council')
              )}
              {internal && e.actorName !== null ? ` · ${e.actorName}` : null}
            </span>
          </p>
          {e.body === null || e.kind === 'duplicate' ? null : <p class="event-body">{e.body}</p>}
        </li>
      ))}
    </ol>
  );
}
