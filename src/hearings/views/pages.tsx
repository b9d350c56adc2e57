/**
 * The public hearing pages: /siaran (live now, coming, held) and /siaran/:id — the livestream (a
 * link, and a player loaded only when asked for), the questions by support with their answers, the
 * form to ask, and the page a mailed link leads to. The question list is drawn here for the server
 * and, from a <template> of the same component, by hearing-live.ts for updates.
 */
import { shownTitle } from '../../agenda/views/shared.tsx';
import { formatDate, formatNumber, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Banner, Button, SummaryList, Tag } from '../../platform/views/components.tsx';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Hearing, HearingPage as HearingData, HearingSummary, MailedQuestion, Question } from '../service.ts';
import { CONFIRM_DAYS, isSettled, momentText, QUESTION_MAX, recordingAt } from '../service.ts';

/** When the meeting is: "1 Desember 2026, 09.00–12.00 WIB". */
export function meetingWhen(ctx: PageContext, h: Hearing): string {
  const m = h.meeting.view;
  const start = `${formatDate(m.startsAt, ctx.lang)}, ${formatTime(m.startsAt, ctx.lang)}`;
  return m.endsAt === null ? start : `${start.replace(/ WIB$/, '')}–${formatTime(m.endsAt, ctx.lang)}`;
}

/** The address of a player for a livestream, when its origin may be embedded (YouTube: no-cookie). */
export function embedAddress(url: string, origins: readonly string[]): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  let address = url;
  const host = u.hostname.replace(/^www\./, '').replace(/^m\./, '');
  const id =
    host === 'youtu.be'
      ? u.pathname.slice(1)
      : host === 'youtube.com'
        ? (u.searchParams.get('v') ?? u.pathname.match(/^\/(?:live|embed)\/([^/]+)/)?.[1])
        : undefined;
  if (id !== undefined && id !== null && /^[A-Za-z0-9_-]{6,20}$/.test(id))
    address = `https://www.youtube-nocookie.com/embed/${id}`;
  return origins.includes(new URL(address).origin) ? address : undefined;
}

export type QuestionMode = 'public' | 'chair';

/**
 * One question: its words, who asked, its support, and what became of it. In the template
 * (question undefined) every part is there, empty, for the browser to fill.
 */
export function QuestionItem({
  ctx,
  csrf,
  question,
  mode,
  voted,
  canVote,
  recording,
}: {
  ctx: PageContext;
  csrf: string;
  question: Question | undefined;
  mode: QuestionMode;
  voted: boolean;
  canVote: boolean;
  recording: string | null;
}) {
  const { t } = ctx;
  const q = question;
  const id = q?.id ?? 0;
  const moment = q?.answerSecond == null ? null : momentText(q.answerSecond);
  return (
    <li id={`pertanyaan-${id}`} class="question" data-votes={String(q?.votes ?? 0)}>
      <p class={mode === 'chair' ? 'question-body lead' : 'question-body'} data-slot="body">
        {q?.body}
      </p>
      <p class="meta">
        <span data-slot="asker">{q === undefined ? '' : q.asker || t('hearing.citizen')}</span>
        {' · '}
        <span>
          <strong data-slot="votes">{formatNumber(q?.votes ?? 0, ctx.lang)}</strong> {t('hearing.supporters')}
        </span>
      </p>
      <div data-slot="answer-block" hidden={q === undefined || q.answer === null ? true : undefined}>
        <p class="meta">{t('hearing.answer')}</p>
        <p class="prose" data-slot="answer">
          {q?.answer}
        </p>
      </div>
      <p data-slot="moment-block" hidden={moment === null ? true : undefined}>
        {t('hearing.answeredAt')}{' '}
        {recording === null || q?.answerSecond == null ? (
          <span data-slot="moment">{moment}</span>
        ) : (
          <a data-slot="moment" href={recordingAt(recording, q.answerSecond)} rel="noopener">
            {moment}
          </a>
        )}
      </p>
      <p data-slot="code-block" hidden={q?.aspirationCode == null ? true : undefined}>
        {t('hearing.becameAspiration')}{' '}
        <a data-slot="code" href={q?.aspirationCode == null ? '/aspirasi' : `/aspirasi/${q.aspirationCode}`}>
          {q?.aspirationCode}
        </a>
      </p>
      {mode === 'public' && canVote && (q === undefined || !isSettled(q)) ? (
        <form method="post" action={`/siaran/pertanyaan/${id}/dukung`} data-slot="vote">
          <CsrfField token={csrf} />
          {voted ? (
            <Button variant="secondary" disabled>
              {t('hearing.supported')}
            </Button>
          ) : (
            <Button variant="secondary" label={t('hearing.supportLabel', { n: id })}>
              {t('hearing.support')}
            </Button>
          )}
        </form>
      ) : null}
    </li>
  );
}

