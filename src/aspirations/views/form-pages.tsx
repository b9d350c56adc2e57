/**
 * /aspirasi/baru in two steps that work without JavaScript: first what and where (so similar open
 * aspirations can be shown and supported instead), then the details, photos and how to answer.
 * The same details form serves staff entering an aspiration received at the office.
 */
import type { ComponentChildren } from 'preact';
import { type CouncilStructure, regionCenter } from '../../council/service.ts';
import { formatDate } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Banner, Button, SummaryList } from '../../platform/views/components.tsx';
import {
  CheckboxField,
  ContactFields,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FieldGroup,
  FileField,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { LocationField, PinField } from '../../platform/views/place-fields.tsx';
import { CONSENT_VERSION, intakeChannels, MAX_PHOTOS, type Similar } from '../service.ts';
import { channelTexts, KindField, statusLabel } from './shared.tsx';

export type Values = Partial<Record<string, string>>;

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
    <SelectField
      name="category"
      label={t('aspiration.field.category')}
      error={error}
      value={value}
      empty={t('form.choose')}
      options={structure.categories.map((c) => ({ value: c.slug, label: ctx.lang === 'en' ? c.nameEn : c.name }))}
    />
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
          <Banner tone="important">
            <p>
              {t('aspiration.aboutProject')} <a href={`/proyek/${project.id}`}>{project.name}</a>
              <input type="hidden" name="proyek" value={String(project.id)} />
            </p>
          </Banner>
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
  /**
   * The installable app's form for no signal: every field on one page, no token (the page is kept
   * on the phone), marked so that the app keeps it and sends it with a fresh token later.
   */
  offline?: { structure: CouncilStructure } | undefined;
}

