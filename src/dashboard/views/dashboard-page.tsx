/**
 * /kelola/dasbor: the official's open work first (how much, where, how late, the longest late),
 * what waits on the citizen or did not reach them, what runs now; then, for the leadership, the
 * council's week against the week before and what is rising, each row linking down to the items.
 * Every chart has its table; the page works without JavaScript.
 */
import type { ComponentChildren } from 'preact';
import { barChart } from '../../platform/charts.ts';
import { dayOf, formatDate, formatNumber } from '../../platform/format.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { ChannelName } from '../../platform/outbox.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ChartFigure } from '../../platform/views/chart.tsx';
import { BackLink, SummaryList } from '../../platform/views/components.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import type { Dashboard } from '../service.ts';

const channelNames: Record<ChannelName, MessageKey> = {
  email: 'dashboard.channel.email',
  sms: 'dashboard.channel.sms',
  whatsapp: 'dashboard.channel.whatsapp',
  push: 'dashboard.channel.push',
};

const bandNames: MessageKey[] = ['dashboard.band1', 'dashboard.band2', 'dashboard.band3', 'dashboard.band4'];

/** A table of rows whose first cell names the row and whose other cells are numbers. */
function NumberTable({
  label,
  columns,
  rows,
  empty,
}: {
  label: string;
  columns: string[];
  rows: { key: string; name: ComponentChildren; values: (number | string)[] }[];
  /** Said under the table's name when it has no rows. */
  empty?: string;
}) {
  if (rows.length === 0 && empty !== undefined)
    return (
      <p>
        <strong>{label}</strong>: {empty}
      </p>
    );
  return (
    <TableWrap label={label}>
      <table>
        <caption>{label}</caption>
        <TableHead columns={columns} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              {r.values.map((v, i) => (
                <td class="number" key={i}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

const signed = (ctx: PageContext, n: number) => (n > 0 ? `+${formatNumber(n, ctx.lang)}` : formatNumber(n, ctx.lang));

export function DashboardPage({ ctx, dashboard }: { ctx: PageContext; dashboard: Dashboard }) {
  const { t, lang } = ctx;
  const { workload: work, names } = dashboard;
  const n = (value: number) => formatNumber(value, lang);
  const loadColumns = (first: string) => [first, t('dashboard.open'), t('dashboard.late')];
  const komisiRows = work.byKomisi
    .map((k) => ({
      key: String(k.komisiId),
      name: k.komisiId === null ? t('dashboard.noKomisi') : (names.komisi.get(k.komisiId) ?? ''),
      values: [n(k.open), n(k.late)],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const dapilRows = work.byDapil
    .map((d) => ({
      key: String(d.dapilId),
      number: d.dapilId === null ? Number.POSITIVE_INFINITY : (names.dapil.get(d.dapilId) ?? 0),
      values: [n(d.open), n(d.late)],
    }))
    .sort((a, b) => a.number - b.number)
    .map((d) => ({
      ...d,
      name: Number.isFinite(d.number) ? t('dashboard.dapilN', { n: d.number }) : t('dashboard.noDapil'),
    }));
  const bands = work.lateBands.map((count, i) => ({ name: t(bandNames[i] ?? 'dashboard.band4'), count }));
  const waiting = work.waitingForReporter;
  return (
    <Layout ctx={ctx} title={t('dashboard.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('dashboard.title')}</h1>
      <p>{t('dashboard.lead')}</p>
      {work.scoped ? <p>{t('dashboard.scoped')}</p> : null}

      <h2>{t('dashboard.workload')}</h2>
      <SummaryList
        rows={[
          [t('dashboard.open'), <a href="/kelola/aspirasi?status=open">{n(work.total.open)}</a>],
          [t('dashboard.late'), n(work.total.late)],
          [
            t('dashboard.toVerify'),
            work.scoped ? '' : <a href="/kelola/aspirasi?status=received">{n(work.total.toVerify)}</a>,
          ],
          [
            t('dashboard.waitingForReporter'),
            waiting.since === null
              ? n(waiting.count)
              : t('dashboard.waitingSince', { n: n(waiting.count), when: formatDate(waiting.since, lang) }),
          ],
        ]}
      />
      <NumberTable
        label={t('dashboard.byKomisi')}
        columns={loadColumns(t('dashboard.komisi'))}
        rows={komisiRows}
        empty={t('dashboard.noneOpen')}
      />
      <NumberTable
        label={t('dashboard.byDapil')}
        columns={loadColumns(t('dashboard.dapil'))}
        rows={dapilRows}
        empty={t('dashboard.noneOpen')}
      />
      <NumberTable
        empty={t('dashboard.noneOpen')}
        label={t('dashboard.byMember')}
        columns={loadColumns(t('dashboard.member'))}
        rows={work.byMember.map((m) => ({
          key: m.slug,
          name: <a href={`/anggota/${m.slug}`}>{names.members.get(m.slug) ?? m.slug}</a>,
          values: [n(m.open), n(m.late)],
        }))}
      />
      <p>{t('dashboard.byOfficialNote')}</p>
      <NumberTable
        empty={t('dashboard.noneOpen')}
        label={t('dashboard.byOfficial')}
        columns={loadColumns(t('dashboard.official'))}
        rows={work.byOfficial.map((o, i) => ({
          key: `${i}`,
          name: o.name ?? t('dashboard.nobodyYet'),
          values: [n(o.open), n(o.late)],
        }))}
      />

      <h2>{t('dashboard.lateness')}</h2>
      <ChartFigure
        caption={t('dashboard.lateness')}
        draw={(width) =>
          barChart({
            categories: bands.map((b) => b.name),
            series: [{ name: t('dashboard.late'), values: bands.map((b) => b.count) }],
            width,
          })
        }
      >
        <NumberTable
          label={t('dashboard.lateness')}
          columns={[t('dashboard.band'), t('dashboard.count')]}
          rows={bands.map((b) => ({ key: b.name, name: b.name, values: [n(b.count)] }))}
        />
      </ChartFigure>
      <h3>{t('dashboard.oldest')}</h3>
      {work.oldestLate.length === 0 ? (
        <p>{t('dashboard.noneLate')}</p>
      ) : (
        <TableWrap label={t('dashboard.oldest')}>
          <table>
            <TableHead
              columns={[t('dashboard.code'), t('dashboard.subject'), t('dashboard.due'), t('dashboard.daysLate')]}
            />
            <tbody>
              {work.oldestLate.map((a) => (
                <tr key={a.code}>
                  <th scope="row">
                    <a href={`/kelola/aspirasi/${a.code}`}>{a.code}</a>
                  </th>
                  <td>{a.title}</td>
                  <td>{dayOf(ctx, a.due)}</td>
                  <td class="number">{n(a.daysLate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <h2>{t('dashboard.failed')}</h2>
      {dashboard.failed !== null && dashboard.failed.length > 0 ? (
        <NumberTable
          label={t('dashboard.failed')}
          columns={[t('dashboard.channel'), t('dashboard.count')]}
          rows={dashboard.failed.map((f) => ({ key: f.channel, name: t(channelNames[f.channel]), values: [n(f.n)] }))}
        />
      ) : null}
      {work.undelivered.length === 0 ? (
        <p>{t('dashboard.noneFailed')}</p>
      ) : (
        <>
          <h3>{t('dashboard.failedAbout')}</h3>
          <ul class="list">
            {work.undelivered.map((u) => (
              <li key={u.code}>
                <a href={`/kelola/aspirasi/${u.code}`}>{u.code}</a> {u.title}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('dashboard.running')}</h2>
      <h3>{t('dashboard.consultations')}</h3>
      {dashboard.consultations.length === 0 ? <p>{t('dashboard.noneRunning')}</p> : null}
      <ul class="list">
        {dashboard.consultations.map((c) => (
          <li key={c.href}>
            <a href={c.href}>{c.title}</a>, {t('dashboard.consultationUntil', { when: dayOf(ctx, c.until) })}
          </li>
        ))}
      </ul>
      <h3>{t('dashboard.surveys')}</h3>
      {dashboard.surveys.length === 0 ? <p>{t('dashboard.noneRunning')}</p> : null}
      <ul class="list">
        {dashboard.surveys.map((s) => (
          <li key={s.href}>
            <a href={s.href}>{s.title}</a>,{' '}
            {t('dashboard.surveyAnswers', { n: n(s.submitted), when: dayOf(ctx, s.closesOn) })}
          </li>
        ))}
      </ul>

      {dashboard.leadership === null ? null : <Leadership ctx={ctx} dashboard={dashboard} />}
    </Layout>
  );
}

function Leadership({ ctx, dashboard }: { ctx: PageContext; dashboard: Dashboard }) {
  const { t, lang } = ctx;
  const trend = dashboard.leadership;
  if (trend === null) return null;
  const n = (value: number) => formatNumber(value, lang);
  const weekRows = (
    [
      ['received', 'dashboard.received'],
      ['verified', 'dashboard.verified'],
      ['answered', 'dashboard.answered'],
      ['resolved', 'dashboard.resolved'],
    ] as const
  ).map(([key, label]) => {
    const c = trend.week[key];
    return { key, name: t(label), values: [n(c.now), n(c.before), signed(ctx, c.now - c.before)] };
  });
  const days = trend.days;
  const risingColumns = (first: string) => [
    first,
    t('dashboard.last', { n: days }),
    t('dashboard.previous', { n: days }),
    t('dashboard.change'),
  ];
  const categoryRows = trend.risingCategories.map((c) => {
    const category = dashboard.names.categories.get(c.id);
    return {
      key: String(c.id),
      name: <a href={`/kelola/aspirasi?kategori=${category?.slug ?? ''}`}>{category?.name ?? ''}</a>,
      values: [n(c.now), n(c.before), signed(ctx, c.now - c.before)],
    };
  });
  const placeRows = trend.risingPlaces.map((p) => {
    const place = dashboard.names.kecamatan.get(p.id);
    return {
      key: String(p.id),
      name: <a href={`/kelola/aspirasi?kecamatan=${place?.slug ?? ''}`}>{place?.name ?? ''}</a>,
      values: [n(p.now), n(p.before), signed(ctx, p.now - p.before)],
    };
  });
  return (
    <section aria-labelledby="pimpinan">
      <h2 id="pimpinan">{t('dashboard.leadership')}</h2>
      <h3>{t('dashboard.week')}</h3>
      <p>{t('dashboard.weekNote')}</p>
      <NumberTable
        label={t('dashboard.week')}
        columns={[t('dashboard.measure'), t('dashboard.now'), t('dashboard.before'), t('dashboard.change')]}
        rows={weekRows}
      />
      <h3>{t('dashboard.rising', { n: days })}</h3>
      <p>{t('dashboard.risingNote', { n: days })}</p>
      {categoryRows.length === 0 && placeRows.length === 0 ? <p>{t('dashboard.noneRising')}</p> : null}
      {categoryRows.length === 0 ? null : (
        <NumberTable
          label={t('dashboard.category')}
          columns={risingColumns(t('dashboard.category'))}
          rows={categoryRows}
        />
      )}
      {placeRows.length === 0 ? null : (
        <NumberTable
          label={t('dashboard.kecamatan')}
          columns={risingColumns(t('dashboard.kecamatan'))}
          rows={placeRows}
        />
      )}
    </section>
  );
}
