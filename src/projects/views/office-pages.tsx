/** /kelola/proyek: the list and a new project; /kelola/proyek/:id: edit, report progress, link meetings. */
import type { CouncilStructure } from '../../council/service.ts';
import { dayOf, formatDate, formatPercent, formatTime } from '../../platform/format.ts';
import { numberForField } from '../../platform/numbers.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button } from '../../platform/views/components.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  FilterSelect,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { LocationField } from '../../platform/views/place-fields.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import { MAX_PHOTOS, type ProjectView, statuses } from '../service.ts';
import { placeOf } from './pages.tsx';
import { ProjectStatusBadge, statusName } from './shared.tsx';

type Values = Partial<Record<string, string>>;

function StatusField({
  ctx,
  name,
  label,
  value,
  error,
  keep,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string | undefined;
  error: string | undefined;
  /** Offer "no change" first (a progress report need not change the status). */
  keep?: boolean;
}) {
  return (
    <SelectField
      name={name}
      label={label}
      error={error}
      value={value}
      empty={keep === true ? ctx.t('project.update.keepStatus') : undefined}
      options={statuses.map((st) => ({ value: st, label: statusName(ctx, st) }))}
    />
  );
}

/** The fields of a project, for adding and for editing. */
function ProjectFields({
  ctx,
  structure,
  errors,
  values,
}: {
  ctx: PageContext;
  structure: CouncilStructure;
  errors: FieldErrors;
  values: Values;
}) {
  const { t } = ctx;
  const komisi = structure.bodies.filter((b) => b.kind === 'komisi');
  return (
    <>
      <TextField name="name" label={t('project.field.name')} value={values.name} error={errors.name} maxLength={200} />
      <TextArea
        name="description"
        label={t('project.field.description')}
        value={values.description}
        error={errors.description}
        maxLength={5000}
        rows={4}
      />
      <TextField name="opd" label={t('project.field.opd')} value={values.opd} error={errors.opd} maxLength={200} />
      <SelectField
        name="komisi"
        label={t('project.field.komisi')}
        empty={t('form.choose')}
        value={values.komisi}
        options={komisi.map((k) => ({ value: String(k.id), label: k.name }))}
      />
      <LocationField ctx={ctx} places={structure.kecamatan} value={values.location} error={errors.location} />
      <TextField
        name="lat"
        label={t('project.field.lat')}
        hint={t('project.field.pointHint')}
        value={values.lat}
        error={errors.lat}
        maxLength={20}
      />
      <TextField name="lon" label={t('project.field.lon')} value={values.lon} error={errors.lon} maxLength={20} />
      <TextField
        name="budget"
        label={t('project.field.budget')}
        hint={t('project.field.moneyHint')}
        value={values.budget}
        error={errors.budget}
        inputMode="numeric"
        maxLength={25}
      />
      <TextField
        name="realised"
        label={t('project.field.realised')}
        value={values.realised}
        error={errors.realised}
        inputMode="numeric"
        maxLength={25}
      />
      <TextField
        name="fundingSource"
        label={t('project.field.funding')}
        hint={t('project.field.fundingHint')}
        value={values.fundingSource}
        error={errors.fundingSource}
        maxLength={100}
      />
      <TextField
        name="year"
        label={t('project.field.year')}
        value={values.year}
        error={errors.year}
        inputMode="numeric"
        maxLength={4}
      />
      <TextField
        name="contractor"
        label={t('project.field.contractor')}
        value={values.contractor}
        error={errors.contractor}
        maxLength={200}
      />
      <TextField
        name="startsOn"
        type="date"
        label={t('project.field.starts')}
        value={values.startsOn}
        error={errors.startsOn}
      />
      <TextField
        name="endsOn"
        type="date"
        label={t('project.field.ends')}
        value={values.endsOn}
        error={errors.endsOn}
      />
      <TextField
        name="progress"
        label={t('project.field.progress')}
        hint={t('project.field.progressHint')}
        value={values.progress}
        error={errors.progress}
        inputMode="decimal"
        maxLength={10}
      />
      <StatusField
        ctx={ctx}
        name="status"
        label={t('project.field.status')}
        value={values.status}
        error={errors.status}
      />
    </>
  );
}