/** The open questions and the answered ones, as a page shows and hearing-live.ts keeps them. */
export function QuestionLists({
  ctx,
  csrf,
  hearingId,
  open,
  settled,
  voted,
  canVote,
  mode,
  recording,
}: {
  ctx: PageContext;
  csrf: string;
  hearingId: number;
  open: Question[];
  settled: Question[];
  voted: Set<number>;
  canVote: boolean;
  mode: QuestionMode;
  recording: string | null;
}) {
  const { t } = ctx;
  const item = (q: Question | undefined) => (
    <QuestionItem
      key={q?.id ?? 0}
      ctx={ctx}
      csrf={csrf}
      question={q}
      mode={mode}
      voted={q !== undefined && voted.has(q.id)}
      canVote={canVote}
      recording={recording}
    />
  );
  return (
    <div
      data-module="hearing-live"
      data-source={`/siaran/${hearingId}/langsung`}
      data-recording={recording ?? ''}
      data-format={ctx.lang === 'en' ? 'en-GB' : 'id-ID'}
      data-citizen={t('hearing.citizen')}
    >
      <p class="live-status" role="status" aria-live="polite" data-slot="status">
        <a href={`${ctx.url.split('#')[0]}#pertanyaan`}>{t('hearing.refresh')}</a>
      </p>
      <h2 id="pertanyaan">{t(mode === 'chair' ? 'hearing.chair.queue' : 'hearing.openQuestions')}</h2>
      <p data-empty="open" hidden={open.length > 0 ? true : undefined}>
        {t('hearing.noOpen')}
      </p>
      <ol class="list questions" data-list="open">
        {open.map(item)}
      </ol>
      <h2 id="terjawab">{t('hearing.settledQuestions')}</h2>
      <p data-empty="settled" hidden={settled.length > 0 ? true : undefined}>
        {t('hearing.noSettled')}
      </p>
      <ol class="list questions" data-list="settled">
        {settled.map(item)}
      </ol>
      <template data-template="question">{item(undefined)}</template>
    </div>
  );
}

