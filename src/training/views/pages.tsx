/**
 * Training for the people who take it: the list of classes and sessions, one session (register,
 * rate, download the certificate), a citizen's registration by the mailed link, checking in by the
 * door's QR code, the certificate check anyone can do, and an official's own record.
 */
import type { ComponentChildren } from 'preact';
import { formatDate, formatFileSize, formatNumber, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Banner, Button, ButtonLink, SummaryList, Tag } from '../../platform/views/components.tsx';
import {
  CheckboxField,
  ContactFields,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FieldGroup,
  Notice,
  Radios,
  TextArea,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import type { CertificateCheck, RecordEntry, Registration, Session, YearTotal } from '../service.ts';

/** "7 Desember 2026, 09:00–12:00 WIB". */
export function sessionWhen(ctx: PageContext, s: Pick<Session, 'startsAt' | 'endsAt'>): string {
  return `${formatDate(s.startsAt, ctx.lang)}, ${formatTime(s.startsAt, ctx.lang).replace(' WIB', '')}–${formatTime(s.endsAt, ctx.lang)}`;
}

const placesLeft = (ctx: PageContext, s: Session) =>
  s.cancelled
    ? ctx.t('training.cancelled')
    : s.registered >= s.capacity
      ? ctx.t('training.full')
      : ctx.t('training.placesLeft', { n: formatNumber(s.capacity - s.registered, ctx.lang) });

function SessionList({ ctx, sessions }: { ctx: PageContext; sessions: Session[] }) {
  if (sessions.length === 0) return <p>{ctx.t('training.none')}</p>;
  return (
    <ul class="list">
      {sessions.map((s) => (
        <li key={s.id}>
          <a href={`/pelatihan/${s.id}`}>{s.title}</a>
          <br />
          <span class="meta">
            {sessionWhen(ctx, s)} · {s.place ?? ctx.t('training.online')} · {placesLeft(ctx, s)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function TrainingListPage({
  ctx,
  classes,
  officials,
  showOfficials,
}: {
  ctx: PageContext;
  classes: Session[];
  officials: Session[];
  showOfficials: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('training.title')} description={t('training.lead')}>
      <h1>{t('training.title')}</h1>
      <p>{t('training.lead')}</p>
      <h2>{t('training.classes')}</h2>
      <p>{t('training.classesLead')}</p>
      <SessionList ctx={ctx} sessions={classes} />
      {showOfficials ? (
        <>
          <h2>{t('training.officials')}</h2>
          <SessionList ctx={ctx} sessions={officials} />
          <p>
            <a href="/akun/pelatihan">{t('training.myRecord')}</a>
          </p>
        </>
      ) : null}
    </Layout>
  );
}

/** What a session is: topic, when, where, who teaches, places, materials. */
export function SessionFacts({ ctx, session }: { ctx: PageContext; session: Session }) {
  const { t } = ctx;
  const rows: [string, ComponentChildren][] = [
    [t('training.field.audience'), t(`training.audience.${session.audience}`)],
    [t('training.field.topic'), t(`training.topic.${session.topic}`)],
    [t('training.field.when'), sessionWhen(ctx, session)],
    [t('training.hours'), t('training.hoursValue', { n: formatNumber(session.hours, ctx.lang) })],
  ];
  if (session.place !== null) rows.push([t('training.field.place'), session.place]);
  if (session.onlineUrl !== null)
    rows.push([t('training.online'), <a href={session.onlineUrl}>{t('training.join')}</a>]);
  rows.push([t('training.field.trainer'), session.trainer]);
  rows.push([t('training.field.capacity'), placesLeft(ctx, session)]);
  if (session.material !== null)
    rows.push([
      t('training.material'),
      <a key="file" href={`/pelatihan/${session.id}/materi.pdf`}>
        {t('training.materialFile', { size: formatFileSize(session.material.bytes, ctx.lang) })}
      </a>,
    ]);
  if (session.materialUrl !== null)
    rows.push([t('training.material'), <a href={session.materialUrl}>{t('training.materialLink')}</a>]);
  return (
    <>
      <SummaryList rows={rows} />
      <p class="prose">{session.description}</p>
    </>
  );
}

/** After attending: the rating form, then the certificate. */
function Afterwards({
  ctx,
  csrf,
  registration,
  action,
  certificate,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  registration: Registration;
  action: string;
  certificate: string;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  if (registration.attendedAt === null) return <p>{t('training.checkinHint')}</p>;
  if (registration.evaluatedAt === null)
    return (
      <>
        <p>{t('training.attended')}</p>
        <h2>{t('training.evaluate')}</h2>
        <p>{t('training.evaluateLead')}</p>
        <form method="post" action={action} novalidate>
          <CsrfField token={csrf} />
          <Radios
            name="rating"
            legend={t('training.field.rating')}
            error={errors.rating}
            value={values.rating}
            options={(['5', '4', '3', '2', '1'] as const).map((n) => ({ value: n, label: t(`training.rating.${n}`) }))}
          />
          <TextArea
            name="feedback"
            label={t('training.field.feedback')}
            value={values.feedback}
            error={errors.feedback}
            rows={3}
            maxLength={2000}
          />
          <Button>{t('training.evaluateButton')}</Button>
        </form>
      </>
    );
  return (
    <>
      <p>{t('training.evaluated')}</p>
      <p>
        <ButtonLink href={certificate} download>
          {t('training.certificateDownload')}
        </ButtonLink>
      </p>
      <p>
        <a href={`/sertifikat/${registration.certificateCode}`}>{t('training.certificateCheck')}</a>
      </p>
    </>
  );
}

export function SessionPage({
  ctx,
  csrf,
  session,
  registration,
  signedIn,
  mayAttend,
  notice,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  session: Session;
  /** The signed-in official's registration. */
  registration: Registration | undefined;
  signedIn: boolean;
  /** Whether the visitor may register with their account (an official). */
  mayAttend: boolean;
  notice: string | undefined;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  const open = !session.cancelled && session.startsAt.getTime() > Date.now();
  const full = session.registered >= session.capacity;
  let action: ComponentChildren;
  if (registration !== undefined)
    action = (
      <>
        <p>
          <Tag tone="done">{t('training.registered')}</Tag>
        </p>
        <Afterwards
          ctx={ctx}
          csrf={csrf}
          registration={registration}
          action={`/pelatihan/${session.id}/evaluasi`}
          certificate={`/pelatihan/${session.id}/sertifikat.pdf`}
          errors={errors}
          values={values}
        />
      </>
    );
  else if (!open || full) action = <p>{full && open ? t('training.notice.full') : t('training.closedNote')}</p>;
  else if (mayAttend)
    action = (
      <form method="post" action={`/pelatihan/${session.id}/daftar`}>
        <CsrfField token={csrf} />
        <Button>{t('training.register')}</Button>
      </form>
    );
  else if (session.audience === 'warga')
    action = (
      <>
        <h2>{t('training.registerTitle')}</h2>
        <form method="post" action={`/pelatihan/${session.id}/daftar-warga`} novalidate>
          <CsrfField token={csrf} />
          <FieldGroup legend={t('training.contact')} hint={t('training.contactHint')}>
            <ContactFields
              labels={{
                name: t('training.field.name'),
                email: t('training.field.email'),
                phone: t('training.field.phone'),
              }}
              values={values}
              errors={errors}
            />
          </FieldGroup>
          <CheckboxField
            name="consent"
            label={t('training.field.consent')}
            checked={values.consent === 'yes'}
            error={errors.consent}
          />
          <Button>{t('training.register')}</Button>
        </form>
      </>
    );
  else if (!signedIn)
    action = (
      <p>
        <a href={`/masuk?lanjut=${encodeURIComponent(`/pelatihan/${session.id}`)}`}>{t('training.signInToRegister')}</a>
      </p>
    );
  return (
    <Layout ctx={ctx} title={session.title} description={session.description.slice(0, 160)}>
      <BackLink href="/pelatihan">{t('training.title')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{session.title}</h1>
      <SessionFacts ctx={ctx} session={session} />
      {action}
    </Layout>
  );
}

export function CitizenRegistrationPage({
  ctx,
  csrf,
  token,
  found,
  notice,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  token: string;
  found: { registration: Registration; session: Session } | undefined;
  notice: string | undefined;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  if (found === undefined)
    return (
      <Layout ctx={ctx} title={t('training.mine.title')}>
        <h1>{t('training.mine.title')}</h1>
        <p>{t('training.mine.gone')}</p>
      </Layout>
    );
  const { registration, session } = found;
  return (
    <Layout ctx={ctx} title={t('training.mine.title')}>
      <BackLink href="/pelatihan">{t('training.title')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{session.title}</h1>
      <p>
        <Tag tone="done">{t('training.registered')}</Tag>
      </p>
      <SessionFacts ctx={ctx} session={session} />
      <Afterwards
        ctx={ctx}
        csrf={csrf}
        registration={registration}
        action={`/pelatihan/saya/${token}/evaluasi`}
        certificate={`/pelatihan/saya/${token}/sertifikat.pdf`}
        errors={errors}
        values={values}
      />
    </Layout>
  );
}

export function CheckInPage({
  ctx,
  csrf,
  code,
  session,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  code: string;
  session: Session | undefined;
  notice: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('training.checkin.title')}>
      <Notice text={notice} />
      <h1>{t('training.checkin.title')}</h1>
      {session === undefined ? (
        <p>{t('training.checkin.gone')}</p>
      ) : (
        <>
          <p>
            <strong>{session.title}</strong>
            <br />
            {sessionWhen(ctx, session)}
          </p>
          <form method="post" action={`/pelatihan/hadir/${code}`}>
            <CsrfField token={csrf} />
            <Button>{t('training.checkin.button')}</Button>
          </form>
          <p>
            <a href={`/pelatihan/${session.id}`}>{session.title}</a>
          </p>
        </>
      )}
    </Layout>
  );
}

export function CertificateCheckPage({
  ctx,
  check,
  site,
}: {
  ctx: PageContext;
  check: CertificateCheck | undefined;
  site: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('training.verify.title')}>
      <h1>{t('training.verify.title')}</h1>
      {check === undefined ? (
        <Banner tone="error" title={t('training.verify.notGenuine')}>
          <p>{t('training.verify.notGenuineLead')}</p>
        </Banner>
      ) : (
        <>
          <Banner tone="success" title={t('training.verify.genuine')}>
            <p>{t('training.verify.genuineLead', { site })}</p>
          </Banner>
          <SummaryList
            rows={[
              [t('training.certificate.code'), check.code],
              [t('training.verify.holder'), check.name ?? t('training.verify.erased')],
              [t('training.field.title'), check.title],
              [t('training.field.topic'), t(`training.topic.${check.topic}`)],
              [t('training.field.trainer'), check.trainer],
              [t('training.field.day'), formatDate(check.startsAt, ctx.lang)],
              [t('training.hours'), t('training.hoursValue', { n: formatNumber(check.hours, ctx.lang) })],
            ]}
          />
        </>
      )}
    </Layout>
  );
}

export function RecordPage({ ctx, entries, years }: { ctx: PageContext; entries: RecordEntry[]; years: YearTotal[] }) {
  const { t } = ctx;
  const topics = (list: RecordEntry['topic'][]) => list.map((topic) => t(`training.topic.${topic}`)).join(', ');
  return (
    <Layout ctx={ctx} title={t('training.record.title')}>
      <BackLink href="/akun">{t('training.myRecord')}</BackLink>
      <h1>{t('training.record.title')}</h1>
      <p>{t('training.record.lead')}</p>
      {entries.length === 0 ? (
        <p>{t('training.record.none')}</p>
      ) : (
        <>
          {years.length === 0 ? null : (
            <TableWrap label={t('training.record.title')}>
              <table>
                <TableHead
                  columns={[
                    t('training.record.year'),
                    t('training.record.sessions'),
                    t('training.record.hours'),
                    t('training.record.topics'),
                  ]}
                />
                <tbody>
                  {years.map((y) => (
                    <tr key={y.year}>
                      <td>{y.year}</td>
                      <td class="number">{formatNumber(y.sessions, ctx.lang)}</td>
                      <td class="number">{formatNumber(y.hours, ctx.lang)}</td>
                      <td>{topics(y.topics)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <h2>{t('training.record.entries')}</h2>
          <ul class="list">
            {entries.map((e) => (
              <li key={e.sessionId}>
                <a href={`/pelatihan/${e.sessionId}`}>{e.title}</a>{' '}
                <Tag tone={e.attended ? 'done' : e.cancelled ? 'stopped' : 'neutral'}>
                  {e.attended
                    ? t('training.state.attended')
                    : e.cancelled
                      ? t('training.cancelled')
                      : e.startsAt.getTime() < Date.now()
                        ? t('training.state.absent')
                        : t('training.state.registered')}
                </Tag>
                <br />
                <span class="meta">
                  {formatDate(e.startsAt, ctx.lang)} · {t(`training.topic.${e.topic}`)} ·{' '}
                  {t('training.hoursValue', { n: formatNumber(e.hours, ctx.lang) })}
                </span>
                {e.certificateCode === null ? null : (
                  <>
                    {' '}
                    · <a href={`/pelatihan/${e.sessionId}/sertifikat.pdf`}>{t('training.record.certificate')}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
