/** /aspirasi (the public list) and /aspirasi/:kode (one aspiration, its timeline, and the reporter's forms). */
import { type CouncilStructure, regionCenter } from '../../council/service.ts';
import { formatDate, formatNumber } from '../../platform/format.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button } from '../../platform/views/components.tsx';
import { PushButton } from '../../platform/views/follow.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FilterSearch,
  FilterSelect,
  Notice,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { filteredLink, Pager } from '../../platform/views/pager.tsx';
import { type AspirationView, isOpen } from '../service.ts';
import type { Values } from './form-pages.tsx';
import { categoryName, DeadlineText, Facts, kindLabel, Photos, placeName, Timeline } from './parts.tsx';
import { SendOrTrack, StatusBadge, statusLabel } from './shared.tsx';

const ratingTexts = {
  1: 'aspiration.rate.1',
  2: 'aspiration.rate.2',
  3: 'aspiration.rate.3',
  4: 'aspiration.rate.4',
  5: 'aspiration.rate.5',
} as const satisfies Record<1 | 2 | 3 | 4 | 5, MessageKey>;

export interface AspirationPageProps {
  ctx: PageContext;
  csrf: string;
  view: AspirationView;
  reporter: boolean;
  /** Shown once, on the private link right after sending. */
  privateLink?: string | undefined;
  notice?: string | undefined;
  errors?: FieldErrors;
  values?: Values;
  reopenDays: number;
}

