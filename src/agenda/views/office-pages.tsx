/** /kelola/agenda: the meetings staff publish, a meeting's form, and what is recorded afterwards. */
import type { CouncilStructure } from '../../council/service.ts';
import type { Presence } from '../../db/schema.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button, ButtonLink } from '../../platform/views/components.tsx';
import {
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
import { type MeetingView, meetingTypes, presences } from '../service.ts';
import { MeetingItem } from './agenda-pages.tsx';
import { typeLabel } from './shared.tsx';

export type Values = Partial<Record<string, string>>;

export function AgendaOfficePage({
  ctx,
  meetings,
  notice,
}: {
  ctx: PageContext;
  meetings: MeetingView[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('agenda.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('agenda.office.title')}</h1>
      <Notice text={notice} />
      <p>
        <ButtonLink href="/kelola/agenda/baru">{t('agenda.office.new')}</ButtonLink>
      </p>
      <ul class="list">
        {meetings.map((m) => (
          <li key={m.id}>
            <ul class="list">
              <MeetingItem ctx={ctx} m={m} heading="h2" />
            </ul>
            <a href={`/kelola/agenda/${m.id}`}>{t('agenda.office.manage', { title: m.title })}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function MeetingFields({
  ctx,
  structure,
  values,
  errors,
}: {
  ctx: PageContext;
  structure: CouncilStructure;
  values: Values;
  errors: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <>
      <SelectField
        name="type"
        label={t('agenda.type')}
        value={values.type}
        error={errors.type}
        options={meetingTypes.map((m) => ({ value: m, label: typeLabel(ctx, m) }))}
      />
      <SelectField
        name="body"
        label={t('agenda.body')}
        value={values.body}
        error={errors.body}
        options={[
          { value: '', label: t('agenda.wholeCouncil') },
          ...structure.bodies.map((b) => ({ value: b.slug, label: b.name })),
        ]}
      />
      <SelectField
        name="dapil"
        label={t('agenda.dapilFor')}
        value={values.dapil}
        error={errors.dapil}
        options={[
          { value: '', label: '—' },
          ...structure.dapil.map((d) => ({ value: String(d.number), label: t('dapil.name', { n: d.number }) })),
        ]}
      />
      <TextField
        name="title"
        label={t('agenda.field.title')}
        value={values.title}
        error={errors.title}
        maxLength={200}
      />
      <TextArea
        name="agendaItems"
        label={t('agenda.field.agendaItems')}
        hint={t('agenda.agendaItemsHint')}
        value={values.agendaItems}
        error={errors.agendaItems}
        rows={5}
      />
      <TextField name="date" type="date" label={t('agenda.field.date')} value={values.date} error={errors.date} />
      <TextField
        name="startTime"
        label={t('agenda.field.startTime')}
        hint={t('agenda.timeHint')}
        value={values.startTime}
        error={errors.startTime}
        maxLength={5}
      />
      <TextField
        name="endTime"
        label={t('agenda.field.endTime')}
        hint={t('agenda.timeHint')}
        value={values.endTime}
        error={errors.endTime}
        maxLength={5}
      />
      <TextField
        name="place"
        label={t('agenda.field.place')}
        value={values.place}
        error={errors.place}
        maxLength={300}
      />
      <TextField
        name="onlineUrl"
        label={t('agenda.field.onlineUrl')}
        value={values.onlineUrl}
        error={errors.onlineUrl}
        maxLength={500}
      />
      <TextField
        name="livestreamUrl"
        label={t('agenda.field.livestreamUrl')}
        value={values.livestreamUrl}
        error={errors.livestreamUrl}
        maxLength={500}
      />
      <SelectField
        name="openness"
        label={t('agenda.field.openness')}
        value={values.openness}
        error={errors.openness}
        options={[
          { value: '', label: t('agenda.opennessDefault') },
          { value: 'open', label: t('agenda.open') },
          { value: 'closed', label: t('agenda.closed') },
        ]}
      />
    </>
  );
}

export function NewMeetingPage({
  ctx,
  csrf,
  structure,
  values,
  errors,
}: {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  values: Values;
  errors: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('agenda.office.new')}>
      <BackLink href="/kelola/agenda">{t('agenda.office.back')}</BackLink>
      <h1>{t('agenda.office.new')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/kelola/agenda/baru" novalidate>
        <CsrfField token={csrf} />
        <MeetingFields ctx={ctx} structure={structure} values={values} errors={errors} />
        <button type="submit">{t('agenda.office.publish')}</button>
      </form>
    </Layout>
  );
}

/** After a warning that the meeting has not taken place yet: the box that confirms saving anyway. */
function ConfirmEarly({ ctx, error }: { ctx: PageContext; error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <CheckboxField name="confirmEarly" label={ctx.t('agenda.office.confirmEarly')} checked={false} error={error} />
  );
}

export interface EditMeetingPageProps {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  meeting: MeetingView;
  values: Values;
  errors: FieldErrors;
  /** Which form the errors belong to. */
  form: string | undefined;
  expected: { id: number; name: string }[];
  attendance: Map<number, Presence>;
  notice?: string | undefined;
}

export function EditMeetingPage({
  ctx,
  csrf,
  structure,
  meeting,
  values,
  errors,
  form,
  expected,
  attendance,
  notice,
}: EditMeetingPageProps) {
  const { t } = ctx;
  const base = `/kelola/agenda/${meeting.id}`;
  const own = (name: string) => (form === name ? errors : {});
  return (
    <Layout ctx={ctx} title={meeting.title}>
      <p>
        <a href="/kelola/agenda">{t('agenda.office.back')}</a> ·{' '}
        <a href={`/agenda/${meeting.id}`}>{t('aspiration.case.public')}</a>
      </p>
      <h1>{meeting.title}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {meeting.cancelled ? (
        <p>
          <strong>{t('agenda.cancelledNotice')}</strong>
        </p>
      ) : (
        <>
          <h2>{t('agenda.office.change')}</h2>
          <form method="post" action={base} novalidate>
            <CsrfField token={csrf} />
            <MeetingFields ctx={ctx} structure={structure} values={values} errors={own('meeting')} />
            <TextField
              name="note"
              label={t('agenda.office.changeNote')}
              hint={t('agenda.office.changeNoteHint')}
              value={form === 'meeting' ? values.note : ''}
              maxLength={500}
            />
            <button type="submit">{t('agenda.office.saveChange')}</button>
          </form>
          <h2>{t('agenda.office.cancel')}</h2>
          <form method="post" action={`${base}/batal`} novalidate>
            <CsrfField token={csrf} />
            <TextField
              name="reason"
              label={t('agenda.office.cancelReason')}
              value={form === 'cancel' ? values.reason : ''}
              error={own('cancel').reason}
              maxLength={500}
            />
            <Button variant="secondary">{t('agenda.office.cancelButton')}</Button>
          </form>
        </>
      )}
      <h2>{t('agenda.documents')}</h2>
      <form method="post" action={`${base}/dokumen`} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="documentTitle"
          label={t('agenda.office.documentTitle')}
          value={form === 'document' ? values.documentTitle : ''}
          error={own('document').documentTitle}
          maxLength={200}
        />
        <FileField
          name="document"
          label={t('agenda.office.document')}
          error={own('document').document}
          accept="application/pdf"
        />
        <Button variant="secondary">{t('agenda.office.upload')}</Button>
      </form>
      <h2>{t('agenda.office.outcome')}</h2>
      <form method="post" action={`${base}/hasil`} novalidate>
        <CsrfField token={csrf} />
        <TextArea
          name="decisions"
          label={t('agenda.field.decisions')}
          value={values.decisions}
          error={own('outcome').decisions}
          rows={4}
        />
        <TextArea
          name="minutes"
          label={t('agenda.field.minutes')}
          value={values.minutes}
          error={own('outcome').minutes}
          rows={8}
        />
        <TextField
          name="recordingUrl"
          label={t('agenda.field.recordingUrl')}
          value={values.recordingUrl}
          error={own('outcome').recordingUrl}
          maxLength={500}
        />
        <ConfirmEarly ctx={ctx} error={own('outcome').confirmEarly} />
        <button type="submit">{t('agenda.office.saveOutcome')}</button>
      </form>
      {meeting.cancelled ? null : (
        <>
          <h2>{t('agenda.attendance')}</h2>
          <form method="post" action={`${base}/hadir`}>
            <CsrfField token={csrf} />
            {expected.map((m) => (
              <Radios
                key={m.id}
                name={`m${m.id}`}
                legend={m.name}
                inline
                value={form === 'attendance' ? values[`m${m.id}`] : attendance.get(m.id)}
                options={presences.map((p) => ({ value: p, label: t(`agenda.presence.${p}`) }))}
              />
            ))}
            <ConfirmEarly ctx={ctx} error={own('attendance').confirmEarly} />
            <button type="submit">{t('agenda.office.saveAttendance')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
