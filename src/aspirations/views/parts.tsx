/** Pieces every aspiration page shares: the status, the facts, the photos and the timeline. */
import type { CouncilStructure } from '../../council/service.ts';
import type { AspirationStatus } from '../../db/schema.ts';
import { formatDate, formatTime } from '../../platform/format.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import type { AspirationView, Deadline, FieldError, TimelineEvent } from '../service.ts';

export function statusLabel(ctx: PageContext, status: AspirationStatus): string {
  return ctx.t(`aspiration.status.${status}` as MessageKey);
}

export function kindLabel(ctx: PageContext, kind: string): string {
  return ctx.t(`aspiration.kind.${kind}` as MessageKey);
}

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: AspirationStatus }) {
  return <span class={`badge status-${status}`}>{statusLabel(ctx, status)}</span>;
}

export function dayOf(ctx: PageContext, day: string): string {
  return formatDate(new Date(`${day}T12:00:00+07:00`), ctx.lang);
}

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
    <dl class="facts">
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
      <dt>{t('aspiration.field.supporters')}</dt>
      <dd>{t('aspiration.supporters', { n: view.supporters })}</dd>
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
    </dl>
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
      return t('aspiration.event.followUpOf', { action: t(`aspiration.followUp.${String(d.action)}` as MessageKey) });
    case 'rated':
      return t('aspiration.event.ratedWith', { n: String(d.rating) });
    case 'fixed':
      return t(d.answer === 'ya' ? 'aspiration.event.fixedYes' : 'aspiration.event.fixedNo');
    case 'received':
      return t('aspiration.event.receivedVia', { channel: t(`aspiration.channel.${String(d.channel)}` as MessageKey) });
    default:
      return t(`aspiration.event.${e.kind}` as MessageKey);
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
            <strong>{eventTitle(ctx, e)}</strong>
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
              {internal && e.actorUserId !== null ? ` · ${t('aspiration.by.user', { id: e.actorUserId })}` : null}
            </span>
          </p>
          {e.body === null || e.kind === 'duplicate' ? null : <p class="event-body">{e.body}</p>}
        </li>
      ))}
    </ol>
  );
}

/** Turns the service's field problems into sentences for the error summary and the fields. */
export function fieldMessages({ t }: Pick<PageContext, 't'>, errors: FieldError[]): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const e of errors) {
    const params = { max: e.max ?? 0, name: e.name ?? '' };
    const text = t(`aspiration.problem.${e.problem}` as MessageKey, params);
    out[e.field] = out[e.field] === undefined ? text : `${out[e.field]} ${text}`;
  }
  return out;
}

/** The middle of the council's region, from its kecamatan centres. */
export function center(structure: CouncilStructure): { lat: number; lon: number } {
  const points = structure.kecamatan.filter((k) => k.lat !== null && k.lon !== null);
  const mean = (pick: (k: (typeof points)[number]) => number) =>
    points.length === 0 ? 0 : points.reduce((sum, k) => sum + pick(k), 0) / points.length;
  return { lat: mean((k) => k.lat ?? 0), lon: mean((k) => k.lon ?? 0) };
}

/** The two ways in: send a new aspiration, or find one sent before. */
export function SendOrTrack({ ctx }: { ctx: PageContext }) {
  return (
    <p>
      <a class="button" href="/aspirasi/baru">
        {ctx.t('aspiration.new.title')}
      </a>{' '}
      <a href="/lacak">{ctx.t('aspiration.track.link')}</a>
    </p>
  );
}
