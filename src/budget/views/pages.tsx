/** /anggaran (the budget: totals, the account tree, by OPD) and /kelola/anggaran (import). */
import type { BudgetStage } from '../../db/schema.ts';
import { WhatIs } from '../../glossary/views/shared.tsx';
import { barChart, keptDrawing } from '../../platform/charts.ts';
import {
  formatDate,
  formatNumber,
  formatRupiah,
  formatRupiahShort,
  formatRupiahWords,
  formatTime,
} from '../../platform/format.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ChartFigure } from '../../platform/views/chart.tsx';
import { BackLink, Banner, Breadcrumbs, Button, Tabs, Tag } from '../../platform/views/components.tsx';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Notice,
  SelectField,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import type { LineChange } from '../difference.ts';
import type { LineError } from '../import.ts';
import type { BudgetNode, BudgetRule, PendingUpload, Preview, ProgrammeNode, Totals } from '../service.ts';

/** The three top accounts of a regional budget: revenue (4), spending (5), financing (6). */
export const topTexts = {
  '4': 'budget.top.4',
  '5': 'budget.top.5',
  '6': 'budget.top.6',
} as const satisfies Record<'4' | '5' | '6', MessageKey>;

const percent = (realised: number, planned: number) =>
  planned === 0 ? '—' : `${((realised / planned) * 100).toFixed(1).replace('.', ',')}%`;

