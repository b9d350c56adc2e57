/**
 * /informasi-publik (the register of public information, searchable, as CSV) and /kelola/ppid
 * (the secretariat keeps it: add, change, remove).
 */
import type { PublicInformationCategory, PublicInformationForm } from '../../db/schema.ts';
import { formatDate } from '../../platform/format.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button, ButtonLink, SummaryList, Tag } from '../../platform/views/components.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FilterSearch,
  FilterSelect,
  Notice,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { filteredLink, Pager } from '../../platform/views/pager.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import { categories, forms, type RegisterEntry } from '../service.ts';

export const categoryTexts = {
  berkala: 'ppid.category.berkala',
  serta_merta: 'ppid.category.serta_merta',
  setiap_saat: 'ppid.category.setiap_saat',
  dikecualikan: 'ppid.category.dikecualikan',
} as const satisfies Record<PublicInformationCategory, MessageKey>;

const categoryHints = {
  berkala: 'ppid.categoryHint.berkala',
  serta_merta: 'ppid.categoryHint.serta_merta',
  setiap_saat: 'ppid.categoryHint.setiap_saat',
  dikecualikan: 'ppid.categoryHint.dikecualikan',
} as const satisfies Record<PublicInformationCategory, MessageKey>;

export const formTexts = {
  cetak: 'ppid.form.cetak',
  elektronik: 'ppid.form.elektronik',
  keduanya: 'ppid.form.keduanya',
} as const satisfies Record<PublicInformationForm, MessageKey>;

/** A link of the register: this portal's pages open here, other sites are marked as leaving it. */
function EntryLink({ ctx, href }: { ctx: PageContext; href: string }) {
  if (href.startsWith('/')) return <a href={href}>{ctx.t('ppid.read')}</a>;
  // Written by an import rather than the form, an address may not parse: shown whole then.
  const host = URL.canParse(href) ? new URL(href).host : href;
  return (
    <a href={href} rel="noopener noreferrer">
      {ctx.t('ppid.read')} ({host})
    </a>
  );
}

export interface RegisterPageProps {
  ctx: PageContext;
  entries: RegisterEntry[];
  total: number;
  page: number;
  pageSize: number;
  query: Record<string, string>;
}

export function RegisterPage({ ctx, entries, total, page, pageSize, query }: RegisterPageProps) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Layout ctx={ctx} title={t('ppid.title')} description={t('ppid.lead')}>
      <h1>{t('ppid.title')}</h1>
      <p class="lead">{t('ppid.lead')}</p>
      <p>{t('ppid.law')}</p>
      <ul>
        <li>
          <a href="/informasi-publik/permohonan">{t('ppid.ask')}</a>
        </li>
        <li>
          <a href="/informasi-publik/lacak">{t('ppid.track.title')}</a>
        </li>
        <li>
          <a href="/informasi-publik/laporan">{t('ppid.report.title')}</a>
        </li>
      </ul>
      <form method="get" action="/informasi-publik" class="filters" data-module="auto-submit">
        <FilterSearch label={t('ppid.search')} value={query.q} />
        <FilterSelect
          ctx={ctx}
          name="jenis"
          label={t('ppid.filter.category')}
          value={query.jenis}
          options={categories.map((c) => ({ value: c, label: t(categoryTexts[c]) }))}
        />
        <button type="submit">{t('ppid.filter.apply')}</button>
      </form>
      <p role="status">{t('ppid.count', { n: total })}</p>
      {entries.length === 0 ? (
        <p>{t('ppid.none')}</p>
      ) : (
        <ul class="list">
          {entries.map((e) => (
            <li key={e.id}>
              <h2>{e.title}</h2>
              <p class="meta">
                <Tag tone={e.category === 'dikecualikan' ? 'stopped' : 'neutral'}>{t(categoryTexts[e.category])}</Tag>{' '}
                {t(categoryHints[e.category])}
              </p>
              <p>{e.summary}</p>
              <SummaryList
                rows={[
                  [t('ppid.field.officer'), e.officer],
                  [t('ppid.field.form'), t(formTexts[e.form])],
                  [t('ppid.field.retention'), e.retention],
                  [t('ppid.field.location'), e.location],
                  [t('ppid.field.exemption'), e.exemption],
                  [t('ppid.field.link'), e.link === null ? null : <EntryLink ctx={ctx} href={e.link} />],
                ]}
              />
            </li>
          ))}
        </ul>
      )}
      <Pager
        ctx={ctx}
        page={page}
        pages={pages}
        href={(p) => filteredLink('/informasi-publik', query, { hal: String(p) })}
      />
      <p>
        <a href={filteredLink('/informasi-publik.csv', query, { hal: '' })}>{t('ppid.csv')}</a>
      </p>
    </Layout>
  );
}

