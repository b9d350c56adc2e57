/**
 * Training in the back office: the sessions with their attendance, planning a new one (and
 * inviting), one session's door QR code, attendance list and ratings, and the year's totals.
 */
import { formatNumber } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button, ButtonLink, Tag } from '../../platform/views/components.tsx';
import {
  Checkboxes,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Notice,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import { AUDIENCES, type OfficeSession, type PersonTotal, type Session, TOPICS } from '../service.ts';
import { SessionFacts, sessionWhen } from './pages.tsx';

export function OfficeListPage({
  ctx,
  sessions,
  notice,
}: {
  ctx: PageContext;
  sessions: (Session & { attended: number })[];
  notice: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('training.office.title')}>
      <BackLink href="/kelola">{t('training.office.title')}</BackLink>
      <Notice text={notice} />
      <h1>{t('training.office.title')}</h1>
      <p>
        <ButtonLink href="/kelola/pelatihan/baru">{t('training.office.new')}</ButtonLink>{' '}
        <a href="/kelola/pelatihan/rekap">{t('training.office.totals')}</a>
      </p>
      {sessions.length === 0 ? (
        <p>{t('training.office.none')}</p>
      ) : (
        <TableWrap label={t('training.office.title')}>
          <table>
            <TableHead
              columns={[
                t('training.field.title'),
                t('training.field.when'),
                t('training.field.audience'),
                t('training.office.registeredCount'),
                t('training.office.attendedCount'),
              ]}
            />
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a href={`/kelola/pelatihan/${s.id}`}>{s.title}</a>
                    {s.cancelled ? (
                      <>
                        {' '}
                        <Tag tone="stopped">{t('training.cancelled')}</Tag>
                      </>
                    ) : null}
                  </td>
                  <td>{sessionWhen(ctx, s)}</td>
                  <td>{t(`training.audience.${s.audience}`)}</td>
                  <td class="number">
                    {formatNumber(s.registered, ctx.lang)} / {formatNumber(s.capacity, ctx.lang)}
                  </td>
                  <td class="number">{formatNumber(s.attended, ctx.lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}

export function NewSessionPage({
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
    <Layout ctx={ctx} title={t('training.office.newTitle')}>
      <BackLink href="/kelola/pelatihan">{t('training.office.title')}</BackLink>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('training.office.newTitle')}</h1>
      <form method="post" action="/kelola/pelatihan/baru" novalidate>
        <CsrfField token={csrf} />
        <Radios
          name="audience"
          legend={t('training.field.audience')}
          error={errors.audience}
          value={values.audience}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`training.audience.${a}`) }))}
        />
        <SelectField
          name="topic"
          label={t('training.field.topic')}
          value={values.topic}
          error={errors.topic}
          options={TOPICS.map((topic) => ({ value: topic, label: t(`training.topic.${topic}`) }))}
        />
        <TextField
          name="title"
          label={t('training.field.title')}
          value={values.title}
          error={errors.title}
          maxLength={200}
        />
        <TextArea
          name="description"
          label={t('training.field.description')}
          value={values.description}
          error={errors.description}
          rows={5}
          maxLength={4000}
        />
        <TextField
          name="trainer"
          label={t('training.field.trainer')}
          value={values.trainer}
          error={errors.trainer}
          maxLength={200}
        />
        <TextField name="day" type="date" label={t('training.field.day')} value={values.day} error={errors.day} />
        <TextField
          name="startTime"
          type="time"
          label={t('training.field.startTime')}
          value={values.startTime}
          error={errors.startTime}
        />
        <TextField
          name="endTime"
          type="time"
          label={t('training.field.endTime')}
          value={values.endTime}
          error={errors.endTime}
        />
        <TextField
          name="place"
          label={t('training.field.place')}
          hint={t('training.hint.place')}
          value={values.place}
          error={errors.place}
          maxLength={300}
        />
        <TextField
          name="onlineUrl"
          label={t('training.field.onlineUrl')}
          value={values.onlineUrl}
          error={errors.onlineUrl}
          maxLength={2000}
        />
        <TextField
          name="materialUrl"
          label={t('training.field.materialUrl')}
          hint={t('training.hint.link')}
          value={values.materialUrl}
          error={errors.materialUrl}
          maxLength={2000}
        />
        <TextField
          name="capacity"
          label={t('training.field.capacity')}
          value={values.capacity}
          error={errors.capacity}
          maxLength={5}
          width={5}
        />
        <CheckboxField name="invite" label={t('training.field.invite')} checked={values.invite === 'yes'} />
        <Button>{t('training.office.publish')}</Button>
      </form>
    </Layout>
  );
}