/** The details, photos and contact part; for the public form the first step rides along hidden. */
export function DetailsForm({ ctx, csrf, errors, values, intake, offline }: DetailsFormProps) {
  const { t } = ctx;
  const confidential = values.kind === 'rahasia';
  const whole = intake ?? offline;
  return (
    <form
      method="post"
      action={intake === undefined ? '/aspirasi/kirim' : '/kelola/aspirasi/baru'}
      enctype="multipart/form-data"
      novalidate
      data-module="aspiration-form"
    >
      {offline === undefined ? <CsrfField token={csrf} /> : <input type="hidden" name="luring" value="1" />}
      {whole === undefined ? (
        <>
          <input type="hidden" name="kind" value={values.kind ?? ''} />
          <input type="hidden" name="category" value={values.category ?? ''} />
          <input type="hidden" name="location" value={values.location ?? ''} />
          <input type="hidden" name="title" value={values.title ?? ''} />
          <input type="hidden" name="proyek" value={values.proyek ?? ''} />
          {/* The same form sent twice (an answer lost on a weak signal) files one aspiration. */}
          <input type="hidden" name="kunci" value={values.kunci ?? ''} />
        </>
      ) : (
        <>
          {intake === undefined ? null : (
            <SelectField
              name="channel"
              label={t('aspiration.field.channel')}
              value={values.channel}
              options={intakeChannels.map((c) => ({ value: c, label: t(channelTexts[c]) }))}
            />
          )}
          <KindField ctx={ctx} value={values.kind} error={errors.kind} />
          <CategoryField ctx={ctx} structure={whole.structure} value={values.category} error={errors.category} />
          <LocationField ctx={ctx} places={whole.structure.kecamatan} value={values.location} error={errors.location} />
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
        offline === undefined ? (
          <>
            <input type="hidden" name="lat" value={values.lat ?? ''} />
            <input type="hidden" name="lon" value={values.lon ?? ''} />
          </>
        ) : null
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
      <FieldGroup
        legend={t('aspiration.contact.title')}
        hint={intake === undefined ? t('aspiration.contact.hint') : t('aspiration.contact.intakeHint')}
      >
        <ContactFields
          labels={{
            name: t('aspiration.field.name'),
            email: t('aspiration.field.email'),
            phone: t('aspiration.field.phone'),
          }}
          values={values}
          errors={errors}
        />
        {confidential ? (
          <p class="hint">{t('aspiration.confidentialHint')}</p>
        ) : (
          <CheckboxField name="showName" label={t('aspiration.field.showName')} checked={values.showName === 'yes'} />
        )}
      </FieldGroup>
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
      <SummaryList>
        <dt>{t('aspiration.field.kind')}</dt>
        <dd>{summary.kind}</dd>
        <dt>{t('aspiration.field.category')}</dt>
        <dd>{summary.category}</dd>
        <dt>{t('aspiration.field.place')}</dt>
        <dd>{summary.place}</dd>
        <dt>{t('aspiration.field.title')}</dt>
        <dd>{values.title}</dd>
      </SummaryList>
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
                  <TextField
                    name="email"
                    id={`support-email-${s.code}`}
                    type="email"
                    label={t('aspiration.support.email')}
                    autocomplete="email"
                    maxLength={320}
                  />
                  <Button variant="secondary">{t('aspiration.support.button')}</Button>
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

/** The one-page form the installable app opens when there is no signal (see aspirations/offline.ts). */
export function OfflineFormPage({ ctx, structure }: { ctx: PageContext; structure: CouncilStructure }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('aspiration.offline.title')} description={t('aspiration.offline.lead')}>
      <h1>{t('aspiration.offline.title')}</h1>
      <p class="lead">{t('aspiration.offline.lead')}</p>
      <p>
        {t('aspiration.offline.needsScript')} <a href="/aspirasi/baru">{t('aspiration.offline.usual')}</a>
      </p>
      <DetailsForm ctx={ctx} csrf="" errors={{}} values={{}} offline={{ structure }} />
    </Layout>
  );
}

/** The words the queue page's script writes, in the page's language. */
export function queueTexts(ctx: PageContext) {
  const { t } = ctx;
  return {
    savedAt: t('aspiration.queue.savedAt'),
    photos: t('aspiration.queue.photos'),
    code: t('aspiration.queue.code'),
    open: t('aspiration.queue.open'),
  };
}

/**
 * The reports kept on this phone. The page itself holds the empty parts and a template of one
 * report; the queue's script (client/modules/draft-queue.ts) fills them from the phone's storage.
 */
export function QueuePage({ ctx, zone }: { ctx: PageContext; zone: { timeZone: string; label: string } }) {
  const { t } = ctx;
  const part = (state: 'waiting' | 'sent' | 'refused', title: string, extra?: ComponentChildren) => (
    <section data-drafts={state} aria-labelledby={`drafts-${state}`} hidden>
      <h2 id={`drafts-${state}`}>{title}</h2>
      {extra}
      <ul class="list" data-drafts-list />
    </section>
  );
  return (
    <Layout ctx={ctx} title={t('aspiration.queue.title')}>
      <h1>{t('aspiration.queue.title')}</h1>
      <p class="lead">{t('aspiration.queue.lead')}</p>
      <div
        data-module="draft-queue"
        data-texts={JSON.stringify(queueTexts(ctx))}
        data-zone={JSON.stringify(zone)}
        aria-live="polite"
      >
        <p data-drafts-none>{t('aspiration.queue.none')}</p>
        {part(
          'waiting',
          t('aspiration.queue.waiting'),
          <>
            <p data-drafts-offline hidden>
              {t('aspiration.queue.offline')}
            </p>
            <p data-drafts-send>
              <Button type="button" variant="secondary">
                {t('aspiration.queue.sendNow')}
              </Button>
            </p>
          </>,
        )}
        {part('refused', t('aspiration.queue.refused'), <p>{t('aspiration.queue.refusedHint')}</p>)}
        {part('sent', t('aspiration.queue.sent'))}
        <template data-draft-template>
          <li>
            <strong data-draft-title />
            <br />
            <span class="meta" data-draft-meta />
            <span data-draft-code />
            <span data-draft-text />
            <span data-draft-remove>
              <Button type="button" variant="link">
                {t('aspiration.queue.remove')}
              </Button>
            </span>
          </li>
        </template>
      </div>
      <p>
        <a href="/aspirasi/baru">{t('aspiration.new.title')}</a>
      </p>
    </Layout>
  );
}
