/** /perda (search the repository), /perda/:id (one document, schema.org Legislation), and /kelola/perda. */
import type { RegulationStatus } from '../../db/schema.ts';
import type { NewsPost } from '../../news/service.ts';
import { NewsSection } from '../../news/views/shared.tsx';
import { formatDate } from '../../platform/format.ts';
import { type MessageKey, textOf } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, SummaryList, Tag } from '../../platform/views/components.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  FilterSearch,
  FilterSelect,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { filteredLink, Pager } from '../../platform/views/pager.tsx';
import { MARK_END, MARK_START } from '../queries.ts';
import { type Regulation, type RegulationRecord, regulationStatuses, regulationTypes } from '../service.ts';
import { typeName } from './shared.tsx';

const relationTexts = {
  mengubah: { out: 'regulation.relation.mengubah.out', in: 'regulation.relation.mengubah.in' },
  mencabut: { out: 'regulation.relation.mencabut.out', in: 'regulation.relation.mencabut.in' },
} as const satisfies Record<'mengubah' | 'mencabut', Record<'out' | 'in', MessageKey>>;

const regulationStatusTexts = {
  berlaku: 'regulation.status.berlaku',
  diubah: 'regulation.status.diubah',
  dicabut: 'regulation.status.dicabut',
} as const satisfies Record<RegulationStatus, MessageKey>;

const statusName = (ctx: PageContext, status: string) => textOf(ctx.t, regulationStatusTexts, status);
const day = (ctx: PageContext, d: string) => formatDate(new Date(`${d}T12:00:00+07:00`), ctx.lang);

/** "Peraturan Daerah Nomor 5 Tahun 2024" */
export function citation(ctx: Pick<PageContext, 't'>, r: { type: string; number: string; year: number }): string {
  return ctx.t('regulation.citation', { type: typeName(ctx, r.type), number: r.number, year: r.year });
}

const legalForce: Record<RegulationStatus, string> = {
  berlaku: 'https://schema.org/InForce',
  diubah: 'https://schema.org/PartiallyInForce',
  dicabut: 'https://schema.org/NotInForce',
};

