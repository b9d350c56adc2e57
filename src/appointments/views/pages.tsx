/**
 * The aspiration room for citizens: the times with a place left (by desk), the booking form, and
 * one's own appointment by the mailed link — with its calendar file, moving and cancelling.
 */
import { formatDate, formatNumber, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button, SummaryList, Tag } from '../../platform/views/components.tsx';
import {
  CheckboxField,
  ContactFields,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FieldGroup,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { type AppointmentView, changeable, type Desk, deskKey, type Slot } from '../service.ts';

export const contactLabels = (ctx: PageContext) => ({
  name: ctx.t('room.field.name'),
  email: ctx.t('room.field.email'),
  phone: ctx.t('room.field.phone'),
});

export function deskName(ctx: PageContext, desk: Desk): string {
  if (desk.kind === 'komisi') return desk.body.name;
  if (desk.kind === 'anggota') return desk.member.name;
  return ctx.t('room.desk.umum');
}

/** A span of time in a day: "09:00–09:30 WIB". */
export function timeSpan(ctx: PageContext, slot: Pick<Slot, 'startsAt' | 'endsAt'>): string {
  return `${formatTime(slot.startsAt, ctx.lang).replace(' WIB', '')}–${formatTime(slot.endsAt, ctx.lang)}`;
}

/** A slot in words: "7 Desember 2026, 09:00–09:30 WIB". */
export function slotWhen(ctx: PageContext, slot: Pick<Slot, 'startsAt' | 'endsAt'>): string {
  return `${formatDate(slot.startsAt, ctx.lang)}, ${timeSpan(ctx, slot)}`;
}

export function SlotsPage({
  ctx,
  slots,
  desks,
  desk,
}: {
  ctx: PageContext;
  slots: Slot[];
  desks: Desk[];
  desk: string | undefined;
}) {
  const { t } = ctx;
  const days = [...new Set(slots.map((s) => s.day))];
  // Only desks with a time on offer are worth choosing between.
  const offered = desks.filter((d) => slots.some((s) => deskKey(s.desk) === deskKey(d)) || deskKey(d) === desk);
  return (
    <Layout ctx={ctx} title={t('room.title')} description={t('room.lead')}>
      <h1>{t('room.title')}</h1>
      <p>{t('room.lead')}</p>
      <form method="get" action="/janji-temu" class="filters">
        <SelectField
          name="meja"
          label={t('room.filter')}
          empty={t('room.allDesks')}
          value={desk}
          options={offered.map((d) => ({ value: deskKey(d), label: deskName(ctx, d) }))}
        />
        <Button variant="secondary">{t('room.filterButton')}</Button>
      </form>
      {slots.length === 0 ? <p>{t('room.none')}</p> : null}
      {days.map((day) => {
        const ofDay = slots.filter((s) => s.day === day);
        const first = ofDay[0];
        return first === undefined ? null : (
          <section key={day} aria-labelledby={`hari-${day}`}>
            <h2 id={`hari-${day}`}>{formatDate(first.startsAt, ctx.lang)}</h2>
            <ul class="list">
              {ofDay.map((s) => (
                <li key={s.id}>
                  <strong>{timeSpan(ctx, s)}</strong> · {deskName(ctx, s.desk)}
                  <br />
                  <span class="meta">
                    {s.place} · {t('room.placesLeft', { n: formatNumber(s.capacity - s.booked, ctx.lang) })}
                  </span>{' '}
                  <a
                    href={`/janji-temu/waktu/${s.id}`}
                    aria-label={t('room.chooseLabel', {
                      time: formatTime(s.startsAt, ctx.lang),
                      desk: deskName(ctx, s.desk),
                    })}
                  >
                    {t('room.choose')}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

export function BookPage({
  ctx,
  csrf,
  slot,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  slot: Slot | undefined;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  if (slot === undefined)
    return (
      <Layout ctx={ctx} title={t('room.book.title')}>
        <BackLink href="/janji-temu">{t('room.title')}</BackLink>
        <Notice text={notice} />
        <h1>{t('room.book.title')}</h1>
        <p>{notice === undefined ? t('room.gone') : null}</p>
        <p>
          <a href="/janji-temu">{t('room.backToTimes')}</a>
        </p>
      </Layout>
    );
  return (
    <Layout ctx={ctx} title={t('room.book.title')}>
      <BackLink href="/janji-temu">{t('room.title')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('room.book.title')}</h1>
      <SummaryList
        rows={[
          [t('room.mine.when'), slotWhen(ctx, slot)],
          [t('room.mine.desk'), deskName(ctx, slot.desk)],
          [t('room.mine.where'), slot.place],
        ]}
      />
      <form method="post" action={`/janji-temu/waktu/${slot.id}`} novalidate>
        <CsrfField token={csrf} />
        <TextArea
          name="topic"
          label={t('room.field.topic')}
          hint={t('room.topicHint')}
          value={values.topic}
          error={errors.topic}
          rows={4}
          maxLength={1000}
        />
        <TextField
          name="aspiration"
          label={t('room.field.aspiration')}
          hint={t('room.aspirationHint')}
          value={values.aspiration}
          error={errors.aspiration}
          maxLength={20}
        />
        <FieldGroup legend={t('room.contact')} hint={t('room.contactHint')}>
          <ContactFields labels={contactLabels(ctx)} values={values} errors={errors} />
        </FieldGroup>
        <CheckboxField
          name="consent"
          label={t('room.field.consent')}
          checked={values.consent === 'yes'}
          error={errors.consent}
        />
        <Button>{t('room.book.button')}</Button>
      </form>
    </Layout>
  );
}

export function MinePage({
  ctx,
  csrf,
  token,
  appointment,
  others,
  notice,
  error,
}: {
  ctx: PageContext;
  csrf: string;
  token: string;
  appointment: AppointmentView | undefined;
  /** Other times of the same desk with a place left, to move to. */
  others: Slot[];
  notice?: string | undefined;
  error?: string | undefined;
}) {
  const { t } = ctx;
  if (appointment === undefined)
    return (
      <Layout ctx={ctx} title={t('room.mine.title')}>
        <h1>{t('room.mine.title')}</h1>
        <p>{t('room.mine.gone')}</p>
        <p>
          <a href="/janji-temu">{t('room.title')}</a>
        </p>
      </Layout>
    );
  const a = appointment;
  const base = `/janji-temu/saya/${encodeURIComponent(token)}`;
  return (
    <Layout ctx={ctx} title={t('room.mine.title')}>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={error === undefined ? {} : { slot: error }} />
      <h1>{t('room.mine.title')}</h1>
      <SummaryList
        rows={[
          [t('room.mine.code'), <strong key="code">{a.code}</strong>],
          [t('room.mine.state'), <Tag key="state">{t(`room.status.${a.status}`)}</Tag>],
          [t('room.mine.when'), a.slot === undefined ? '' : slotWhen(ctx, a.slot)],
          [t('room.mine.desk'), a.slot === undefined ? '' : deskName(ctx, a.slot.desk)],
          [t('room.mine.where'), a.slot?.place ?? ''],
          [t('room.mine.topic'), a.topic],
          [
            t('room.mine.aspiration'),
            a.aspirationCode === null ? (
              ''
            ) : (
              <a key="asp" href={`/aspirasi/${a.aspirationCode}`}>
                {a.aspirationCode}
              </a>
            ),
          ],
        ]}
      />
      <p>{t('room.mine.keep')}</p>
      {a.slot === undefined || a.status === 'cancelled' ? null : (
        <p>
          <a href={`${base}/janji.ics`} download={`janji-temu-${a.code}.ics`}>
            {t('room.mine.ics')}
          </a>
        </p>
      )}
      {changeable(a) ? (
        <>
          <h2>{t('room.mine.move')}</h2>
          {others.length === 0 ? (
            <p>{t('room.mine.noOther')}</p>
          ) : (
            <form method="post" action={`${base}/pindah`} novalidate>
              <CsrfField token={csrf} />
              <SelectField
                name="slot"
                label={t('room.mine.newTime')}
                hint={t('room.mine.moveHint')}
                error={error}
                options={others.map((s) => ({ value: String(s.id), label: slotWhen(ctx, s) }))}
              />
              <Button variant="secondary">{t('room.mine.moveButton')}</Button>
            </form>
          )}
          <h2>{t('room.mine.cancel')}</h2>
          <form method="post" action={`${base}/batal`}>
            <CsrfField token={csrf} />
            <p>{t('room.mine.cancelHint')}</p>
            <Button variant="warning">{t('room.mine.cancelButton')}</Button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