export function HearingsPage({
  ctx,
  hearings,
}: {
  ctx: PageContext;
  hearings: { summary: HearingSummary; hearing: Hearing }[];
}) {
  const { t } = ctx;
  const live = hearings.filter((x) => x.hearing.live);
  const coming = hearings.filter((x) => !x.hearing.live && !x.hearing.ended).reverse();
  const held = hearings.filter((x) => x.hearing.ended);
  const entry = ({ summary, hearing }: { summary: HearingSummary; hearing: Hearing }) => (
    <li key={hearing.id}>
      <a href={`/siaran/${hearing.id}`}>{shownTitle(ctx, hearing.meeting.view)}</a>
      {hearing.live ? (
        <>
          {' '}
          <Tag tone="active">{t('agenda.liveNow')}</Tag>
        </>
      ) : null}
      {hearing.meeting.view.cancelled ? (
        <>
          {' '}
          <Tag tone="stopped">{t('agenda.cancelled')}</Tag>
        </>
      ) : null}
      <br />
      <span class="meta">
        {meetingWhen(ctx, hearing)} ·{' '}
        {t('hearing.counts', {
          questions: formatNumber(summary.questions, ctx.lang),
          answered: formatNumber(summary.answered, ctx.lang),
        })}
      </span>
    </li>
  );
  return (
    <Layout ctx={ctx} title={t('hearing.title')} description={t('hearing.lead')}>
      <h1>{t('hearing.title')}</h1>
      <p>{t('hearing.lead')}</p>
      {live.length === 0 ? null : (
        <section aria-labelledby="berlangsung">
          <h2 id="berlangsung">{t('agenda.liveNow')}</h2>
          <ul class="list">{live.map(entry)}</ul>
        </section>
      )}
      <section aria-labelledby="akan-datang">
        <h2 id="akan-datang">{t('hearing.coming')}</h2>
        {coming.length === 0 ? <p>{t('hearing.noneComing')}</p> : <ul class="list">{coming.map(entry)}</ul>}
      </section>
      <section aria-labelledby="selesai">
        <h2 id="selesai">{t('hearing.held')}</h2>
        {held.length === 0 ? <p>{t('hearing.noneHeld')}</p> : <ul class="list">{held.map(entry)}</ul>}
      </section>
    </Layout>
  );
}

function Watch({
  ctx,
  hearing,
  embedOrigins,
}: {
  ctx: PageContext;
  hearing: Hearing;
  embedOrigins: readonly string[];
}) {
  const { t } = ctx;
  const d = hearing.meeting.view.details;
  const stream = d?.livestreamUrl ?? null;
  const recording = d?.recordingUrl ?? null;
  const shown = hearing.ended && recording !== null ? recording : stream;
  if (shown === null) return <p>{t('hearing.noStream')}</p>;
  const embed = embedAddress(shown, embedOrigins);
  return (
    <div class="panel">
      <p>
        <a href={shown} rel="noopener">
          {t(shown === recording ? 'hearing.watchRecording' : 'hearing.watchLive')}
        </a>
      </p>
      {embed === undefined ? null : (
        <div data-module="embed-player" data-src={embed} data-title={t('hearing.playerTitle')}>
          <p class="hint">{t('hearing.embedHint')}</p>
          <Button type="button" variant="secondary">
            {t('hearing.playHere')}
          </Button>
        </div>
      )}
    </div>
  );
}

