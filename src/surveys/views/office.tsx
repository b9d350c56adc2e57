/**
 * The surveys back office: every survey with its answers so far, a new survey or a ready-made IKM
 * survey, and one survey being built — details, sections, questions, publishing and closing, a
 * new version once it has answers, the preview and the downloads.
 */
import type { PageContext } from '../../platform/page-context.ts';
import {
  BackLink,
  Banner,
  Button,
  ButtonLink,
  SummaryList,
  Tag,
  type TagTone,
} from '../../platform/views/components.tsx';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FieldMessage,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import {
  AUDIENCES,
  conditionChoices,
  QUESTION_KINDS,
  SERVICE_UNITS,
  type Survey,
  type SurveyForm,
  type SurveySummary,
  unitKey,
} from '../service.ts';
import { QuestionField } from './fields.tsx';
import { periodOf } from './pages.tsx';

type Values = Partial<Record<string, string>>;

const phaseTone: Record<Survey['phase'], TagTone> = {
  draft: 'neutral',
  upcoming: 'active',
  open: 'active',
  ended: 'done',
};
const phaseKey = {
  draft: 'survey.office.phase.draft',
  upcoming: 'survey.office.phase.upcoming',
  open: 'survey.office.phase.open',
  ended: 'survey.office.phase.ended',
} as const;
export const audienceKey = {
  everyone: 'survey.audience.everyone',
  service_users: 'survey.audience.service_users',
  sample: 'survey.audience.sample',
} as const;
const kindKey = {
  single: 'survey.kindOf.single',
  multiple: 'survey.kindOf.multiple',
  likert4: 'survey.kindOf.likert4',
  likert5: 'survey.kindOf.likert5',
  number: 'survey.kindOf.number',
  short_text: 'survey.kindOf.short_text',
  long_text: 'survey.kindOf.long_text',
  matrix: 'survey.kindOf.matrix',
} as const;

export function PhaseTag({ ctx, survey }: { ctx: PageContext; survey: Survey }) {
  return <Tag tone={phaseTone[survey.phase]}>{ctx.t(phaseKey[survey.phase])}</Tag>;
}

