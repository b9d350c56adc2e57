/** /agenda (list, week and month) and /agenda/:id, with schema.org Event microdata. */

import type { CouncilStructure } from '../../council/service.ts';
import type { NewsPost } from '../../news/service.ts';
import { NewsSection } from '../../news/views/shared.tsx';
import { formatDate, formatDayDate, formatFileSize, formatTime } from '../../platform/format.ts';
import { type MessageKey, textOf } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Banner, SummaryList, Tabs, Tag } from '../../platform/views/components.tsx';
import { FilterSearch, FilterSelect, SelectField } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { filteredLink, Pager } from '../../platform/views/pager.tsx';
import { jakartaDay } from '../../platform/working-days.ts';
import { liveNow, type MeetingRecord, type MeetingView, meetingTypes } from '../service.ts';
import { shownTitle, typeLabel } from './shared.tsx';

const revisionTexts = {
  created: 'agenda.revision.created',
  changed: 'agenda.revision.changed',
  cancelled: 'agenda.revision.cancelled',
  outcome: 'agenda.revision.outcome',
  document: 'agenda.revision.document',
} as const satisfies Record<string, MessageKey>;

function when(ctx: PageContext, m: MeetingView): string {
  const start = `${formatDate(m.startsAt, ctx.lang)}, ${formatTime(m.startsAt, ctx.lang)}`;
  return m.endsAt === null ? start : `${start.replace(/ WIB$/, '')}–${formatTime(m.endsAt, ctx.lang)}`;
}

export function MeetingItem({ ctx, m, heading = 'h3' }: { ctx: PageContext; m: MeetingView; heading?: 'h2' | 'h3' }) {
  const { t } = ctx;
  const H = heading;
  return (
    <li itemscope itemtype="https://schema.org/Event" class={m.cancelled ? 'cancelled' : undefined}>
      <H>
        <a href={`/agenda/${m.id}`} itemprop="url">
          <span itemprop="name">{shownTitle(ctx, m)}</span>
        </a>
      </H>
      <p class="meta">
        <time itemprop="startDate" dateTime={m.startsAt.toISOString()}>
          {when(ctx, m)}
        </time>
        {' · '}
        {typeLabel(ctx, m.type)}
        {m.body === undefined ? null : ` · ${m.body.name}`}
        {m.details?.place ? (
          <>
            {' · '}
            <span itemprop="location">{m.details.place}</span>
          </>
        ) : null}
        {m.cancelled ? (
          <>
            {' · '}
            <Tag tone="stopped">{t('agenda.cancelled')}</Tag>
            <meta itemprop="eventStatus" content="https://schema.org/EventCancelled" />
          </>
        ) : null}
        {!m.open ? (
          <>
            {' · '}
            <Tag>{t('agenda.closed')}</Tag>
          </>
        ) : null}
        {liveNow(m) ? (
          <>
            {' · '}
            <Tag tone="active">{t('agenda.liveNow')}</Tag>
          </>
        ) : null}
      </p>
    </li>
  );
}

export interface AgendaPageProps {
  ctx: PageContext;
  structure: CouncilStructure;
  view: 'daftar' | 'minggu' | 'bulan';
  meetings: MeetingView[];
  total: number;
  page: number;
  pageSize: number;
  past: boolean;
  /** For week and month: the first and last day shown (YYYY-MM-DD), and the neighbours. */
  range?: { from: string; to: string; previous: string; next: string } | undefined;
  query: Record<string, string>;
}

const link = (query: Record<string, string>, change: Record<string, string>) => filteredLink('/agenda', query, change);

function byDay(meetings: MeetingView[]): Map<string, MeetingView[]> {
  const days = new Map<string, MeetingView[]>();
  for (const m of meetings) {
    const day = jakartaDay(m.startsAt);
    days.set(day, [...(days.get(day) ?? []), m]);
  }
  return days;
}

const dayDate = (day: string) => new Date(`${day}T12:00:00+07:00`);