export function AspirationPage({
  ctx,
  csrf,
  view,
  reporter,
  privateLink,
  notice,
  errors = {},
  values = {},
  reopenDays,
}: AspirationPageProps) {
  const { t } = ctx;
  const closed = ['resolved', 'referred', 'rejected'].includes(view.status);
  const reopenUntil = view.resolvedAt === null ? null : new Date(view.resolvedAt.getTime() + reopenDays * 86_400_000);
  const mayReopen = view.status === 'resolved' && reopenUntil !== null && reopenUntil.getTime() > Date.now();
  return (
    <Layout ctx={ctx} title={`${view.code}: ${view.title}`} description={view.description.slice(0, 160)}>
      <BackLink href="/aspirasi">{t('aspiration.list.back')}</BackLink>
      <Notice text={notice} />
      {privateLink === undefined ? null : (
        <div class="panel" role="status">
          <h2>{t('aspiration.sent.title')}</h2>
          <p>{t('aspiration.sent.code', { code: view.code })}</p>
          <p>{t('aspiration.sent.link')}</p>
          <p class="private-link">
            <a href={privateLink}>{privateLink}</a>
          </p>
        </div>
      )}
      <h1>{view.title}</h1>
      {view.kind === 'rahasia' ? <p class="lead">{t('aspiration.confidential.private')}</p> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Facts ctx={ctx} view={view} />
      <h2>{t('aspiration.field.description')}</h2>
      <p class="prose">{view.description}</p>
      <Photos ctx={ctx} view={view} />
      <h2>{t('aspiration.timeline')}</h2>
      <Timeline ctx={ctx} view={view} />
      {reporter ? (
        <section class="reporter-actions" aria-labelledby="reporter-title">
          <h2 id="reporter-title">{t('aspiration.reporter.title')}</h2>
          {view.status === 'duplicate' ? null : (
            <form method="post" action={`/aspirasi/${view.code}/balas`} novalidate>
              <CsrfField token={csrf} />
              <TextArea
                name="body"
                label={t('aspiration.reply.label')}
                hint={t(view.kind === 'rahasia' ? 'aspiration.reply.hintConfidential' : 'aspiration.reply.hint')}
                value={values.body}
                error={errors.body}
                rows={4}
                maxLength={3000}
              />
              <button type="submit">{t('aspiration.reply.button')}</button>
            </form>
          )}
          {closed ? (
            <form method="post" action={`/aspirasi/${view.code}/nilai`} novalidate>
              <CsrfField token={csrf} />
              <Radios
                name="rating"
                legend={t('aspiration.rate.label')}
                error={errors.rating}
                inline
                value={String(view.rating ?? values.rating ?? '')}
                options={([1, 2, 3, 4, 5] as const).map((n) => ({ value: String(n), label: t(ratingTexts[n]) }))}
              />
              <TextArea
                name="comment"
                label={t('aspiration.rate.comment')}
                value={values.comment ?? view.ratingComment ?? ''}
                error={errors.comment}
                rows={3}
                maxLength={3000}
              />
              <button type="submit">{t('aspiration.rate.button')}</button>
            </form>
          ) : null}
          {view.status === 'resolved' && view.fixedAskedAt !== null ? (
            <form method="post" action={`/aspirasi/${view.code}/tuntas`}>
              <CsrfField token={csrf} />
              <Radios
                name="answer"
                legend={t('aspiration.fixed.question')}
                inline
                value={view.fixedAnswer === true ? 'ya' : view.fixedAnswer === false ? 'tidak' : undefined}
                options={[
                  { value: 'ya', label: t('aspiration.fixed.yes') },
                  { value: 'tidak', label: t('aspiration.fixed.no') },
                ]}
              />
              <button type="submit">{t('aspiration.fixed.button')}</button>
            </form>
          ) : null}
          {mayReopen && reopenUntil !== null ? (
            <form method="post" action={`/aspirasi/${view.code}/buka`} novalidate>
              <CsrfField token={csrf} />
              <TextArea
                name="reason"
                label={t('aspiration.reopen.label')}
                hint={t('aspiration.reopen.hint', { date: formatDate(reopenUntil, ctx.lang) })}
                value={values.reason}
                error={errors.reason}
                rows={3}
                maxLength={3000}
              />
              <Button variant="secondary">{t('aspiration.reopen.button')}</Button>
            </form>
          ) : null}
        </section>
      ) : isOpen(view.status) ? (
        <section aria-labelledby="support-title">
          <h2 id="support-title">{t('aspiration.support.title')}</h2>
          <form method="post" action={`/aspirasi/${view.code}/dukung`} novalidate>
            <CsrfField token={csrf} />
            <TextField
              name="email"
              id="support-email"
              type="email"
              label={t('aspiration.support.email')}
              autocomplete="email"
              maxLength={320}
            />
            <button type="submit">{t('aspiration.support.button')}</button>
          </form>
        </section>
      ) : null}
      <PushButton ctx={ctx} csrf={csrf} follow={{ type: 'aspiration', id: view.id }} />
    </Layout>
  );
}

export interface ListPageProps {
  ctx: PageContext;
  structure: CouncilStructure;
  items: AspirationView[];
  total: number;
  /** More than `total` match (a search counts up to a cap). */
  capped?: boolean;
  page: number;
  pageSize: number;
  query: Record<string, string>;
}

/** The same filter for /api/v1/aspirations, with the most pins one page may take. */
function apiQuery(query: Record<string, string>): string {
  const params = new URLSearchParams({ per_page: '100' });
  const map: Record<string, string> = {
    jenis: 'kind',
    kategori: 'category',
    kecamatan: 'kecamatan',
    dapil: 'dapil',
    status: 'status',
    q: 'q',
  };
  for (const [from, to] of Object.entries(map)) {
    const value = query[from];
    if (value !== undefined && value !== '') params.set(to, value);
  }
  return params.toString();
}

export function ListPage({ ctx, structure, items, total, capped = false, page, pageSize, query }: ListPageProps) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <FilterSelect ctx={ctx} name={name} label={label} value={query[name]} options={options} />
  );

  return (
    <Layout ctx={ctx} title={t('aspiration.list.title')} description={t('aspiration.list.lead')}>
      <h1>{t('aspiration.list.title')}</h1>
      <p class="lead">{t('aspiration.list.lead')}</p>
      <SendOrTrack ctx={ctx} />
      <form method="get" action="/aspirasi" class="filters" data-module="auto-submit">
        <FilterSearch label={t('aspiration.filter.search')} value={query.q} />
        {select(
          'jenis',
          t('aspiration.field.kind'),
          ['aspirasi', 'pengaduan', 'informasi'].map((k) => ({ value: k, label: kindLabel(ctx, k) })),
        )}
        {select(
          'kategori',
          t('aspiration.field.category'),
          structure.categories.map((c) => ({ value: c.slug, label: ctx.lang === 'en' ? c.nameEn : c.name })),
        )}
        {select(
          'kecamatan',
          t('aspiration.filter.kecamatan'),
          structure.kecamatan.map((k) => ({ value: k.slug, label: k.name })),
        )}
        {select(
          'dapil',
          t('aspiration.filter.dapil'),
          structure.dapil.map((d) => ({ value: String(d.number), label: t('dapil.name', { n: d.number }) })),
        )}
        {select(
          'status',
          t('aspiration.field.status'),
          (['received', 'verified', 'forwarded', 'resolved', 'referred', 'rejected'] as const).map((s) => ({
            value: s,
            label: statusLabel(ctx, s),
          })),
        )}
        <SelectField
          name="urut"
          id="f-urut"
          label={t('aspiration.filter.sort')}
          value={query.urut === 'dukungan' ? 'dukungan' : 'baru'}
          options={[
            { value: 'baru', label: t('aspiration.filter.newest') },
            { value: 'dukungan', label: t('aspiration.filter.supported') },
          ]}
        />
        <button type="submit">{t('aspiration.filter.apply')}</button>
      </form>
      <p role="status">
        {capped
          ? t('aspiration.list.countMore', { n: formatNumber(total, ctx.lang) })
          : t('aspiration.list.count', { n: formatNumber(total, ctx.lang) })}
      </p>
      {ctx.map === undefined ? null : (
        <div
          data-module="points-map"
          data-label={t('aspiration.list.map')}
          data-tiles={ctx.map.tiles}
          data-attribution={ctx.map.attribution}
          data-map-css={ctx.assets.mapCss}
          data-source={`/api/v1/aspirations?${apiQuery(query)}`}
          data-center-lat={String(regionCenter(structure).lat)}
          data-center-lon={String(regionCenter(structure).lon)}
        />
      )}
      <ul class="list aspirations">
        {items.map((a) => (
          <li key={a.code}>
            <h2>
              <a href={`/aspirasi/${a.code}`}>{a.title}</a>
            </h2>
            <p class="meta">
              <StatusBadge ctx={ctx} status={a.status} /> {kindLabel(ctx, a.kind)} · {categoryName(ctx, a)} ·{' '}
              {placeName(a)} · {formatDate(a.receivedAt, ctx.lang)} · {t('aspiration.supporters', { n: a.supporters })}
            </p>
            <p class="meta">
              {a.code} <DeadlineText ctx={ctx} deadline={a.deadline} />
            </p>
          </li>
        ))}
      </ul>
      <Pager ctx={ctx} page={page} pages={pages} href={(p) => filteredLink('/aspirasi', query, { hal: String(p) })} />
      <p>
        <a href="/aspirasi.atom">{t('aspiration.feed')}</a>
      </p>
    </Layout>
  );
}