export function SurveyOfficePage({
  ctx,
  csrf,
  surveys,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  surveys: SurveySummary[];
  errors: FieldErrors;
  values: Values;
  notice: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('survey.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('survey.office.title')}</h1>
      {surveys.length === 0 ? (
        <p>{t('survey.office.none')}</p>
      ) : (
        <TableWrap label={t('survey.office.title')}>
          <table>
            <TableHead
              columns={[
                t('survey.office.survey'),
                t('survey.periodLabel'),
                t('survey.office.state'),
                t('survey.office.answers'),
              ]}
            />
            <tbody>
              {surveys.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <a href={`/kelola/survei/${s.id}`}>{s.title}</a>
                    {s.version > 1 ? <span class="meta"> · {t('survey.office.version', { n: s.version })}</span> : null}
                  </th>
                  <td>{periodOf(ctx, s)}</td>
                  <td>
                    <PhaseTag ctx={ctx} survey={s} />
                  </td>
                  <td class="number">{t('survey.office.answerCount', { sent: s.submitted, started: s.started })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <h2 id="ikm-baru">{t('survey.office.newIkm')}</h2>
      <p>{t('survey.office.newIkmLead')}</p>
      <form method="post" action="/kelola/survei/ikm" novalidate>
        <CsrfField token={csrf} />
        <SelectField
          name="unit"
          label={t('survey.field.unit')}
          empty={t('form.choose')}
          value={values.unit}
          error={errors.unit}
          options={SERVICE_UNITS.map((u) => ({ value: u, label: t(unitKey[u]) }))}
        />
        <TextField
          name="ikmOpensOn"
          type="date"
          label={t('survey.field.opensOn')}
          value={values.ikmOpensOn}
          error={errors.ikmOpensOn}
        />
        <TextField
          name="ikmClosesOn"
          type="date"
          label={t('survey.field.closesOn')}
          value={values.ikmClosesOn}
          error={errors.ikmClosesOn}
        />
        <Button>{t('survey.office.createIkm')}</Button>
      </form>

      <h2 id="survei-baru">{t('survey.office.new')}</h2>
      <form method="post" action="/kelola/survei" novalidate>
        <CsrfField token={csrf} />
        <DetailFields ctx={ctx} values={values} errors={errors} />
        <Button variant="secondary">{t('survey.office.create')}</Button>
      </form>
    </Layout>
  );
}

function DetailFields({
  ctx,
  values,
  errors,
  ikm = false,
}: {
  ctx: PageContext;
  values: Values;
  errors: FieldErrors;
  ikm?: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      {ikm ? null : (
        <>
          <TextField
            name="title"
            label={t('survey.field.title')}
            value={values.title}
            error={errors.title}
            maxLength={200}
          />
          <TextArea name="intro" label={t('survey.field.intro')} value={values.intro} error={errors.intro} rows={4} />
        </>
      )}
      <TextField
        name="opensOn"
        type="date"
        label={t('survey.field.opensOn')}
        value={values.opensOn}
        error={errors.opensOn}
      />
      <TextField
        name="closesOn"
        type="date"
        label={t('survey.field.closesOn')}
        value={values.closesOn}
        error={errors.closesOn}
      />
      <SelectField
        name="audience"
        label={t('survey.field.audience')}
        value={values.audience}
        error={errors.audience}
        options={AUDIENCES.map((a) => ({ value: a, label: t(audienceKey[a]) }))}
      />
      {ikm ? null : (
        <SelectField
          name="usersOf"
          label={t('survey.field.usersOf')}
          hint={t('survey.field.usersOfHint')}
          empty={t('survey.field.noUnit')}
          value={values.usersOf}
          error={errors.usersOf}
          options={SERVICE_UNITS.map((u) => ({ value: u, label: t(unitKey[u]) }))}
        />
      )}
      {/* The IKM is anonymous by its nature: no choice to offer. */}
      {ikm ? null : (
        <CheckboxField
          name="anonymous"
          checked={values.anonymous === 'yes'}
          label={t('survey.field.anonymous')}
          hint={t('survey.field.anonymousHint')}
          error={errors.anonymous}
        />
      )}
    </>
  );
}

export function SurveyEditPage({
  ctx,
  csrf,
  form,
  locked,
  started,
  submitted,
  invitations,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  form: SurveyForm;
  /** Its questions can no longer change (answers exist, or it is the ready-made IKM). */
  locked: boolean;
  started: number;
  submitted: number;
  /** Invitations sent, and how many led to answers sent. */
  invitations: { sent: number; answered: number };
  errors: FieldErrors;
  values: Values;
  notice: string | undefined;
}) {
  const { t } = ctx;
  const { survey } = form;
  const base = `/kelola/survei/${survey.id}`;
  const conditions = conditionChoices(form);
  const sectionOptions = form.sections.map((s) => ({ value: String(s.id), label: s.title }));
  return (
    <Layout ctx={ctx} title={survey.title}>
      <BackLink href="/kelola/survei">{t('survey.office.title')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{survey.title}</h1>
      <SummaryList
        rows={[
          [t('survey.office.state'), <PhaseTag key="phase" ctx={ctx} survey={survey} />],
          [t('survey.periodLabel'), periodOf(ctx, survey)],
          [t('survey.office.answers'), t('survey.office.answerCount', { sent: submitted, started })],
          [t('survey.field.anonymous'), survey.anonymous ? t('survey.office.yes') : t('survey.office.no')],
          [t('survey.field.audience'), t(audienceKey[survey.audience])],
          [
            t('survey.office.invitations'),
            survey.audience === 'everyone' ? undefined : t('survey.office.invitationCount', invitations),
          ],
          [t('survey.office.versionLabel'), String(survey.version)],
        ]}
      />
      {survey.previousId === null ? null : (
        <p>
          <a href={`/kelola/survei/${survey.previousId}`}>{t('survey.office.previous')}</a>
        </p>
      )}
      <p class="actions">
        <ButtonLink variant="secondary" href={`${base}/pratinjau`}>
          {t('survey.office.preview')}
        </ButtonLink>
        <ButtonLink variant="secondary" href={`${base}/hasil`}>
          {t('survey.office.results')}
        </ButtonLink>
      </p>
      {submitted > 0 ? (
        <p>
          {t('survey.office.download')} <a href={`${base}/jawaban.csv`}>CSV</a> ·{' '}
          <a href={`${base}/jawaban.xlsx`}>XLSX</a>
        </p>
      ) : null}

      {survey.status === 'draft' ? (
        <form method="post" action={`${base}/terbitkan`} id="publish" novalidate>
          <CsrfField token={csrf} />
          <p>{t('survey.office.publishLead')}</p>
          <FieldMessage name="publish" error={errors.publish} />
          <Button>{t('survey.office.publish')}</Button>
        </form>
      ) : null}
      {survey.status === 'published' ? (
        <form method="post" action={`${base}/tutup`} novalidate>
          <CsrfField token={csrf} />
          <Button variant="warning">{t('survey.office.close')}</Button>
        </form>
      ) : null}
      {locked && survey.kind === 'general' ? (
        <Banner tone="important" title={t('survey.office.lockedTitle')}>
          <p>{t('survey.office.locked')}</p>
          <form method="post" action={`${base}/versi-baru`} novalidate>
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('survey.office.newVersion')}</Button>
          </form>
        </Banner>
      ) : null}

      {survey.audience === 'sample' && survey.status === 'published' && survey.phase !== 'ended' ? (
        <>
          <h2>{t('survey.office.invite')}</h2>
          <form method="post" action={`${base}/undangan`} novalidate>
            <CsrfField token={csrf} />
            <TextArea
              name="list"
              label={t('survey.field.list')}
              hint={t('survey.field.listHint')}
              value={values.list}
              error={errors.list}
              rows={6}
            />
            <Button>{t('survey.office.inviteButton')}</Button>
          </form>
        </>
      ) : null}
      {survey.audience === 'service_users' ? <p>{t('survey.office.usersInvited')}</p> : null}

      <h2>{t('survey.office.details')}</h2>
      <form method="post" action={base} novalidate>
        <CsrfField token={csrf} />
        <DetailFields ctx={ctx} values={values} errors={errors} ikm={survey.kind === 'ikm'} />
        <Button variant="secondary">{t('survey.office.save')}</Button>
      </form>

      <h2>{t('survey.office.questions')}</h2>
      {form.sections.length === 0 ? <p>{t('survey.office.noSections')}</p> : null}
      {form.sections.map((section) => (
        <section key={section.id} aria-labelledby={`bagian-${section.id}`}>
          <h3 id={`bagian-${section.id}`}>
            {t('survey.office.sectionN', { n: section.position })}: {section.title}
          </h3>
          {section.intro === '' ? null : <p>{section.intro}</p>}
          {section.questions.length === 0 ? <p>{t('survey.office.noQuestions')}</p> : null}
          <ol class="list">
            {section.questions.map((question) => {
              const condition = conditions.find(
                (c) => c.question.id === question.showIf?.questionId && c.option.value === question.showIf?.value,
              );
              return (
                <li key={question.id}>
                  <strong>{question.prompt}</strong>{' '}
                  <span class="meta">
                    ({question.code} · {t(kindKey[question.kind])}
                    {question.required ? '' : ` · ${t('survey.optional')}`})
                  </span>
                  {question.options.length > 0 ? (
                    <>
                      <br />
                      <span class="meta">{question.options.map((o) => o.label).join(' / ')}</span>
                    </>
                  ) : null}
                  {condition === undefined ? null : (
                    <>
                      <br />
                      <span class="meta">
                        {t('survey.office.shownWhen', {
                          question: condition.question.code,
                          answer: condition.option.label,
                        })}
                      </span>
                    </>
                  )}
                  {locked ? null : (
                    <form method="post" action={`${base}/pertanyaan/${question.id}/hapus`} novalidate>
                      <CsrfField token={csrf} />
                      <Button variant="link" label={t('survey.office.removeQuestionOf', { code: question.code })}>
                        {t('survey.office.remove')}
                      </Button>
                    </form>
                  )}
                </li>
              );
            })}
          </ol>
          {locked || section.questions.length > 0 ? null : (
            <form method="post" action={`${base}/bagian/${section.id}/hapus`} novalidate>
              <CsrfField token={csrf} />
              <Button variant="link" label={t('survey.office.removeSectionOf', { n: section.position })}>
                {t('survey.office.removeSection')}
              </Button>
            </form>
          )}
        </section>
      ))}

      {locked ? null : (
        <>
          <h2>{t('survey.office.addQuestion')}</h2>
          {form.sections.length === 0 ? (
            <p>{t('survey.office.sectionFirst')}</p>
          ) : (
            <form method="post" action={`${base}/pertanyaan`} novalidate>
              <CsrfField token={csrf} />
              <SelectField
                name="section"
                label={t('survey.field.section')}
                value={values.section ?? sectionOptions[sectionOptions.length - 1]?.value}
                error={errors.section}
                options={sectionOptions}
              />
              <SelectField
                name="kind"
                label={t('survey.field.kind')}
                empty={t('form.choose')}
                value={values.kind}
                error={errors.kind}
                options={QUESTION_KINDS.map((k) => ({ value: k, label: t(kindKey[k]) }))}
              />
              <TextArea
                name="prompt"
                label={t('survey.field.prompt')}
                value={values.prompt}
                error={errors.prompt}
                rows={2}
              />
              <TextField
                name="help"
                label={t('survey.field.help')}
                value={values.help}
                error={errors.help}
                maxLength={500}
              />
              <CheckboxField
                name="required"
                checked={values.required === 'yes'}
                label={t('survey.field.required')}
                error={errors.required}
              />
              <TextArea
                name="options"
                label={t('survey.field.options')}
                hint={t('survey.field.optionsHint')}
                value={values.options}
                error={errors.options}
                rows={4}
              />
              <TextArea
                name="rows"
                label={t('survey.field.rows')}
                hint={t('survey.field.rowsHint')}
                value={values.rows}
                error={errors.rows}
                rows={3}
              />
              <TextField
                name="min"
                label={t('survey.field.min')}
                hint={t('survey.field.numberHint')}
                value={values.min}
                error={errors.min}
                inputMode="numeric"
                width={5}
              />
              <TextField
                name="max"
                label={t('survey.field.max')}
                value={values.max}
                error={errors.max}
                inputMode="numeric"
                width={5}
              />
              <SelectField
                name="showIf"
                label={t('survey.field.showIf')}
                hint={t('survey.field.showIfHint')}
                empty={t('survey.field.always')}
                value={values.showIf}
                error={errors.showIf}
                options={conditions.map((c) => ({
                  value: `${c.question.id}:${c.option.value}`,
                  label: t('survey.office.shownWhen', { question: c.question.code, answer: c.option.label }),
                }))}
              />
              <Button>{t('survey.office.addQuestionButton')}</Button>
            </form>
          )}
          <h2>{t('survey.office.addSection')}</h2>
          <form method="post" action={`${base}/bagian`} novalidate>
            <CsrfField token={csrf} />
            <TextField
              name="sectionTitle"
              label={t('survey.field.sectionTitle')}
              value={values.sectionTitle}
              error={errors.sectionTitle}
              maxLength={200}
            />
            <TextArea
              name="sectionIntro"
              label={t('survey.field.sectionIntro')}
              value={values.sectionIntro}
              error={errors.sectionIntro}
              rows={2}
            />
            <Button variant="secondary">{t('survey.office.addSectionButton')}</Button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** Every section as the person will see it, one after another, without a way to send. */
export function SurveyPreviewPage({ ctx, form }: { ctx: PageContext; form: SurveyForm }) {
  const { t } = ctx;
  const { survey } = form;
  return (
    <Layout ctx={ctx} title={t('survey.office.previewOf', { title: survey.title })}>
      <BackLink href={`/kelola/survei/${survey.id}`}>{survey.title}</BackLink>
      <h1>{t('survey.office.previewOf', { title: survey.title })}</h1>
      <p>{t('survey.office.previewLead')}</p>
      {form.sections.map((section, i) => (
        <section key={section.id} aria-labelledby={`bagian-${section.id}`}>
          <p class="meta">{t('survey.step', { n: i + 1, of: form.sections.length })}</p>
          <h2 id={`bagian-${section.id}`}>{section.title}</h2>
          {section.intro === '' ? null : <p>{section.intro}</p>}
          {section.questions.map((question) => (
            <QuestionField key={question.id} ctx={ctx} question={question} values={{}} errors={{}} />
          ))}
        </section>
      ))}
    </Layout>
  );
}
