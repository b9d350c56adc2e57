/**
 * /kinerja: the filter form (works with JavaScript off), the headline figures, then month by
 * month, per komisi and per kecamatan — each chart drawn on the server with its table — and the
 * satisfaction index of each service unit.
 */
import { emptyFigures } from '../../aspirations/service.ts';
import { channelTexts } from '../../aspirations/views/shared.tsx';
import { barChart, tileGrid } from '../../platform/charts.ts';
import { dayOf, formatNumber } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ChartFigure } from '../../platform/views/chart.tsx';
import { Banner, Button, SummaryList } from '../../platform/views/components.tsx';
import { FilterSelect, TextField } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import { unitKey } from '../../surveys/service.ts';
import type { PerformanceView } from '../service.ts';
import { figureCells, figureColumns, headlineRows, monthName } from './shared.tsx';

type Figures = PerformanceView['figures']['total'];

function Headline({ ctx, f }: { ctx: PageContext; f: Figures }) {
  return <SummaryList rows={headlineRows(ctx, f)} />;
}

function GroupTable({
  ctx,
  label,
  first,
  rows,
}: {
  ctx: PageContext;
  label: string;
  first: string;
  rows: { name: string; f: Figures }[];
}) {
  return (
    <TableWrap label={label}>
      <table>
        <TableHead columns={figureColumns(ctx, first)} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              {figureCells(ctx, r.f).map((cell, i) => (
                <td class="number" key={i}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function PerformancePage({ ctx, view, csvLink }: { ctx: PageContext; view: PerformanceView; csvLink: string }) {
  const { t } = ctx;
  const { figures, values, choices } = view;
  const received = t('performance.received');
  const resolved = t('performance.resolved');
  const monthsCaption = t('performance.months');
  const komisiCaption = t('performance.byKomisi');
  const kecamatanCaption = t('performance.byKecamatan');
  const komisiRows = figures.byKomisi
    .map((g) => ({
      name: g.komisiId === null ? t('performance.noKomisi') : (view.names.komisi.get(g.komisiId) ?? ''),
      f: g.figures,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const kecamatanRows = choices.kecamatan
    .filter((k) => view.filter.kecamatanId === undefined || k.id === view.filter.kecamatanId)
    .map((k) => ({
      name: k.label,
      f: figures.byKecamatan.find((g) => g.kecamatanId === k.id)?.figures ?? emptyFigures,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Layout ctx={ctx} title={t('performance.title')} description={t('performance.lead')}>
      <h1>{t('performance.title')}</h1>
      <p>{t('performance.lead')}</p>
      {view.refused ? (
        <Banner tone="important">
          <p>{t('performance.badPeriod')}</p>
        </Banner>
      ) : null}
      <Rising ctx={ctx} view={view} />
      <h2>{t('performance.filter')}</h2>
      <form method="get" action="/kinerja" class="filters">
        <TextField
          name="dari"
          id="f-dari"
          type="month"
          label={t('performance.from')}
          value={values.dari}
          hint="YYYY-MM"
        />
        <TextField
          name="sampai"
          id="f-sampai"
          type="month"
          label={t('performance.until')}
          value={values.sampai}
          hint="YYYY-MM"
        />
        <FilterSelect
          ctx={ctx}
          name="komisi"
          label={t('performance.komisi')}
          value={values.komisi}
          options={choices.komisi.map((k) => ({ value: k.value, label: k.label }))}
        />
        <FilterSelect
          ctx={ctx}
          name="dapil"
          label={t('performance.dapil')}
          value={values.dapil}
          options={choices.dapil.map((d) => ({ value: d.value, label: t('performance.dapilN', { n: d.number }) }))}
        />
        <FilterSelect
          ctx={ctx}
          name="kecamatan"
          label={t('performance.kecamatan')}
          value={values.kecamatan}
          options={choices.kecamatan.map((k) => ({ value: k.value, label: k.label }))}
        />
        <FilterSelect
          ctx={ctx}
          name="kategori"
          label={t('performance.category')}
          value={values.kategori}
          options={choices.categories.map((c) => ({ value: c.value, label: c.label }))}
        />
        <FilterSelect
          ctx={ctx}
          name="kanal"
          label={t('performance.channel')}
          value={values.kanal}
          options={choices.channels.map((c) => ({ value: c, label: t(channelTexts[c]) }))}
        />
        <Button variant="secondary">{t('performance.show')}</Button>
      </form>

      <h2>{t('performance.headline')}</h2>
      <p class="meta">
        {t('performance.period', { from: monthName(ctx, view.filter.from), until: monthName(ctx, view.filter.until) })}
      </p>
      <Headline ctx={ctx} f={figures.total} />

      <h2>{monthsCaption}</h2>
      <ChartFigure
        caption={monthsCaption}
        draw={(width) =>
          barChart({
            categories: figures.months.map((m) => monthName(ctx, m.month)),
            series: [
              { name: received, values: figures.months.map((m) => m.figures.received) },
              { name: resolved, values: figures.months.map((m) => m.figures.resolved) },
            ],
            width,
          })
        }
      >
        <GroupTable
          ctx={ctx}
          label={monthsCaption}
          first={t('performance.month')}
          rows={figures.months.map((m) => ({ name: monthName(ctx, m.month), f: m.figures }))}
        />
      </ChartFigure>
      <p>
        <a href={csvLink}>{t('performance.csv')}</a>
      </p>

      <h2>{komisiCaption}</h2>
      <ChartFigure
        caption={komisiCaption}
        draw={(width) =>
          barChart({
            categories: komisiRows.map((r) => r.name),
            series: [
              { name: received, values: komisiRows.map((r) => r.f.received) },
              { name: resolved, values: komisiRows.map((r) => r.f.resolved) },
            ],
            width,
          })
        }
      >
        <GroupTable ctx={ctx} label={komisiCaption} first={t('performance.komisi')} rows={komisiRows} />
      </ChartFigure>
      <p>
        <a href={`${csvLink}${csvLink.includes('?') ? '&' : '?'}tabel=komisi`}>{t('performance.csvKomisi')}</a>
      </p>

      <h2>{kecamatanCaption}</h2>
      <ChartFigure
        caption={t('performance.tilesLabel')}
        draw={(width) =>
          tileGrid({
            tiles: kecamatanRows.map((r) => ({ label: r.name, value: r.f.received })),
            width,
            valueLabel: (v) => formatNumber(v, ctx.lang),
          })
        }
      >
        <p class="meta">{t('performance.tilesNote')}</p>
        <GroupTable ctx={ctx} label={kecamatanCaption} first={t('performance.kecamatan')} rows={kecamatanRows} />
      </ChartFigure>
      <p>
        <a href={`${csvLink}${csvLink.includes('?') ? '&' : '?'}tabel=kecamatan`}>{t('performance.csvKecamatan')}</a>
      </p>

      <h2>{t('performance.ikm')}</h2>
      {view.ikm.length === 0 ? (
        <p>{t('performance.noIkm')}</p>
      ) : (
        <TableWrap label={t('performance.ikm')}>
          <table>
            <TableHead
              columns={[
                t('performance.unit'),
                t('performance.surveyPeriod'),
                t('performance.ikmValue'),
                t('performance.grade'),
              ]}
            />
            <tbody>
              {view.ikm.map((f) => (
                <tr key={f.survey.id}>
                  <th scope="row">
                    <a href={`/survei/${f.survey.id}/hasil`}>
                      {f.survey.serviceUnit === null ? f.survey.title : t(unitKey[f.survey.serviceUnit])}
                    </a>
                  </th>
                  <td>
                    {dayOf(ctx, f.survey.opensOn)} – {dayOf(ctx, f.survey.closesOn)}
                  </td>
                  <td class="number">
                    {new Intl.NumberFormat(ctx.lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2 }).format(
                      f.ikm.index,
                    )}
                  </td>
                  <td>{f.ikm.grade}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}

/**
 * What is rising this week, for everyone: per category and kecamatan, counts only (no aspiration
 * is named), each linked to the public list of that category in that kecamatan.
 */
function Rising({ ctx, view }: { ctx: PageContext; view: PerformanceView }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="meningkat">
      <h2 id="meningkat">{t('performance.rising')}</h2>
      <p>{t('performance.risingLead')}</p>
      {view.rising.length === 0 ? (
        <p>{t('performance.risingNone')}</p>
      ) : (
        <ul class="list">
          {view.rising.map((s) => {
            const category = view.choices.categories.find((c) => c.id === s.categoryId);
            const kecamatan = view.choices.kecamatan.find((k) => k.id === s.kecamatanId);
            if (category === undefined || kecamatan === undefined) return null;
            return (
              <li key={`${s.categoryId}-${s.kecamatanId}`}>
                <a href={`/aspirasi?kategori=${category.value}&kecamatan=${kecamatan.value}`}>
                  {t('performance.risingItem', { category: category.label, kecamatan: kecamatan.label })}
                </a>
                {`: ${t('performance.risingCounts', {
                  week: formatNumber(s.week, lang),
                  before: formatNumber(Math.round(s.before * 10) / 10, lang),
                })}`}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
