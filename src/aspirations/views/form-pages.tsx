/**
 * /aspirasi/baru in two steps that work without JavaScript: first what and where (so similar open
 * aspirations can be shown and supported instead), then the details, photos and how to answer.
 * The same details form serves staff entering an aspiration received at the office.
 */
import { type CouncilStructure, regionCenter } from '../../council/service.ts';
import type { AspirationKind } from '../../db/schema.ts';
import { formatDate } from '../../platform/format.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FieldMessage,
  FileField,
  Notice,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { LocationField, PinField } from '../../platform/views/place-fields.tsx';
import { CONSENT_VERSION, intakeChannels, kinds, MAX_PHOTOS, type Similar } from '../service.ts';
import { channelTexts, kindLabel } from './parts.tsx';
import { statusLabel } from './shared.tsx';

const kindHintTexts = {
  aspirasi: 'aspiration.kindHint.aspirasi',
  pengaduan: 'aspiration.kindHint.pengaduan',
  informasi: 'aspiration.kindHint.informasi',
  rahasia: 'aspiration.kindHint.rahasia',
} as const satisfies Record<AspirationKind, MessageKey>;

export type Values = Partial<Record<string, string>>;

export function KindField({
  ctx,
  value,
  error,
  confidential = true,
}: {
  ctx: PageContext;
  value: string | undefined;
  error: string | undefined;
  confidential?: boolean;
}) {
  const { t } = ctx;
  return (
    <fieldset class={error === undefined ? 'field' : 'field field-error'} id="kind">
      <legend>{t('aspiration.field.kind')}</legend>
      <FieldMessage name="kind" error={error} />
      {kinds
        .filter((k) => confidential || k !== 'rahasia')
        .map((k) => (
          <div class="radio" key={k}>
            <input type="radio" id={`kind-${k}`} name="kind" value={k} checked={value === k} />
            <label for={`kind-${k}`}>
              {kindLabel(ctx, k)}
              <span class="hint">{t(kindHintTexts[k])}</span>
            </label>
          </div>
        ))}
    </fieldset>
  );
}