export function OfficeSessionPage({
  ctx,
  csrf,
  session,
  qrSvg,
  checkinLink,
  notice,
  errors,
  surveys,
}: {
  ctx: PageContext;
  csrf: string;
  session: OfficeSession;
  errors: FieldErrors;
  /** The published surveys that may evaluate it. */
  surveys: { id: number; title: string }[];
  /** The door's QR code, drawn on the server from the check-in address: paths only. */
  qrSvg: string;
  checkinLink: string;
  notice: string | undefined;
}) {
  const { t } = ctx;
  const rated = session.registrations.filter((r) => r.rating !== null);
  const said = session.registrations.filter((r) => r.feedback !== null);
  return (
    <Layout ctx={ctx} title={session.title}>
      <BackLink href="/kelola/pelatihan">{t('training.office.title')}</BackLink>
      <Notice text={notice} />
      <h1>{session.title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <SessionFacts ctx={ctx} session={session} />
      <h2>{t('training.office.material')}</h2>
      <form method="post" action={`/kelola/pelatihan/${session.id}/materi`} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <FileField
          name="material"
          label={t('training.field.material')}
          hint={t('training.hint.material')}
          error={errors.material}
          accept="application/pdf,.pdf"
        />
        <Button variant="secondary">{t('training.office.uploadMaterial')}</Button>
      </form>
      <h2>{t('training.office.survey')}</h2>
      <form method="post" action={`/kelola/pelatihan/${session.id}/survei`} novalidate>
        <CsrfField token={csrf} />
        <SelectField
          name="survey"
          label={t('training.field.survey')}
          hint={t('training.hint.survey')}
          error={errors.survey}
          value={session.surveyId === null ? '' : String(session.surveyId)}
          empty={t('training.office.noSurvey')}
          options={surveys.map((s) => ({ value: String(s.id), label: s.title }))}
        />
        <Button variant="secondary">{t('training.office.chooseSurvey')}</Button>
      </form>
      <h2>{t('training.office.door')}</h2>
      <p>{t('training.office.doorLead')}</p>
      <figure role="img" aria-label={t('training.office.qrAlt')}>
        <span dangerouslySetInnerHTML={{ __html: qrSvg }} />
      </figure>
      <p class="private-link">
        <a href={checkinLink}>{checkinLink}</a>
      </p>
      <h2>{t('training.office.attendance')}</h2>
      {session.registrations.length === 0 ? (
        <p>{t('training.office.noRegistrations')}</p>
      ) : (
        <form method="post" action={`/kelola/pelatihan/${session.id}/hadir`}>
          <CsrfField token={csrf} />
          <Checkboxes
            name="present"
            legend={t('training.office.attendance')}
            hint={t('training.office.attendanceLead')}
            values={session.registrations.filter((r) => r.attendedAt !== null).map((r) => String(r.id))}
            options={session.registrations.map((r) => ({
              value: String(r.id),
              label: r.name ?? '—',
              hint: [r.email, r.phone].filter((c) => c !== null).join(' · ') || undefined,
            }))}
          />
          <Button>{t('training.office.saveAttendance')}</Button>
        </form>
      )}
      <h2>{t('training.office.rating')}</h2>
      <p>
        {session.averageRating === null
          ? '—'
          : t('training.office.ratingValue', {
              n: formatNumber(session.averageRating, ctx.lang),
              count: formatNumber(rated.length, ctx.lang),
            })}
      </p>
      {said.length === 0 ? null : (
        <>
          <h3>{t('training.office.feedback')}</h3>
          <ul class="list">
            {said.map((r) => (
              <li key={r.id} class="prose">
                {r.feedback}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

export function TotalsPage({
  ctx,
  year,
  officials,
  citizens,
}: {
  ctx: PageContext;
  year: number;
  officials: PersonTotal[];
  citizens: { sessions: number; attendees: number };
}) {
  const { t } = ctx;
  const title = t('training.totals.title', { year: String(year) });
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink href="/kelola/pelatihan">{t('training.office.title')}</BackLink>
      <h1>{title}</h1>
      <p>{t('training.totals.lead')}</p>
      <form method="get" action="/kelola/pelatihan/rekap" class="filters">
        <TextField name="tahun" label={t('training.totals.yearLabel')} value={String(year)} width={5} maxLength={4} />
        <Button variant="secondary">{t('training.totals.show')}</Button>
      </form>
      {officials.length === 0 ? (
        <p>{t('training.totals.none')}</p>
      ) : (
        <TableWrap label={title}>
          <table>
            <TableHead
              columns={[
                t('training.totals.person'),
                t('training.record.sessions'),
                t('training.record.hours'),
                t('training.record.topics'),
              ]}
            />
            <tbody>
              {officials.map((p, i) => (
                <tr key={i}>
                  <td>{p.name}</td>
                  <td class="number">{formatNumber(p.sessions, ctx.lang)}</td>
                  <td class="number">{formatNumber(p.hours, ctx.lang)}</td>
                  <td>{p.topics.map((topic) => t(`training.topic.${topic}`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p>
        {t('training.totals.citizens', {
          sessions: formatNumber(citizens.sessions, ctx.lang),
          attendees: formatNumber(citizens.attendees, ctx.lang),
        })}
      </p>
      <p>
        <a href={`/kelola/pelatihan/rekap.csv?tahun=${year}`}>{t('training.totals.csv')}</a>
      </p>
    </Layout>
  );
}