/** The matched passages, with the words found marked; everything else is plain escaped text. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <p class="snippet">
      {parts.map((part, i) => {
        if (i === 0) return part;
        const [marked = '', rest = ''] = part.split(MARK_END);
        return (
          <span key={i}>
            <mark>{marked}</mark>
            {rest}
          </span>
        );
      })}
    </p>
  );
}

export interface RegulationsPageProps {
  ctx: PageContext;
  regulations: Regulation[];
  total: number;
  page: number;
  pageSize: number;
  subjects: string[];
  years: number[];
  query: Record<string, string>;
}

export function RegulationsPage({
  ctx,
  regulations,
  total,
  page,
  pageSize,
  subjects,
  years,
  query,
}: RegulationsPageProps) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <FilterSelect ctx={ctx} name={name} label={label} value={query[name]} options={options} />
  );

  return (
    <Layout ctx={ctx} title={t('regulation.title')} description={t('regulation.lead')}>
      <h1>{t('regulation.title')}</h1>
      <p class="lead">{t('regulation.lead')}</p>
      <p>
        <a href="/raperda">{t('draft.link')}</a>
      </p>
      <form method="get" action="/perda" class="filters" data-module="auto-submit">
        <FilterSearch label={t('regulation.search')} value={query.q} />
        {select(
          'jenis',
          t('regulation.field.type'),
          regulationTypes.map((x) => ({ value: x, label: typeName(ctx, x) })),
        )}
        {select(
          'tahun',
          t('regulation.field.year'),
          years.map((y) => ({ value: String(y), label: String(y) })),
        )}
        {select(
          'status',
          t('regulation.field.status'),
          regulationStatuses.map((s) => ({ value: s, label: statusName(ctx, s) })),
        )}
        {select(
          'pokok',
          t('regulation.field.subject'),
          subjects.map((s) => ({ value: s, label: s })),
        )}
        <button type="submit">{t('aspiration.filter.apply')}</button>
      </form>
      <p role="status">{t('regulation.count', { n: total })}</p>
      <ul class="list">
        {regulations.map((r) => (
          <li key={r.id}>
            <h2>
              <a href={`/perda/${r.id}`}>{citation(ctx, r)}</a>
            </h2>
            <p>{r.title}</p>
            <p class="meta">
              <Tag tone={r.status === 'berlaku' ? 'done' : r.status === 'dicabut' ? 'stopped' : 'active'}>
                {statusName(ctx, r.status)}
              </Tag>{' '}
              {r.subject} · {t('regulation.enactedOn', { date: day(ctx, r.enactedOn) })}
            </p>
            {r.snippet === null || r.snippet === '' ? null : <Snippet text={r.snippet} />}
          </li>
        ))}
      </ul>
      <Pager ctx={ctx} page={page} pages={pages} href={(p) => filteredLink('/perda', query, { hal: String(p) })} />
      <p>
        <a href={filteredLink('/perda.csv', query, { hal: '' })}>{t('regulation.csv')}</a>
      </p>
    </Layout>
  );
}

export function RegulationPage({
  ctx,
  record,
  news = [],
}: {
  ctx: PageContext;
  record: RegulationRecord;
  /** The council's news about this regulation. */
  news?: NewsPost[];
}) {
  const { t } = ctx;
  const r = record.regulation;
  return (
    <Layout
      ctx={ctx}
      title={citation(ctx, r)}
      description={r.title}
      jsonLd={{
        '@type': 'Legislation',
        name: r.title,
        legislationIdentifier: citation(ctx, r),
        legislationDate: r.enactedOn,
        url: `${ctx.origin}/perda/${r.id}`,
        ...(ctx.council === undefined
          ? {}
          : { legislationPassedBy: { '@type': 'GovernmentOrganization', name: ctx.council.name } }),
      }}
    >
      <BackLink href="/perda">{t('regulation.back')}</BackLink>
      <article itemscope itemtype="https://schema.org/Legislation">
        <h1>
          <span itemprop="legislationIdentifier">{citation(ctx, r)}</span>
        </h1>
        <p class="lead" itemprop="name">
          {r.title}
        </p>
        <link itemprop="legislationLegalForce" href={legalForce[r.status]} />
        <SummaryList>
          <dt>{t('regulation.field.type')}</dt>
          <dd itemprop="legislationType">{typeName(ctx, r.type)}</dd>
          <dt>{t('regulation.field.status')}</dt>
          <dd>{statusName(ctx, r.status)}</dd>
          <dt>{t('regulation.field.subject')}</dt>
          <dd itemprop="about">{r.subject}</dd>
          <dt>{t('regulation.field.enactedOn')}</dt>
          <dd>
            <time itemprop="legislationDate" dateTime={r.enactedOn}>
              {day(ctx, r.enactedOn)}
            </time>
          </dd>
          {r.promulgatedOn === null ? null : (
            <>
              <dt>{t('regulation.field.promulgatedOn')}</dt>
              <dd>{day(ctx, r.promulgatedOn)}</dd>
            </>
          )}
          {r.register === null ? null : (
            <>
              <dt>{t('regulation.field.register')}</dt>
              <dd>{r.register}</dd>
            </>
          )}
        </SummaryList>
        {record.relations.length === 0 ? null : (
          <>
            <h2>{t('regulation.relations')}</h2>
            <ul>
              {record.relations.map((rel) => (
                <li key={`${rel.kind}-${rel.id}-${rel.outgoing}`}>
                  {t(relationTexts[rel.kind][rel.outgoing ? 'out' : 'in'])}{' '}
                  <a
                    href={`/perda/${rel.id}`}
                    itemprop={
                      rel.outgoing ? (rel.kind === 'mengubah' ? 'legislationChanges' : 'legislationRepeals') : undefined
                    }
                  >
                    {citation(ctx, rel)}
                  </a>{' '}
                  — {rel.title}
                </li>
              ))}
            </ul>
          </>
        )}
        {r.hasFile ? (
          <p>
            <a href={`/perda/${r.id}/berkas`} itemprop="encoding">
              {t('regulation.download', { kb: Math.max(1, Math.round((r.bytes ?? 0) / 1024)) })}
            </a>
          </p>
        ) : (
          <p>{t('regulation.noFile')}</p>
        )}
        {record.text === '' ? null : (
          <details>
            <summary>{t('regulation.text')}</summary>
            <div class="prose legal-text" itemprop="text">
              {record.text}
            </div>
          </details>
        )}
      </article>
      <NewsSection ctx={ctx} posts={news} heading={t('news.aboutRecord')} />
    </Layout>
  );
}

