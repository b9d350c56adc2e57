/**
 * The kiosk's screens (large type, one question each, in KioskLayout) and the desk's page of calls
 * from it. Every screen works with JavaScript off; the kiosk script only adds the idle reset and
 * the print button.
 */
import type { ComponentChildren } from 'preact';
import { KindField, kindLabel, StatusBadge } from '../../aspirations/views/shared.tsx';
import type { CouncilStructure } from '../../council/service.ts';
import type { AspirationStatus } from '../../db/schema.ts';
import { formatDate, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Banner, Button, ButtonLink, SummaryList } from '../../platform/views/components.tsx';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  Radios,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { KioskLayout, Layout } from '../../platform/views/layout.tsx';
import { type Answers, answerNames, IDLE_SECONDS, KIOSK_HOME, type KioskCall, type Step, steps } from '../service.ts';

function Screen({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <KioskLayout ctx={ctx} title={title} home={KIOSK_HOME} idleSeconds={IDLE_SECONDS}>
      {children}
    </KioskLayout>
  );
}

export function KioskHome({ ctx, canCall, csrf }: { ctx: PageContext; canCall: boolean; csrf: string }) {
  const { t } = ctx;
  return (
    <Screen ctx={ctx} title={t('kiosk.title')}>
      <h1>{t('kiosk.welcome')}</h1>
      <ul class="kiosk-choices">
        <li>
          <ButtonLink href="/kios/aspirasi">{t('kiosk.file')}</ButtonLink>
        </li>
        <li>
          <ButtonLink href="/kios/lacak" variant="secondary">
            {t('kiosk.track')}
          </ButtonLink>
        </li>
      </ul>
      {canCall ? (
        <form method="post" action="/kios/panggil">
          <CsrfField token={csrf} />
          <p>{t('kiosk.callHint')}</p>
          <Button variant="secondary">{t('kiosk.call')}</Button>
        </form>
      ) : null}
    </Screen>
  );
}

export interface StepPageProps {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  step: Step;
  answers: Answers;
  errors: FieldErrors;
}