/** A chart drawn on the server and, beside it, the same figures as a table. */
function ChartWithTable({
  ctx,
  caption,
  rows,
}: {
  ctx: PageContext;
  caption: string;
  rows: { label: string; href?: string | undefined; planned: number; realised: number }[];
}) {
  const { t } = ctx;
  const categories = rows.map((r) => r.label);
  const series = [
    { name: t('budget.planned'), values: rows.map((r) => r.planned) },
    { name: t('budget.realised'), values: rows.map((r) => r.realised) },
  ];
  // The same budget is drawn once per width and language, not on every render of the page.
  const draw = (width: number) =>
    keptDrawing(JSON.stringify(['budget', ctx.lang, width, categories, series]), () =>
      barChart({ width, categories, series, unit: (v) => formatRupiahShort(v, ctx.lang) }),
    );
  return (
    <ChartFigure caption={caption} draw={draw}>
      <TableWrap label={caption}>
        <table>
          <TableHead columns={[t('budget.account'), t('budget.planned'), t('budget.realised'), t('budget.percent')]} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.href === undefined ? r.label : <a href={r.href}>{r.label}</a>}</th>
                <td class="number">{formatRupiah(r.planned)}</td>
                <td class="number">{formatRupiah(r.realised)}</td>
                <td class="number">{percent(r.realised, r.planned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </ChartFigure>
  );
}

export interface BudgetPageProps {
  ctx: PageContext;
  available: { year: number; stage: BudgetStage }[];
  chosen: { year: number; stage: BudgetStage } | undefined;
  top: BudgetNode[];
  children: BudgetNode[];
  opd: { opd: string; planned: number; realised: number }[];
  path: { code: string; name: string }[];
  programmes: ProgrammeNode[];
  programmePath: { code: string; name: string }[];
  years: { year: number; stage: BudgetStage; totals: Totals }[];
}

/** Spending by what it is for: programmes, then their kegiatan, sub-kegiatan and account lines. */
function Programmes({
  ctx,
  base,
  programmes,
  programmePath,
}: Pick<BudgetPageProps, 'ctx' | 'programmes' | 'programmePath'> & { base: string }) {
  const { t } = ctx;
  if (programmes.length === 0) return null;
  const current = programmePath[programmePath.length - 1];
  return (
    <section aria-labelledby="programmes">
      <h2 id="programmes">{t('budget.programmes')}</h2>
      {current === undefined ? (
        <p>{t('budget.programmesLead')}</p>
      ) : (
        <Breadcrumbs
          label={t('budget.programmePath')}
          items={[
            { href: `${base}#programmes`, label: t('budget.allProgrammes') },
            ...programmePath.map((p) => ({
              href: `${base}&program=${encodeURIComponent(p.code)}#programmes`,
              label: `${p.code} ${p.name}`,
              current: p.code === current.code,
            })),
          ]}
        />
      )}
      <ChartWithTable
        ctx={ctx}
        caption={
          current === undefined
            ? t('budget.programmesTop')
            : t('budget.under', { code: current.code, name: current.name })
        }
        rows={(current === undefined ? programmes.slice(0, 15) : programmes).map((p) => ({
          label: `${p.code} ${p.name === p.code ? '' : p.name}`.trim(),
          href: p.leaf ? undefined : `${base}&program=${encodeURIComponent(p.code)}#programmes`,
          planned: p.planned,
          realised: p.realised,
        }))}
      />
    </section>
  );
}

/** Each year's revenue and spending side by side (the final stage of each year). */
function Years({ ctx, years }: Pick<BudgetPageProps, 'ctx' | 'years'>) {
  const { t } = ctx;
  if (years.length < 2) return null;
  return (
    <section aria-labelledby="years">
      <h2 id="years">{t('budget.compare')}</h2>
      {(['4', '5'] as const).map((top) => (
        <ChartWithTable
          key={top}
          ctx={ctx}
          caption={t('budget.compareTop', { name: t(`budget.top.${top}`) })}
          rows={years.map((y) => ({
            label: `${y.year} (${t(`budget.stage.${y.stage}`)})`,
            href: `/anggaran?tahun=${y.year}&tahap=${y.stage}`,
            planned: y.totals[top]?.planned ?? 0,
            realised: y.totals[top]?.realised ?? 0,
          }))}
        />
      ))}
    </section>
  );
}

export function BudgetPage({
  ctx,
  available,
  chosen,
  top,
  children,
  opd,
  path,
  programmes,
  programmePath,
  years,
}: BudgetPageProps) {
  const { t } = ctx;
  if (chosen === undefined) {
    return (
      <Layout ctx={ctx} title={t('budget.title')} description={t('budget.lead')}>
        <h1>{t('budget.title')}</h1>
        <p>{t('budget.none')}</p>
        <WhatIs ctx={ctx} slug="apbd" word="APBD" />
      </Layout>
    );
  }
  const base = `/anggaran?tahun=${chosen.year}&tahap=${chosen.stage}`;
  const current = path[path.length - 1];
  return (
    <Layout ctx={ctx} title={`${t('budget.title')} ${chosen.year}`} description={t('budget.lead')}>
      <h1>{t('budget.heading', { year: chosen.year, stage: t(`budget.stage.${chosen.stage}`) })}</h1>
      <p class="lead">{t('budget.lead')}</p>
      <WhatIs ctx={ctx} slug="apbd" word="APBD" />
      {available.length <= 1 ? null : (
        <Tabs
          label={t('budget.years')}
          items={available.map((a) => ({
            href: `/anggaran?tahun=${a.year}&tahap=${a.stage}`,
            label: `${a.year} ${t(`budget.stage.${a.stage}`)}`,
            current: a.year === chosen.year && a.stage === chosen.stage,
          }))}
        />
      )}
      <ul class="grid three">
        {top.map((n) => (
          <li key={n.code} class="card">
            <div>
              <h2>
                <a href={`${base}&akun=${n.code}`}>{n.name}</a>
              </h2>
              <p class="big">{formatRupiahWords(n.planned, ctx.lang)}</p>
              <p>
                {t('budget.realisedShare', {
                  amount: formatRupiahWords(n.realised, ctx.lang),
                  percent: percent(n.realised, n.planned),
                })}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {current === undefined ? (
        <>
          {programmePath.length > 0 ? null : (
            <ChartWithTable
              ctx={ctx}
              caption={t('budget.overview')}
              rows={top.map((n) => ({
                label: n.name,
                href: `${base}&akun=${n.code}`,
                planned: n.planned,
                realised: n.realised,
              }))}
            />
          )}
          <Programmes ctx={ctx} base={base} programmes={programmes} programmePath={programmePath} />
          {programmePath.length > 0 ? null : <Years ctx={ctx} years={years} />}
        </>
      ) : (
        <>
          <Breadcrumbs
            label={t('budget.path')}
            items={[
              { href: base, label: t('budget.all') },
              ...path.map((p) => ({
                href: `${base}&akun=${p.code}`,
                label: `${p.code} ${p.name === p.code ? '' : p.name}`.trim(),
                current: p.code === current.code,
              })),
            ]}
          />
          <ChartWithTable
            ctx={ctx}
            caption={t('budget.under', { code: current.code, name: current.name })}
            rows={children.map((c) => ({
              label: `${c.code} ${c.name === c.code ? '' : c.name}`.trim(),
              href: c.leaf ? undefined : `${base}&akun=${c.code}`,
              planned: c.planned,
              realised: c.realised,
            }))}
          />
          {opd.length <= 1 ? null : (
            <ChartWithTable
              ctx={ctx}
              caption={t('budget.byOpd', { code: current.code })}
              rows={opd.slice(0, 15).map((o) => ({ label: o.opd, planned: o.planned, realised: o.realised }))}
            />
          )}
        </>
      )}
      <p>
        <a href={`/anggaran.csv?tahun=${chosen.year}&tahap=${chosen.stage}`}>{t('budget.csv')}</a>
      </p>
    </Layout>
  );
}

export function BudgetOfficePage({
  ctx,
  csrf,
  errors,
  lineErrors,
  values,
  pending,
  rule,
  maySetRule,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  errors: FieldErrors;
  lineErrors: LineError[];
  values: Partial<Record<string, string>>;
  pending: PendingUpload[];
  rule: BudgetRule;
  maySetRule: boolean;
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('budget.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('budget.office.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {lineErrors.length === 0 ? null : (
        <Banner tone="error" id="line-errors" title={t('budget.office.lineErrors', { n: lineErrors.length })}>
          <ul>
            {lineErrors.slice(0, 200).map((e, i) => (
              <li key={i}>
                {t('budget.office.line', {
                  line: e.line,
                  problem: t(`budget.problem.${e.problem}`, { value: e.value ?? '' }),
                })}
              </li>
            ))}
          </ul>
          {lineErrors.length > 200 ? <p>{t('budget.office.more', { n: lineErrors.length - 200 })}</p> : null}
        </Banner>
      )}
      <p>{t('budget.office.lead')}</p>
      <form method="post" action="/kelola/anggaran" enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="year"
          label={t('budget.office.year')}
          value={values.year}
          error={errors.year}
          inputMode="numeric"
          maxLength={4}
        />
        <SelectField
          name="stage"
          label={t('budget.office.stage')}
          error={errors.stage}
          value={values.stage === 'perubahan' ? 'perubahan' : 'murni'}
          options={(['murni', 'perubahan'] as const).map((s) => ({ value: s, label: t(`budget.stage.${s}`) }))}
        />
        <FileField
          name="file"
          label={t('budget.office.file')}
          error={errors.file}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <button type="submit">{t('budget.office.check')}</button>
      </form>

      <section aria-labelledby="menunggu">
        <h2 id="menunggu">{t('budget.pending.title')}</h2>
        {pending.length === 0 ? <p>{t('budget.pending.none')}</p> : null}
        <ul class="list">
          {pending.map((p) => (
            <li key={p.id}>
              <a href={`/kelola/anggaran/unggahan/${p.id}`}>{p.fileName}</a>
              {` · ${p.year} (${t(`budget.stage.${p.stage}`)})`}
              <br />
              {t('budget.pending.uploaded', {
                who: p.uploadedBy,
                when: `${formatDate(p.uploadedAt, lang)} ${formatTime(p.uploadedAt, lang)}`,
              })}{' '}
              <Tag>
                {p.checked === undefined
                  ? t('budget.pending.toCheck')
                  : t('budget.pending.toPublish', { who: p.checked.by })}
              </Tag>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="aturan">
        <h2 id="aturan">{t('budget.rule.title')}</h2>
        <p>
          {t('budget.rule.now', { n: rule.warnPercent })}{' '}
          {rule.secondOfficer ? t('budget.rule.secondOfficerOn') : t('budget.rule.secondOfficerOff')}
        </p>
        {maySetRule ? (
          <form class="form" method="post" action="/kelola/anggaran/aturan" novalidate>
            <CsrfField token={csrf} />
            <TextField
              name="warnPercent"
              label={t('budget.rule.percent')}
              hint={t('budget.rule.percentHint')}
              value={values.warnPercent ?? String(rule.warnPercent)}
              error={errors.warnPercent}
              inputMode="numeric"
              maxLength={5}
            />
            <CheckboxField
              name="secondOfficer"
              label={t('budget.rule.secondOfficer')}
              checked={values.secondOfficer === undefined ? rule.secondOfficer : values.secondOfficer === 'yes'}
              error={undefined}
            />
            <Button variant="secondary">{t('budget.rule.save')}</Button>
          </form>
        ) : null}
      </section>
    </Layout>
  );
}

/** A change of an amount in words and figures: "Rp 1.234 → Rp 5.678 (+360,0%)". */
function shift(lang: PageContext['lang'], was: number | undefined, now: number | undefined): string {
  const from = was === undefined ? '—' : formatRupiah(was);
  const to = now === undefined ? '—' : formatRupiah(now);
  if (was === undefined || now === undefined || was === 0) return `${from} → ${to}`;
  const change = ((now - was) / was) * 100;
  return `${from} → ${to} (${change > 0 ? '+' : ''}${formatNumber(Math.round(change * 10) / 10, lang)}%)`;
}

/** Lines added, removed or changed: how many, and the first of them. */
function LineChanges({ ctx, title, lines }: { ctx: PageContext; title: string; lines: LineChange[] }) {
  if (lines.length === 0) return null;
  return (
    <details>
      <summary>{`${title}: ${formatNumber(lines.length, ctx.lang)}`}</summary>
      <ul>
        {lines.slice(0, 20).map((l) => (
          <li key={`${l.accountCode}-${l.opd}`}>
            {`${l.accountCode} ${l.accountName}${l.opd === '' ? '' : ` · ${l.opd}`}: ${shift(ctx.lang, l.current, l.next)}`}
          </li>
        ))}
      </ul>
      {lines.length > 20 ? <p>{ctx.t('budget.office.more', { n: lines.length - 20 })}</p> : null}
    </details>
  );
}

/** The box to tick when a total moves by more than the council's share; asked at both confirmations. */
function Acknowledge({ ctx, preview, error }: { ctx: PageContext; preview: Preview; error: string | undefined }) {
  if (preview.difference.warnings.length === 0) return null;
  return (
    <CheckboxField
      name="acknowledge"
      label={ctx.t('budget.confirm.acknowledge', { n: preview.rule.warnPercent })}
      checked={false}
      error={error}
    />
  );
}

export function PreviewPage({
  ctx,
  csrf,
  preview,
  errors,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  preview: Preview;
  errors: FieldErrors;
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  const stage = t(`budget.stage.${preview.stage}`);
  const { difference, checked } = preview;
  const levelName = (code: string) => preview.names[code] ?? code;
  return (
    <Layout ctx={ctx} title={t('budget.office.preview')}>
      <BackLink href="/kelola/anggaran">{t('budget.office.title')}</BackLink>
      <h1>{t('budget.office.preview')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('budget.office.previewLead', { file: preview.fileName, n: preview.count, year: preview.year, stage })}</p>
      <Banner tone="important">
        <p>
          {difference.first
            ? t('budget.diff.first', { year: preview.year, stage })
            : t('budget.diff.replaces', { year: preview.year, stage })}{' '}
          {preview.publicDefault === 'unchanged'
            ? null
            : preview.publicDefault === 'replaces' || preview.shown === undefined
              ? t('budget.diff.publicNow')
              : t('budget.diff.publicBecomes', {
                  shown: `${preview.shown.year} (${t(`budget.stage.${preview.shown.stage}`)})`,
                })}
        </p>
      </Banner>
      {difference.warnings.length === 0 ? null : (
        <Banner
          tone="warning"
          id="perubahan-besar"
          title={t('budget.diff.warningTitle', { n: preview.rule.warnPercent })}
        >
          <ul>
            {difference.warnings.map((w) => (
              <li key={w.code}>
                <strong>{levelName(w.code)}</strong>
                {`: ${shift(lang, w.current, w.next)}`}
              </li>
            ))}
          </ul>
        </Banner>
      )}

      <h2>{t('budget.diff.totals')}</h2>
      <TableWrap label={t('budget.diff.totals')}>
        <table>
          <TableHead
            columns={[
              t('budget.account'),
              t('budget.diff.current'),
              t('budget.diff.next'),
              t('budget.diff.change'),
              t('budget.diff.realised'),
            ]}
          />
          <tbody>
            {difference.levels.map((l) => (
              <tr key={l.code}>
                <th scope="row">{`${l.code} ${levelName(l.code)}`}</th>
                <td class="number">{l.current === undefined ? '—' : formatRupiah(l.current.planned)}</td>
                <td class="number">{l.next === undefined ? '—' : formatRupiah(l.next.planned)}</td>
                <td class="number">{formatRupiah((l.next?.planned ?? 0) - (l.current?.planned ?? 0))}</td>
                <td class="number">{l.next === undefined ? '—' : formatRupiah(l.next.realised)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2>{t('budget.diff.lines')}</h2>
      <p>
        {t('budget.diff.lineCounts', {
          added: formatNumber(difference.added.length, lang),
          removed: formatNumber(difference.removed.length, lang),
          changed: formatNumber(difference.changed.length, lang),
        })}
      </p>
      <LineChanges ctx={ctx} title={t('budget.diff.added')} lines={difference.added} />
      <LineChanges ctx={ctx} title={t('budget.diff.removed')} lines={difference.removed} />
      <LineChanges ctx={ctx} title={t('budget.diff.changed')} lines={difference.changed} />

      <h2>{t('budget.confirm.title')}</h2>
      {checked === undefined ? (
        <form class="form" method="post" action={`/kelola/anggaran/unggahan/${preview.id}/periksa`} novalidate>
          <CsrfField token={csrf} />
          <p>{preview.rule.secondOfficer ? t('budget.confirm.firstOfTwoOfficers') : t('budget.confirm.firstOfTwo')}</p>
          <Acknowledge ctx={ctx} preview={preview} error={errors.acknowledge} />
          <button type="submit">{t('budget.confirm.check')}</button>
        </form>
      ) : (
        <>
          <p>
            {t('budget.confirm.checkedBy', {
              who: checked.byViewer ? t('budget.confirm.you') : checked.by,
              when: `${formatDate(checked.at, lang)} ${formatTime(checked.at, lang)}`,
            })}
          </p>
          {preview.mayPublish ? (
            <form class="form" method="post" action={`/kelola/anggaran/unggahan/${preview.id}/simpan`} novalidate>
              <CsrfField token={csrf} />
              <p>{t('budget.office.replaceWarning', { year: preview.year, stage })}</p>
              <Acknowledge ctx={ctx} preview={preview} error={errors.acknowledge} />
              <button type="submit">{t('budget.office.save')}</button>
            </form>
          ) : (
            <p class="panel">{t('budget.confirm.waitingForSecond')}</p>
          )}
        </>
      )}
      <form method="post" action={`/kelola/anggaran/unggahan/${preview.id}/batal`}>
        <CsrfField token={csrf} />
        <Button variant="secondary">{t('budget.confirm.discard')}</Button>
      </form>
    </Layout>
  );
}
