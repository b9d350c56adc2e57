/** /raperda (the Propemperda of a year), /raperda/:id (a draft's stages), and /kelola/raperda. */
import type { CouncilStructure } from '../../council/service.ts';
import { WhatIs } from '../../glossary/views/shared.tsx';
import type { NewsPost } from '../../news/service.ts';
import { NewsSection } from '../../news/views/shared.tsx';
import { dayOf } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button, SummaryList, Tabs } from '../../platform/views/components.tsx';
import { FollowForm } from '../../platform/views/follow.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { typeName } from '../../regulations/views/shared.tsx';
import { type Draft, type DraftRecord, stages } from '../service.ts';

function StageBar({ ctx, current }: { ctx: PageContext; current: string }) {
  const reached = stages.indexOf(current as (typeof stages)[number]);
  return (
    <ol class="stages" aria-label={ctx.t('draft.stages')}>
      {stages.map((s, i) => (
        <li
          key={s}
          class={i < reached ? 'done' : i === reached ? 'current' : undefined}
          aria-current={i === reached ? 'step' : undefined}
        >
          {ctx.t(`draft.stage.${s}`)}
        </li>
      ))}
    </ol>
  );
}

export function PropemperdaPage({
  ctx,
  year,
  years,
  drafts,
}: {
  ctx: PageContext;
  year: number;
  years: number[];
  drafts: Draft[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('draft.list.title', { year })} description={t('draft.list.lead')}>
      <BackLink href="/perda">{t('regulation.title')}</BackLink>
      <h1>{t('draft.list.title', { year })}</h1>
      <p class="lead">{t('draft.list.lead')}</p>
      <WhatIs ctx={ctx} slug="propemperda" word="Propemperda" />
      {years.length <= 1 ? null : (
        <Tabs
          label={t('draft.years')}
          items={years.map((y) => ({ href: `/raperda?tahun=${y}`, label: String(y), current: y === year }))}
        />
      )}
      {drafts.length === 0 ? <p>{t('draft.list.none')}</p> : null}
      <ul class="list">
        {drafts.map((d) => (
          <li key={d.id}>
            <h2>
              <a href={`/raperda/${d.id}`}>{d.title}</a>
            </h2>
            <p class="meta">
              {t('draft.stageNow', { stage: t(`draft.stage.${d.stage}`) })} · {t(`draft.initiator.${d.initiator}`)}
              {d.body === undefined ? null : ` · ${d.body.name}`}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function DraftPage({
  ctx,
  csrf,
  record,
  consultations,
  news = [],
  notice,
  error,
}: {
  ctx: PageContext;
  csrf: string;
  record: DraftRecord;
  /** The public consultations held on this draft. */
  consultations: { id: number; title: string; reportPublished: boolean }[];
  /** The council's news about this draft. */
  news?: NewsPost[];
  notice?: string | undefined;
  error?: string | undefined;
}) {
  const { t } = ctx;
  const d = record.draft;
  return (
    <Layout ctx={ctx} title={d.title}>
      <p>
        <a href={`/raperda?tahun=${d.year}`}>{t('draft.list.title', { year: d.year })}</a>
      </p>
      <Notice text={notice} />
      <h1>{d.title}</h1>
      <StageBar ctx={ctx} current={d.stage} />
      <SummaryList>
        <dt>{t('draft.initiatorLabel')}</dt>
        <dd>{t(`draft.initiator.${d.initiator}`)}</dd>
        {d.body === undefined ? null : (
          <>
            <dt>{t('draft.body')}</dt>
            <dd>
              <a href={`/agenda?badan=${d.body.slug}`}>{d.body.name}</a>
            </dd>
          </>
        )}
        {record.regulation === undefined ? null : (
          <>
            <dt>{t('draft.result')}</dt>
            <dd>
              <a href={`/perda/${record.regulation.id}`}>
                {t('regulation.citation', {
                  type: typeName(ctx, record.regulation.type),
                  number: record.regulation.number,
                  year: record.regulation.year,
                })}
              </a>
            </dd>
          </>
        )}
      </SummaryList>
      {d.summary === '' ? null : <p class="prose">{d.summary}</p>}
      {consultations.length === 0 ? null : (
        <>
          <h2>{t('draft.consultations')}</h2>
          <ul>
            {consultations.map((c) => (
              <li key={c.id}>
                <a href={`/konsultasi/${c.id}`}>{c.title}</a>
                {c.reportPublished ? (
                  <>
                    {' · '}
                    <a href={`/konsultasi/${c.id}/laporan`}>{t('draft.consultationReport')}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('draft.history')}</h2>
      <ol class="timeline">
        {record.steps.map((s, i) => (
          <li key={i} class="event">
            <p class="event-head">
              <strong>{t(`draft.stage.${s.stage}`)}</strong>
              <br />
              <span class="meta">{dayOf(ctx, s.date)}</span>
            </p>
            {s.note === null ? null : <p class="event-body">{s.note}</p>}
            {s.meeting === null ? null : (
              <p>
                <a href={`/agenda/${s.meeting.id}`}>{s.meeting.open ? s.meeting.title : t('agenda.closedMeeting')}</a>
              </p>
            )}
          </li>
        ))}
      </ol>
      {record.documents.length === 0 ? null : (
        <>
          <h2>{t('agenda.documents')}</h2>
          <ul>
            {record.documents.map((doc) => (
              <li key={doc.id}>
                <a href={`/raperda/${d.id}/dokumen/${doc.id}`}>{doc.title}</a> ({t(`draft.stage.${doc.stage}`)}, PDF,{' '}
                {Math.max(1, Math.round(doc.bytes / 1024))} KB)
              </li>
            ))}
          </ul>
        </>
      )}
      <NewsSection ctx={ctx} posts={news} heading={t('news.aboutRecord')} />
      <FollowForm
        ctx={ctx}
        csrf={csrf}
        action={`/raperda/${d.id}/ikuti`}
        title={t('draft.follow.title')}
        lead={t('draft.follow.lead')}
        button={t('draft.follow.button')}
        error={error}
        follow={{ type: 'raperda', id: d.id }}
      />
    </Layout>
  );
}

export function DraftsOfficePage({
  ctx,
  csrf,
  structure,
  drafts,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  drafts: Draft[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('draft.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('draft.office.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <ul class="list">
        {drafts.map((d) => (
          <li key={d.id}>
            <a href={`/kelola/raperda/${d.id}`}>{d.title}</a> — {t(`draft.stage.${d.stage}`)}
          </li>
        ))}
      </ul>
      <h2>{t('draft.office.add')}</h2>
      <form method="post" action="/kelola/raperda" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="year"
          label={t('draft.office.year')}
          value={values.year}
          error={errors.year}
          inputMode="numeric"
          maxLength={4}
        />
        <TextArea name="title" label={t('regulation.field.title')} value={values.title} error={errors.title} rows={2} />
        <SelectField
          name="initiator"
          label={t('draft.initiatorLabel')}
          value={values.initiator === 'dprd' ? 'dprd' : 'pemerintah'}
          options={(['pemerintah', 'dprd'] as const).map((i) => ({ value: i, label: t(`draft.initiator.${i}`) }))}
        />
        <SelectField
          name="body"
          label={t('draft.body')}
          empty="—"
          value={values.body}
          options={structure.bodies.map((b) => ({ value: b.slug, label: b.name }))}
        />
        <TextArea name="summary" label={t('draft.summary')} value={values.summary} error={errors.summary} rows={4} />
        <button type="submit">{t('regulation.office.save')}</button>
      </form>
    </Layout>
  );
}

export function DraftOfficePage({
  ctx,
  csrf,
  record,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  record: DraftRecord;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const d = record.draft;
  return (
    <Layout ctx={ctx} title={d.title}>
      <p>
        <a href="/kelola/raperda">{t('draft.office.back')}</a> ·{' '}
        <a href={`/raperda/${d.id}`}>{t('aspiration.case.public')}</a>
      </p>
      <h1>{d.title}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <StageBar ctx={ctx} current={d.stage} />
      <h2>{t('draft.office.advance')}</h2>
      <form method="post" action={`/kelola/raperda/${d.id}/tahap`} novalidate>
        <CsrfField token={csrf} />
        <SelectField
          name="stage"
          label={t('draft.office.stage')}
          error={errors.stage}
          value={values.stage ?? d.stage}
          options={stages.map((s) => ({ value: s, label: t(`draft.stage.${s}`) }))}
        />
        <TextField name="date" type="date" label={t('agenda.field.date')} value={values.date} error={errors.date} />
        <TextArea name="note" label={t('draft.office.note')} value={values.note} error={errors.note} rows={3} />
        <TextField
          name="meeting"
          label={t('draft.office.meeting')}
          hint={t('draft.office.meetingHint')}
          value={values.meeting}
          error={errors.meeting}
          inputMode="numeric"
          maxLength={12}
        />
        <TextField
          name="regulation"
          label={t('draft.office.regulation')}
          hint={t('draft.office.regulationHint')}
          value={values.regulation}
          error={errors.regulation}
          inputMode="numeric"
          maxLength={12}
        />
        <button type="submit">{t('draft.office.save')}</button>
      </form>
      <h2>{t('agenda.documents')}</h2>
      <form method="post" action={`/kelola/raperda/${d.id}/dokumen`} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <SelectField
          name="documentStage"
          label={t('draft.office.stage')}
          value={d.stage}
          options={stages.map((s) => ({ value: s, label: t(`draft.stage.${s}`) }))}
        />
        <TextField
          name="documentTitle"
          label={t('agenda.office.documentTitle')}
          error={errors.documentTitle}
          maxLength={200}
        />
        <FileField
          name="document"
          label={t('agenda.office.document')}
          error={errors.document}
          accept="application/pdf"
        />
        <Button variant="secondary">{t('agenda.office.upload')}</Button>
      </form>
    </Layout>
  );
}
