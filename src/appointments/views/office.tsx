/**
 * The aspiration room's back office: the day's queue at the desk (check in, absent, walk-ins),
 * the conversation recorded as an aspiration or linked to one, and the opening times published.
 */
import type { Category } from '../../council/service.ts';
import { formatDate, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button, ButtonLink, SummaryList, Tag } from '../../platform/views/components.tsx';
import {
  ContactFields,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { LocationField, type PlaceGroup } from '../../platform/views/place-fields.tsx';
import type { Desk, DeskEntry, Slot } from '../service.ts';
import { deskKey } from '../service.ts';
import { contactLabels, deskName, slotWhen } from './pages.tsx';

function Contacts({ entry }: { entry: DeskEntry }) {
  return (
    <>
      {entry.email === '' ? null : <> · {entry.email}</>}
      {entry.phone === '' ? null : <> · {entry.phone}</>}
    </>
  );
}

export function DeskPage({
  ctx,
  csrf,
  day,
  entries,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  day: string;
  entries: DeskEntry[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const dayDate = new Date(`${day}T12:00:00+07:00`);
  return (
    <Layout ctx={ctx} title={t('room.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('room.office.title')}</h1>
      <p>
        <a href="/kelola/janji-temu/waktu">{t('room.office.slots')}</a>
      </p>
      <form method="get" action="/kelola/janji-temu" class="filters">
        <TextField name="hari" type="date" label={t('room.office.day')} value={day} />
        <Button variant="secondary">{t('room.office.show')}</Button>
      </form>
      <h2>{t('room.office.queue', { day: formatDate(dayDate, ctx.lang) })}</h2>
      {entries.length === 0 ? <p>{t('room.office.empty')}</p> : null}
      <ol class="list">
        {entries.map((e) => (
          <li key={e.id} id={`janji-${e.id}`}>
            <strong>{formatTime(e.time, ctx.lang)}</strong> · {e.code} ·{' '}
            <Tag tone={e.status === 'done' ? 'done' : e.status === 'checked_in' ? 'active' : 'neutral'}>
              {t(`room.status.${e.status}`)}
            </Tag>
            {e.walkIn ? <> ({t('room.office.walkInTag')})</> : null}
            <br />
            <strong>{e.name}</strong>
            <Contacts entry={e} />
            <br />
            <span class="meta">
              {e.slot === undefined ? '' : `${deskName(ctx, e.slot.desk)} · `}
              {e.topic}
            </span>
            {e.aspirationCode === null ? null : (
              <>
                <br />
                <a href={`/kelola/aspirasi/${e.aspirationCode}`}>{e.aspirationCode}</a>
              </>
            )}
            <div class="actions">
              {e.status === 'booked' || e.status === 'no_show' ? (
                <form method="post" action={`/kelola/janji-temu/${e.id}/hadir`} class="inline-form">
                  <CsrfField token={csrf} />
                  <Button variant="secondary" label={t('room.office.checkInLabel', { name: e.name })}>
                    {t('room.office.checkIn')}
                  </Button>
                </form>
              ) : null}
              {e.status === 'booked' ? (
                <form method="post" action={`/kelola/janji-temu/${e.id}/tidak-hadir`} class="inline-form">
                  <CsrfField token={csrf} />
                  <Button variant="link" label={t('room.office.noShowLabel', { name: e.name })}>
                    {t('room.office.noShow')}
                  </Button>
                </form>
              ) : null}
              {e.status === 'checked_in' ? (
                <a href={`/kelola/janji-temu/${e.id}`} aria-label={t('room.office.recordLabel', { name: e.name })}>
                  {t('room.office.record')}
                </a>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <h2 id="tamu">{t('room.office.walkIn')}</h2>
      <p>{t('room.office.walkInLead')}</p>
      <form method="post" action="/kelola/janji-temu/tanpa-janji" novalidate>
        <CsrfField token={csrf} />
        <ContactFields labels={contactLabels(ctx)} values={values} errors={errors} />
        <TextArea
          name="topic"
          label={t('room.field.topic')}
          value={values.topic}
          error={errors.topic}
          rows={3}
          maxLength={1000}
        />
        <Button>{t('room.office.walkInButton')}</Button>
      </form>
    </Layout>
  );
}

export function ConversationPage({
  ctx,
  csrf,
  entry,
  categories,
  places,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  entry: DeskEntry;
  categories: Category[];
  places: readonly PlaceGroup[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  const title = t('room.conversation.title', { name: entry.name });
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink href={`/kelola/janji-temu?hari=${entry.time.toISOString().slice(0, 10)}#janji-${entry.id}`}>
        {t('room.office.title')}
      </BackLink>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <SummaryList
        rows={[
          [t('room.mine.code'), entry.code],
          [t('room.mine.state'), t(`room.status.${entry.status}`)],
          [
            t('room.mine.when'),
            entry.slot === undefined ? formatTime(entry.time, ctx.lang) : slotWhen(ctx, entry.slot),
          ],
          [t('room.office.person'), [entry.name, entry.email, entry.phone].filter((x) => x !== '').join(' · ')],
          [t('room.mine.topic'), entry.topic],
          [
            t('room.mine.aspiration'),
            entry.aspirationCode === null ? (
              ''
            ) : (
              <a key="asp" href={`/kelola/aspirasi/${entry.aspirationCode}`}>
                {entry.aspirationCode}
              </a>
            ),
          ],
        ]}
      />
      {entry.status === 'done' ? (
        <p>
          {t('room.conversation.done')}{' '}
          <a href={`/kelola/aspirasi/${entry.aspirationCode ?? ''}`}>{entry.aspirationCode}</a>.
        </p>
      ) : entry.status !== 'checked_in' ? (
        <p>{t('room.conversation.notYet')}</p>
      ) : (
        <form method="post" action={`/kelola/janji-temu/${entry.id}/percakapan`} novalidate>
          <CsrfField token={csrf} />
          <Radios
            name="mode"
            legend={t('room.conversation.mode')}
            error={errors.mode}
            value={values.mode ?? (entry.aspirationCode === null ? 'new' : 'link')}
            options={[
              { value: 'new', label: t('room.conversation.new') },
              { value: 'link', label: t('room.conversation.link') },
            ]}
          />
          <SelectField
            name="category"
            label={t('room.field.category')}
            empty={t('form.choose')}
            value={values.category}
            error={errors.category}
            options={categories.map((c) => ({ value: c.slug, label: ctx.lang === 'en' ? c.nameEn : c.name }))}
          />
          <LocationField ctx={ctx} places={places} value={values.location} error={errors.location} />
          <TextField
            name="title"
            label={t('room.field.title')}
            value={values.title ?? entry.topic.slice(0, 150)}
            error={errors.title}
            maxLength={150}
          />
          <TextArea
            name="description"
            label={t('room.field.description')}
            value={values.description}
            error={errors.description}
            rows={6}
          />
          <TextField
            name="aspiration"
            label={t('room.field.code')}
            value={values.aspiration ?? entry.aspirationCode ?? ''}
            error={errors.aspiration}
            maxLength={20}
          />
          <Button>{t('room.conversation.button')}</Button>
        </form>
      )}
    </Layout>
  );
}

export function SlotsOfficePage({
  ctx,
  csrf,
  desks,
  slots,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  desks: Desk[];
  slots: Slot[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('room.office.slots')}>
      <BackLink href="/kelola/janji-temu">{t('room.office.title')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('room.office.slots')}</h1>
      <h2>{t('room.office.publish')}</h2>
      <p>{t('room.office.publishLead')}</p>
      <form method="post" action="/kelola/janji-temu/waktu" novalidate>
        <CsrfField token={csrf} />
        <SelectField
          name="desk"
          label={t('room.field.desk')}
          value={values.desk}
          error={errors.desk}
          options={desks.map((d) => ({ value: deskKey(d), label: deskName(ctx, d) }))}
        />
        <TextField name="from" type="date" label={t('room.field.from')} value={values.from} error={errors.from} />
        <TextField name="until" type="date" label={t('room.field.until')} value={values.until} error={errors.until} />
        <TextField
          name="startTime"
          type="time"
          label={t('room.field.startTime')}
          value={values.startTime ?? '09:00'}
          error={errors.startTime}
        />
        <TextField
          name="endTime"
          type="time"
          label={t('room.field.endTime')}
          value={values.endTime ?? '12:00'}
          error={errors.endTime}
        />
        <TextField
          name="minutes"
          inputMode="numeric"
          label={t('room.field.minutes')}
          value={values.minutes ?? '30'}
          error={errors.minutes}
          width={3}
        />
        <TextField
          name="capacity"
          inputMode="numeric"
          label={t('room.field.capacity')}
          value={values.capacity ?? '2'}
          error={errors.capacity}
          width={3}
        />
        <TextField
          name="place"
          label={t('room.field.place')}
          value={values.place}
          error={errors.place}
          maxLength={200}
        />
        <Button>{t('room.office.publishButton')}</Button>
      </form>
      <h2>{t('room.office.upcoming')}</h2>
      {slots.length === 0 ? <p>{t('room.office.noSlots')}</p> : null}
      <ul class="list">
        {slots.map((s) => (
          <li key={s.id}>
            {slotWhen(ctx, s)} · {deskName(ctx, s.desk)}
            <br />
            <span class="meta">
              {s.place} · {t('room.office.booked', { booked: s.booked, capacity: s.capacity })}
            </span>{' '}
            <a
              href={`/kelola/janji-temu/waktu/${s.id}`}
              aria-label={t('room.office.closeLabel', { when: slotWhen(ctx, s) })}
            >
              {t('room.office.close')}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <ButtonLink href="/janji-temu" variant="secondary">
          {t('room.title')}
        </ButtonLink>
      </p>
    </Layout>
  );
}

export function CloseSlotPage({
  ctx,
  csrf,
  slot,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  slot: Slot & { closed: boolean };
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('room.office.closeTitle')}>
      <BackLink href="/kelola/janji-temu/waktu">{t('room.office.slots')}</BackLink>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('room.office.closeTitle')}</h1>
      <SummaryList
        rows={[
          [t('room.mine.when'), slotWhen(ctx, slot)],
          [t('room.mine.desk'), deskName(ctx, slot.desk)],
          [t('room.mine.where'), slot.place],
          [
            t('room.mine.state'),
            slot.closed
              ? t('room.office.closed')
              : t('room.office.booked', { booked: slot.booked, capacity: slot.capacity }),
          ],
        ]}
      />
      {slot.closed ? null : (
        <form method="post" action={`/kelola/janji-temu/waktu/${slot.id}/batal`} novalidate>
          <CsrfField token={csrf} />
          <p>{t('room.office.closeLead')}</p>
          <TextField
            name="reason"
            label={t('room.field.reason')}
            hint={t('room.reasonHint')}
            value={values.reason}
            error={errors.reason}
            maxLength={300}
          />
          <Button variant="warning">{t('room.office.closeButton')}</Button>
        </form>
      )}
    </Layout>
  );
}