export function CategoryField({
  ctx,
  structure,
  value,
  error,
}: {
  ctx: PageContext;
  structure: CouncilStructure;
  value: string | undefined;
  error: string | undefined;
}) {
  const { t } = ctx;
  return (
    <div class={error === undefined ? 'field' : 'field field-error'}>
      <label for="category">{t('aspiration.field.category')}</label>
      <FieldMessage name="category" error={error} />
      <select
        id="category"
        name="category"
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={error === undefined ? undefined : 'category-error'}
      >
        <option value="">{t('form.choose')}</option>
        {structure.categories.map((c) => (
          <option key={c.slug} value={c.slug} selected={value === c.slug}>
            {ctx.lang === 'en' ? c.nameEn : c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface FirstStepPageProps {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  errors: FieldErrors;
  values: Values;
  /** The project the aspiration is about, when the citizen came from its page. */
  project?: { id: number; name: string } | undefined;
}

export function FirstStepPage({ ctx, csrf, structure, errors, values, project }: FirstStepPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('aspiration.new.title')} description={t('aspiration.new.lead')}>
      <h1>{t('aspiration.new.title')}</h1>
      <p class="lead">{t('aspiration.new.lead')}</p>
      <p>
        <a href="/lacak">{t('aspiration.track.link')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/aspirasi/baru" novalidate>
        <CsrfField token={csrf} />
        <p class="step">{t('aspiration.new.step', { n: 1, of: 2 })}</p>
        {project === undefined ? null : (
          <p class="result">
            {t('aspiration.aboutProject')} <a href={`/proyek/${project.id}`}>{project.name}</a>
            <input type="hidden" name="proyek" value={String(project.id)} />
          </p>
        )}
        <KindField ctx={ctx} value={values.kind} error={errors.kind} />
        <CategoryField ctx={ctx} structure={structure} value={values.category} error={errors.category} />
        <LocationField ctx={ctx} places={structure.kecamatan} value={values.location} error={errors.location} />
        <PinField ctx={ctx} center={regionCenter(structure)} values={values} />
        <TextField
          name="title"
          label={t('aspiration.field.title')}
          hint={t('aspiration.titleHint')}
          value={values.title}
          error={errors.title}
          maxLength={150}
        />
        <button type="submit">{t('aspiration.new.next')}</button>
      </form>
    </Layout>
  );
}

export interface DetailsFormProps {
  ctx: PageContext;
  csrf: string;
  errors: FieldErrors;
  values: Values;
  /** Staff intake: every field on one page, the channel asked, consent taken on paper. */
  intake?: { structure: CouncilStructure } | undefined;
}

/** The details, photos and contact part; for the public form the first step rides along hidden. */
export function DetailsForm({ ctx, csrf, errors, values, intake }: DetailsFormProps) {
  const { t } = ctx;
  const confidential = values.kind === 'rahasia';
  return (
    <form
      method="post"
      action={intake === undefined ? '/aspirasi/kirim' : '/kelola/aspirasi/baru'}
      enctype="multipart/form-data"
      novalidate
      data-module="aspiration-form"
    >
      <CsrfField token={csrf} />
      {intake === undefined ? (
        <>
          <input type="hidden" name="kind" value={values.kind ?? ''} />
          <input type="hidden" name="category" value={values.category ?? ''} />
          <input type="hidden" name="location" value={values.location ?? ''} />
          <input type="hidden" name="title" value={values.title ?? ''} />
          <input type="hidden" name="proyek" value={values.proyek ?? ''} />
        </>
      ) : (
        <>
          <div class="field">
            <label for="channel">{t('aspiration.field.channel')}</label>
            <select id="channel" name="channel">
              {intakeChannels.map((c) => (
                <option key={c} value={c} selected={values.channel === c}>
                  {t(channelTexts[c])}
                </option>
              ))}
            </select>
          </div>
          <KindField ctx={ctx} value={values.kind} error={errors.kind} />
          <CategoryField ctx={ctx} structure={intake.structure} value={values.category} error={errors.category} />
          <LocationField
            ctx={ctx}
            places={intake.structure.kecamatan}
            value={values.location}
            error={errors.location}
          />
          <TextField
            name="title"
            label={t('aspiration.field.title')}
            value={values.title}
            error={errors.title}
            maxLength={150}
          />
        </>
      )}
      <TextArea
        name="description"
        label={t('aspiration.field.description')}
        hint={t('aspiration.descriptionHint')}
        value={values.description}
        error={errors.description}
        rows={8}
        maxLength={5000}
      />
      <TextField
        name="address"
        label={t('aspiration.field.address')}
        hint={t('aspiration.addressHint')}
        value={values.address}
        error={errors.address}
        maxLength={200}
      />
      {intake === undefined ? (
        <>
          <input type="hidden" name="lat" value={values.lat ?? ''} />
          <input type="hidden" name="lon" value={values.lon ?? ''} />
        </>
      ) : (
        <PinField ctx={ctx} center={regionCenter(intake.structure)} values={values} />
      )}
      <FileField
        name="photos"
        label={t('aspiration.field.photos', { max: MAX_PHOTOS })}
        hint={t('aspiration.photosHint', { max: MAX_PHOTOS })}
        error={errors.photos}
        accept="image/jpeg,image/png,image/webp,image/avif"
        multiple
      />
      <fieldset class="field">
        <legend>{t('aspiration.contact.title')}</legend>
        <p class="hint">{intake === undefined ? t('aspiration.contact.hint') : t('aspiration.contact.intakeHint')}</p>
        <TextField
          name="name"
          label={t('aspiration.field.name')}
          value={values.name}
          error={errors.name}
          autocomplete="name"
          maxLength={120}
        />
        <TextField
          name="email"
          type="email"
          label={t('aspiration.field.email')}
          value={values.email}
          error={errors.email}
          autocomplete="email"
          maxLength={320}
        />
        <TextField
          name="phone"
          type="tel"
          label={t('aspiration.field.phone')}
          value={values.phone}
          error={errors.phone}
          autocomplete="tel"
          maxLength={20}
        />
        {confidential ? (
          <p class="hint">{t('aspiration.confidentialHint')}</p>
        ) : (
          <CheckboxField name="showName" label={t('aspiration.field.showName')} checked={values.showName === 'yes'} />
        )}
      </fieldset>
      {intake === undefined ? (
        <div class="consent">
          <h2>{t('aspiration.consent.title')}</h2>
          <p>{t('aspiration.consent.text')}</p>
          <p class="hint">{t('aspiration.consent.version', { version: CONSENT_VERSION })}</p>
          <CheckboxField
            name="consent"
            label={t('aspiration.consent.agree')}
            checked={values.consent === 'yes'}
            error={errors.consent}
          />
        </div>
      ) : null}
      <button type="submit">{t('aspiration.new.send')}</button>
    </form>
  );
}

export interface SecondStepPageProps {
  ctx: PageContext;
  csrf: string;
  errors: FieldErrors;
  values: Values;
  similar: Similar[];
  summary: { kind: string; category: string; place: string };
}

export function SecondStepPage({ ctx, csrf, errors, values, similar, summary }: SecondStepPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('aspiration.new.title')}>
      <h1>{t('aspiration.new.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="step">{t('aspiration.new.step', { n: 2, of: 2 })}</p>
      <dl class="facts">
        <dt>{t('aspiration.field.kind')}</dt>
        <dd>{summary.kind}</dd>
        <dt>{t('aspiration.field.category')}</dt>
        <dd>{summary.category}</dd>
        <dt>{t('aspiration.field.place')}</dt>
        <dd>{summary.place}</dd>
        <dt>{t('aspiration.field.title')}</dt>
        <dd>{values.title}</dd>
      </dl>
      <p>
        <a href="/aspirasi/baru">{t('aspiration.new.change')}</a>
      </p>
      {similar.length === 0 ? null : (
        <section class="similar" aria-labelledby="similar-title">
          <h2 id="similar-title">{t('aspiration.similar.title')}</h2>
          <p>{t('aspiration.similar.lead')}</p>
          <ul class="list">
            {similar.map((s) => (
              <li key={s.code}>
                <a href={`/aspirasi/${s.code}`}>{s.title}</a>
                <br />
                <span class="meta">
                  {s.code} · {statusLabel(ctx, s.status)} · {formatDate(s.receivedAt, ctx.lang)} ·{' '}
                  {t('aspiration.supporters', { n: s.supporters })}
                </span>
                <form method="post" action={`/aspirasi/${s.code}/dukung`} class="inline">
                  <CsrfField token={csrf} />
                  <label for={`support-email-${s.code}`}>{t('aspiration.support.email')}</label>
                  <input
                    id={`support-email-${s.code}`}
                    name="email"
                    type="email"
                    autocomplete="email"
                    maxLength={320}
                  />
                  <button type="submit" class="secondary">
                    {t('aspiration.support.button')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <h2>{t('aspiration.similar.otherwise')}</h2>
        </section>
      )}
      <DetailsForm ctx={ctx} csrf={csrf} errors={errors} values={values} />
    </Layout>
  );
}

export function TrackPage({
  ctx,
  csrf,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  errors: FieldErrors;
  values: Values;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('aspiration.track.title')}>
      <h1>{t('aspiration.track.title')}</h1>
      <Notice text={notice} />
      <p class="lead">{t('aspiration.track.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/lacak" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="kode"
          label={t('aspiration.field.code')}
          hint={t('aspiration.track.codeHint')}
          value={values.kode}
          error={errors.kode}
          maxLength={40}
        />
        <TextField
          name="kontak"
          label={t('aspiration.track.contact')}
          value={values.kontak}
          error={errors.kontak}
          autocomplete="email"
          maxLength={320}
        />
        <button type="submit">{t('aspiration.track.button')}</button>
      </form>
    </Layout>
  );
}
