/** The page of /kelola/wawasan: the model in use, both models compared, per category, and the confusion matrix. */
import type {
  AutoRouteSettings,
  CategoryModelReport,
  PlaceVolume,
  RisingStem,
  Spike,
} from '../../aspirations/service.ts';
import type { CouncilStructure } from '../../council/service.ts';
import { bubbleMap } from '../../platform/charts.ts';
import { formatDate, formatNumber, formatPercent, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ChartFigure } from '../../platform/views/chart.tsx';
import { BackLink, Button, SummaryList } from '../../platform/views/components.tsx';
import {
  Checkboxes,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';

export function InsightsPage({
  ctx,
  report,
  structure,
  minExamples,
  spikes,
  words,
  rule,
  volumes,
  autoRoute,
}: {
  ctx: PageContext;
  report: CategoryModelReport | undefined;
  structure: CouncilStructure;
  /** Fewer triaged aspirations than this and no model is trained. */
  minExamples: number;
  spikes: Spike[];
  /** Words whose count of aspirations jumped this week. */
  words: RisingStem[];
  /** When a cell is a spike: its chance under the 8 weeks before, and the least count. */
  rule: { p: number; min: number };
  /** Aspirations per kelurahan over the last `days`. */
  volumes: { days: number; places: PlaceVolume[] };
  autoRoute: AutoRouteProps;
}) {
  const { t, lang } = ctx;
  const share = (x: number) => formatPercent(Math.round(x * 1000) / 10, lang);
  const nameOf = (label: string) => {
    const c = structure.categories.find((x) => String(x.id) === label);
    return c === undefined ? label : lang === 'en' ? c.nameEn : c.name;
  };
  const kindName = (kind: CategoryModelReport['kind']) =>
    t(kind === 'logistic' ? 'insights.kind.logistic' : 'insights.kind.naive-bayes');
  return (
    <Layout ctx={ctx} title={t('insights.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('insights.title')}</h1>
      <Notice text={autoRoute.form?.saved === true ? t('insights.auto.saved') : undefined} />
      <ErrorSummary ctx={ctx} errors={autoRoute.form?.errors ?? {}} />
      <Spikes ctx={ctx} spikes={spikes} structure={structure} rule={rule} nameOf={nameOf} />
      <Words ctx={ctx} words={words} />
      <Volumes ctx={ctx} {...volumes} />
      <h2>{t('insights.suggestions')}</h2>
      <p>{t('insights.lead')}</p>
      {report === undefined ? (
        <p>{t('insights.none', { n: minExamples })}</p>
      ) : (
        <Report ctx={ctx} report={report} share={share} nameOf={nameOf} kindName={kindName} />
      )}
      <AutoRoute ctx={ctx} structure={structure} share={share} {...autoRoute} />
    </Layout>
  );
}

/** A spike's chance under the weeks before, as a percentage; "below 0.1 %" for smaller ones. */
function chanceText({ t, lang }: PageContext, p: number): string {
  return p < 0.001
    ? t('insights.below', { n: formatPercent(0.1, lang) })
    : formatPercent(Math.round(p * 1000) / 10, lang);
}

function Spikes({
  ctx,
  spikes,
  structure,
  rule,
  nameOf,
}: {
  ctx: PageContext;
  spikes: Spike[];
  structure: CouncilStructure;
  rule: { p: number; min: number };
  nameOf: (label: string) => string;
}) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="lonjakan">
      <h2 id="lonjakan">{t('insights.spikes')}</h2>
      <p>{t('insights.spikesRule', { p: formatPercent(rule.p * 100, lang), n: rule.min })}</p>
      {spikes.length === 0 ? (
        <p>{t('insights.noSpikes')}</p>
      ) : (
        <TableWrap label={t('insights.spikes')}>
          <table>
            <caption>{t('insights.spikes')}</caption>
            <TableHead
              columns={[
                t('insights.category'),
                t('insights.kecamatan'),
                t('insights.week'),
                t('insights.before'),
                t('insights.chance'),
              ]}
            />
            <tbody>
              {spikes.map((s) => {
                const category = structure.categories.find((c) => c.id === s.categoryId);
                const kecamatan = structure.kecamatan.find((k) => k.id === s.kecamatanId);
                return (
                  <tr key={`${s.categoryId}-${s.kecamatanId}`}>
                    <th scope="row">
                      <a href={`/kelola/aspirasi?kategori=${category?.slug ?? ''}&kecamatan=${kecamatan?.slug ?? ''}`}>
                        {nameOf(String(s.categoryId))}
                      </a>
                    </th>
                    <td>{kecamatan?.name ?? ''}</td>
                    <td class="number">{formatNumber(s.week, lang)}</td>
                    <td class="number">{formatNumber(Math.round(s.before * 10) / 10, lang)}</td>
                    <td class="number">{chanceText(ctx, s.p)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function Report({
  ctx,
  report,
  share,
  nameOf,
  kindName,
}: {
  ctx: PageContext;
  report: CategoryModelReport;
  share: (x: number) => string;
  nameOf: (label: string) => string;
  kindName: (kind: CategoryModelReport['kind']) => string;
}) {
  const { t, lang } = ctx;
  const chosen = report.evaluation.models[report.evaluation.chosen];
  const number = (n: number) => formatNumber(n, lang);
  return (
    <>
      <h2>{t('insights.inUse')}</h2>
      <SummaryList>
        <dt>{t('insights.kind')}</dt>
        <dd>{kindName(report.kind)}</dd>
        <dt>{t('insights.trainedAt')}</dt>
        <dd>{`${formatDate(report.trainedAt, lang)} ${formatTime(report.trainedAt, lang)}`}</dd>
        <dt>{t('insights.trainedOn')}</dt>
        <dd>{t('insights.aspirations', { n: number(report.trainedOn) })}</dd>
        <dt>{t('insights.testedOn')}</dt>
        <dd>
          {t('insights.testedOnValue', { n: number(report.testedOn), date: formatDate(report.testedFrom, lang) })}
        </dd>
        <dt>{t('insights.accuracy')}</dt>
        <dd>{share(report.accuracy)}</dd>
        <dt>{t('insights.macroF1')}</dt>
        <dd>{share(report.macroF1)}</dd>
        <dt>{t('insights.baseline')}</dt>
        <dd>{share(report.baseline)}</dd>
        <dt>{t('insights.threshold')}</dt>
        <dd>
          {share(report.threshold)}. {report.accuracy >= report.threshold ? t('insights.shown') : t('insights.hidden')}
        </dd>
        <dt>{t('insights.trainingTime')}</dt>
        <dd>{t('insights.seconds', { n: formatNumber(Math.round(report.trainingMs / 100) / 10, lang) })}</dd>
      </SummaryList>

      <TableWrap label={t('insights.compared')}>
        <table>
          <caption>{t('insights.compared')}</caption>
          <TableHead columns={[t('insights.model'), t('insights.accuracy'), t('insights.macroF1')]} />
          <tbody>
            {(['naive-bayes', 'logistic'] as const).map((kind) => (
              <tr key={kind}>
                <th scope="row">
                  {kind === report.evaluation.chosen ? t('insights.chosen', { name: kindName(kind) }) : kindName(kind)}
                </th>
                <td class="number">{share(report.evaluation.models[kind].accuracy)}</td>
                <td class="number">{share(report.evaluation.models[kind].macroF1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <TableWrap label={t('insights.perCategory')}>
        <table>
          <caption>{t('insights.perCategory')}</caption>
          <TableHead
            columns={[
              t('insights.category'),
              t('insights.precision'),
              t('insights.recall'),
              t('insights.f1'),
              t('insights.support'),
            ]}
          />
          <tbody>
            {chosen.perLabel.map((r) => (
              <tr key={r.label}>
                <th scope="row">{nameOf(r.label)}</th>
                <td class="number">{share(r.precision)}</td>
                <td class="number">{share(r.recall)}</td>
                <td class="number">{share(r.f1)}</td>
                <td class="number">{number(r.support)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <TableWrap label={t('insights.confusion')}>
        <table>
          <caption>{t('insights.confusion')}</caption>
          <TableHead columns={[t('insights.actual'), ...chosen.labels.map(nameOf)]} />
          <tbody>
            {chosen.labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{nameOf(label)}</th>
                {chosen.labels.map((other, j) => (
                  <td class="number" key={other}>
                    {number(chosen.confusion[i]?.[j] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2>{t('insights.outcomes')}</h2>
      <SummaryList>
        <dt>{t('insights.accepted')}</dt>
        <dd>{number(report.outcomes.accepted)}</dd>
        <dt>{t('insights.corrected')}</dt>
        <dd>{number(report.outcomes.corrected)}</dd>
        <dt>{t('insights.applied')}</dt>
        <dd>{number(report.outcomes.applied)}</dd>
        <dt>{t('insights.open')}</dt>
        <dd>{number(report.outcomes.open)}</dd>
      </SummaryList>
      <p>{t('insights.learning')}</p>
    </>
  );
}

export interface AutoRouteProps {
  settings: AutoRouteSettings;
  /** Fewer guesses of a category in the held-out part and it is never applied. */
  minGuesses: number;
  /** For an administrator: the form, with what was sent when it failed. */
  form:
    | {
        csrf: string;
        errors: FieldErrors;
        values: { minPrecision: string; categories: string[] } | undefined;
        saved: boolean;
      }
    | undefined;
}

/** Which categories the model applies without a person, and (for an administrator) the switches. */
function AutoRoute({
  ctx,
  structure,
  share,
  settings,
  minGuesses,
  form,
}: AutoRouteProps & { ctx: PageContext; structure: CouncilStructure; share: (x: number) => string }) {
  const { t, lang } = ctx;
  const name = (c: { name: string; nameEn: string }) => (lang === 'en' ? c.nameEn : c.name);
  const standing = (c: AutoRouteSettings['categories'][number]) =>
    c.applied
      ? t('insights.auto.applied')
      : !c.switchedOn
        ? t('insights.auto.off')
        : c.guesses < minGuesses
          ? t('insights.auto.fewGuesses', { n: minGuesses })
          : t('insights.auto.imprecise');
  const measured = (c: AutoRouteSettings['categories'][number]) =>
    c.precision === undefined
      ? t('insights.auto.noGuess')
      : t('insights.auto.measured', { p: share(c.precision), n: formatNumber(c.guesses, lang) });
  const level = settings.minPrecision === undefined ? '90' : String(Math.round(settings.minPrecision * 100));
  return (
    <section aria-labelledby="rute-otomatis">
      <h2 id="rute-otomatis">{t('insights.auto.title')}</h2>
      <p>{t('insights.auto.lead', { n: minGuesses })}</p>
      <TableWrap label={t('insights.auto.table')}>
        <table>
          <caption>{t('insights.auto.table')}</caption>
          <TableHead columns={[t('insights.category'), t('insights.precision'), t('insights.auto.status')]} />
          <tbody>
            {settings.categories.map((c) => {
              const category = structure.categories.find((x) => x.id === c.categoryId);
              return (
                <tr key={c.categoryId}>
                  <th scope="row">{category === undefined ? '' : name(category)}</th>
                  <td>{measured(c)}</td>
                  <td>{standing(c)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {form === undefined ? null : (
        <form method="post" action="/kelola/wawasan/rute-otomatis" novalidate>
          <CsrfField token={form.csrf} />
          <TextField
            name="minPrecision"
            label={t('insights.auto.level')}
            hint={t('insights.auto.levelHint')}
            value={form.values?.minPrecision ?? level}
            error={form.errors.minPrecision}
            inputMode="numeric"
            maxLength={3}
            width={3}
          />
          <Checkboxes
            name="categories"
            legend={t('insights.auto.categories')}
            hint={t('insights.auto.categoriesHint')}
            error={form.errors.categories}
            values={
              form.values?.categories ??
              settings.categories.flatMap((c) =>
                c.switchedOn ? [structure.categories.find((x) => x.id === c.categoryId)?.slug ?? ''] : [],
              )
            }
            options={structure.categories.map((c) => {
              const s = settings.categories.find((x) => x.categoryId === c.id);
              return { value: c.slug, label: name(c), hint: s === undefined ? undefined : measured(s) };
            })}
          />
          <Button>{t('insights.auto.save')}</Button>
        </form>
      )}
    </section>
  );
}

/** Where aspirations come from: a map of kelurahan by volume, and its table. */
function Volumes({ ctx, days, places }: { ctx: PageContext; days: number; places: PlaceVolume[] }) {
  const { t, lang } = ctx;
  const located = places.flatMap((p) =>
    p.lat === null || p.lon === null ? [] : [{ label: p.kelurahan, lat: p.lat, lon: p.lon, value: p.n }],
  );
  const counted = places.filter((p) => p.n > 0);
  const caption = t('insights.map', { days });
  return (
    <section aria-labelledby="peta">
      <h2 id="peta">{caption}</h2>
      <p>{t('insights.mapLead')}</p>
      {counted.length === 0 ? (
        <p>{t('insights.mapNone')}</p>
      ) : (
        <ChartFigure caption={caption} draw={(width) => bubbleMap({ places: located, width })}>
          <TableWrap label={t('insights.mapTable')}>
            <table>
              <caption>{t('insights.mapTable')}</caption>
              <TableHead columns={[t('insights.kelurahan'), t('insights.kecamatan'), t('insights.count')]} />
              <tbody>
                {counted.map((p) => (
                  <tr key={`${p.kecamatan}-${p.kelurahan}`}>
                    <th scope="row">{p.kelurahan}</th>
                    <td>{p.kecamatan}</td>
                    <td class="number">{formatNumber(p.n, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </ChartFigure>
      )}
    </section>
  );
}

/** Words whose count jumped this week, each linked to the inbox searched for it. */
function Words({ ctx, words }: { ctx: PageContext; words: RisingStem[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="kata-naik">
      <h2 id="kata-naik">{t('insights.words')}</h2>
      <p>{t('insights.wordsLead')}</p>
      {words.length === 0 ? (
        <p>{t('insights.noWords')}</p>
      ) : (
        <TableWrap label={t('insights.words')}>
          <table>
            <caption>{t('insights.words')}</caption>
            <TableHead columns={[t('insights.word'), t('insights.week'), t('insights.before'), t('insights.chance')]} />
            <tbody>
              {words.map((w) => (
                <tr key={w.stem}>
                  <th scope="row">
                    <a href={`/kelola/aspirasi?q=${encodeURIComponent(w.stem)}`}>{w.stem}</a>
                  </th>
                  <td class="number">{formatNumber(w.week, lang)}</td>
                  <td class="number">{formatNumber(Math.round(w.before * 10) / 10, lang)}</td>
                  <td class="number">{chanceText(ctx, w.p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
