/**
 * Requests for public information: the form (/informasi-publik/permohonan), the applicant's own
 * page by its private link, the lookup by code (/informasi-publik/lacak), and the PPID officer's
 * list and one request with who asked, the extension and the answer (/kelola/ppid/permohonan).
 */
import type { InformationDelivery, ObjectionReason } from '../../db/schema.ts';
import { dayOf, formatDate, formatFileSize } from '../../platform/format.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Banner, Button, SummaryList, Tabs, Tag } from '../../platform/views/components.tsx';
import {
  Checkboxes,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FieldGroup,
  FileField,
  Notice,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import { type AnnualFigures, reportTables } from '../annual-report.ts';
import type { RequestTab } from '../queries.ts';
import {
  decisions,
  decisionTexts,
  deliveries,
  MAX_EXTENSION_DAYS,
  type ObjectionView,
  type OfficeRequest,
  objectionOutcomes,
  objectionReasons,
  outcomeTexts,
  type RequestClock,
  type RequestStatus,
  type RequestStep,
  type RequestSummary,
  type RequestView,
} from '../requests.ts';

/** The list's tabs as they appear in its address. */
export const tabQuery = { open: '', answered: '?tab=dijawab', objections: '?tab=keberatan' } as const satisfies Record<
  RequestTab,
  string
>;

const deliveryTexts = {
  email: 'ppid.delivery.email',
  ambil: 'ppid.delivery.ambil',
  pos: 'ppid.delivery.pos',
  lihat: 'ppid.delivery.lihat',
} as const satisfies Record<InformationDelivery, MessageKey>;

const stepTexts = {
  diterima: 'ppid.step.diterima',
  dialihkan: 'ppid.step.dialihkan',
  dilengkapi: 'ppid.step.dilengkapi',
  diperpanjang: 'ppid.step.diperpanjang',
  dijawab: 'ppid.step.dijawab',
  keberatan: 'ppid.step.keberatan',
  keberatan_dijawab: 'ppid.step.keberatan_dijawab',
} as const satisfies Record<RequestStep['kind'], MessageKey>;

const reasonTexts = {
  pengecualian: 'ppid.reason.pengecualian',
  berkala: 'ppid.reason.berkala',
  tidak_ditanggapi: 'ppid.reason.tidak_ditanggapi',
  tidak_sesuai: 'ppid.reason.tidak_sesuai',
  tidak_dipenuhi: 'ppid.reason.tidak_dipenuhi',
  biaya: 'ppid.reason.biaya',
  terlambat: 'ppid.reason.terlambat',
} as const satisfies Record<ObjectionReason, MessageKey>;

/** The deadline in words: the day, and how many working days are left or how late it is. */
export function ClockText({
  ctx,
  clock,
  answeredOn,
}: {
  ctx: PageContext;
  clock: RequestClock;
  answeredOn: string | null;
}) {
  const { t } = ctx;
  const due = dayOf(ctx, clock.dueOn);
  if (answeredOn !== null)
    return (
      <span>
        {t('ppid.clock.answered', { day: dayOf(ctx, answeredOn), due })}{' '}
        <Tag tone={clock.late ? 'stopped' : 'done'}>{t(clock.late ? 'ppid.clock.late' : 'ppid.clock.inTime')}</Tag>
      </span>
    );
  const left = clock.daysLeft ?? 0;
  return (
    <span>
      {t('ppid.clock.due', { due })}{' '}
      <Tag tone={left < 0 ? 'stopped' : left <= 2 ? 'active' : 'neutral'}>
        {left < 0
          ? t('ppid.clock.overdue', { n: -left })
          : left === 0
            ? t('ppid.clock.today')
            : t('ppid.clock.left', { n: left })}
      </Tag>
    </span>
  );
}

function stateOf(ctx: PageContext, r: { decision: RequestSummary['decision']; extension_days: number | null }) {
  if (r.decision !== null) return ctx.t(decisionTexts[r.decision]);
  return ctx.t(r.extension_days === null ? 'ppid.state.open' : 'ppid.state.extended');
}

/** The answer as given; `documents` is where this reader opens its documents (the applicant's link, or the office). */
function AnswerFacts({ ctx, r, documents }: { ctx: PageContext; r: RequestView; documents: string }) {
  const { t } = ctx;
  if (r.decision === null) return null;
  return (
    <>
      <h2>{t('ppid.answer.title')}</h2>
      <SummaryList
        rows={[
          [t('ppid.field.decision'), <Tag key="d">{t(decisionTexts[r.decision])}</Tag>],
          [t('ppid.field.exemptionArticle'), r.exemption],
          [
            t('ppid.field.answerLink'),
            r.answer_link === null ? null : (
              <a key="l" href={r.answer_link}>
                {r.answer_link}
              </a>
            ),
          ],
          [
            t('ppid.documents'),
            r.documents.length === 0 ? null : (
              <ul key="docs">
                {r.documents.map((d) => (
                  <li key={d.file}>
                    <a href={`${documents}/${encodeURIComponent(d.file)}`} download>
                      {t('ppid.documentSize', { title: d.title, size: formatFileSize(d.bytes, ctx.lang) })}
                    </a>
                  </li>
                ))}
              </ul>
            ),
          ],
        ]}
      />
      <p class="prose">{r.answer}</p>
    </>
  );
}

function Steps({ ctx, steps }: { ctx: PageContext; steps: RequestStep[] }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('ppid.steps')}</h2>
      <ol class="timeline">
        {steps.map((s) => (
          <li key={`${s.kind}-${s.created_at.toISOString()}`} class="event">
            <strong>{t(stepTexts[s.kind], { code: s.text ?? '' })}</strong>{' '}
            <span class="meta">{formatDate(s.created_at, ctx.lang)}</span>
            {s.kind === 'dialihkan' && s.text !== null ? (
              // The aspiration's page keeps its history before the move.
              <p>
                <a href={`/aspirasi/${encodeURIComponent(s.text)}`}>{t('ppid.step.history', { code: s.text })}</a>
              </p>
            ) : s.kind !== 'diterima' && s.kind !== 'dijawab' && s.text !== null ? (
              <p class="prose">{s.text}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The objection as filed, its deadline, the superior's answer, and the road to the Komisi Informasi. */
function ObjectionFacts({ ctx, objection }: { ctx: PageContext; objection: ObjectionView }) {
  const { t } = ctx;
  const o = objection;
  return (
    <>
      <h2>{t('ppid.objection.title')}</h2>
      <p>{t('ppid.objection.filed', { day: dayOf(ctx, o.filed_on), due: dayOf(ctx, o.answerDue) })}</p>
      <SummaryList
        rows={[
          [
            t('ppid.field.reasons'),
            <ul key="r">
              {o.reasons.map((r) => (
                <li key={r}>{t(reasonTexts[r])}</li>
              ))}
            </ul>,
          ],
          [
            t('ppid.field.statement'),
            <span key="s" class="prose">
              {o.statement}
            </span>,
          ],
          [t('ppid.field.outcome'), o.outcome === null ? null : <Tag key="o">{t(outcomeTexts[o.outcome])}</Tag>],
          [
            t('ppid.field.objectionAnswer'),
            o.answer === null ? null : (
              <span key="a" class="prose">
                {o.answer}
              </span>
            ),
          ],
        ]}
      />
      {o.outcome === null && o.late ? <p>{t('ppid.objection.lateAnswer')}</p> : null}
      {o.commissionBy === null ? null : (
        <p>
          <strong>{t('ppid.objection.commission', { day: dayOf(ctx, o.commissionBy) })}</strong>{' '}
          {t('ppid.objection.commissionHow')}
        </p>
      )}
    </>
  );
}

function ObjectionForm({
  ctx,
  csrf,
  action,
  until,
  errors,
  values,
  chosen,
}: {
  ctx: PageContext;
  csrf: string;
  action: string;
  until: string;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  chosen: readonly string[];
}) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('ppid.objection.title')}</h2>
      <p>{t('ppid.objection.lead', { until: dayOf(ctx, until) })}</p>
      <form method="post" action={action} novalidate>
        <CsrfField token={csrf} />
        <Checkboxes
          name="reasons"
          legend={t('ppid.field.reasons')}
          hint={t('ppid.hint.reasons')}
          error={errors.reasons}
          values={chosen}
          options={objectionReasons.map((r) => ({ value: r, label: t(reasonTexts[r]) }))}
        />
        <TextArea
          name="statement"
          label={t('ppid.field.statement')}
          hint={t('ppid.hint.statement')}
          value={values.statement}
          error={errors.statement}
          rows={4}
          maxLength={5000}
        />
        <Button variant="secondary">{t('ppid.objection.button')}</Button>
      </form>
    </>
  );
}

/** What the law asks of every applicant: why, how to receive it, who they are, and consent. */
function ApplicantFields({
  ctx,
  errors,
  values,
}: {
  ctx: PageContext;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  return (
    <>
      <TextArea
        name="purpose"
        label={t('ppid.field.purpose')}
        hint={t('ppid.hint.purpose')}
        value={values.purpose}
        error={errors.purpose}
        rows={3}
        maxLength={1000}
      />
      <Radios
        name="delivery"
        legend={t('ppid.field.delivery')}
        error={errors.delivery}
        value={values.delivery}
        options={deliveries.map((d) => ({ value: d, label: t(deliveryTexts[d]) }))}
      />
      <FieldGroup legend={t('ppid.request.identity')} hint={t('ppid.request.identityHint')}>
        <TextField
          name="name"
          label={t('ppid.field.name')}
          value={values.name}
          error={errors.name}
          autocomplete="name"
          maxLength={120}
        />
        <TextField
          name="identity"
          label={t('ppid.field.identity')}
          hint={t('ppid.hint.identity')}
          value={values.identity}
          error={errors.identity}
          autocomplete="off"
          maxLength={40}
        />
        <TextArea
          name="address"
          label={t('ppid.field.address')}
          value={values.address}
          error={errors.address}
          autocomplete="street-address"
          rows={3}
          maxLength={300}
        />
        <TextField
          name="email"
          type="email"
          label={t('ppid.field.email')}
          hint={t('ppid.hint.contact')}
          value={values.email}
          error={errors.email}
          autocomplete="email"
          maxLength={320}
        />
        <TextField
          name="phone"
          type="tel"
          label={t('ppid.field.phone')}
          value={values.phone}
          error={errors.phone}
          autocomplete="tel"
          maxLength={20}
        />
      </FieldGroup>
      <CheckboxField
        name="consent"
        label={t('ppid.field.consent')}
        checked={values.consent === 'yes'}
        error={errors.consent}
      />
    </>
  );
}

export function RequestFormPage({
  ctx,
  csrf,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('ppid.request.title')} description={t('ppid.request.lead')}>
      <BackLink href="/informasi-publik">{t('ppid.title')}</BackLink>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('ppid.request.title')}</h1>
      <p class="lead">{t('ppid.request.lead')}</p>
      <p>{t('ppid.request.clock')}</p>
      <form method="post" action="/informasi-publik/permohonan" novalidate>
        <CsrfField token={csrf} />
        <TextArea
          name="information"
          label={t('ppid.field.information')}
          hint={t('ppid.hint.information')}
          value={values.information}
          error={errors.information}
          rows={5}
          maxLength={2000}
        />
        <ApplicantFields ctx={ctx} errors={errors} values={values} />
        <Button>{t('ppid.request.send')}</Button>
      </form>
    </Layout>
  );
}

export function RequestMinePage({
  ctx,
  csrf,
  token,
  request,
  notice,
  errors = {},
  values = {},
  chosen = [],
}: {
  ctx: PageContext;
  csrf: string;
  token: string;
  request: RequestView | undefined;
  notice?: string | undefined;
  errors?: FieldErrors;
  values?: Partial<Record<string, string>>;
  chosen?: readonly string[];
}) {
  const { t } = ctx;
  if (request === undefined)
    return (
      <Layout ctx={ctx} title={t('ppid.mine.title')}>
        <h1>{t('ppid.mine.title')}</h1>
        <p>{t('ppid.mine.gone')}</p>
        <p>
          <a href="/informasi-publik/lacak">{t('ppid.track.title')}</a>
        </p>
      </Layout>
    );
  const r = request;
  return (
    <Layout ctx={ctx} title={t('ppid.mine.title')}>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('ppid.mine.title')}</h1>
      <SummaryList
        rows={[
          [t('ppid.field.code'), <strong key="code">{r.code}</strong>],
          [t('ppid.field.state'), stateOf(ctx, r)],
          [t('ppid.field.received'), dayOf(ctx, r.received_on)],
          [t('ppid.field.deadline'), <ClockText key="clock" ctx={ctx} clock={r.clock} answeredOn={r.answered_on} />],
          [t('ppid.field.extension'), r.extension_reason],
          [t('ppid.field.name'), r.name],
          [t('ppid.field.information'), r.information],
          [t('ppid.field.purpose'), r.purpose ?? t('ppid.field.notGiven')],
          [t('ppid.field.delivery'), r.delivery === null ? t('ppid.field.notGiven') : t(deliveryTexts[r.delivery])],
        ]}
      />
      <p>{t('ppid.mine.keep')}</p>
      {r.prefill === null ? null : (
        <section aria-labelledby="complete-heading">
          <h2 id="complete-heading">{t('ppid.complete.title')}</h2>
          <p>{t('ppid.complete.lead')}</p>
          <form method="post" action={`/informasi-publik/permohonan/${encodeURIComponent(token)}/lengkapi`} novalidate>
            <CsrfField token={csrf} />
            <ApplicantFields
              ctx={ctx}
              errors={errors}
              // What the aspiration gave, until the applicant sends something else.
              values={Object.keys(values).length > 0 ? values : r.prefill}
            />
            <Button>{t('ppid.complete.send')}</Button>
          </form>
        </section>
      )}
      <AnswerFacts ctx={ctx} r={r} documents={`/informasi-publik/permohonan/${encodeURIComponent(token)}/dokumen`} />
      {r.objection !== null ? (
        <ObjectionFacts ctx={ctx} objection={r.objection} />
      ) : r.objectionWindow.open && r.objectionWindow.until !== null ? (
        <ObjectionForm
          ctx={ctx}
          csrf={csrf}
          action={`/informasi-publik/permohonan/${encodeURIComponent(token)}/keberatan`}
          until={r.objectionWindow.until}
          errors={errors}
          values={values}
          chosen={chosen}
        />
      ) : r.objectionWindow.until !== null ? (
        <p>{t('ppid.objection.closed', { until: dayOf(ctx, r.objectionWindow.until) })}</p>
      ) : null}
      <Steps ctx={ctx} steps={r.steps} />
    </Layout>
  );
}

export function TrackPage({
  ctx,
  code,
  status,
  error,
}: {
  ctx: PageContext;
  code: string | undefined;
  status: RequestStatus | undefined;
  error: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('ppid.track.title')}>
      <BackLink href="/informasi-publik">{t('ppid.title')}</BackLink>
      <ErrorSummary ctx={ctx} errors={error === undefined ? {} : { kode: error }} />
      <h1>{t('ppid.track.title')}</h1>
      <form method="get" action="/informasi-publik/lacak" novalidate>
        <TextField
          name="kode"
          label={t('ppid.field.code')}
          hint={t('ppid.track.hint')}
          value={code}
          error={error}
          autocomplete="off"
          maxLength={40}
        />
        <Button>{t('ppid.track.button')}</Button>
      </form>
      {status === undefined ? null : (
        <section aria-labelledby="status-heading">
          <h2 id="status-heading">{status.code}</h2>
          <SummaryList
            rows={[
              [
                t('ppid.field.state'),
                stateOf(ctx, { decision: status.decision, extension_days: status.extended ? 1 : null }),
              ],
              [t('ppid.field.received'), dayOf(ctx, status.receivedOn)],
              [
                t('ppid.field.deadline'),
                <ClockText key="clock" ctx={ctx} clock={status.clock} answeredOn={status.answeredOn} />,
              ],
            ]}
          />
          <p>{t('ppid.track.private')}</p>
        </section>
      )}
    </Layout>
  );
}

