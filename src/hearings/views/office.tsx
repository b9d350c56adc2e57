/**
 * The hearings' back office: the list with the form that makes a meeting a hearing, the chair's
 * screen (the approved questions by support, large, updated live), the moderators' queue, and one
 * question's page where it is answered in writing or filed as an aspiration.
 */
import type { MeetingView } from '../../agenda/service.ts';
import { shownTitle } from '../../agenda/views/shared.tsx';
import type { Category } from '../../council/service.ts';
import { formatDate, formatNumber, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button, SummaryList, Tag } from '../../platform/views/components.tsx';
import {
  CheckboxField,
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
import type { Hearing, HearingSummary, ModerationQueue, Question } from '../service.ts';
import { ANSWER_MAX, isSettled, momentText } from '../service.ts';
import { meetingWhen, QuestionLists } from './pages.tsx';

export function HearingsOfficePage({
  ctx,
  csrf,
  hearings,
  meetings,
  canOpen,
  canModerate,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  hearings: { summary: HearingSummary; hearing: Hearing }[];
  /** Public meetings ahead that are not hearings yet. */
  meetings: MeetingView[];
  canOpen: boolean;
  canModerate: boolean;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('hearing.office.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Notice text={notice} />
      <h1>{t('hearing.office.title')}</h1>
      {hearings.length === 0 ? <p>{t('hearing.office.none')}</p> : null}
      <ul class="list">
        {hearings.map(({ summary, hearing }) => (
          <li key={summary.id}>
            <strong>{shownTitle(ctx, hearing.meeting.view)}</strong>
            <br />
            <span class="meta">
              {formatDate(summary.startsAt, ctx.lang)}, {formatTime(summary.startsAt, ctx.lang)} ·{' '}
              {t('hearing.counts', {
                questions: formatNumber(summary.questions, ctx.lang),
                answered: formatNumber(summary.answered, ctx.lang),
              })}
            </span>
            <br />
            <a href={`/kelola/siaran/${summary.id}`}>{t('hearing.chair.title')}</a>
            {canModerate ? (
              <>
                {' · '}
                <a href={`/kelola/siaran/${summary.id}/moderasi`}>{t('hearing.moderation.title')}</a>
              </>
            ) : null}
            {' · '}
            <a href={`/siaran/${summary.id}`}>{t('hearing.publicPage')}</a>
          </li>
        ))}
      </ul>
      {canOpen ? (
        <form method="post" action="/kelola/siaran" novalidate>
          <h2>{t('hearing.office.open')}</h2>
          <p>{t('hearing.office.openLead')}</p>
          <CsrfField token={csrf} />
          <SelectField
            name="meeting"
            label={t('hearing.field.meeting')}
            empty={t('form.choose')}
            value={values.meeting}
            error={errors.meeting}
            options={meetings.map((m) => ({
              value: String(m.id),
              label: `${formatDate(m.startsAt, ctx.lang)} · ${shownTitle(ctx, m)}`,
            }))}
          />
          <Button>{t('hearing.office.openButton')}</Button>
        </form>
      ) : null}
    </Layout>
  );
}

export function ChairPage({
  ctx,
  hearing,
  open,
  settled,
}: {
  ctx: PageContext;
  hearing: Hearing;
  open: Question[];
  settled: Question[];
}) {
  const { t } = ctx;
  const d = hearing.meeting.view.details;
  return (
    <Layout ctx={ctx} title={t('hearing.chair.title')}>
      <BackLink href="/kelola/siaran">{t('hearing.office.title')}</BackLink>
      <h1>{shownTitle(ctx, hearing.meeting.view)}</h1>
      <p class="meta">
        {meetingWhen(ctx, hearing)}
        {hearing.live ? (
          <>
            {' '}
            <Tag tone="active">{t('agenda.liveNow')}</Tag>
          </>
        ) : null}
      </p>
      {d?.onlineUrl ? (
        <p>
          <a href={d.onlineUrl} rel="noopener">
            {t('agenda.field.onlineUrl')}
          </a>
        </p>
      ) : null}
      <QuestionLists
        ctx={ctx}
        csrf=""
        hearingId={hearing.id}
        open={open}
        settled={settled}
        voted={new Set()}
        canVote={false}
        mode="chair"
        recording={d?.recordingUrl ?? d?.livestreamUrl ?? null}
      />
    </Layout>
  );
}

function QuestionText({ ctx, q }: { ctx: PageContext; q: Question }) {
  const { t } = ctx;
  return (
    <>
      <p class="prose">{q.body}</p>
      <p class="meta">
        {q.asker || t('hearing.citizen')} · {formatTime(q.askedAt, ctx.lang)} · {formatNumber(q.votes, ctx.lang)}{' '}
        {t('hearing.supporters')}
        {q.answeredAt === null ? null : (
          <>
            {' · '}
            <Tag tone="done">{t('hearing.answered')}</Tag>
          </>
        )}
        {q.aspirationCode === null ? null : (
          <>
            {' · '}
            <a href={`/kelola/aspirasi/${q.aspirationCode}`}>{q.aspirationCode}</a>
          </>
        )}
      </p>
    </>
  );
}

export function ModerationPage({
  ctx,
  csrf,
  queue,
  canSet,
  errors,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  queue: ModerationQueue;
  canSet: boolean;
  errors: FieldErrors;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const h = queue.hearing;
  const action = (q: Question, name: string) => `/kelola/siaran/pertanyaan/${q.id}/${name}`;
  const targets = queue.approved.filter((x) => !isSettled(x));
  return (
    <Layout ctx={ctx} title={t('hearing.moderation.title')}>
      <BackLink href="/kelola/siaran">{t('hearing.office.title')}</BackLink>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Notice text={notice} />
      <h1>{t('hearing.moderation.title')}</h1>
      <p>
        {shownTitle(ctx, h.meeting.view)} · {meetingWhen(ctx, h)} ·{' '}
        <a href={`/kelola/siaran/${h.id}`}>{t('hearing.chair.title')}</a> ·{' '}
        <a href={`/siaran/${h.id}`}>{t('hearing.publicPage')}</a>
      </p>
      <p
        class="live-status"
        role="status"
        data-module="inbox-live"
        data-event="changed"
        data-source={`/kelola/siaran/${h.id}/moderasi/langsung`}
        data-new-text={t('hearing.moderation.changed')}
        data-lost-text={t('live.reconnected')}
      >
        <a href={`/kelola/siaran/${h.id}/moderasi`}>{t('hearing.refresh')}</a>
      </p>

      <h2 id="menunggu">{t('hearing.moderation.pending', { n: queue.pending.length })}</h2>
      {queue.pending.length === 0 ? <p>{t('hearing.moderation.nonePending')}</p> : null}
      <ol class="list">
        {queue.pending.map((q) => (
          <li key={q.id} id={`pertanyaan-${q.id}`}>
            <QuestionText ctx={ctx} q={q} />
            <div class="actions">
              <form method="post" action={action(q, 'setujui')}>
                <CsrfField token={csrf} />
                <Button label={t('hearing.moderation.approveLabel', { n: q.id })}>
                  {t('hearing.moderation.approve')}
                </Button>
              </form>
              <form method="post" action={action(q, 'tolak')}>
                <CsrfField token={csrf} />
                <Button variant="warning" label={t('hearing.moderation.rejectLabel', { n: q.id })}>
                  {t('hearing.moderation.reject')}
                </Button>
              </form>
            </div>
            {targets.length === 0 ? null : (
              <form method="post" action={action(q, 'gabung')} novalidate>
                <CsrfField token={csrf} />
                <SelectField
                  name="into"
                  id={`into-${q.id}`}
                  label={t('hearing.moderation.mergeInto')}
                  empty={t('form.choose')}
                  value={undefined}
                  error={errors[`into-${q.id}`]}
                  options={targets.map((x) => ({ value: String(x.id), label: x.body.slice(0, 90) }))}
                />
                <Button variant="secondary">{t('hearing.moderation.merge')}</Button>
              </form>
            )}
          </li>
        ))}
      </ol>

      <h2 id="disetujui">{t('hearing.moderation.approved', { n: queue.approved.length })}</h2>
      {queue.approved.length === 0 ? <p>{t('hearing.noOpen')}</p> : null}
      <ol class="list">
        {queue.approved.map((q) => (
          <li key={q.id} id={`pertanyaan-${q.id}`}>
            <QuestionText ctx={ctx} q={q} />
            <div class="actions">
              {q.answeredAt === null && !h.ended ? (
                <form method="post" action={action(q, 'jawab')}>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="now" value="yes" />
                  <Button label={t('hearing.moderation.answeredNowLabel', { n: q.id })}>
                    {t('hearing.moderation.answeredNow')}
                  </Button>
                </form>
              ) : null}
              <a href={`/kelola/siaran/pertanyaan/${q.id}`}>{t('hearing.moderation.handle')}</a>
              <form method="post" action={action(q, 'tolak')}>
                <CsrfField token={csrf} />
                <Button variant="link" label={t('hearing.moderation.withdrawLabel', { n: q.id })}>
                  {t('hearing.moderation.withdraw')}
                </Button>
              </form>
            </div>
          </li>
        ))}
      </ol>

      {queue.rejected.length === 0 ? null : (
        <>
          <h2 id="ditolak">{t('hearing.moderation.rejected', { n: queue.rejected.length })}</h2>
          <ol class="list">
            {queue.rejected.map((q) => (
              <li key={q.id} id={`pertanyaan-${q.id}`}>
                <QuestionText ctx={ctx} q={q} />
                <form method="post" action={action(q, 'pulihkan')}>
                  <CsrfField token={csrf} />
                  <Button variant="secondary" label={t('hearing.moderation.restoreLabel', { n: q.id })}>
                    {t('hearing.moderation.restore')}
                  </Button>
                </form>
              </li>
            ))}
          </ol>
        </>
      )}

      {canSet ? (
        <form method="post" action={`/kelola/siaran/${h.id}/pengaturan`}>
          <h2>{t('hearing.settings')}</h2>
          <CsrfField token={csrf} />
          <CheckboxField name="questionsOpen" label={t('hearing.field.questionsOpen')} checked={h.questionsOpen} />
          <CheckboxField name="emailQuestions" label={t('hearing.field.emailQuestions')} checked={h.emailQuestions} />
          <Button variant="secondary">{t('hearing.saveSettings')}</Button>
        </form>
      ) : null}
    </Layout>
  );
}

export function QuestionOfficePage({
  ctx,
  csrf,
  hearing,
  question,
  categories,
  places,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  hearing: Hearing;
  question: Question;
  categories: Category[];
  places: readonly PlaceGroup[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  const base = `/kelola/siaran/pertanyaan/${question.id}`;
  return (
    <Layout ctx={ctx} title={t('hearing.question.title', { n: question.id })}>
      <BackLink href={`/kelola/siaran/${hearing.id}/moderasi#pertanyaan-${question.id}`}>
        {t('hearing.moderation.title')}
      </BackLink>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('hearing.question.title', { n: question.id })}</h1>
      <p>{shownTitle(ctx, hearing.meeting.view)}</p>
      <div class="panel">
        <QuestionText ctx={ctx} q={question} />
      </div>
      <SummaryList
        rows={[
          [t('hearing.answer'), question.answer ?? ''],
          [t('hearing.answeredAt'), question.answerSecond === null ? '' : momentText(question.answerSecond)],
        ]}
      />
      {question.status !== 'approved' ? (
        <p>{t('hearing.question.notApproved')}</p>
      ) : (
        <>
          <form method="post" action={`${base}/jawab`} novalidate>
            <h2>{t('hearing.question.answerTitle')}</h2>
            <CsrfField token={csrf} />
            <TextArea
              name="answer"
              label={t('hearing.field.answer')}
              hint={t('hearing.answerHint')}
              value={values.answer ?? question.answer ?? ''}
              error={errors.answer}
              rows={6}
              maxLength={ANSWER_MAX}
            />
            <TextField
              name="moment"
              label={t('hearing.field.moment')}
              hint={t('hearing.momentHint')}
              value={values.moment ?? (question.answerSecond === null ? '' : momentText(question.answerSecond))}
              error={errors.moment}
              maxLength={10}
            />
            <Button>{t('hearing.question.saveAnswer')}</Button>
          </form>
          {question.aspirationCode === null ? (
            <form method="post" action={`${base}/aspirasi`} novalidate>
              <h2>{t('hearing.question.aspirationTitle')}</h2>
              <p>{t('hearing.question.aspirationLead')}</p>
              <CsrfField token={csrf} />
              <SelectField
                name="category"
                label={t('hearing.field.category')}
                empty={t('form.choose')}
                value={values.category}
                error={errors.category}
                options={categories.map((c) => ({ value: c.slug, label: ctx.lang === 'en' ? c.nameEn : c.name }))}
              />
              <LocationField ctx={ctx} places={places} value={values.location} error={errors.location} />
              <TextField
                name="title"
                label={t('hearing.field.title')}
                value={values.title ?? question.body.slice(0, 150)}
                error={errors.title}
                maxLength={150}
              />
              <Button variant="secondary">{t('hearing.question.aspirationButton')}</Button>
            </form>
          ) : (
            <p>
              {t('hearing.becameAspiration')}{' '}
              <a href={`/kelola/aspirasi/${question.aspirationCode}`}>{question.aspirationCode}</a>
            </p>
          )}
        </>
      )}
    </Layout>
  );
}
