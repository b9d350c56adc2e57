/** The public reses pages: every published report by period, and one member's report. */

import { WhatIs } from '../../glossary/views/shared.tsx';
import { dayOf, formatNumber } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, SummaryList, Tag } from '../../platform/views/components.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { jakartaDay } from '../../platform/working-days.ts';
import type { ReportRecord, ReportSummary } from '../service.ts';
import { figuresOf } from './shared.tsx';

export function ResesListPage({ ctx, reports }: { ctx: PageContext; reports: ReportSummary[] }) {
  const { t } = ctx;
  const periods = [...new Map(reports.map((r) => [r.period.id, r.period])).values()];
  return (
    <Layout ctx={ctx} title={t('reses.title')} description={t('reses.lead')}>
      <h1>{t('reses.title')}</h1>
      <p>{t('reses.lead')}</p>
      <WhatIs ctx={ctx} slug="reses" word="reses" />
      {reports.length === 0 ? <p>{t('reses.none')}</p> : null}
      {periods.map((p) => (
        <section key={p.id} aria-labelledby={`masa-${p.id}`}>
          <h2 id={`masa-${p.id}`}>
            {p.name}{' '}
            <span class="meta">
              ({dayOf(ctx, p.startsOn)} – {dayOf(ctx, p.endsOn)})
            </span>
          </h2>
          <ul class="list">
            {reports
              .filter((r) => r.period.id === p.id)
              .sort(
                (a, b) =>
                  (a.dapil?.number ?? 99) - (b.dapil?.number ?? 99) || a.member.name.localeCompare(b.member.name),
              )
              .map((r) => (
                <li key={r.id}>
                  <a href={`/reses/${r.id}`}>{r.member.name}</a>
                  {r.dapil === undefined ? null : <> · {t('reses.dapil', { n: r.dapil.number })}</>}
                  <br />
                  <span class="meta">{figuresOf(ctx, r)}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

/** The visits and the input of a report, as the public and its editors see them. */
export function ReportBody({ ctx, record }: { ctx: PageContext; record: ReportRecord }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('reses.visits')}</h2>
      <ol class="list">
        {record.visitList.map((v) => (
          <li key={v.id} id={`kunjungan-${v.id}`}>
            <strong>{dayOf(ctx, v.day)}</strong> · {v.place}
            {v.kelurahan === undefined ? null : (
              <>
                {' '}
                · {v.kelurahan.name}, {v.kelurahan.kecamatan}
              </>
            )}
            <br />
            <span class="meta">{t('reses.attendance', { n: formatNumber(v.attendance, ctx.lang) })}</span>
            {v.notes === '' ? null : <p class="prose">{v.notes}</p>}
            {v.photos.length === 0 ? null : (
              <ul class="photos">
                {v.photos.map((p) => (
                  <li key={p.id}>
                    <a href={`/reses/${record.id}/foto/${p.id}`}>
                      <img
                        src={`/reses/${record.id}/foto/${p.id}-kecil`}
                        alt={t('reses.photoAlt', { place: v.place, day: dayOf(ctx, v.day) })}
                        loading="lazy"
                        width={Math.min(320, p.width)}
                        height={Math.round((Math.min(320, p.width) * p.height) / Math.max(1, p.width))}
                      />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <h2>{t('reses.inputs')}</h2>
      {record.inputList.length === 0 ? <p>{t('reses.noInputs')}</p> : null}
      <ul class="list">
        {record.inputList.map((i) => (
          <li key={i.id}>
            <a href={`/aspirasi/${i.code}`}>{i.title}</a> <span class="meta">{i.code}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ResesReportPage({ ctx, record }: { ctx: PageContext; record: ReportRecord }) {
  const { t } = ctx;
  const title = t('reses.report.title', { member: record.member.name, period: record.period.name });
  return (
    <Layout ctx={ctx} title={title} description={record.summary.slice(0, 200)}>
      <BackLink href="/reses">{t('reses.title')}</BackLink>
      <h1>{title}</h1>
      {record.publishedAt === null ? <Tag tone="active">{t('reses.draft')}</Tag> : null}
      <SummaryList
        rows={[
          [
            t('reses.member'),
            <a key="m" href={`/anggota/${record.member.slug}`}>
              {record.member.name}
            </a>,
          ],
          [
            t('reses.dapil', { n: record.dapil?.number ?? '' }),
            record.dapil === undefined ? '' : record.dapil.kecamatan.join(', '),
          ],
          [
            t('reses.period'),
            `${record.period.name} (${dayOf(ctx, record.period.startsOn)} – ${dayOf(ctx, record.period.endsOn)})`,
          ],
          [t('reses.published'), record.publishedAt === null ? '' : dayOf(ctx, jakartaDay(record.publishedAt))],
        ]}
      />
      <p class="meta">{figuresOf(ctx, record)}</p>
      {record.summary === '' ? null : (
        <>
          <h2>{t('reses.summary')}</h2>
          <p class="prose">{record.summary}</p>
        </>
      )}
      <ReportBody ctx={ctx} record={record} />
    </Layout>
  );
}