export interface RegisterOfficeProps {
  ctx: PageContext;
  entries: RegisterEntry[];
  total: number;
  page: number;
  pageSize: number;
  notice: string | undefined;
}

export function RegisterOfficePage({ ctx, entries, total, page, pageSize, notice }: RegisterOfficeProps) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Layout ctx={ctx} title={t('ppid.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('ppid.office.title')}</h1>
      <Notice text={notice} />
      <p>{t('ppid.office.lead')}</p>
      <p>
        <ButtonLink href="/kelola/ppid/daftar/baru">{t('ppid.office.add')}</ButtonLink>
      </p>
      <p role="status">{t('ppid.count', { n: total })}</p>
      <TableWrap label={t('ppid.office.title')}>
        <table>
          <TableHead columns={[t('ppid.field.title'), t('ppid.field.category'), t('ppid.office.changed')]} />
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <a href={`/kelola/ppid/daftar/${e.id}`}>{e.title}</a>
                </td>
                <td>{t(categoryTexts[e.category])}</td>
                <td>{formatDate(e.updated_at, ctx.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pager ctx={ctx} page={page} pages={pages} href={(p) => `/kelola/ppid?hal=${p}`} />
    </Layout>
  );
}

export interface EntryFormProps {
  ctx: PageContext;
  csrf: string;
  /** The entry changed; none when a new one is added. */
  id: number | undefined;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}

export function EntryFormPage({ ctx, csrf, id, errors, values }: EntryFormProps) {
  const { t } = ctx;
  const title = t(id === undefined ? 'ppid.office.add' : 'ppid.office.edit');
  const action = id === undefined ? '/kelola/ppid/daftar' : `/kelola/ppid/daftar/${id}`;
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink href="/kelola/ppid">{t('ppid.office.back')}</BackLink>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrf} />
        <Radios
          name="category"
          legend={t('ppid.field.category')}
          error={errors.category}
          value={values.category}
          options={categories.map((c) => ({ value: c, label: t(categoryTexts[c]), hint: t(categoryHints[c]) }))}
        />
        <TextField
          name="title"
          label={t('ppid.field.title')}
          value={values.title}
          error={errors.title}
          maxLength={200}
        />
        <TextArea
          name="summary"
          label={t('ppid.field.summary')}
          value={values.summary}
          error={errors.summary}
          rows={4}
          maxLength={2000}
        />
        <TextField
          name="officer"
          label={t('ppid.field.officer')}
          value={values.officer}
          error={errors.officer}
          maxLength={200}
        />
        <SelectField
          name="form"
          label={t('ppid.field.form')}
          value={values.form}
          error={errors.form}
          options={forms.map((f) => ({ value: f, label: t(formTexts[f]) }))}
        />
        <TextField
          name="retention"
          label={t('ppid.field.retention')}
          hint={t('ppid.hint.retention')}
          value={values.retention}
          error={errors.retention}
          maxLength={100}
          width={10}
        />
        <TextField
          name="location"
          label={t('ppid.field.location')}
          hint={t('ppid.hint.location')}
          value={values.location}
          error={errors.location}
          maxLength={300}
        />
        <TextField
          name="link"
          label={t('ppid.field.link')}
          hint={t('ppid.hint.link')}
          value={values.link}
          error={errors.link}
          maxLength={500}
        />
        <TextArea
          name="exemption"
          label={t('ppid.field.exemption')}
          hint={t('ppid.hint.exemption')}
          value={values.exemption}
          error={errors.exemption}
          rows={3}
          maxLength={2000}
        />
        <Button type="submit">{t('ppid.office.save')}</Button>
      </form>
      {id === undefined ? null : (
        <form method="post" action={`/kelola/ppid/daftar/${id}/hapus`}>
          <CsrfField token={csrf} />
          <Button type="submit" variant="warning">
            {t('ppid.office.remove')}
          </Button>
        </form>
      )}
    </Layout>
  );
}
