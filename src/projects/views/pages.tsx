/** /proyek (list, filters, map), /proyek/:id (progress, updates, meetings, aspirations), /proyek/dekat. */
import type { MeetingView } from '../../agenda/service.ts';
import type { AspirationView } from '../../aspirations/service.ts';
import { StatusBadge } from '../../aspirations/views/shared.tsx';
import { type CouncilStructure, regionCenter } from '../../council/service.ts';
import type { NewsPost } from '../../news/service.ts';
import { NewsSection } from '../../news/views/shared.tsx';
import { progressChart } from '../../platform/charts.ts';
import {
  dayOf,
  formatDate,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatRupiahWords,
} from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ChartFigure } from '../../platform/views/chart.tsx';
import { BackLink, ButtonLink, SummaryList } from '../../platform/views/components.tsx';
import { FollowForm } from '../../platform/views/follow.tsx';
import { FilterSearch, FilterSelect, Notice } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { filteredLink, Pager } from '../../platform/views/pager.tsx';
import { LocationField, PinField } from '../../platform/views/place-fields.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import { type ProjectView, statuses } from '../service.ts';
import { ProjectStatusBadge, statusName } from './shared.tsx';

/** A progress bar that is also text: the number is always written. */
export function ProgressBar({ ctx, progress }: { ctx: PageContext; progress: number }) {
  return (
    <p class="progress-line">
      <progress max={100} value={progress} aria-label={ctx.t('project.progress')}>
        {formatPercent(progress, ctx.lang)}
      </progress>{' '}
      {ctx.t('project.progressValue', { n: formatNumber(progress, ctx.lang) })}
    </p>
  );
}

export function placeOf(p: ProjectView): string {
  return [p.kelurahan?.name, p.kecamatan.name].filter(Boolean).join(', ');
}

function ProjectItem({ ctx, p }: { ctx: PageContext; p: ProjectView }) {
  const { t } = ctx;
  return (
    <li>
      <h2>
        <a href={`/proyek/${p.id}`}>{p.name}</a>
      </h2>
      <p class="meta">
        <ProjectStatusBadge ctx={ctx} status={p.status} /> {placeOf(p)} · {p.opd} · {p.year} ·{' '}
        {t('project.budgetShort', { amount: formatRupiahWords(p.budget, ctx.lang) })}
      </p>
      <ProgressBar ctx={ctx} progress={p.progress} />
    </li>
  );
}

export interface ProjectsPageProps {
  ctx: PageContext;
  structure: CouncilStructure;
  projects: ProjectView[];
  total: number;
  page: number;
  pageSize: number;
  years: number[];
  agencies: string[];
  query: Record<string, string>;
}

/** The same filter for /api/v1/projects, which the map draws from. */
export function apiQuery(query: Record<string, string>): string {
  const names: Record<string, string> = {
    kecamatan: 'kecamatan',
    kelurahan: 'kelurahan',
    dapil: 'dapil',
    status: 'status',
    tahun: 'year',
    opd: 'opd',
    q: 'q',
  };
  const params = new URLSearchParams({ per_page: '200' });
  for (const [k, v] of Object.entries(query)) if (names[k] !== undefined && v !== '') params.set(names[k], v);
  return params.toString();
}

export function ProjectsPage({
  ctx,
  structure,
  projects,
  total,
  page,
  pageSize,
  years,
  agencies,
  query,
}: ProjectsPageProps) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <FilterSelect ctx={ctx} name={name} label={label} value={query[name]} options={options} />
  );
  const middle = regionCenter(structure);
  const kecamatan = structure.kecamatan.find((k) => k.slug === query.kecamatan);
  return (
    <Layout ctx={ctx} title={t('project.title')} description={t('project.lead')}>
      <h1>{t('project.title')}</h1>
      <p class="lead">{t('project.lead')}</p>
      <p>
        <a href="/proyek/dekat">{t('project.nearby.link')}</a>
      </p>
      <form method="get" action="/proyek" class="filters" data-module="auto-submit">
        <FilterSearch label={t('aspiration.filter.search')} value={query.q} />
        {select(
          'kecamatan',
          t('project.field.kecamatan'),
          structure.kecamatan.map((k) => ({ value: k.slug, label: k.name })),
        )}
        {kecamatan === undefined
          ? null
          : select(
              'kelurahan',
              t('project.field.kelurahan'),
              kecamatan.kelurahan.map((k) => ({ value: String(k.id), label: k.name })),
            )}
        {select(
          'dapil',
          t('project.field.dapil'),
          structure.dapil.map((d) => ({ value: String(d.number), label: t('project.dapil', { n: d.number }) })),
        )}
        {select(
          'status',
          t('project.field.status'),
          statuses.map((s) => ({ value: s, label: statusName(ctx, s) })),
        )}
        {select(
          'tahun',
          t('project.field.year'),
          years.map((y) => ({ value: String(y), label: String(y) })),
        )}
        {select(
          'opd',
          t('project.field.opd'),
          agencies.map((a) => ({ value: a, label: a })),
        )}
        <button type="submit">{t('aspiration.filter.apply')}</button>
      </form>
      <p role="status">{t('project.count', { n: total })}</p>
      {ctx.map === undefined ? null : (
        <div
          data-module="points-map"
          data-label={t('project.map')}
          data-tiles={ctx.map.tiles}
          data-attribution={ctx.map.attribution}
          data-map-css={ctx.assets.mapCss}
          data-source={`/api/v1/projects?${apiQuery(query)}`}
          data-center-lat={String(middle.lat)}
          data-center-lon={String(middle.lon)}
        />
      )}
      <ul class="list">
        {projects.map((p) => (
          <ProjectItem key={p.id} ctx={ctx} p={p} />
        ))}
      </ul>
      <Pager ctx={ctx} page={page} pages={pages} href={(n) => filteredLink('/proyek', query, { hal: String(n) })} />
      <p>
        {t('project.download')} <a href="/data/proyek.csv">CSV</a> · <a href="/data/proyek.xlsx">XLSX</a> ·{' '}
        <a href="/data/proyek.json">JSON</a> · <a href="/data">{t('data.title')}</a>
      </p>
    </Layout>
  );
}