export function HearingPage({
  ctx,
  csrf,
  page,
  embedOrigins,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  page: HearingData;
  embedOrigins: readonly string[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const h = page.hearing;
  const m = h.meeting.view;
  const d = m.details;
  const base = `/siaran/${h.id}`;
  const title = shownTitle(ctx, m);
  return (
    <Layout ctx={ctx} title={title} description={`${t('hearing.title')} · ${meetingWhen(ctx, h)}`}>
      <BackLink href="/siaran">{t('hearing.title')}</BackLink>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Notice text={notice} />
      <h1>{title}</h1>
      {h.live ? (
        <p>
          <Tag tone="active">{t('agenda.liveNow')}</Tag>
        </p>
      ) : null}
      {m.cancelled ? (
        <Banner tone="warning">
          <p>{t('agenda.cancelledNotice')}</p>
        </Banner>
      ) : null}
      <SummaryList
        rows={[
          [t('agenda.field.start'), meetingWhen(ctx, h)],
          [t('agenda.body'), m.body?.name ?? ''],
          [t('agenda.field.place'), d?.place ?? ''],
          [
            t('hearing.meetingPage'),
            <a key="agenda" href={`/agenda/${m.id}`}>
              {t(d?.minutes == null ? 'hearing.agendaLink' : 'hearing.minutesLink')}
            </a>,
          ],
        ]}
      />
      <Watch ctx={ctx} hearing={h} embedOrigins={embedOrigins} />
      <QuestionLists
        ctx={ctx}
        csrf={csrf}
        hearingId={h.id}
        open={page.open}
        settled={page.settled}
        voted={page.voted}
        canVote={h.accepting}
        mode="public"
        recording={d?.recordingUrl ?? d?.livestreamUrl ?? null}
      />
      {page.mine.length === 0 ? null : (
        <section aria-labelledby="milik-saya">
          <h2 id="milik-saya">{t('hearing.mine')}</h2>
          <ul class="list">
            {page.mine.map((x) => (
              <li key={x.id}>
                {x.body}
                <br />
                <span class="meta">{t(x.status === 'rejected' ? 'hearing.mineRejected' : 'hearing.mineWaiting')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 id="tanya">{t('hearing.ask')}</h2>
      {!h.accepting ? (
        <p>{t(h.ended ? 'hearing.closedEnded' : 'hearing.closed')}</p>
      ) : ctx.user === null && !h.emailQuestions ? (
        <p>
          <a href={`/masuk?lanjut=${encodeURIComponent(`${base}#tanya`)}`}>{t('hearing.signInToAsk')}</a>
        </p>
      ) : (
        <form method="post" action={ctx.user === null ? `${base}/tanya-email` : `${base}/tanya`} novalidate>
          <CsrfField token={csrf} />
          <p>{t('hearing.askLead')}</p>
          {ctx.user === null ? (
            <p>
              {t('hearing.byEmail')}{' '}
              <a href={`/masuk?lanjut=${encodeURIComponent(`${base}#tanya`)}`}>{t('hearing.orSignIn')}</a>.
            </p>
          ) : null}
          <TextArea
            name="body"
            label={t('hearing.field.body')}
            hint={t('hearing.bodyHint', { max: QUESTION_MAX })}
            value={values.body}
            error={errors.body}
            rows={4}
            maxLength={QUESTION_MAX}
          />
          <TextField
            name="name"
            label={t('hearing.field.name')}
            hint={t('hearing.nameHint')}
            value={values.name ?? ctx.user?.name ?? ''}
            error={errors.name}
            autocomplete="name"
            maxLength={80}
          />
          {ctx.user === null ? (
            <>
              <TextField
                name="email"
                type="email"
                label={t('hearing.field.email')}
                hint={t('hearing.emailHint', { days: CONFIRM_DAYS })}
                value={values.email}
                error={errors.email}
                autocomplete="email"
                maxLength={320}
              />
              <CheckboxField
                name="consent"
                label={t('hearing.field.consent')}
                checked={values.consent === 'yes'}
                error={errors.consent}
              />
            </>
          ) : null}
          <Button>{t('hearing.send')}</Button>
        </form>
      )}
    </Layout>
  );
}

export function MailedQuestionPage({
  ctx,
  csrf,
  token,
  mailed,
}: {
  ctx: PageContext;
  csrf: string;
  token: string;
  mailed: MailedQuestion | undefined;
}) {
  const { t } = ctx;
  if (mailed === undefined)
    return (
      <Layout ctx={ctx} title={t('hearing.mailed.title')}>
        <h1>{t('hearing.mailed.title')}</h1>
        <p>{t('hearing.mailed.gone', { days: CONFIRM_DAYS })}</p>
        <p>
          <a href="/siaran">{t('hearing.title')}</a>
        </p>
      </Layout>
    );
  const h = mailed.hearing;
  return (
    <Layout ctx={ctx} title={t('hearing.mailed.title')}>
      <BackLink href={`/siaran/${h.id}`}>{shownTitle(ctx, h.meeting.view)}</BackLink>
      <h1>{t('hearing.mailed.title')}</h1>
      <p>{t('hearing.mailed.lead')}</p>
      <div class="panel">
        <p class="meta">
          <strong>{mailed.asker || t('hearing.citizen')}</strong>
        </p>
        <p class="prose">{mailed.body}</p>
      </div>
      {h.accepting ? (
        <form method="post" action={`/siaran/email/${encodeURIComponent(token)}`}>
          <CsrfField token={csrf} />
          <Button>{t('hearing.mailed.send')}</Button>
        </form>
      ) : (
        <p>{t('hearing.closedEnded')}</p>
      )}
    </Layout>
  );
}