function MonthGrid({
  ctx,
  range,
  days,
  query,
}: {
  ctx: PageContext;
  range: { from: string; to: string };
  days: Map<string, MeetingView[]>;
  query: Record<string, string>;
}) {
  const first = dayDate(range.from);
  const weekdays =
    ctx.lang === 'en' ? ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] : ['Sn', 'Sl', 'Rb', 'Km', 'Jm', 'Sb', 'Mg'];
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = range.from; d <= range.to; ) {
    cells.push(d);
    const next = new Date(`${d}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    d = next.toISOString().slice(0, 10);
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const rows = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <table class="month">
      <caption>
        {new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'id-ID', {
          month: 'long',
          year: 'numeric',
          timeZone: 'Asia/Jakarta',
        }).format(first)}
      </caption>
      <thead>
        <tr>
          {weekdays.map((w) => (
            <th key={w} scope="col">
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.find((c) => c !== null) ?? 'x'}>
            {row.map((day, i) => {
              const count = day === null ? 0 : (days.get(day)?.length ?? 0);
              return (
                <td key={day ?? `empty-${i}`} class={count > 0 ? 'busy' : undefined}>
                  {day === null ? null : count === 0 ? (
                    Number(day.slice(8))
                  ) : (
                    <a
                      href={`${link(query, {})}#hari-${day}`}
                      aria-label={ctx.t('agenda.dayCount', { day: formatDate(dayDate(day), ctx.lang), n: count })}
                    >
                      {Number(day.slice(8))}
                    </a>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgendaPage({
  ctx,
  structure,
  view,
  meetings,
  total,
  page,
  pageSize,
  past,
  range,
  query,
}: AgendaPageProps) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const days = byDay(meetings);
  const bodies = structure.bodies;
  return (
    <Layout ctx={ctx} title={t('agenda.title')} description={t('agenda.lead')}>
      <h1>{t('agenda.title')}</h1>
      <p class="lead">{t('agenda.lead')}</p>
      <p>
        <a href="/siaran">{t('agenda.hearings')}</a>
      </p>
      <CalendarSubscription ctx={ctx} body={bodies.find((b) => b.slug === query.badan)} />
      <Tabs
        label={t('agenda.views')}
        items={(['daftar', 'minggu', 'bulan'] as const).map((v) => ({
          href: link({ ...query, tampilan: v, tanggal: '', hal: '' }, {}),
          label: t(`agenda.view.${v}`),
          current: view === v,
        }))}
      />
      <form method="get" action="/agenda" class="filters" data-module="auto-submit">
        <input type="hidden" name="tampilan" value={view} />
        {range === undefined ? null : <input type="hidden" name="tanggal" value={range.from} />}
        <FilterSearch label={t('agenda.search')} value={query.q} />
        <FilterSelect
          ctx={ctx}
          name="badan"
          label={t('agenda.body')}
          value={query.badan}
          options={bodies.map((b) => ({ value: b.slug, label: b.name }))}
        />
        <FilterSelect
          ctx={ctx}
          name="jenis"
          label={t('agenda.type')}
          value={query.jenis}
          options={meetingTypes.map((type) => ({ value: type, label: typeLabel(ctx, type) }))}
        />
        {view === 'daftar' ? (
          <SelectField
            name="waktu"
            id="f-waktu"
            label={t('agenda.when')}
            value={past ? 'lalu' : 'mendatang'}
            options={[
              { value: 'mendatang', label: t('agenda.upcoming') },
              { value: 'lalu', label: t('agenda.past') },
            ]}
          />
        ) : null}
        <button type="submit">{t('aspiration.filter.apply')}</button>
      </form>
      {range === undefined ? null : (
        <nav class="pager" aria-label={t('agenda.period')}>
          <a href={link(query, { tanggal: range.previous })}>
            {t(view === 'minggu' ? 'agenda.previousWeek' : 'agenda.previousMonth')}
          </a>
          <span>
            {formatDate(dayDate(range.from), ctx.lang)} – {formatDate(dayDate(range.to), ctx.lang)}
          </span>
          <a href={link(query, { tanggal: range.next })}>
            {t(view === 'minggu' ? 'agenda.nextWeek' : 'agenda.nextMonth')}
          </a>
        </nav>
      )}
      {view === 'bulan' && range !== undefined ? <MonthGrid ctx={ctx} range={range} days={days} query={query} /> : null}
      <p role="status">{t('agenda.count', { n: total })}</p>
      {view === 'daftar' ? (
        <ul class="list">
          {meetings.map((m) => (
            <MeetingItem key={m.id} ctx={ctx} m={m} heading="h2" />
          ))}
        </ul>
      ) : (
        [...days.entries()].map(([day, list]) => (
          <section key={day} id={`hari-${day}`} aria-labelledby={`judul-${day}`}>
            <h2 id={`judul-${day}`}>{formatDayDate(dayDate(day), ctx.lang)}</h2>
            <ul class="list">
              {list.map((m) => (
                <MeetingItem key={m.id} ctx={ctx} m={m} />
              ))}
            </ul>
          </section>
        ))
      )}
      {view === 'daftar' ? (
        <Pager ctx={ctx} page={page} pages={pages} href={(p) => link(query, { hal: String(p) })} />
      ) : null}
      <h2>{t('agenda.moreFormats')}</h2>
      <ul>
        <li>
          <a href="/agenda.atom">{t('agenda.atom')}</a>
        </li>
        <li>
          <a href={`/agenda.csv${link(query, {}).replace('/agenda', '')}`}>{t('agenda.csv')}</a>
        </li>
      </ul>
    </Layout>
  );
}

/**
 * Following the agenda in a calendar, near the top of the page (on a phone the list below runs for
 * screens): a webcal: link that phone and desktop calendars open as a subscription, the address to
 * paste where they do not, and one line per common calendar.
 */
function CalendarSubscription({ ctx, body }: { ctx: PageContext; body: { slug: string; name: string } | undefined }) {
  const { t } = ctx;
  const feeds = [{ path: '/agenda.ics', label: t('agenda.icsAll') }];
  if (body !== undefined)
    feeds.push({ path: `/agenda/badan/${body.slug}.ics`, label: t('agenda.icsBody', { body: body.name }) });
  const address = (path: string) => `${ctx.origin}${path}`;
  return (
    <details class="subscribe">
      <summary>{t('agenda.subscribe')}</summary>
      <p>{t('agenda.subscribeLead')}</p>
      <ul>
        {feeds.map((feed) => (
          <li key={feed.path}>
            <a href={address(feed.path).replace(/^https?:/, 'webcal:')}>{feed.label}</a>
            <br />
            <span class="hint">{t('agenda.subscribeAddress')}</span> <code>{address(feed.path)}</code>
          </li>
        ))}
      </ul>
      <ul>
        <li>{t('agenda.subscribeApple')}</li>
        <li>{t('agenda.subscribeGoogle')}</li>
        <li>{t('agenda.subscribeOutlook')}</li>
      </ul>
    </details>
  );
}

const revisionFields: Record<string, MessageKey> = {
  title: 'agenda.field.title',
  starts_at: 'agenda.field.start',
  ends_at: 'agenda.field.end',
  place: 'agenda.field.place',
  online_url: 'agenda.field.onlineUrl',
  livestream_url: 'agenda.field.livestreamUrl',
  open: 'agenda.field.openness',
  type: 'agenda.type',
  body_id: 'agenda.body',
  agenda_items: 'agenda.field.agendaItems',
};

function changedValue(ctx: PageContext, field: string, raw: string): string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  if (value === null || value === '') return '—';
  if ((field === 'starts_at' || field === 'ends_at') && typeof value === 'string') {
    const d = new Date(value);
    return `${formatDate(d, ctx.lang)}, ${formatTime(d, ctx.lang)}`;
  }
  if (field === 'open') return ctx.t(value === true ? 'agenda.open' : 'agenda.closed');
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

export function MeetingPage({
  ctx,
  record,
  hearingId,
  news = [],
}: {
  ctx: PageContext;
  record: MeetingRecord;
  /** The meeting's virtual hearing, where citizens follow it and ask their questions. */
  hearingId?: number | undefined;
  /** Published news about the meeting. */
  news?: NewsPost[];
}) {
  const { t } = ctx;
  const m = record.view;
  const d = m.details;
  return (
    <Layout
      ctx={ctx}
      title={shownTitle(ctx, m)}
      description={`${formatDate(m.startsAt, ctx.lang)} · ${m.body?.name ?? typeLabel(ctx, m.type)}`}
      jsonLd={{
        '@type': 'Event',
        name: shownTitle(ctx, m),
        startDate: m.startsAt.toISOString(),
        ...(m.endsAt === null ? {} : { endDate: m.endsAt.toISOString() }),
        eventStatus: m.cancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
        url: `${ctx.origin}/agenda/${m.id}`,
        ...(d?.place == null ? {} : { location: { '@type': 'Place', name: d.place } }),
        ...(ctx.council === undefined
          ? {}
          : { organizer: { '@type': 'GovernmentOrganization', name: ctx.council.name } }),
      }}
    >
      <BackLink href="/agenda">{t('agenda.back')}</BackLink>
      <article itemscope itemtype="https://schema.org/Event">
        <h1 itemprop="name">{shownTitle(ctx, m)}</h1>
        {liveNow(m) ? (
          <p>
            <Tag tone="active">{t('agenda.liveNow')}</Tag>
          </p>
        ) : null}
        {hearingId === undefined || m.cancelled ? null : (
          <Banner tone="important">
            <p>
              <a href={`/siaran/${hearingId}`}>{t('agenda.hearingLink')}</a>
            </p>
          </Banner>
        )}
        {m.cancelled ? (
          <Banner tone="warning">
            <p>
              <strong>{t('agenda.cancelledNotice')}</strong>
              <meta itemprop="eventStatus" content="https://schema.org/EventCancelled" />
            </p>
          </Banner>
        ) : null}
        <SummaryList>
          <dt>{t('agenda.field.start')}</dt>
          <dd>
            <time itemprop="startDate" dateTime={m.startsAt.toISOString()}>
              {when(ctx, m)}
            </time>
            {m.endsAt === null ? null : <meta itemprop="endDate" content={m.endsAt.toISOString()} />}
          </dd>
          <dt>{t('agenda.type')}</dt>
          <dd>{typeLabel(ctx, m.type)}</dd>
          {m.body === undefined ? null : (
            <>
              <dt>{t('agenda.body')}</dt>
              <dd itemprop="organizer" itemscope itemtype="https://schema.org/Organization">
                <a href={`/agenda?badan=${m.body.slug}`} itemprop="url">
                  <span itemprop="name">{m.body.name}</span>
                </a>
              </dd>
            </>
          )}
          {m.dapilNumber === null ? null : (
            <>
              <dt>{t('agenda.dapil')}</dt>
              <dd>{t('dapil.name', { n: m.dapilNumber })}</dd>
            </>
          )}
          <dt>{t('agenda.field.openness')}</dt>
          <dd>{t(m.open ? 'agenda.open' : 'agenda.closed')}</dd>
          {d?.place ? (
            <>
              <dt>{t('agenda.field.place')}</dt>
              <dd itemprop="location">{d.place}</dd>
            </>
          ) : null}
          {d?.onlineUrl ? (
            <>
              <dt>{t('agenda.field.onlineUrl')}</dt>
              <dd>
                <a href={d.onlineUrl} rel="noopener">
                  {d.onlineUrl}
                </a>
              </dd>
            </>
          ) : null}
          {d?.livestreamUrl ? (
            <>
              <dt>{t('agenda.field.livestreamUrl')}</dt>
              <dd>
                <a href={d.livestreamUrl} rel="noopener">
                  {d.livestreamUrl}
                </a>
              </dd>
            </>
          ) : null}
          {d?.recordingUrl ? (
            <>
              <dt>{t('agenda.field.recordingUrl')}</dt>
              <dd>
                <a href={d.recordingUrl} rel="noopener">
                  {d.recordingUrl}
                </a>
              </dd>
            </>
          ) : null}
        </SummaryList>
        {d === undefined ? (
          <p>{t('agenda.closedLead')}</p>
        ) : (
          <>
            {d.agendaItems.length === 0 ? null : (
              <>
                <h2>{t('agenda.field.agendaItems')}</h2>
                <ol itemprop="description">
                  {d.agendaItems.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ol>
              </>
            )}
            {record.documents.length === 0 ? null : (
              <>
                <h2>{t('agenda.documents')}</h2>
                <ul>
                  {record.documents.map((doc) => (
                    <li key={doc.id}>
                      <a href={`/agenda/${m.id}/dokumen/${doc.id}`}>{doc.title}</a> (PDF,{' '}
                      {formatFileSize(doc.bytes, ctx.lang)})
                    </li>
                  ))}
                </ul>
              </>
            )}
            {d.decisions === null ? null : (
              <>
                <h2>{t('agenda.field.decisions')}</h2>
                <p class="prose">{d.decisions}</p>
              </>
            )}
            {d.minutes === null ? null : (
              <>
                <h2>{t('agenda.field.minutes')}</h2>
                <p class="prose">{d.minutes}</p>
              </>
            )}
            {record.attendance.length === 0 ? null : (
              <>
                <h2>{t('agenda.attendance')}</h2>
                <p>
                  {t('agenda.attendanceSummary', {
                    present: record.attendance.filter((a) => a.presence === 'hadir').length,
                    n: record.attendance.length,
                  })}
                </p>
                <ul class="columns">
                  {record.attendance.map((a) => (
                    <li key={a.id}>
                      <a href={`/anggota/${a.slug}`}>{a.name}</a>: {t(`agenda.presence.${a.presence}`)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        <h2>{t('agenda.history')}</h2>
        <ol class="timeline">
          {record.revisions.map((r) => (
            <li key={`${r.kind}-${r.at.toISOString()}`} class="event">
              <p class="event-head">
                <strong>{textOf(t, revisionTexts, r.kind)}</strong>
                <br />
                <span class="meta">
                  {formatDate(r.at, ctx.lang)}, {formatTime(r.at, ctx.lang)}
                </span>
              </p>
              {Object.keys(r.changes).length === 0 || d === undefined ? null : (
                <ul>
                  {Object.entries(r.changes).map(([field, [before, after]]) => (
                    <li key={field}>
                      {t(revisionFields[field] ?? 'agenda.field.title')}: <del>{changedValue(ctx, field, before)}</del>{' '}
                      → <ins>{changedValue(ctx, field, after)}</ins>
                    </li>
                  ))}
                </ul>
              )}
              {r.note === null ? null : <p class="event-body">{r.note}</p>}
            </li>
          ))}
        </ol>
        <NewsSection ctx={ctx} posts={news} heading={t('news.about')} />
        <p>
          <a href={`/agenda/${m.id}/kalender.ics`}>{t('agenda.icsOne')}</a>
        </p>
      </article>
    </Layout>
  );
}
