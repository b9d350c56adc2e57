/** The public pokir pages: the proposals of a year by dapil, and one proposal with its trail. */
import type { Dapil } from '../../council/service.ts';
import type { PokirStatus } from '../../db/schema.ts';
import { WhatIs } from '../../glossary/views/shared.tsx';
import { dayOf, formatNumber, formatRupiah } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button, SummaryList, Tabs, Tag, type TagTone } from '../../platform/views/components.tsx';
import { SelectField } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PokirItem, PokirRecord } from '../service.ts';

const tones: Record<PokirStatus, TagTone> = { diusulkan: 'neutral', rkpd: 'active', apbd: 'active', selesai: 'done' };

export function StatusTag({ ctx, status }: { ctx: PageContext; status: PokirStatus }) {
  return <Tag tone={tones[status]}>{ctx.t(`pokir.status.${status}`)}</Tag>;
}

function placeOf(item: PokirItem): string {
  return [item.kelurahan?.name, item.kecamatan?.name].filter((x) => x !== undefined).join(', ');
}

export function PokirListPage({
  ctx,
  year,
  years,
  dapil,
  dapils,
  items,
}: {
  ctx: PageContext;
  year: number;
  years: number[];
  dapil: number | undefined;
  dapils: Dapil[];
  items: PokirItem[];
}) {
  const { t } = ctx;
  const groups = [...new Set(items.map((i) => i.dapil?.number ?? 0))].sort((a, b) => a - b);
  const dapilParam = dapil === undefined ? '' : `&dapil=${dapil}`;
  return (
    <Layout ctx={ctx} title={`${t('pokir.title')} · ${t('pokir.year', { year })}`} description={t('pokir.lead')}>
      <h1>{t('pokir.title')}</h1>
      <p>{t('pokir.lead')}</p>
      <WhatIs ctx={ctx} slug="pokir" word="pokir" />
      {years.length > 1 ? (
        <Tabs
          label={t('pokir.years')}
          items={years.map((y) => ({ href: `/pokir?tahun=${y}${dapilParam}`, label: String(y), current: y === year }))}
        />
      ) : null}
      <form method="get" action="/pokir" class="filters">
        <input type="hidden" name="tahun" value={String(year)} />
        <SelectField
          name="dapil"
          label={t('pokir.dapil')}
          empty={t('pokir.allDapil')}
          value={dapil === undefined ? undefined : String(dapil)}
          options={dapils.map((d) => ({ value: String(d.number), label: t('pokir.dapilN', { n: d.number }) }))}
        />
        <Button variant="secondary">{t('pokir.show')}</Button>
      </form>
      <h2>{t('pokir.year', { year })}</h2>
      {items.length === 0 ? <p>{t('pokir.none')}</p> : null}
      {groups.map((n) => (
        <section key={n} aria-labelledby={`dapil-${n}`}>
          <h3 id={`dapil-${n}`}>{n === 0 ? t('pokir.noDapil') : t('pokir.dapilN', { n })}</h3>
          <ul class="list">
            {items
              .filter((i) => (i.dapil?.number ?? 0) === n)
              .map((i) => (
                <li key={i.id}>
                  <a href={`/pokir/${i.id}`}>{i.title}</a> <StatusTag ctx={ctx} status={i.status} />
                  <br />
                  <span class="meta">
                    {placeOf(i)} · {i.agency}
                    {i.estimatedCost === null ? '' : ` · ${formatRupiah(i.estimatedCost)}`} ·{' '}
                    {t('pokir.sources', { n: formatNumber(i.sources, ctx.lang) })}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

/** A proposal's facts, steps, project and sources, as the public and the secretariat see them. */
export function PokirBody({ ctx, record }: { ctx: PageContext; record: PokirRecord }) {
  const { t } = ctx;
  const i = record.item;
  return (
    <>
      <SummaryList
        rows={[
          [t('pokir.state'), <StatusTag key="s" ctx={ctx} status={i.status} />],
          [t('pokir.field.year'), String(i.year)],
          [t('pokir.dapil'), i.dapil === undefined ? '' : t('pokir.dapilN', { n: i.dapil.number })],
          [t('pokir.place'), placeOf(i)],
          [t('pokir.agency'), i.agency],
          [t('pokir.cost'), i.estimatedCost === null ? '' : formatRupiah(i.estimatedCost)],
        ]}
      />
      {i.description === '' ? null : <p class="prose">{i.description}</p>}
      {record.project === undefined ? null : (
        <>
          <h2>{t('pokir.project')}</h2>
          <p>
            <a href={`/proyek/${record.project.id}`}>{record.project.name}</a> ·{' '}
            {t('pokir.progress', { n: formatNumber(record.project.progress, ctx.lang) })}
          </p>
        </>
      )}
      <h2>{t('pokir.steps')}</h2>
      <ol class="list">
        {record.steps.map((s) => (
          <li key={`${s.status}-${s.day}`}>
            <strong>{dayOf(ctx, s.day)}</strong> · {t(`pokir.status.${s.status}`)}
            {s.note === '' ? null : <p class="prose">{s.note}</p>}
          </li>
        ))}
      </ol>
      <h2>{t('pokir.fromAspirations')}</h2>
      <ul class="list">
        {record.sources.map((s) => (
          <li key={s.code}>
            <a href={`/aspirasi/${s.code}`}>{s.title}</a> <span class="meta">{s.code}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function PokirPage({ ctx, record }: { ctx: PageContext; record: PokirRecord }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={record.item.title} description={record.item.description.slice(0, 200)}>
      <BackLink href={`/pokir?tahun=${record.item.year}`}>{t('pokir.title')}</BackLink>
      <h1>{record.item.title}</h1>
      <PokirBody ctx={ctx} record={record} />
    </Layout>
  );
}