export interface ProjectPageProps {
  ctx: PageContext;
  csrf: string;
  project: ProjectView;
  updates: {
    id: number;
    date: string;
    progress: number;
    realised: number | null;
    note: string;
    photos: { id: number; width: number; height: number }[];
  }[];
  meetings: MeetingView[];
  aspirations: AspirationView[];
  /** The council's news about this project. */
  news?: NewsPost[];
  followError?: string | undefined;
  notice?: string | undefined;
}

export function ProjectPage({
  ctx,
  csrf,
  project: p,
  updates,
  meetings,
  aspirations,
  news = [],
  followError,
  notice,
}: ProjectPageProps) {
  const { t } = ctx;
  const chronological = [...updates].reverse();
  const chart =
    chronological.length === 0
      ? undefined
      : (width: number) =>
          progressChart({
            width,
            name: t('project.progress'),
            points: chronological.map((u) => ({ date: u.date, value: u.progress })),
            planned: p.startsOn !== null && p.endsOn !== null ? { from: p.startsOn, to: p.endsOn } : undefined,
            dateLabel: (d) => dayOf(ctx, d).replace(/ \d{4}$/, ''),
            percentLabel: (v) => formatPercent(v, ctx.lang),
          });
  const facts: [string, string | undefined][] = [
    [t('project.field.status'), statusName(ctx, p.status)],
    [t('project.field.place'), placeOf(p)],
    [t('project.field.dapil'), p.dapilNumber === undefined ? undefined : t('project.dapil', { n: p.dapilNumber })],
    [t('project.field.opd'), p.opd],
    [t('project.field.komisi'), p.komisi?.name],
    [t('project.field.budget'), `${formatRupiah(p.budget)} (${formatRupiahWords(p.budget, ctx.lang)})`],
    [
      t('project.field.realised'),
      `${formatRupiah(p.realised)}${p.budget > 0 ? ` (${Math.round((p.realised / p.budget) * 100)}%)` : ''}`,
    ],
    [t('project.field.funding'), `${p.fundingSource} ${p.year}`],
    [t('project.field.contractor'), p.contractor ?? undefined],
    [t('project.field.starts'), p.startsOn === null ? undefined : dayOf(ctx, p.startsOn)],
    [t('project.field.ends'), p.endsOn === null ? undefined : dayOf(ctx, p.endsOn)],
  ];
  return (
    <Layout ctx={ctx} title={p.name} description={p.description.slice(0, 160)}>
      <BackLink href="/proyek">{t('project.title')}</BackLink>
      <h1>{p.name}</h1>
      <Notice text={notice} />
      <ProgressBar ctx={ctx} progress={p.progress} />
      {p.description === '' ? null : <p class="lead prose">{p.description}</p>}
      <SummaryList>
        {facts.map(([k, v]) =>
          v === undefined ? null : (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ),
        )}
      </SummaryList>
      <p>
        <ButtonLink href={`/aspirasi/baru?proyek=${p.id}`}>{t('project.fileAspiration')}</ButtonLink>
      </p>
      <section aria-labelledby="kemajuan">
        <h2 id="kemajuan">{t('project.history')}</h2>
        {chart === undefined ? (
          <p>{t('project.noUpdates')}</p>
        ) : (
          <ChartFigure caption={t('project.chartCaption')} draw={chart}>
            <TableWrap label={t('project.chartCaption')}>
              <table>
                <TableHead columns={[t('project.update.date'), t('project.progress'), t('project.field.realised')]} />
                <tbody>
                  {chronological.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">{dayOf(ctx, u.date)}</th>
                      <td class="number">{formatPercent(u.progress, ctx.lang)}</td>
                      <td class="number">{u.realised === null ? '—' : formatRupiah(u.realised)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </ChartFigure>
        )}
        <ol class="timeline">
          {updates.map((u) => (
            <li key={u.id}>
              <h3>
                {dayOf(ctx, u.date)}: {t('project.progressValue', { n: formatNumber(u.progress, ctx.lang) })}
              </h3>
              <p class="prose">{u.note}</p>
              {u.photos.length === 0 ? null : (
                <ul class="photos">
                  {u.photos.map((photo, i) => (
                    <li key={photo.id}>
                      <a href={`/proyek/${p.id}/foto/${photo.id}`}>
                        <img
                          src={`/proyek/${p.id}/foto/${photo.id}-kecil`}
                          alt={t('project.photoAlt', { n: i + 1, date: dayOf(ctx, u.date) })}
                          width={Math.min(photo.width, 480)}
                          height={Math.round((Math.min(photo.width, 480) / photo.width) * photo.height)}
                          loading="lazy"
                        />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="rapat">
        <h2 id="rapat">{t('project.meetings')}</h2>
        {meetings.length === 0 ? (
          <p>{t('project.noMeetings')}</p>
        ) : (
          <ul>
            {meetings.map((m) => (
              <li key={m.id}>
                <a href={`/agenda/${m.id}`}>{m.open ? m.title : t('agenda.closedMeeting')}</a> (
                {formatDate(m.startsAt, ctx.lang)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="aspirasi">
        <h2 id="aspirasi">{t('project.aspirations')}</h2>
        {aspirations.length === 0 ? (
          <p>{t('project.noAspirations')}</p>
        ) : (
          <ul>
            {aspirations.map((a) => (
              <li key={a.code}>
                <a href={`/aspirasi/${a.code}`}>{a.title}</a> <StatusBadge ctx={ctx} status={a.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <NewsSection ctx={ctx} posts={news} heading={t('news.aboutRecord')} />
      <FollowForm
        ctx={ctx}
        csrf={csrf}
        action={`/proyek/${p.id}/ikuti`}
        title={t('project.follow.title')}
        lead={t('project.follow.lead')}
        button={t('draft.follow.button')}
        error={followError}
        follow={{ type: 'project', id: p.id }}
      />
    </Layout>
  );
}

export interface NearbyPageProps {
  ctx: PageContext;
  structure: CouncilStructure;
  location: string | undefined;
  found:
    | {
        placeName: string;
        projects: ProjectView[];
        meetings: { view: MeetingView; projectIds: number[] }[];
        aspirations: AspirationView[];
        aspirationsTotal: number;
        aspirationsLink: string;
      }
    | undefined;
  error?: string | undefined;
}

export function NearbyPage({ ctx, structure, location, found, error }: NearbyPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('project.nearby.title')}>
      <BackLink href="/proyek">{t('project.title')}</BackLink>
      <h1>{t('project.nearby.title')}</h1>
      <p class="lead">{t('project.nearby.lead')}</p>
      <form method="get" action="/proyek/dekat" class="filters">
        <LocationField ctx={ctx} places={structure.kecamatan} value={location} error={error} />
        <PinField ctx={ctx} center={regionCenter(structure)} values={{}} />
        <button type="submit">{t('project.nearby.show')}</button>
      </form>
      {found === undefined ? null : (
        <>
          <h2 id="hasil">{t('project.nearby.around', { place: found.placeName })}</h2>
          <section aria-labelledby="dekat-proyek">
            <h3 id="dekat-proyek">{t('project.title')}</h3>
            {found.projects.length === 0 ? (
              <p>{t('project.nearby.noProjects')}</p>
            ) : (
              <ul class="list">
                {found.projects.map((p) => (
                  <ProjectItem key={p.id} ctx={ctx} p={p} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="dekat-rapat">
            <h3 id="dekat-rapat">{t('project.meetings')}</h3>
            {found.meetings.length === 0 ? (
              <p>{t('project.noMeetings')}</p>
            ) : (
              <ul>
                {found.meetings.map((m) => (
                  <li key={m.view.id}>
                    <a href={`/agenda/${m.view.id}`}>{m.view.open ? m.view.title : t('agenda.closedMeeting')}</a> (
                    {formatDate(m.view.startsAt, ctx.lang)})
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="dekat-aspirasi">
            <h3 id="dekat-aspirasi">{t('project.nearby.aspirations', { n: found.aspirationsTotal })}</h3>
            {found.aspirations.length === 0 ? (
              <p>{t('project.noAspirations')}</p>
            ) : (
              <ul>
                {found.aspirations.map((a) => (
                  <li key={a.code}>
                    <a href={`/aspirasi/${a.code}`}>{a.title}</a> <StatusBadge ctx={ctx} status={a.status} />
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href={found.aspirationsLink}>{t('project.nearby.allAspirations')}</a>
            </p>
          </section>
        </>
      )}
    </Layout>
  );
}