export function OfficeRequestsPage({
  ctx,
  requests,
  total,
  page,
  pageSize,
  tab,
}: {
  ctx: PageContext;
  requests: RequestSummary[];
  total: number;
  page: number;
  pageSize: number;
  tab: RequestTab;
}) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const base = `/kelola/ppid/permohonan${tabQuery[tab]}`;
  return (
    <Layout ctx={ctx} title={t('ppid.office.requests')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('ppid.office.requests')}</h1>
      <Tabs
        label={t('ppid.office.requests')}
        items={[
          { href: '/kelola/ppid/permohonan', label: t('ppid.office.open'), current: tab === 'open' },
          {
            href: '/kelola/ppid/permohonan?tab=dijawab',
            label: t('ppid.office.answered'),
            current: tab === 'answered',
          },
          {
            href: '/kelola/ppid/permohonan?tab=keberatan',
            label: t('ppid.office.objections'),
            current: tab === 'objections',
          },
        ]}
      />
      <p role="status">{t('ppid.office.requestCount', { n: total })}</p>
      {requests.length === 0 ? (
        <p>{t('ppid.office.noRequests')}</p>
      ) : (
        <TableWrap label={t('ppid.office.requests')}>
          <table>
            <TableHead
              columns={[
                t('ppid.field.code'),
                t('ppid.field.information'),
                t('ppid.field.received'),
                t('ppid.field.deadline'),
              ]}
            />
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/kelola/ppid/permohonan/${r.id}`}>{r.code}</a>
                  </td>
                  <td>{r.information.length > 120 ? `${r.information.slice(0, 119)}…` : r.information}</td>
                  <td>{dayOf(ctx, r.received_on)}</td>
                  <td>
                    <ClockText ctx={ctx} clock={r.clock} answeredOn={r.answered_on} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager ctx={ctx} page={page} pages={pages} href={(p) => `${base}${tab === 'open' ? '?' : '&'}hal=${p}`} />
    </Layout>
  );
}

export function OfficeRequestPage({
  ctx,
  csrf,
  request,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  request: OfficeRequest;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice: string | undefined;
}) {
  const { t } = ctx;
  const r = request;
  const base = `/kelola/ppid/permohonan/${r.id}`;
  const canExtend = r.decision === null && r.extension_days === null && !r.clock.late;
  return (
    <Layout ctx={ctx} title={`${t('ppid.office.request')} ${r.code}`}>
      <BackLink href="/kelola/ppid/permohonan">{t('ppid.office.requests')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>
        {t('ppid.office.request')} {r.code}
      </h1>
      {r.incomplete ? <Banner tone="important">{t('ppid.office.incomplete')}</Banner> : null}
      <SummaryList
        rows={[
          [t('ppid.field.state'), stateOf(ctx, r)],
          [t('ppid.field.received'), dayOf(ctx, r.received_on)],
          [t('ppid.field.deadline'), <ClockText key="clock" ctx={ctx} clock={r.clock} answeredOn={r.answered_on} />],
          [t('ppid.field.extension'), r.extension_reason],
          [
            t('ppid.field.fromAspiration'),
            r.aspiration_code === null ? null : (
              <a key="a" href={`/aspirasi/${encodeURIComponent(r.aspiration_code)}`}>
                {r.aspiration_code}
              </a>
            ),
          ],
          [t('ppid.field.information'), r.information],
          [t('ppid.field.purpose'), r.purpose ?? t('ppid.field.notGiven')],
          [t('ppid.field.delivery'), r.delivery === null ? t('ppid.field.notGiven') : t(deliveryTexts[r.delivery])],
        ]}
      />
      <h2>{t('ppid.office.applicant')}</h2>
      {r.applicant === null ? (
        <p>{t('ppid.office.erased')}</p>
      ) : (
        <SummaryList
          rows={[
            [t('ppid.field.name'), r.applicant.name],
            [t('ppid.field.identity'), r.applicant.identity],
            [t('ppid.field.address'), r.applicant.address],
            [t('ppid.field.email'), r.applicant.email],
            [t('ppid.field.phone'), r.applicant.phone],
          ]}
        />
      )}
      <AnswerFacts ctx={ctx} r={r} documents={`${base}/dokumen`} />
      {r.decision !== null ? null : (
        <>
          <h2>{t('ppid.office.answerTitle')}</h2>
          <form method="post" action={`${base}/jawab`} enctype="multipart/form-data" novalidate>
            <CsrfField token={csrf} />
            <Radios
              name="decision"
              legend={t('ppid.field.decision')}
              error={errors.decision}
              value={values.decision}
              options={decisions.map((d) => ({ value: d, label: t(decisionTexts[d]) }))}
            />
            <TextArea
              name="exemption"
              label={t('ppid.field.exemptionArticle')}
              hint={t('ppid.hint.exemptionArticle')}
              value={values.exemption}
              error={errors.exemption}
              rows={3}
              maxLength={2000}
            />
            <TextArea
              name="answer"
              label={t('ppid.field.answer')}
              hint={t('ppid.hint.answer')}
              value={values.answer}
              error={errors.answer}
              rows={6}
              maxLength={10_000}
            />
            <TextField
              name="link"
              label={t('ppid.field.answerLink')}
              hint={t('ppid.hint.answerLink')}
              value={values.link}
              error={errors.link}
              maxLength={500}
            />
            <FileField
              name="documents"
              label={t('ppid.field.documents')}
              hint={t('ppid.hint.documents')}
              error={errors.documents}
              accept="application/pdf,.pdf"
              multiple
            />
            <Button>{t('ppid.office.answerButton')}</Button>
          </form>
        </>
      )}
      {r.objection === null ? null : <ObjectionFacts ctx={ctx} objection={r.objection} />}
      {r.objection === null || r.objection.outcome !== null ? null : (
        <>
          <h2>{t('ppid.office.objectionTitle')}</h2>
          <form method="post" action={`${base}/keberatan`} novalidate>
            <CsrfField token={csrf} />
            <Radios
              name="outcome"
              legend={t('ppid.field.outcome')}
              error={errors.outcome}
              value={values.outcome}
              options={objectionOutcomes.map((o) => ({ value: o, label: t(outcomeTexts[o]) }))}
            />
            <TextArea
              name="objectionAnswer"
              label={t('ppid.field.objectionAnswer')}
              hint={t('ppid.hint.objectionAnswer')}
              value={values.objectionAnswer}
              error={errors.objectionAnswer}
              rows={5}
              maxLength={10_000}
            />
            <Button>{t('ppid.office.objectionButton')}</Button>
          </form>
        </>
      )}
      {canExtend ? (
        <>
          <h2>{t('ppid.office.extendTitle')}</h2>
          <p>{t('ppid.office.extendLead', { n: MAX_EXTENSION_DAYS })}</p>
          <form method="post" action={`${base}/perpanjang`} novalidate>
            <CsrfField token={csrf} />
            <TextField
              name="days"
              label={t('ppid.field.days')}
              value={values.days}
              error={errors.days}
              inputMode="numeric"
              width={3}
              maxLength={2}
            />
            <TextArea
              name="reason"
              label={t('ppid.field.reason')}
              value={values.reason}
              error={errors.reason}
              rows={3}
              maxLength={1000}
            />
            <Button variant="secondary">{t('ppid.office.extendButton')}</Button>
          </form>
        </>
      ) : null}
      <Steps ctx={ctx} steps={r.steps} />
    </Layout>
  );
}

/** /informasi-publik/laporan: a year's figures, with the report as XLSX and PDF. */
export function AnnualReportPage({ ctx, figures }: { ctx: PageContext; figures: AnnualFigures }) {
  const { t } = ctx;
  const { summary, months, decided } = reportTables(figures, ctx.lang);
  return (
    <Layout ctx={ctx} title={`${t('ppid.report.title')} ${figures.year}`} description={t('ppid.report.lead')}>
      <BackLink href="/informasi-publik">{t('ppid.title')}</BackLink>
      <h1>
        {t('ppid.report.title')} {figures.year}
      </h1>
      <p class="lead">{t('ppid.report.lead')}</p>
      <form method="get" action="/informasi-publik/laporan" class="filters">
        <SelectField
          name="tahun"
          label={t('ppid.report.year')}
          value={String(figures.year)}
          options={figures.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Button variant="secondary">{t('ppid.report.show')}</Button>
      </form>
      <h2>{t('ppid.report.summary')}</h2>
      <SummaryList rows={summary} />
      <h2>{t('ppid.report.byMonth')}</h2>
      <TableWrap label={t('ppid.report.byMonth')}>
        <table>
          <TableHead columns={months.columns} />
          <tbody>
            {months.rows.map(([month, received, answered]) => (
              <tr key={month}>
                <td>{month}</td>
                <td class="number">{received}</td>
                <td class="number">{answered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{t('ppid.report.byDecision')}</h2>
      <TableWrap label={t('ppid.report.byDecision')}>
        <table>
          <TableHead columns={decided.columns} />
          <tbody>
            {decided.rows.map(([decision, n]) => (
              <tr key={decision}>
                <td>{decision}</td>
                <td class="number">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <ul>
        <li>
          <a href={`/informasi-publik/laporan.xlsx?tahun=${figures.year}`}>{t('ppid.report.xlsx')}</a>
        </li>
        <li>
          <a href={`/informasi-publik/laporan.pdf?tahun=${figures.year}`}>{t('ppid.report.pdf')}</a>
        </li>
      </ul>
    </Layout>
  );
}
