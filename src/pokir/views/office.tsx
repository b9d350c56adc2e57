/** The secretariat's pokir pages: assembling proposals from aspirations, and moving one along. */

import type { PublicRecord } from '../../aspirations/service.ts';
import type { Body, Category, Dapil } from '../../council/service.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button } from '../../platform/views/components.tsx';
import {
  Checkboxes,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { LocationField, type PlaceGroup } from '../../platform/views/place-fields.tsx';
import { jakartaDay } from '../../platform/working-days.ts';
import { type PokirItem, type PokirRecord, statuses } from '../service.ts';
import { PokirBody, StatusTag } from './pages.tsx';

export function PokirOfficePage({
  ctx,
  csrf,
  search,
  candidates,
  items,
  year,
  dapils,
  komisi,
  categories,
  places,
  errors,
  values,
  chosen,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  search: { q: string; dapil: string; komisi: string; kategori: string };
  candidates: PublicRecord[];
  items: PokirItem[];
  year: number;
  dapils: Dapil[];
  komisi: Body[];
  categories: Category[];
  places: readonly PlaceGroup[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  chosen: string[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('pokir.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('pokir.office.title')}</h1>
      <h2>{t('pokir.office.items', { year })}</h2>
      {items.length === 0 ? <p>{t('pokir.none')}</p> : null}
      <ul class="list">
        {items.map((i) => (
          <li key={i.id}>
            <a href={`/kelola/pokir/${i.id}`}>{i.title}</a> <StatusTag ctx={ctx} status={i.status} />
          </li>
        ))}
      </ul>
      <h2>{t('pokir.office.find')}</h2>
      <form method="get" action="/kelola/pokir" class="filters">
        <TextField name="q" type="search" label={t('pokir.office.q')} value={search.q} maxLength={100} />
        <SelectField
          name="dapil"
          label={t('pokir.dapil')}
          empty={t('pokir.office.all')}
          value={search.dapil}
          options={dapils.map((d) => ({ value: String(d.number), label: t('pokir.dapilN', { n: d.number }) }))}
        />
        <SelectField
          name="komisi"
          label={t('pokir.office.komisi')}
          empty={t('pokir.office.all')}
          value={search.komisi}
          options={komisi.map((k) => ({ value: k.slug, label: k.name }))}
        />
        <SelectField
          name="kategori"
          label={t('pokir.office.category')}
          empty={t('pokir.office.all')}
          value={search.kategori}
          options={categories.map((c) => ({ value: c.slug, label: ctx.lang === 'en' ? c.nameEn : c.name }))}
        />
        <Button variant="secondary">{t('pokir.office.findButton')}</Button>
      </form>
      <h2>{t('pokir.office.assemble')}</h2>
      <form method="post" action="/kelola/pokir" novalidate>
        <CsrfField token={csrf} />
        {candidates.length === 0 ? (
          <p>{t('pokir.office.noCandidates')}</p>
        ) : (
          <Checkboxes
            name="codes"
            legend={t('pokir.field.codes')}
            error={errors.codes}
            values={chosen}
            options={candidates.map((c) => ({
              value: c.view.code,
              label: `${c.view.code} · ${c.view.title}${c.view.kecamatan === undefined ? '' : ` (${c.view.kecamatan.name})`}`,
            }))}
          />
        )}
        <TextField
          name="year"
          inputMode="numeric"
          label={t('pokir.field.year')}
          value={values.year ?? String(year)}
          error={errors.year}
          width={5}
        />
        <TextField
          name="title"
          label={t('pokir.field.title')}
          value={values.title}
          error={errors.title}
          maxLength={200}
        />
        <TextArea
          name="description"
          label={t('pokir.field.description')}
          value={values.description}
          error={errors.description}
          rows={3}
        />
        <LocationField ctx={ctx} places={places} value={values.location} error={errors.location} />
        <TextField
          name="cost"
          inputMode="numeric"
          label={t('pokir.field.cost')}
          value={values.cost}
          error={errors.cost}
        />
        <TextField
          name="agency"
          label={t('pokir.field.agency')}
          value={values.agency}
          error={errors.agency}
          maxLength={200}
        />
        <Button>{t('pokir.office.assembleButton')}</Button>
      </form>
    </Layout>
  );
}

export function PokirItemOfficePage({
  ctx,
  csrf,
  record,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  record: PokirRecord;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const next = statuses.filter((s) => statuses.indexOf(s) > statuses.indexOf(record.item.status));
  return (
    <Layout ctx={ctx} title={record.item.title}>
      <BackLink href="/kelola/pokir">{t('pokir.office.title')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{record.item.title}</h1>
      <p>
        <a href={`/pokir/${record.item.id}`}>{t('pokir.title')}</a>
      </p>
      <PokirBody ctx={ctx} record={record} />
      {next.length === 0 ? null : (
        <>
          <h2>{t('pokir.office.advance')}</h2>
          <form method="post" action={`/kelola/pokir/${record.item.id}/tahap`} novalidate>
            <CsrfField token={csrf} />
            <SelectField
              name="status"
              label={t('pokir.field.status')}
              value={values.status}
              error={errors.status}
              options={next.map((s) => ({ value: s, label: t(`pokir.status.${s}`) }))}
            />
            <TextField
              name="day"
              type="date"
              label={t('pokir.field.day')}
              value={values.day ?? jakartaDay(new Date())}
              error={errors.day}
            />
            <TextArea name="note" label={t('pokir.field.note')} value={values.note} error={errors.note} rows={2} />
            <Button>{t('pokir.office.advanceButton')}</Button>
          </form>
        </>
      )}
      <h2>{t('pokir.office.link')}</h2>
      <form method="post" action={`/kelola/pokir/${record.item.id}/proyek`} novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="project"
          label={t('pokir.field.project')}
          hint={t('pokir.projectHint')}
          value={values.project ?? (record.project === undefined ? '' : String(record.project.id))}
          error={errors.project}
          maxLength={300}
        />
        <Button variant="secondary">{t('pokir.office.linkButton')}</Button>
      </form>
    </Layout>
  );
}
