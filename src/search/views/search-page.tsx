/** /cari: the search box and, below it, what each part of the site holds for the words. */

import type { ComponentChildren } from 'preact';
import { shownTitle } from '../../agenda/views/shared.tsx';
import { StatusBadge } from '../../aspirations/views/shared.tsx';
import { formatDate, formatNumber } from '../../platform/format.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ErrorSummary, TextField } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ProjectStatusBadge } from '../../projects/views/shared.tsx';
import { typeName } from '../../regulations/views/shared.tsx';
import { QUERY_MAX, type SiteSearchResults } from '../service.ts';

interface Hit {
  key: string;
  href: string;
  title: string;
  detail: ComponentChildren;
}

/** One kind of result: how many, the first few, and the way to all of them on their own page. */
function Kind({
  ctx,
  id,
  title,
  total,
  capped = false,
  all,
  hits,
}: {
  ctx: PageContext;
  id: string;
  title: MessageKey;
  total: number;
  capped?: boolean;
  all: string;
  hits: Hit[];
}) {
  const { t, lang } = ctx;
  if (total === 0) return null;
  return (
    <section aria-labelledby={`hasil-${id}`}>
      <h2 id={`hasil-${id}`}>
        {t(title)}{' '}
        <span class="count">
          {`(${t(capped ? 'search.countCapped' : 'search.count', { n: formatNumber(total, lang) })})`}
        </span>
      </h2>
      <ul class="list">
        {hits.map((h) => (
          <li key={h.key}>
            <a href={h.href}>{h.title}</a>
            <br />
            {h.detail}
          </li>
        ))}
      </ul>
      {total > hits.length ? (
        <p>
          <a href={all}>{t('search.all', { kind: t(title) })}</a>
        </p>
      ) : null}
    </section>
  );
}

export function SearchPage({
  ctx,
  q,
  error,
  results,
}: {
  ctx: PageContext;
  q: string;
  error?: string | undefined;
  results?: SiteSearchResults | undefined;
}) {
  const { t, lang } = ctx;
  const words = encodeURIComponent(q);
  const found =
    results === undefined
      ? 0
      : results.members.total +
        results.meetings.total +
        results.regulations.total +
        results.projects.total +
        results.news.total +
        results.aspirations.total;
  return (
    <Layout ctx={ctx} title={q === '' || error !== undefined ? t('search.title') : t('search.resultsFor', { q })}>
      <h1>{q === '' || error !== undefined ? t('search.title') : t('search.resultsFor', { q })}</h1>
      <ErrorSummary ctx={ctx} errors={error === undefined ? {} : { q: error }} />
      <search>
        <form method="get" action="/cari" class="filters">
          <TextField name="q" type="search" label={t('search.label')} value={q} error={error} maxLength={QUERY_MAX} />
          <button type="submit">{t('search.button')}</button>
        </form>
      </search>
      {results === undefined ? null : found === 0 ? (
        <p>{t('search.nothing', { q })}</p>
      ) : (
        <>
          <Kind
            ctx={ctx}
            id="anggota"
            title="search.kind.members"
            total={results.members.total}
            all="/anggota"
            hits={results.members.items.map((m) => ({
              key: m.slug,
              href: `/anggota/${m.slug}`,
              title: m.name,
              detail: [m.fraksi?.name ?? m.party, m.dapil === null ? null : t('search.dapil', { n: m.dapil })]
                .filter(Boolean)
                .join(' · '),
            }))}
          />
          <Kind
            ctx={ctx}
            id="rapat"
            title="search.kind.meetings"
            total={results.meetings.total}
            all={`/agenda?q=${words}`}
            hits={results.meetings.items.map((m) => ({
              key: String(m.id),
              href: `/agenda/${m.id}`,
              title: shownTitle(ctx, m),
              detail: [formatDate(m.startsAt, lang), m.body?.name].filter(Boolean).join(' · '),
            }))}
          />
          <Kind
            ctx={ctx}
            id="peraturan"
            title="search.kind.regulations"
            total={results.regulations.total}
            all={`/perda?q=${words}`}
            hits={results.regulations.items.map((r) => ({
              key: String(r.id),
              href: `/perda/${r.id}`,
              title: r.title,
              detail: `${typeName(ctx, r.type)} ${r.number}/${r.year}`,
            }))}
          />
          <Kind
            ctx={ctx}
            id="proyek"
            title="search.kind.projects"
            total={results.projects.total}
            all={`/proyek?q=${words}`}
            hits={results.projects.items.map((p) => ({
              key: String(p.id),
              href: `/proyek/${p.id}`,
              title: p.name,
              detail: (
                <>
                  <ProjectStatusBadge ctx={ctx} status={p.status} />
                  {` ${p.kecamatan.name} · ${p.year}`}
                </>
              ),
            }))}
          />
          <Kind
            ctx={ctx}
            id="berita"
            title="search.kind.news"
            total={results.news.total}
            all={`/berita?q=${words}`}
            hits={results.news.items.map((n) => ({
              key: n.slug,
              href: `/berita/${n.slug}`,
              title: n.title,
              detail: [
                t(`news.category.${n.category}`),
                n.publishedAt === null ? null : formatDate(n.publishedAt, lang),
              ]
                .filter(Boolean)
                .join(' · '),
            }))}
          />
          <Kind
            ctx={ctx}
            id="aspirasi"
            title="search.kind.aspirations"
            total={results.aspirations.total}
            capped={results.aspirations.capped}
            all={`/aspirasi?q=${words}`}
            hits={results.aspirations.items.map((a) => ({
              key: a.code,
              href: `/aspirasi/${a.code}`,
              title: a.title,
              detail: (
                <>
                  <StatusBadge ctx={ctx} status={a.status} />
                  {` ${a.code} · ${formatDate(a.receivedAt, lang)}`}
                </>
              ),
            }))}
          />
        </>
      )}
    </Layout>
  );
}
