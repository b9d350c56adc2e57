/** /kelola/konsultasi (open and run consultations, write the report) and /kelola/moderasi. */
import type { Body, Kecamatan } from '../../council/service.ts';
import { dayOf, formatDate } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Banner, Button } from '../../platform/views/components.tsx';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Notice,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ModerationDecision } from '../../platform/views/moderation.tsx';
import {
  type CommentView,
  type Consultation,
  fates,
  kinds,
  type QueueItem,
  type ReportRecord,
  type Section,
} from '../service.ts';
import { CommentBody } from './pages.tsx';
import { PhaseTag } from './shared.tsx';

function ConsultationFields({
  ctx,
  bodies,
  errors,
  values,
}: {
  ctx: PageContext;
  bodies: Body[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  return (
    <>
      <SelectField
        name="kind"
        label={t('consultation.field.kind')}
        value={values.kind ?? 'raperda'}
        error={errors.kind}
        options={kinds.map((k) => ({ value: k, label: t(`consultation.kind.${k}`) }))}
      />
      <TextField
        name="title"
        label={t('consultation.field.title')}
        value={values.title}
        error={errors.title}
        maxLength={300}
      />
      <TextArea
        name="summary"
        label={t('consultation.field.summary')}
        hint={t('consultation.summaryHint')}
        value={values.summary}
        error={errors.summary}
        rows={4}
        maxLength={3000}
      />
      <SelectField
        name="body"
        label={t('consultation.field.body')}
        empty="—"
        value={values.body}
        error={errors.body}
        options={bodies.map((b) => ({ value: b.slug, label: b.name }))}
      />
      <TextField
        name="raperda"
        label={t('consultation.field.raperda')}
        hint={t('consultation.raperdaHint')}
        value={values.raperda}
        error={errors.raperda}
        inputMode="numeric"
        maxLength={12}
        width={5}
      />
      <TextField
        name="opensOn"
        type="date"
        label={t('consultation.field.opensOn')}
        hint={t('consultation.opensOnHint')}
        value={values.opensOn}
        error={errors.opensOn}
      />
      <TextField
        name="commentsFrom"
        type="date"
        label={t('consultation.field.commentsFrom')}
        value={values.commentsFrom}
        error={errors.commentsFrom}
      />
      <TextField
        name="commentsUntil"
        type="date"
        label={t('consultation.field.commentsUntil')}
        value={values.commentsUntil}
        error={errors.commentsUntil}
      />
      <TextField
        name="reportDue"
        type="date"
        label={t('consultation.field.reportDue')}
        value={values.reportDue}
        error={errors.reportDue}
      />
      <CheckboxField
        name="holdFirstComments"
        label={t('consultation.field.holdFirstComments')}
        checked={values.holdFirstComments === 'yes'}
      />
      <CheckboxField
        name="emailComments"
        label={t('consultation.field.emailComments')}
        hint={t('consultation.emailCommentsHint')}
        checked={values.emailComments === 'yes'}
      />
    </>
  );
}

export function ConsultationsOfficePage({
  ctx,
  csrf,
  consultations,
  bodies,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  consultations: Consultation[];
  bodies: Body[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('consultation.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('consultation.office.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {consultations.length === 0 ? <p>{t('consultation.list.noneOpen')}</p> : null}
      <ul class="list">
        {consultations.map((c) => (
          <li key={c.id}>
            <a href={`/kelola/konsultasi/${c.id}`}>{c.title}</a>
            <br />
            <PhaseTag ctx={ctx} c={c} />{' '}
            <span class="meta">
              {dayOf(ctx, c.commentsFrom)} – {dayOf(ctx, c.commentsUntil)}
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('consultation.office.new')}</h2>
      <form method="post" action="/kelola/konsultasi" novalidate>
        <CsrfField token={csrf} />
        <ConsultationFields ctx={ctx} bodies={bodies} errors={errors} values={values} />
        <button type="submit">{t('consultation.office.create')}</button>
      </form>
    </Layout>
  );
}

export function ConsultationOfficePage({
  ctx,
  csrf,
  report,
  answers,
  bodies,
  kecamatan,
  documents,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  report: ReportRecord;
  /** The draft regulation's documents, to take the text from. */
  documents: { id: number; title: string }[];
  /** Every published comment by section, to answer. */
  answers: { section: Section; comments: CommentView[] }[];
  bodies: Body[];
  kecamatan: Kecamatan[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const c = report.record.consultation;
  const unanswered = report.unanswered;
  return (
    <Layout ctx={ctx} title={c.title}>
      <BackLink href="/kelola/konsultasi">{t('consultation.office.title')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{c.title}</h1>
      <p>
        <PhaseTag ctx={ctx} c={c} /> <a href={`/konsultasi/${c.id}`}>{t('consultation.office.public')}</a>
      </p>

      <h2 id="bagian">{t('consultation.sections')}</h2>
      {report.record.sections.length === 0 ? <p>{t('consultation.noSections')}</p> : null}
      <ol class="list">
        {report.record.sections.map((s) => (
          <li key={s.id}>
            <a href={`/konsultasi/${c.id}/bagian/${s.id}`}>{s.heading}</a>{' '}
            <span class="meta">{t('consultation.commentCount', { n: s.comments })}</span>
            {s.comments === 0 && c.phase !== 'report' ? (
              <form method="post" action={`/kelola/konsultasi/${c.id}/bagian/${s.id}/hapus`} class="inline-form">
                <CsrfField token={csrf} />
                <Button variant="link" label={t('consultation.office.removeLabel', { heading: s.heading })}>
                  {t('consultation.office.remove')}
                </Button>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
      {errors.section === undefined ? null : <p>{errors.section}</p>}
      <h3>{t('consultation.office.import')}</h3>
      <form method="post" action={`/kelola/konsultasi/${c.id}/impor`} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <p>{t('consultation.office.importHint')}</p>
        {documents.length === 0 ? null : (
          <SelectField
            name="document"
            label={t('consultation.field.document')}
            empty={t('consultation.office.documentNone')}
            error={errors.document}
            options={documents.map((d) => ({ value: String(d.id), label: d.title }))}
          />
        )}
        <FileField name="pdf" label={t('consultation.field.pdf')} error={errors.pdf} accept="application/pdf" />
        <Button variant="secondary">{t('consultation.office.importButton')}</Button>
      </form>
      <form method="post" action={`/kelola/konsultasi/${c.id}/bagian`} novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="heading"
          label={t('consultation.field.heading')}
          hint={t('consultation.headingHint')}
          value={values.heading}
          error={errors.heading}
          maxLength={200}
        />
        <TextArea
          name="text"
          label={t('consultation.field.text')}
          hint={t('consultation.textHint')}
          value={values.text}
          error={errors.text}
          rows={10}
        />
        <Button variant="secondary">{t('consultation.office.addSections')}</Button>
      </form>

      <h2>{t('consultation.meetings')}</h2>
      <ul>
        {report.record.meetings.map((m) => (
          <li key={m.id}>
            <a href={`/agenda/${m.id}`}>{m.title}</a> — {formatDate(m.startsAt, ctx.lang)}
          </li>
        ))}
      </ul>
      <form method="post" action={`/kelola/konsultasi/${c.id}/rapat`} novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="meeting"
          label={t('consultation.field.meeting')}
          hint={t('consultation.meetingHint')}
          value={values.meeting}
          error={errors.meeting}
          maxLength={300}
        />
        <Button variant="secondary">{t('consultation.office.linkMeeting')}</Button>
      </form>

      {report.record.sections.length === 0 || c.phase === 'report' ? null : (
        <>
          <h2>{t('consultation.office.offline')}</h2>
          <form method="post" action={`/kelola/konsultasi/${c.id}/masukan`} novalidate>
            <CsrfField token={csrf} />
            <SelectField
              name="section"
              label={t('consultation.field.section')}
              value={values.section}
              error={errors.section}
              options={report.record.sections.map((s) => ({ value: String(s.id), label: s.heading }))}
            />
            <TextField
              name="source"
              label={t('consultation.field.source')}
              hint={t('consultation.sourceHint')}
              value={values.source}
              error={errors.source}
              maxLength={300}
            />
            <TextArea
              name="offlineBody"
              label={t('consultation.field.offlineBody')}
              value={values.offlineBody}
              error={errors.offlineBody}
              rows={5}
            />
            <SelectField
              name="kecamatan"
              label={t('consultation.field.kecamatan')}
              empty={t('consultation.kecamatanNone')}
              value={values.kecamatan}
              error={errors.kecamatan}
              options={kecamatan.map((k) => ({ value: k.slug, label: k.name }))}
            />
            <Button variant="secondary">{t('consultation.office.addOffline')}</Button>
          </form>
        </>
      )}

      {c.phase === 'closing' || c.phase === 'report' ? (
        <>
          <h2 id="laporan">{t('consultation.office.report')}</h2>
          {c.phase === 'report' ? (
            <Banner tone="success">
              <p>
                <a href={`/konsultasi/${c.id}/laporan`}>{t('consultation.report.read')}</a>
              </p>
            </Banner>
          ) : (
            <p>{t('consultation.office.reportLead', { n: unanswered, day: dayOf(ctx, c.reportDue) })}</p>
          )}
          {answers.map(({ section, comments }) => (
            <section key={section.id} aria-labelledby={`bagian-${section.id}`}>
              <h3 id={`bagian-${section.id}`}>{section.heading}</h3>
              {comments.map((comment) => (
                <div key={comment.id} class="panel" id={`tanggapan-${comment.id}`}>
                  <CommentBody ctx={ctx} comment={comment} showFate />
                  {c.phase === 'closing' ? (
                    <form method="post" action={`/kelola/konsultasi/komentar/${comment.id}/tanggapan`} novalidate>
                      <CsrfField token={csrf} />
                      <Radios
                        name="fate"
                        legend={t('consultation.field.fate')}
                        inline
                        error={errors[`fate-${comment.id}`]}
                        value={values[`fate-${comment.id}`] ?? comment.fate ?? undefined}
                        options={fates.map((f) => ({ value: f, label: t(`consultation.fate.${f}`) }))}
                      />
                      <TextArea
                        name="answer"
                        id={`answer-${comment.id}`}
                        label={t('consultation.field.answer')}
                        value={values[`answer-${comment.id}`] ?? comment.fateReason ?? undefined}
                        error={errors[`answer-${comment.id}`]}
                        rows={2}
                      />
                      <Button variant="secondary">{t('consultation.office.saveAnswer')}</Button>
                    </form>
                  ) : null}
                </div>
              ))}
              {c.phase === 'closing' ? (
                <form method="post" action={`/kelola/konsultasi/${c.id}/bagian/${section.id}/laporan`} novalidate>
                  <CsrfField token={csrf} />
                  <TextArea
                    name="report"
                    id={`report-${section.id}`}
                    label={t('consultation.field.sectionReport', { heading: section.heading })}
                    value={values[`report-${section.id}`] ?? section.report ?? undefined}
                    error={errors[`report-${section.id}`]}
                    rows={3}
                  />
                  <Button variant="secondary">{t('consultation.office.saveSectionReport')}</Button>
                </form>
              ) : null}
            </section>
          ))}
          {c.phase === 'closing' ? (
            <form method="post" action={`/kelola/konsultasi/${c.id}/laporan`} novalidate>
              <CsrfField token={csrf} />
              <TextArea
                name="reportSummary"
                label={t('consultation.field.reportSummary')}
                hint={t('consultation.reportSummaryHint')}
                value={values.reportSummary ?? c.reportSummary ?? undefined}
                error={errors.reportSummary}
                rows={5}
              />
              <button type="submit">{t('consultation.office.publish')}</button>
            </form>
          ) : null}
        </>
      ) : null}

      <h2>{t('consultation.office.details')}</h2>
      <form method="post" action={`/kelola/konsultasi/${c.id}`} novalidate>
        <CsrfField token={csrf} />
        <ConsultationFields ctx={ctx} bodies={bodies} errors={errors} values={values} />
        <Button variant="secondary">{t('consultation.office.save')}</Button>
      </form>
    </Layout>
  );
}

export function ModerationPage({
  ctx,
  csrf,
  queue,
  statements,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  queue: QueueItem[];
  statements: { id: number; text: string; consultationId: number; consultationTitle: string }[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('consultation.moderate.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('consultation.moderate.title')}</h1>
      <p class="lead">{t('consultation.moderate.lead')}</p>
      {queue.length === 0 && statements.length === 0 ? <p>{t('moderation.empty')}</p> : null}
      {statements.length === 0 ? null : (
        <>
          <h2>{t('consultation.moderate.statements')}</h2>
          {statements.map((st) => (
            <section key={st.id} class="panel" aria-labelledby={`pernyataan-${st.id}`}>
              <h3 id={`pernyataan-${st.id}`}>
                <a href={`/konsultasi/${st.consultationId}/pernyataan`}>{st.consultationTitle}</a>
              </h3>
              <p class="prose">{st.text}</p>
              <ModerationDecision
                ctx={ctx}
                csrf={csrf}
                action={`/kelola/moderasi/pernyataan/${st.id}`}
                fieldId={`reason-s${st.id}`}
                other="approve"
                reason={values[`reason-s${st.id}`]}
                error={errors[`reason-s${st.id}`]}
              />
            </section>
          ))}
        </>
      )}
      {queue.map((item) => {
        const id = item.comment.id;
        return (
          <section key={id} class="panel" aria-labelledby={`antrean-${id}`}>
            <h2 id={`antrean-${id}`}>
              {item.consultationTitle} · {item.section}
            </h2>
            <p class="meta">
              {item.comment.status === 'held'
                ? t('consultation.moderate.held')
                : t('moderation.reported', { n: item.reasons.length })}
            </p>
            {item.reasons.length === 0 ? null : (
              <ul>
                {item.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            )}
            <CommentBody ctx={ctx} comment={{ ...item.comment, body: item.text }} showFate={false} />
            <ModerationDecision
              ctx={ctx}
              csrf={csrf}
              action={`/kelola/moderasi/komentar/${id}`}
              fieldId={`reason-${id}`}
              other={item.comment.status === 'held' ? 'approve' : 'dismiss'}
              reason={values[`reason-${id}`]}
              error={errors[`reason-${id}`]}
            />
          </section>
        );
      })}
    </Layout>
  );
}
