/**
 * The public survey pages: the list, a survey's front page (its rules), one section a screen with
 * a progress line, the thanks, and the results — charts drawn on the server with their tables, and
 * for the IKM the index, its grade, its margin of error and the formula.
 */

import { WhatIs } from '../../glossary/views/shared.tsx';
import { barChart } from '../../platform/charts.ts';
import { dayOf, formatNumber, formatPercent } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ChartFigure } from '../../platform/views/chart.tsx';
import { BackLink, Banner, Button, ButtonLink, SummaryList, Tag } from '../../platform/views/components.tsx';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import type { IkmResult } from '../ikm.ts';
import type { QuestionResult, Section, Survey, SurveyForm, SurveyResults, SurveySummary } from '../service.ts';
import { type FieldValues, QuestionField } from './fields.tsx';

export function periodOf(ctx: PageContext, s: { opensOn: string; closesOn: string }) {
  return ctx.t('survey.period', { from: dayOf(ctx, s.opensOn), until: dayOf(ctx, s.closesOn) });
}

export function SurveyListPage({
  ctx,
  open,
  ended,
}: {
  ctx: PageContext;
  open: SurveySummary[];
  ended: SurveySummary[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('survey.title')} description={t('survey.lead')}>
      <h1>{t('survey.title')}</h1>
      <p>{t('survey.lead')}</p>
      <WhatIs ctx={ctx} slug="ikm" word="IKM" />
      <h2>{t('survey.open')}</h2>
      {open.length === 0 ? <p>{t('survey.noneOpen')}</p> : null}
      <ul class="list">
        {open.map((s) => (
          <li key={s.id}>
            <a href={`/survei/${s.id}`}>{s.title}</a>
            <br />
            <span class="meta">{periodOf(ctx, s)}</span>
          </li>
        ))}
      </ul>
      <h2>{t('survey.finished')}</h2>
      {ended.length === 0 ? <p>{t('survey.noneFinished')}</p> : null}
      <ul class="list">
        {ended.map((s) => (
          <li key={s.id}>
            <a href={`/survei/${s.id}/hasil`}>{s.title}</a>
            <br />
            <span class="meta">
              {periodOf(ctx, s)} · {t('survey.respondents', { n: formatNumber(s.submitted, ctx.lang) })}
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** Where a person stands with a survey, as its front page shows it. */
export type Standing = 'new' | 'started' | 'done' | 'account' | 'invited';

export function SurveyFrontPage({
  ctx,
  csrf,
  form,
  standing,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  form: SurveyForm;
  standing: Standing;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const { survey } = form;
  return (
    <Layout ctx={ctx} title={survey.title} description={survey.intro}>
      <BackLink href="/survei">{t('survey.title')}</BackLink>
      {notice === undefined ? null : (
        <Banner tone="important">
          <p>{notice}</p>
        </Banner>
      )}
      <h1>{survey.title}</h1>
      {survey.intro === '' ? null : <p>{survey.intro}</p>}
      <SummaryList
        rows={[
          [t('survey.periodLabel'), periodOf(ctx, survey)],
          [t('survey.partsLabel'), t('survey.screens', { n: form.sections.length })],
        ]}
      />
      <p>{survey.anonymous ? t('survey.rule.anonymous') : t('survey.rule.named')}</p>
      <p>{survey.audience === 'everyone' ? t('survey.rule.once') : t('survey.rule.invitation')}</p>
      {survey.phase === 'upcoming' ? <p>{t('survey.notOpen')}</p> : null}
      {survey.phase === 'ended' ? (
        <>
          <p>{t('survey.closed')}</p>
          <p>
            <a href={`/survei/${survey.id}/hasil`}>{t('survey.seeResults')}</a>
          </p>
        </>
      ) : null}
      {survey.phase !== 'open' ? null : standing === 'done' ? (
        <p>
          <Tag tone="done">{t('survey.done')}</Tag>
        </p>
      ) : standing === 'invited' ? (
        <p>{t('survey.onlyInvited')}</p>
      ) : standing === 'account' ? (
        <>
          <p>{t('survey.rule.account')}</p>
          <ButtonLink href={`/masuk?next=${encodeURIComponent(`/survei/${survey.id}`)}`}>
            {t('survey.signIn')}
          </ButtonLink>
        </>
      ) : standing === 'started' ? (
        <ButtonLink href={`/survei/${survey.id}/isi`}>{t('survey.resume')}</ButtonLink>
      ) : (
        <form method="post" action={`/survei/${survey.id}/mulai`} novalidate>
          <CsrfField token={csrf} />
          <Button>{t('survey.start')}</Button>
        </form>
      )}
    </Layout>
  );
}

export function SurveyScreenPage({
  ctx,
  csrf,
  survey,
  section,
  step,
  steps,
  values,
  errors,
  resumeLink,
}: {
  ctx: PageContext;
  csrf: string;
  survey: Survey;
  section: Section;
  /** This screen's number among the sections asked, from 1. */
  step: number;
  steps: number;
  values: FieldValues;
  errors: FieldErrors;
  resumeLink: string | undefined;
}) {
  const { t } = ctx;
  const last = step === steps;
  return (
    <Layout ctx={ctx} title={`${section.title} · ${survey.title}`}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="meta">{survey.title}</p>
      <p class="progress-line">
        <progress max={steps} value={step} aria-label={t('survey.progress')}>
          {formatPercent((step / steps) * 100, ctx.lang)}
        </progress>{' '}
        {t('survey.step', { n: step, of: steps })}
      </p>
      <h1>{section.title}</h1>
      {section.intro === '' ? null : <p>{section.intro}</p>}
      <form method="post" action={`/survei/${survey.id}/isi`} novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="bagian" value={String(section.position)} />
        {section.questions.map((question) => (
          <QuestionField key={question.id} ctx={ctx} question={question} values={values} errors={errors} />
        ))}
        {/* The first button is the one Enter presses: going on, not back. */}
        <p class="actions">
          <Button name="arah" value="lanjut">
            {last ? t('survey.send') : t('survey.next')}
          </Button>
          {step > 1 ? (
            <Button variant="secondary" name="arah" value="kembali">
              {t('survey.back')}
            </Button>
          ) : null}
        </p>
      </form>
      {resumeLink === undefined ? null : (
        <>
          <p class="meta">{t('survey.resumeLink')}</p>
          <p class="private-link">
            <a href={resumeLink}>{resumeLink}</a>
          </p>
        </>
      )}
    </Layout>
  );
}

export function SurveyThanksPage({ ctx, survey }: { ctx: PageContext; survey: Survey }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('survey.thanks.title')}>
      <h1>{t('survey.thanks.title')}</h1>
      <Banner tone="success">
        <p>{t('survey.thanks.body')}</p>
      </Banner>
      <p>
        <a href={`/survei/${survey.id}/hasil`}>{survey.title}</a>
      </p>
      <p>
        <a href="/survei">{t('survey.thanks.more')}</a>
      </p>
    </Layout>
  );
}

const share = (ctx: PageContext, count: number, of: number) =>
  of === 0 ? '–' : formatPercent((count / of) * 100, ctx.lang);

const decimals = (ctx: PageContext, n: number, digits = 2) =>
  new Intl.NumberFormat(ctx.lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);

/** The IKM block: the index, the grade, respondents and margin, the NRR per element, the formula. */
export function IkmFigures({ ctx, ikm }: { ctx: PageContext; ikm: IkmResult }) {
  const { t } = ctx;
  const elementKeys = [
    'survey.ikm.element.1',
    'survey.ikm.element.2',
    'survey.ikm.element.3',
    'survey.ikm.element.4',
    'survey.ikm.element.5',
    'survey.ikm.element.6',
    'survey.ikm.element.7',
    'survey.ikm.element.8',
    'survey.ikm.element.9',
  ] as const;
  const gradeWords = {
    A: 'survey.ikm.grade.A',
    B: 'survey.ikm.grade.B',
    C: 'survey.ikm.grade.C',
    D: 'survey.ikm.grade.D',
  } as const;
  const names = elementKeys.map((k, i) => `U${i + 1} ${t(k)}`);
  const caption = t('survey.ikm.chart');
  return (
    <section aria-labelledby="ikm">
      <h2 id="ikm">{t('survey.ikm.heading')}</h2>
      <SummaryList
        rows={[
          [t('survey.ikm.value'), decimals(ctx, ikm.index)],
          [t('survey.ikm.grade'), t('survey.ikm.gradeLine', { grade: ikm.grade, words: t(gradeWords[ikm.grade]) })],
          [t('survey.ikm.respondents'), formatNumber(ikm.respondents, ctx.lang)],
          [
            t('survey.ikm.marginLabel'),
            ikm.margin === null ? t('survey.ikm.noMargin') : t('survey.ikm.margin', { n: decimals(ctx, ikm.margin) }),
          ],
        ]}
      />
      <ChartFigure
        caption={caption}
        draw={(width) =>
          barChart({
            categories: names,
            series: [{ name: t('survey.ikm.nrr'), values: ikm.nrr.map((n) => n ?? 0) }],
            width,
            unit: (v) => decimals(ctx, v, 1),
          })
        }
      >
        <TableWrap label={caption}>
          <table>
            <TableHead columns={[t('survey.ikm.element'), t('survey.ikm.nrr'), t('survey.ikm.weighted')]} />
            <tbody>
              {ikm.nrr.map((n, i) => (
                <tr key={names[i]}>
                  <th scope="row">{names[i]}</th>
                  <td class="number">{n === null ? '–' : decimals(ctx, n, 3)}</td>
                  <td class="number">{n === null ? '–' : decimals(ctx, n / 9, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </ChartFigure>
      <p>{t('survey.ikm.formula')}</p>
      <p>{t('survey.ikm.marginHow')}</p>
    </section>
  );
}

function QuestionFigures({ ctx, result }: { ctx: PageContext; result: QuestionResult }) {
  const { t } = ctx;
  const { question } = result;
  const heading = <h3>{question.prompt}</h3>;
  if (result.answered === 0)
    return (
      <>
        {heading}
        <p>{t('survey.results.noAnswers')}</p>
      </>
    );
  if (question.kind === 'short_text' || question.kind === 'long_text')
    return (
      <>
        {heading}
        <p>{t('survey.results.texts', { n: formatNumber(result.answered, ctx.lang) })}</p>
      </>
    );
  if (question.kind === 'number' && result.numbers !== null)
    return (
      <>
        {heading}
        <p>
          {t('survey.results.numbers', {
            n: formatNumber(result.answered, ctx.lang),
            mean: decimals(ctx, result.numbers.mean, 1),
            median: decimals(ctx, result.numbers.median, 1),
            min: formatNumber(result.numbers.min, ctx.lang),
            max: formatNumber(result.numbers.max, ctx.lang),
          })}
        </p>
      </>
    );
  if (question.kind === 'matrix')
    return (
      <>
        {heading}
        <TableWrap label={question.prompt}>
          <table>
            <TableHead columns={[t('survey.row'), ...question.options.map((o) => o.label)]} />
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.row.value}>
                  <th scope="row">{r.row.label}</th>
                  {r.counts.map((c) => (
                    <td class="number" key={c.value}>
                      {formatNumber(c.count, ctx.lang)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </>
    );
  return (
    <ChartFigure
      caption={question.prompt}
      draw={(width) =>
        barChart({
          categories: result.counts.map((c) => c.label),
          series: [{ name: t('survey.results.count'), values: result.counts.map((c) => c.count) }],
          width,
        })
      }
    >
      {result.mean === null ? null : <p>{t('survey.results.mean', { n: decimals(ctx, result.mean) })}</p>}
      <TableWrap label={question.prompt}>
        <table>
          <TableHead columns={[t('survey.results.answer'), t('survey.results.count'), t('survey.results.share')]} />
          <tbody>
            {result.counts.map((c) => (
              <tr key={c.value}>
                <th scope="row">{c.label}</th>
                <td class="number">{formatNumber(c.count, ctx.lang)}</td>
                <td class="number">{share(ctx, c.count, result.answered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </ChartFigure>
  );
}

export function SurveyResultsPage({
  ctx,
  form,
  results,
  back,
}: {
  ctx: PageContext;
  form: SurveyForm;
  results: SurveyResults;
  back: { href: string; text: string };
}) {
  const { t } = ctx;
  const { survey } = form;
  const title = t('survey.results.title', { title: survey.title });
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink href={back.href}>{back.text}</BackLink>
      <h1>{title}</h1>
      <SummaryList
        rows={[
          [t('survey.periodLabel'), periodOf(ctx, survey)],
          [t('survey.ikm.respondents'), formatNumber(results.respondents, ctx.lang)],
        ]}
      />
      {results.ikm === undefined ? null : <IkmFigures ctx={ctx} ikm={results.ikm} />}
      {results.sections.map(({ section, questions }) => (
        <section key={section.id} aria-labelledby={`bagian-${section.id}`}>
          <h2 id={`bagian-${section.id}`}>{section.title}</h2>
          {questions.map((r) => (
            <QuestionFigures key={r.question.id} ctx={ctx} result={r} />
          ))}
        </section>
      ))}
    </Layout>
  );
}
