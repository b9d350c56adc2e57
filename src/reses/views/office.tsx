/**
 * The reses back office: the periods (secretariat), the reports an official may keep, and one
 * report being written — its visits with photos, the input filed as aspirations, publishing.
 */
import type { Category } from '../../council/service.ts';
import { dayOf } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button, Tag } from '../../platform/views/components.tsx';
import {
  ContactFields,
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
import { LocationField, type PlaceGroup } from '../../platform/views/place-fields.tsx';
import type { Period, ReportRecord, ReportSummary } from '../service.ts';
import { ReportBody } from './pages.tsx';
import { figuresOf } from './shared.tsx';

export function ResesOfficePage({
  ctx,
  csrf,
  periods,
  reports,
  members,
  canSetPeriods,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  periods: Period[];
  reports: ReportSummary[];
  /** Whom a report may be opened for: the member themself, or every member for staff. */
  members: { slug: string; name: string }[];
  canSetPeriods: boolean;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reses.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('reses.office.title')}</h1>
      <h2>{t('reses.office.reports')}</h2>
      {reports.length === 0 ? <p>{t('reses.office.noReports')}</p> : null}
      <ul class="list">
        {reports.map((r) => (
          <li key={r.id}>
            <a href={`/kelola/reses/${r.id}`}>
              {r.member.name} · {r.period.name}
            </a>{' '}
            {r.publishedAt === null ? <Tag tone="active">{t('reses.draft')}</Tag> : null}
            <br />
            <span class="meta">{figuresOf(ctx, r)}</span>
          </li>
        ))}
      </ul>
      {periods.length === 0 ? (
        <p>{t('reses.office.noPeriods')}</p>
      ) : (
        <>
          <h2>{t('reses.office.open')}</h2>
          <form method="post" action="/kelola/reses" novalidate>
            <CsrfField token={csrf} />
            <SelectField
              name="period"
              label={t('reses.field.period')}
              value={values.period}
              error={errors.period}
              options={periods.map((p) => ({ value: String(p.id), label: p.name }))}
            />
            {members.length === 1 && ctx.user?.role === 'member' ? (
              <p>{members[0]?.name}</p>
            ) : (
              <SelectField
                name="member"
                label={t('reses.field.member')}
                empty={t('form.choose')}
                value={values.member}
                error={errors.member}
                options={members.map((m) => ({ value: m.slug, label: m.name }))}
              />
            )}
            {errors.member !== undefined && ctx.user?.role === 'member' ? <p>{errors.member}</p> : null}
            <Button>{t('reses.office.openButton')}</Button>
          </form>
        </>
      )}
      {canSetPeriods ? (
        <>
          <h2>{t('reses.office.periods')}</h2>
          <ul class="list">
            {periods.map((p) => (
              <li key={p.id}>
                {p.name}{' '}
                <span class="meta">
                  ({dayOf(ctx, p.startsOn)} – {dayOf(ctx, p.endsOn)})
                </span>
              </li>
            ))}
          </ul>
          <h3>{t('reses.office.addPeriod')}</h3>
          <form method="post" action="/kelola/reses/masa" novalidate>
            <CsrfField token={csrf} />
            <TextField
              name="name"
              label={t('reses.field.name')}
              value={values.name}
              error={errors.name}
              maxLength={120}
            />
            <TextField
              name="startsOn"
              type="date"
              label={t('reses.field.startsOn')}
              value={values.startsOn}
              error={errors.startsOn}
            />
            <TextField
              name="endsOn"
              type="date"
              label={t('reses.field.endsOn')}
              value={values.endsOn}
              error={errors.endsOn}
            />
            <Button variant="secondary">{t('reses.office.addPeriod')}</Button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

export function ResesReportOfficePage({
  ctx,
  csrf,
  record,
  categories,
  places,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  record: ReportRecord;
  categories: Category[];
  places: readonly PlaceGroup[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('reses.report.title', { member: record.member.name, period: record.period.name });
  const base = `/kelola/reses/${record.id}`;
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink href="/kelola/reses">{t('reses.office.title')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p>
        {record.publishedAt === null ? (
          <Tag tone="active">{t('reses.draft')}</Tag>
        ) : (
          <a href={`/reses/${record.id}`}>{t('reses.published')}</a>
        )}{' '}
        <span class="meta">{figuresOf(ctx, record)}</span>
      </p>
      <ReportBody ctx={ctx} record={record} />

      <h2 id="kunjungan">{t('reses.office.addVisit')}</h2>
      <form method="post" action={`${base}/kunjungan`} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="day"
          type="date"
          label={t('reses.field.day')}
          hint={`${dayOf(ctx, record.period.startsOn)} – ${dayOf(ctx, record.period.endsOn)}`}
          value={values.day}
          error={errors.day}
        />
        <TextField
          name="place"
          label={t('reses.field.place')}
          hint={t('reses.placeHint')}
          value={values.place}
          error={errors.place}
          maxLength={200}
        />
        <SelectField
          name="kelurahan"
          label={t('reses.field.location')}
          empty={t('form.choose')}
          value={values.kelurahan}
          error={errors.kelurahan}
        >
          {places.map((k) => (
            <optgroup key={k.id} label={k.name}>
              {k.kelurahan.map((kel) => (
                <option key={kel.id} value={String(kel.id)} selected={values.kelurahan === String(kel.id)}>
                  {kel.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <TextField
          name="attendance"
          inputMode="numeric"
          label={t('reses.field.attendance')}
          value={values.attendance}
          error={errors.attendance}
          width={5}
        />
        <TextArea name="notes" label={t('reses.field.notes')} value={values.notes} error={errors.notes} rows={3} />
        <FileField
          name="photos"
          label={t('reses.field.photos')}
          hint={t('reses.photosHint')}
          error={errors.photos}
          accept="image/jpeg,image/png,image/webp"
          multiple
        />
        <Button variant="secondary">{t('reses.office.addVisitButton')}</Button>
      </form>

      <h2 id="aspirasi">{t('reses.office.addInput')}</h2>
      <p>{t('reses.office.addInputLead')}</p>
      <form method="post" action={`${base}/aspirasi`} novalidate>
        <CsrfField token={csrf} />
        <SelectField
          name="visit"
          label={t('reses.field.visit')}
          empty={t('reses.visitNone')}
          value={
            values.visit ?? (record.visitList.at(-1) === undefined ? undefined : String(record.visitList.at(-1)?.id))
          }
          error={errors.visit}
          options={record.visitList.map((v) => ({ value: String(v.id), label: `${dayOf(ctx, v.day)} · ${v.place}` }))}
        />
        <SelectField
          name="category"
          label={t('reses.field.category')}
          empty={t('form.choose')}
          value={values.category}
          error={errors.category}
          options={categories.map((c) => ({ value: c.slug, label: ctx.lang === 'en' ? c.nameEn : c.name }))}
        />
        <LocationField ctx={ctx} places={places} value={values.location} error={errors.location} />
        <TextField
          name="title"
          label={t('reses.field.title')}
          value={values.title}
          error={errors.title}
          maxLength={150}
        />
        <TextArea
          name="description"
          label={t('reses.field.description')}
          value={values.description}
          error={errors.description}
          rows={4}
        />
        <ContactFields
          labels={{ name: t('reses.field.citizen'), email: t('reses.field.email'), phone: t('reses.field.phone') }}
          values={values}
          errors={errors}
        />
        <Button variant="secondary">{t('reses.office.addInputButton')}</Button>
      </form>

      <h2 id="terbit">{record.publishedAt === null ? t('reses.office.publish') : t('reses.office.update')}</h2>
      <form method="post" action={`${base}/terbit`} novalidate>
        <CsrfField token={csrf} />
        <TextArea
          name="summary"
          label={t('reses.field.summary')}
          value={values.summary ?? record.summary}
          error={errors.summary}
          rows={5}
        />
        <Button>{t('reses.office.publishButton')}</Button>
      </form>
    </Layout>
  );
}