export function ProjectsOfficePage({
  ctx,
  csrf,
  structure,
  projects,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  projects: ProjectView[];
  errors: FieldErrors;
  values: Values;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('project.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('project.office.title')}</h1>
      <TableWrap label={t('project.office.title')}>
        <table>
          <TableHead
            columns={[
              t('project.field.name'),
              t('project.field.place'),
              t('project.field.status'),
              t('project.progress'),
            ]}
          />
          <tbody>
            {projects.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a href={`/kelola/proyek/${p.id}`}>{p.name}</a>
                </th>
                <td>{placeOf(p)}</td>
                <td>
                  <ProjectStatusBadge ctx={ctx} status={p.status} />
                </td>
                <td class="number">{formatPercent(p.progress, ctx.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2 id="baru">{t('project.office.add')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/kelola/proyek" novalidate>
        <CsrfField token={csrf} />
        <ProjectFields ctx={ctx} structure={structure} errors={errors} values={values} />
        <button type="submit">{t('project.office.save')}</button>
      </form>
    </Layout>
  );
}

export function valuesOf(p: ProjectView): Values {
  return {
    name: p.name,
    description: p.description,
    opd: p.opd,
    komisi: p.komisi === undefined ? '' : String(p.komisi.id),
    location: p.kelurahan === undefined ? `k${p.kecamatan.id}` : String(p.kelurahan.id),
    lat: p.lat === null ? '' : String(p.lat),
    lon: p.lon === null ? '' : String(p.lon),
    budget: String(p.budget),
    realised: String(p.realised),
    fundingSource: p.fundingSource,
    year: String(p.year),
    contractor: p.contractor ?? '',
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
    progress: numberForField(p.progress),
    status: p.status,
  };
}

export function ProjectOfficePage({
  ctx,
  csrf,
  structure,
  project,
  updates,
  meetings,
  choices,
  choicesTotal,
  find,
  findError,
  errors,
  values,
  updateErrors,
  updateValues,
  meetingError,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  project: ProjectView;
  updates: { id: number; date: string; progress: number; note: string }[];
  meetings: { id: number; title: string; open: boolean; startsAt: Date }[];
  choices: { id: number; title: string; starts_at: Date }[];
  /** How many meetings match the finder in all (the list shows the newest). */
  choicesTotal: number;
  find: { words?: string | undefined; body?: string | undefined; month?: string | undefined };
  /** The finder's month could not be read. */
  findError?: string | undefined;
  errors: FieldErrors;
  values: Values;
  updateErrors: FieldErrors;
  updateValues: Values;
  meetingError?: string | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={project.name}>
      <p>
        <a href="/kelola/proyek">{t('project.office.title')}</a> ·{' '}
        <a href={`/proyek/${project.id}`}>{t('project.office.public')}</a>
      </p>
      <h1>{project.name}</h1>
      <Notice text={notice} />

      <section aria-labelledby="laporan">
        <h2 id="laporan">{t('project.update.title')}</h2>
        <ErrorSummary ctx={ctx} errors={updateErrors} />
        <form method="post" action={`/kelola/proyek/${project.id}/kemajuan`} enctype="multipart/form-data" novalidate>
          <CsrfField token={csrf} />
          <TextField
            name="u-date"
            type="date"
            label={t('project.update.date')}
            value={updateValues['u-date']}
            error={updateErrors['u-date']}
          />
          <TextField
            name="u-progress"
            label={t('project.field.progress')}
            hint={t('project.field.progressHint')}
            value={updateValues['u-progress']}
            error={updateErrors['u-progress']}
            inputMode="decimal"
            maxLength={10}
          />
          <TextField
            name="u-realised"
            label={t('project.field.realised')}
            hint={t('project.update.realisedHint')}
            value={updateValues['u-realised']}
            error={updateErrors['u-realised']}
            inputMode="numeric"
            maxLength={25}
          />
          <StatusField
            ctx={ctx}
            name="u-status"
            label={t('project.field.status')}
            value={updateValues['u-status']}
            error={updateErrors['u-status']}
            keep
          />
          <TextArea
            name="u-note"
            label={t('project.update.note')}
            value={updateValues['u-note']}
            error={updateErrors['u-note']}
            maxLength={5000}
          />
          <FileField
            name="u-photos"
            label={t('project.update.photos')}
            hint={t('project.update.photosHint', { n: MAX_PHOTOS })}
            error={updateErrors['u-photos']}
            accept="image/jpeg,image/png,image/webp,image/avif"
            multiple
          />
          <button type="submit">{t('project.update.save')}</button>
        </form>
        {updates.length === 0 ? null : (
          <ul>
            {updates.map((u) => (
              <li key={u.id}>
                {dayOf(ctx, u.date)}: {formatPercent(u.progress, ctx.lang)}, {u.note.slice(0, 120)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="rapat">
        <h2 id="rapat">{t('project.meetings')}</h2>
        {meetings.length === 0 ? null : (
          <ul>
            {meetings.map((m) => (
              <li key={m.id}>
                <a href={`/agenda/${m.id}`}>{m.title}</a> ({formatDate(m.startsAt, ctx.lang)}){' '}
                <form method="post" action={`/kelola/proyek/${project.id}/rapat`} class="inline">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="meeting" value={String(m.id)} />
                  <input type="hidden" name="unlink" value="yes" />
                  <Button variant="link">{t('project.office.unlink')}</Button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form method="get" action={`/kelola/proyek/${project.id}#rapat`} class="filters">
          <TextField name="cari" label={t('project.office.findWords')} value={find.words} maxLength={100} />
          <FilterSelect
            ctx={ctx}
            name="badan"
            label={t('project.office.findBody')}
            value={find.body}
            options={structure.bodies.map((b) => ({ value: b.slug, label: b.name }))}
          />
          <TextField
            name="bulan"
            label={t('project.office.findMonth')}
            hint={t('project.office.findMonthHint', { year: project.year })}
            value={find.month}
            error={findError}
            maxLength={7}
            inputMode="numeric"
          />
          <Button variant="secondary">{t('project.office.find')}</Button>
        </form>
        <p role="status">
          {choicesTotal > choices.length
            ? t('project.office.foundMore', { n: choices.length, of: choicesTotal })
            : t('project.office.found', { n: choicesTotal })}
        </p>
        <form method="post" action={`/kelola/proyek/${project.id}/rapat`} novalidate>
          <CsrfField token={csrf} />
          <SelectField
            name="meeting"
            label={t('project.office.meeting')}
            error={meetingError}
            empty={t('form.choose')}
            options={choices.map((m) => ({
              value: String(m.id),
              label: `${formatDate(m.starts_at, ctx.lang)} ${formatTime(m.starts_at, ctx.lang)}: ${m.title.slice(0, 90)}`,
            }))}
          />
          <button type="submit">{t('project.office.link')}</button>
        </form>
      </section>

      <section aria-labelledby="ubah">
        <h2 id="ubah">{t('project.office.edit')}</h2>
        <ErrorSummary ctx={ctx} errors={errors} />
        <form method="post" action={`/kelola/proyek/${project.id}`} novalidate>
          <CsrfField token={csrf} />
          <ProjectFields ctx={ctx} structure={structure} errors={errors} values={values} />
          <button type="submit">{t('project.office.save')}</button>
        </form>
      </section>
    </Layout>
  );
}