/** One question of the kiosk's aspiration; the other answers ride along hidden. */
export function KioskStepPage({ ctx, csrf, structure, step, answers, errors }: StepPageProps) {
  const { t } = ctx;
  const asked = askedOn[step];
  const kecamatan = structure.kecamatan.find((k) => String(k.id) === answers.kecamatan);
  const question = (key: Parameters<typeof t>[0]) => <h1>{t(key)}</h1>;
  return (
    <Screen ctx={ctx} title={t('kiosk.file')}>
      <p class="step">{t('kiosk.step', { n: steps.indexOf(step) + 1, of: steps.length })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/kios/aspirasi" novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="langkah" value={step} />
        {answerNames
          .filter((name) => !asked.includes(name))
          .map((name) => (
            <input key={name} type="hidden" name={name} value={answers[name]} />
          ))}
        {step === 'jenis' ? (
          <KindField
            ctx={ctx}
            value={answers.kind}
            error={errors.kind}
            legend={question('kiosk.q.kind')}
            formalRequest={false}
          />
        ) : null}
        {step === 'kategori' ? (
          <Radios
            name="category"
            legend={question('kiosk.q.category')}
            error={errors.category}
            value={answers.category}
            options={structure.categories.map((c) => ({ value: c.slug, label: ctx.lang === 'en' ? c.nameEn : c.name }))}
          />
        ) : null}
        {step === 'kecamatan' ? (
          <Radios
            name="kecamatan"
            legend={question('kiosk.q.kecamatan')}
            error={errors.kecamatan}
            value={answers.kecamatan}
            options={structure.kecamatan.map((k) => ({ value: String(k.id), label: k.name }))}
          />
        ) : null}
        {step === 'kelurahan' ? (
          <Radios
            name="kelurahan"
            legend={question('kiosk.q.kelurahan')}
            error={errors.kelurahan}
            value={answers.kelurahan}
            options={[
              ...(kecamatan?.kelurahan ?? []).map((k) => ({ value: String(k.id), label: k.name })),
              { value: '', label: t('kiosk.kelurahanUnknown') },
            ]}
          />
        ) : null}
        {step === 'judul' ? (
          <>
            {question('kiosk.q.title')}
            <TextField
              name="title"
              label={t('kiosk.titleLabel')}
              hint={t('kiosk.titleHint')}
              value={answers.title}
              error={errors.title}
              maxLength={150}
              autocomplete="off"
            />
          </>
        ) : null}
        {step === 'uraian' ? (
          <>
            {question('kiosk.q.description')}
            <TextArea
              name="description"
              label={t('kiosk.descriptionLabel')}
              hint={t('kiosk.descriptionHint')}
              value={answers.description}
              error={errors.description}
              rows={6}
              maxLength={5000}
            />
          </>
        ) : null}
        {step === 'kontak' ? (
          <>
            {question('kiosk.q.contact')}
            <p class="hint">{t('kiosk.contactHint')}</p>
            <TextField
              name="name"
              label={t('kiosk.name')}
              value={answers.name}
              error={errors.name}
              maxLength={120}
              autocomplete="off"
            />
            <TextField
              name="phone"
              type="tel"
              label={t('kiosk.phone')}
              value={answers.phone}
              error={errors.phone}
              maxLength={20}
              autocomplete="off"
            />
            <TextField
              name="email"
              type="email"
              label={t('kiosk.email')}
              value={answers.email}
              error={errors.email}
              maxLength={320}
              autocomplete="off"
            />
          </>
        ) : null}
        {step === 'periksa' ? (
          <>
            {question('kiosk.q.review')}
            <SummaryList
              rows={[
                [t('kiosk.kind'), kindLabel(ctx, answers.kind)],
                [t('kiosk.category'), categoryName(ctx, structure, answers.category)],
                [
                  t('kiosk.place'),
                  [kecamatan?.kelurahan.find((k) => String(k.id) === answers.kelurahan)?.name, kecamatan?.name]
                    .filter(Boolean)
                    .join(', '),
                ],
                [t('kiosk.titleLabel'), answers.title],
                [t('kiosk.descriptionLabel'), answers.description],
                [
                  t('kiosk.contact'),
                  [answers.name, answers.phone, answers.email].filter((v) => v !== '').join(', ') ||
                    t('kiosk.noContact'),
                ],
              ]}
            />
            {answers.name === '' && answers.phone === '' && answers.email === '' ? (
              <input type="hidden" name="consent" value="" />
            ) : (
              <CheckboxField
                name="consent"
                label={t('kiosk.consent')}
                checked={answers.consent === 'yes'}
                error={errors.consent}
              />
            )}
          </>
        ) : null}
        <div class="kiosk-actions">
          <Button>{step === 'periksa' ? t('kiosk.send') : t('kiosk.next')}</Button>
          {step === 'jenis' ? null : (
            <Button variant="secondary" name="arah" value="kembali">
              {t('kiosk.back')}
            </Button>
          )}
        </div>
      </form>
      <p>
        <a href={KIOSK_HOME}>{t('kiosk.restart')}</a>
      </p>
    </Screen>
  );
}

/** Which answers each screen asks (the others ride along hidden). */
const askedOn: Record<Step, readonly (keyof Answers)[]> = {
  jenis: ['kind'],
  kategori: ['category'],
  kecamatan: ['kecamatan'],
  kelurahan: ['kelurahan'],
  judul: ['title'],
  uraian: ['description'],
  kontak: ['name', 'phone', 'email'],
  periksa: ['consent'],
};

function categoryName(ctx: PageContext, structure: CouncilStructure, slug: string): string {
  const category = structure.categories.find((c) => c.slug === slug);
  if (category === undefined) return '';
  return ctx.lang === 'en' ? category.nameEn : category.name;
}

/** The receipt: the code large, a QR code of its public page, print and done. */
export function KioskReceipt({ ctx, code, qrSvg }: { ctx: PageContext; code: string; qrSvg: string }) {
  const { t } = ctx;
  return (
    <Screen ctx={ctx} title={t('kiosk.receipt.title')}>
      <section class="kiosk-receipt" aria-labelledby="receipt-title">
        <h1 id="receipt-title">{t('kiosk.receipt.title')}</h1>
        <p>{t('kiosk.receipt.code')}</p>
        <p class="kiosk-code">{code}</p>
        {/* The QR code is drawn on the server from the public page's address: no outside service. */}
        <figure class="kiosk-qr" role="img" aria-label={t('kiosk.receipt.qr', { code })}>
          <span dangerouslySetInnerHTML={{ __html: qrSvg }} />
        </figure>
        <p>{t('kiosk.receipt.keep')}</p>
      </section>
      <div class="kiosk-actions">
        {/* Shown by the kiosk script, which alone can print. */}
        <span data-module="print-page" hidden>
          <Button type="button">{t('kiosk.print')}</Button>
        </span>
        <ButtonLink href={KIOSK_HOME} variant="secondary">
          {t('kiosk.done')}
        </ButtonLink>
      </div>
    </Screen>
  );
}

export function KioskTrack({
  ctx,
  code,
  error,
  found,
}: {
  ctx: PageContext;
  code: string;
  error: string | undefined;
  found: { code: string; title: string; status: AspirationStatus; receivedAt: Date } | undefined;
}) {
  const { t } = ctx;
  return (
    <Screen ctx={ctx} title={t('kiosk.track')}>
      <h1>{t('kiosk.track')}</h1>
      <ErrorSummary ctx={ctx} errors={error === undefined ? {} : { kode: error }} />
      <form method="get" action="/kios/lacak" novalidate>
        <TextField
          name="kode"
          label={t('kiosk.trackLabel')}
          hint={t('kiosk.trackHint')}
          value={code}
          error={error}
          maxLength={40}
          autocomplete="off"
        />
        <Button>{t('kiosk.trackButton')}</Button>
      </form>
      {found === undefined ? null : (
        <section aria-labelledby="found-title">
          <h2 id="found-title">
            {found.code}: {found.title}
          </h2>
          <SummaryList
            rows={[
              [t('kiosk.status'), <StatusBadge key="status" ctx={ctx} status={found.status} />],
              [t('kiosk.receivedOn'), formatDate(found.receivedAt, ctx.lang)],
            ]}
          />
        </section>
      )}
      <p>
        <a href={KIOSK_HOME}>{t('kiosk.done')}</a>
      </p>
    </Screen>
  );
}

export function KioskMessage({ ctx, title, body }: { ctx: PageContext; title: string; body: string }) {
  return (
    <Screen ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{body}</p>
      <p>
        <ButtonLink href={KIOSK_HOME} variant="secondary">
          {ctx.t('kiosk.done')}
        </ButtonLink>
      </p>
    </Screen>
  );
}

/** The desk's view: calls from the kiosk (live), and setting this browser up as a kiosk. */
export function KioskOffice({
  ctx,
  csrf,
  calls,
  device,
  errors,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  calls: KioskCall[];
  device: string | undefined;
  errors: FieldErrors;
  notice: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('kiosk.office.title')}>
      <h1>{t('kiosk.office.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2>{t('kiosk.office.calls')}</h2>
      <p
        role="status"
        data-module="inbox-live"
        data-source="/kelola/kios/langsung"
        data-event="kiosk"
        data-new-text={t('kiosk.office.new')}
        data-lost-text={t('live.reconnected')}
      >
        {calls.some((c) => c.answeredAt === null) ? null : t('kiosk.office.none')}
      </p>
      <ul class="list">
        {calls.map((call) => (
          <li key={call.id}>
            {t('kiosk.office.calledAt', { place: call.place, time: formatTime(call.calledAt, ctx.lang) })}
            {call.answeredAt === null ? (
              <form method="post" action={`/kelola/kios/${call.id}/dilayani`} class="inline">
                <CsrfField token={csrf} />
                <Button variant="secondary">{t('kiosk.office.answer')}</Button>
              </form>
            ) : (
              <>
                {' · '}
                <span class="meta">{t('kiosk.office.answered', { time: formatTime(call.answeredAt, ctx.lang) })}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('kiosk.office.device')}</h2>
      {device === undefined ? (
        <>
          <p>{t('kiosk.office.deviceNot')}</p>
          <form method="post" action="/kelola/kios/perangkat" novalidate>
            <CsrfField token={csrf} />
            <TextField
              name="place"
              label={t('kiosk.office.place')}
              hint={t('kiosk.office.placeHint')}
              error={errors.place}
              maxLength={80}
            />
            <Button>{t('kiosk.office.install')}</Button>
          </form>
        </>
      ) : (
        <Banner tone="important">
          <p>{t('kiosk.office.deviceIs', { place: device })}</p>
          <form method="post" action="/kelola/kios/perangkat/lepas" class="inline">
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('kiosk.office.remove')}</Button>
          </form>
        </Banner>
      )}
      <p>
        <a href={KIOSK_HOME}>{t('kiosk.office.open')}</a>
      </p>
    </Layout>
  );
}