export interface RegulationsOfficeProps {
  ctx: PageContext;
  csrf: string;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
  recent: Regulation[];
}

export function RegulationsOfficePage({ ctx, csrf, errors, values, notice, recent }: RegulationsOfficeProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('regulation.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('regulation.office.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2>{t('regulation.office.add')}</h2>
      <form method="post" action="/kelola/perda" enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <SelectField
          name="type"
          label={t('regulation.field.type')}
          value={values.type}
          options={regulationTypes.map((x) => ({ value: x, label: typeName(ctx, x) }))}
        />
        <TextField
          name="number"
          label={t('regulation.field.number')}
          value={values.number}
          error={errors.number}
          maxLength={30}
        />
        <TextField
          name="year"
          label={t('regulation.field.year')}
          value={values.year}
          error={errors.year}
          inputMode="numeric"
          maxLength={4}
        />
        <TextArea name="title" label={t('regulation.field.title')} value={values.title} error={errors.title} rows={2} />
        <TextField
          name="subject"
          label={t('regulation.field.subject')}
          hint={t('regulation.subjectHint')}
          value={values.subject}
          error={errors.subject}
          maxLength={100}
        />
        <TextField
          name="enactedOn"
          type="date"
          label={t('regulation.field.enactedOn')}
          value={values.enactedOn}
          error={errors.enactedOn}
        />
        <TextField
          name="promulgatedOn"
          type="date"
          label={t('regulation.field.promulgatedOn')}
          value={values.promulgatedOn}
          error={errors.promulgatedOn}
        />
        <TextField
          name="register"
          label={t('regulation.field.register')}
          hint={t('regulation.registerHint')}
          value={values.register}
          error={errors.register}
          maxLength={200}
        />
        <FileField name="file" label={t('regulation.office.file')} error={errors.file} accept="application/pdf" />
        <button type="submit">{t('regulation.office.save')}</button>
      </form>
      <h2>{t('regulation.office.recent')}</h2>
      <ul class="list">
        {recent.map((r) => (
          <li key={r.id}>
            <a href={`/kelola/perda/${r.id}`}>{citation(ctx, r)}</a> — {r.title}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function RegulationOfficePage({
  ctx,
  csrf,
  record,
  errors,
  values = {},
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  record: RegulationRecord;
  errors: FieldErrors;
  /** What was typed into a refused link form, shown again. */
  values?: Partial<Record<'kind' | 'target', string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const r = record.regulation;
  return (
    <Layout ctx={ctx} title={citation(ctx, r)}>
      <p>
        <a href="/kelola/perda">{t('regulation.office.back')}</a> ·{' '}
        <a href={`/perda/${r.id}`}>{t('aspiration.case.public')}</a>
      </p>
      <h1>{citation(ctx, r)}</h1>
      <p>{r.title}</p>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2>{t('regulation.office.link')}</h2>
      <form method="post" action={`/kelola/perda/${r.id}/tautan`} novalidate>
        <CsrfField token={csrf} />
        <SelectField
          name="kind"
          label={t('regulation.office.kind')}
          error={errors.kind}
          value={values.kind}
          options={(['mengubah', 'mencabut'] as const).map((k) => ({
            value: k,
            label: t(`regulation.relation.${k}.out`),
          }))}
        />
        <TextField
          name="target"
          label={t('regulation.office.target')}
          hint={t('regulation.office.targetHint')}
          error={errors.target}
          value={values.target}
          inputMode="numeric"
          maxLength={12}
        />
        <button type="submit">{t('regulation.office.saveLink')}</button>
      </form>
    </Layout>
  );
}
