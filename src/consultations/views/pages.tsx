/**
 * The public consultation pages: the list, a consultation with its phases and sections, a
 * section's comments with the form to take part, one comment with its fate, and the report.
 */
import type { Kecamatan } from '../../council/service.ts';
import type { NewsPost } from '../../news/service.ts';
import { NewsSection } from '../../news/views/shared.tsx';
import { barChart, countChart } from '../../platform/charts.ts';
import { dayOf, formatDate, formatNumber } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ChartFigure } from '../../platform/views/chart.tsx';
import {
  BackLink,
  Banner,
  Button,
  ButtonLink,
  SummaryList,
  Tabs,
  Tag,
  type TagTone,
} from '../../platform/views/components.tsx';
import { FollowForm } from '../../platform/views/follow.tsx';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FieldMessage,
  Notice,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ReportForm, RestoreForm } from '../../platform/views/moderation.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import type {
  CommentRecord,
  CommentView,
  Consultation,
  ConsultationRecord,
  Figures,
  MailedComment,
  Phase,
  ReportRecord,
  SectionPage,
} from '../service.ts';
import { fates, MIN_VOTES, phases, STATEMENT_MAX, type StatementView, stances, statementVotes } from '../service.ts';
import { DaysLeft, PhaseTag } from './shared.tsx';

function PhaseBar({ ctx, c }: { ctx: PageContext; c: Consultation }) {
  const { t } = ctx;
  const reached = c.phase === 'upcoming' ? -1 : phases.indexOf(c.phase);
  const when: Record<Exclude<Phase, 'upcoming'>, string> = {
    information: dayOf(ctx, c.opensOn),
    comments: `${dayOf(ctx, c.commentsFrom)} – ${dayOf(ctx, c.commentsUntil)}`,
    closing: t('consultation.reportBy', { day: dayOf(ctx, c.reportDue) }),
    report: c.reportPublishedAt === null ? '' : formatDate(c.reportPublishedAt, ctx.lang),
  };
  return (
    <ol class="stages" aria-label={t('consultation.phases')}>
      {phases.map((p, i) => (
        <li
          key={p}
          class={i < reached ? 'done' : i === reached ? 'current' : undefined}
          aria-current={i === reached ? 'step' : undefined}
        >
          {t(`consultation.phase.${p}`)}
          {when[p] === '' ? null : (
            <>
              <br />
              <span class="meta">{when[p]}</span>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

export function ConsultationsPage({ ctx, consultations }: { ctx: PageContext; consultations: Consultation[] }) {
  const { t } = ctx;
  const open = consultations.filter((c) => c.phase === 'comments' || c.phase === 'information');
  const closed = consultations.filter((c) => c.phase === 'closing' || c.phase === 'report');
  const item = (c: Consultation) => (
    <li key={c.id}>
      <h3>
        <a href={`/konsultasi/${c.id}`}>{c.title}</a>
      </h3>
      <p class="meta">
        <PhaseTag ctx={ctx} c={c} /> <DaysLeft ctx={ctx} c={c} /> ·{' '}
        {t('consultation.counts', {
          comments: formatNumber(c.comments, ctx.lang),
          people: formatNumber(c.participants, ctx.lang),
        })}
      </p>
      <p>{c.summary}</p>
    </li>
  );
  return (
    <Layout ctx={ctx} title={t('consultation.list.title')} description={t('consultation.list.lead')}>
      <h1>{t('consultation.list.title')}</h1>
      <p class="lead">{t('consultation.list.lead')}</p>
      <h2>{t('consultation.list.open')}</h2>
      {open.length === 0 ? <p>{t('consultation.list.noneOpen')}</p> : <ul class="list">{open.map(item)}</ul>}
      {closed.length === 0 ? null : (
        <>
          <h2>{t('consultation.list.closed')}</h2>
          <ul class="list">{closed.map(item)}</ul>
        </>
      )}
    </Layout>
  );
}

function StanceCounts({ ctx, counts }: { ctx: PageContext; counts: Record<(typeof stances)[number], number> }) {
  const { t } = ctx;
  const total = counts.agree + counts.disagree + counts.unsure;
  if (total === 0) return null;
  return (
    <>
      {' · '}
      {stances.map((s, i) => (
        <span key={s}>
          {i === 0 ? '' : ', '}
          {t(`consultation.stanceCount.${s}`, { n: formatNumber(counts[s], ctx.lang) })}
        </span>
      ))}
    </>
  );
}

export function ConsultationPage({
  ctx,
  csrf,
  record,
  news = [],
  notice,
  error,
}: {
  ctx: PageContext;
  csrf: string;
  record: ConsultationRecord;
  /** The council's news about this consultation. */
  news?: NewsPost[];
  notice?: string | undefined;
  /** What is wrong with the address given to follow it. */
  error?: string | undefined;
}) {
  const { t } = ctx;
  const c = record.consultation;
  return (
    <Layout
      ctx={ctx}
      title={c.title}
      description={c.summary}
      jsonLd={{
        '@type': 'Event',
        name: c.title,
        description: c.summary,
        startDate: c.commentsFrom,
        endDate: c.commentsUntil,
        eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
        location: { '@type': 'VirtualLocation', url: `${ctx.origin}/konsultasi/${c.id}` },
        organizer: { '@type': 'GovernmentOrganization', name: ctx.council?.name ?? '' },
      }}
    >
      <BackLink href="/konsultasi">{t('consultation.list.title')}</BackLink>
      <Notice text={notice} />
      <h1>{c.title}</h1>
      <PhaseBar ctx={ctx} c={c} />
      <p class="lead">{c.summary}</p>
      <SummaryList>
        <dt>{t('consultation.field.kind')}</dt>
        <dd>{t(`consultation.kind.${c.kind}`)}</dd>
        {c.body === undefined ? null : (
          <>
            <dt>{t('consultation.field.body')}</dt>
            <dd>
              <a href={`/agenda?badan=${c.body.slug}`}>{c.body.name}</a>
            </dd>
          </>
        )}
        {c.raperda === undefined ? null : (
          <>
            <dt>{t('consultation.field.raperda')}</dt>
            <dd>
              <a href={`/raperda/${c.raperda.id}`}>{c.raperda.title}</a>
            </dd>
          </>
        )}
        <dt>{t('consultation.takingPart')}</dt>
        <dd>
          <DaysLeft ctx={ctx} c={c} /> ·{' '}
          {t('consultation.counts', {
            comments: formatNumber(c.comments, ctx.lang),
            people: formatNumber(c.participants, ctx.lang),
          })}
        </dd>
      </SummaryList>
      {c.phase === 'report' ? (
        <Banner tone="important" title={t('consultation.report.ready')}>
          <p>
            <a href={`/konsultasi/${c.id}/laporan`}>{t('consultation.report.read')}</a>
          </p>
        </Banner>
      ) : null}
      {c.phase === 'comments' ? <p>{t('consultation.howTo')}</p> : null}
      {record.meetings.length === 0 ? null : (
        <>
          <h2>{t('consultation.meetings')}</h2>
          <ul>
            {record.meetings.map((m) => (
              <li key={m.id}>
                <a href={`/agenda/${m.id}`}>{m.open ? m.title : t('agenda.closedMeeting')}</a> —{' '}
                {formatDate(m.startsAt, ctx.lang)}
                {m.cancelled ? ` (${t('consultation.meetingCancelled')})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 id="bagian">{t('consultation.sections')}</h2>
      {record.sections.length === 0 ? <p>{t('consultation.noSections')}</p> : null}
      <ol class="list">
        {record.sections.map((s) => (
          <li key={s.id}>
            <h3>
              <a href={`/konsultasi/${c.id}/bagian/${s.id}`}>{s.heading}</a>
            </h3>
            <p class="meta">
              {t('consultation.commentCount', { n: formatNumber(s.comments, ctx.lang) })}
              <StanceCounts ctx={ctx} counts={s.stances} />
            </p>
            <p>{s.body.length > 240 ? `${s.body.slice(0, 240).trimEnd()}…` : s.body}</p>
          </li>
        ))}
      </ol>
      <p>
        <a href={`/konsultasi/${c.id}/pernyataan`}>{t('consultation.statements.link', { n: record.statements })}</a>
      </p>
      <h2>{t('consultation.data')}</h2>
      <ul>
        <li>
          <a href={`/konsultasi/${c.id}/laporan`}>{t('consultation.figures.link')}</a>
        </li>
        <li>
          <a href={`/konsultasi/${c.id}/feed.atom`}>{t('consultation.feed')}</a>
        </li>
        <li>
          {t('consultation.download')}: <a href={`/konsultasi/${c.id}/unduh/komentar.csv`}>CSV</a> ·{' '}
          <a href={`/konsultasi/${c.id}/unduh/komentar.xlsx`}>XLSX</a> ·{' '}
          <a href={`/konsultasi/${c.id}/unduh/komentar.json`}>JSON</a>
        </li>
      </ul>
      <NewsSection ctx={ctx} posts={news} heading={t('news.aboutRecord')} />
      {c.phase === 'report' ? null : (
        <FollowForm
          ctx={ctx}
          csrf={csrf}
          action={`/konsultasi/${c.id}/ikuti`}
          title={t('consultation.follow.title')}
          lead={t('consultation.follow.lead')}
          button={t('consultation.follow.button')}
          error={error}
          follow={{ type: 'consultation', id: c.id }}
        />
      )}
    </Layout>
  );
}

/** Why the form to take part is not shown: not open yet, closed, or the visitor must sign in first. */
function CannotWrite({ ctx, c, next }: { ctx: PageContext; c: Consultation; next: string }) {
  const { t } = ctx;
  if (c.phase !== 'comments')
    return (
      <p>
        {c.phase === 'information'
          ? t('consultation.notYet', { day: dayOf(ctx, c.commentsFrom) })
          : t('consultation.closed')}
      </p>
    );
  return (
    <p>
      <ButtonLink href={`/masuk?lanjut=${encodeURIComponent(next)}`}>{t('consultation.signInToComment')}</ButtonLink>
    </p>
  );
}

function FateLine({ ctx, comment }: { ctx: PageContext; comment: CommentView }) {
  const { t } = ctx;
  if (comment.fate === null) return null;
  const tone: Record<(typeof fates)[number], TagTone> = { accepted: 'done', partly: 'active', rejected: 'stopped' };
  return (
    <p>
      <Tag tone={tone[comment.fate]}>{t(`consultation.fate.${comment.fate}`)}</Tag> {comment.fateReason}
    </p>
  );
}

/** One comment as every page shows it: who, when, the words (or why they are hidden), support. */
export function CommentBody({ ctx, comment, showFate }: { ctx: PageContext; comment: CommentView; showFate: boolean }) {
  const { t } = ctx;
  return (
    <>
      <p class="meta">
        <strong>{comment.author === '' ? t('moderation.citizen') : comment.author}</strong>
        {comment.origin === 'offline' ? ` (${t('consultation.offline')})` : ''}
        {comment.kecamatan === null ? '' : ` · ${comment.kecamatan}`} · {formatDate(comment.createdAt, ctx.lang)}
        {comment.support > 0
          ? ` · ${t('consultation.supportCount', { n: formatNumber(comment.support, ctx.lang) })}`
          : ''}
      </p>
      {comment.body === null ? (
        <p>
          <em>{t('consultation.hidden', { reason: comment.hiddenReason ?? '' })}</em>
        </p>
      ) : (
        <>
          {comment.quote === null ? null : <blockquote class="quote">{comment.quote}</blockquote>}
          <p class="prose">{comment.body}</p>
        </>
      )}
      {showFate ? <FateLine ctx={ctx} comment={comment} /> : null}
    </>
  );
}

function CommentActions({
  ctx,
  csrf,
  comment,
  page,
  canAct,
}: {
  ctx: PageContext;
  csrf: string;
  comment: CommentView;
  page: SectionPage;
  canAct: boolean;
}) {
  const { t } = ctx;
  if (comment.body === null) return null;
  const c = page.record.consultation;
  return (
    <p class="actions">
      {canAct && ctx.user !== null && !page.supported.has(comment.id) ? (
        <form method="post" action={`/konsultasi/komentar/${comment.id}/dukung`} class="inline-form">
          <CsrfField token={csrf} />
          <Button variant="secondary" label={t('consultation.supportLabel', { n: comment.id })}>
            {t('consultation.support')}
          </Button>
        </form>
      ) : null}
      {page.supported.has(comment.id) ? <Tag tone="done">{t('consultation.supported')}</Tag> : null}
      {canAct && comment.parentId === null ? (
        <a href={`/konsultasi/${c.id}/bagian/${page.section.id}?balas=${comment.id}#tulis`}>
          {t('consultation.reply')}
        </a>
      ) : null}
      <a href={`/konsultasi/komentar/${comment.id}`}>{t('consultation.permalink')}</a>
    </p>
  );
}

export function SectionCommentsPage({
  ctx,
  csrf,
  page,
  order,
  replyTo,
  kecamatan,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  page: SectionPage;
  order: 'newest' | 'supported';
  replyTo: number | undefined;
  kecamatan: Kecamatan[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const c = page.record.consultation;
  const s = page.section;
  const open = c.phase === 'comments';
  const base = `/konsultasi/${c.id}/bagian/${s.id}`;
  const index = page.record.sections.findIndex((x) => x.id === s.id);
  const previous = page.record.sections[index - 1];
  const next = page.record.sections[index + 1];
  const replying = replyTo === undefined ? undefined : page.comments.find((x) => x.id === replyTo);
  const sortParam = order === 'supported' ? '&urut=dukungan' : '';
  return (
    <Layout ctx={ctx} title={`${s.heading} · ${c.title}`} description={s.body.slice(0, 200)}>
      <BackLink href={`/konsultasi/${c.id}#bagian`}>{c.title}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{s.heading}</h1>
      <p class="meta">
        <PhaseTag ctx={ctx} c={c} /> <DaysLeft ctx={ctx} c={c} />
      </p>
      <div class="panel">
        <p class="prose">{s.body}</p>
      </div>
      {s.report === null || c.phase !== 'report' ? null : (
        <Banner tone="important" title={t('consultation.report.whatWeDid')}>
          <p class="prose">{s.report}</p>
        </Banner>
      )}
      <p class="actions">
        {previous === undefined ? null : <a href={`/konsultasi/${c.id}/bagian/${previous.id}`}>← {previous.heading}</a>}
        {next === undefined ? null : <a href={`/konsultasi/${c.id}/bagian/${next.id}`}>{next.heading} →</a>}
      </p>
      <h2>{t('consultation.yourView')}</h2>
      <p class="meta">
        {s.stances.agree + s.stances.disagree + s.stances.unsure === 0 ? (
          t('consultation.noStances')
        ) : (
          <>
            {t('consultation.stanceTotals')}
            <StanceCounts ctx={ctx} counts={s.stances} />
          </>
        )}
      </p>
      {open && ctx.user !== null ? (
        <form method="post" action={`${base}/sikap`} novalidate>
          <CsrfField token={csrf} />
          <Radios
            name="stance"
            legend={t('consultation.stanceQuestion')}
            inline
            error={errors.stance}
            value={page.stance}
            options={stances.map((x) => ({ value: x, label: t(`consultation.stance.${x}`) }))}
          />
          <Button variant="secondary">{t('consultation.stanceSave')}</Button>
        </form>
      ) : null}
      <h2 id="komentar">{t('consultation.commentsTitle', { n: formatNumber(s.comments, ctx.lang) })}</h2>
      <Tabs
        label={t('consultation.sortBy')}
        items={[
          { href: base, label: t('consultation.sort.newest'), current: order === 'newest' },
          { href: `${base}?urut=dukungan`, label: t('consultation.sort.supported'), current: order === 'supported' },
        ]}
      />
      {page.comments.length === 0 ? <p>{t('consultation.noComments')}</p> : null}
      <ol class="comments">
        {page.comments.map((comment) => (
          <li key={comment.id} id={`komentar-${comment.id}`} class="comment">
            <CommentBody ctx={ctx} comment={comment} showFate={c.phase === 'report'} />
            <CommentActions ctx={ctx} csrf={csrf} comment={comment} page={page} canAct={open} />
            {comment.replies.length === 0 ? null : (
              <ol class="comments replies" aria-label={t('consultation.replies')}>
                {comment.replies.map((r) => (
                  <li key={r.id} id={`komentar-${r.id}`} class="comment">
                    <CommentBody ctx={ctx} comment={r} showFate={c.phase === 'report'} />
                    <CommentActions ctx={ctx} csrf={csrf} comment={r} page={page} canAct={open} />
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      <Pager ctx={ctx} page={page.page} pages={page.pages} href={(n) => `${base}?halaman=${n}${sortParam}`} />
      <h2 id="tulis">
        {replying === undefined
          ? t('consultation.write')
          : t('consultation.replyTo', { name: replying.author || t('moderation.citizen') })}
      </h2>
      {!open || (ctx.user === null && !c.emailComments) ? (
        <CannotWrite ctx={ctx} c={c} next={`${base}#tulis`} />
      ) : (
        <form method="post" action={ctx.user === null ? `${base}/komentar-email` : `${base}/komentar`} novalidate>
          <CsrfField token={csrf} />
          {ctx.user === null ? (
            <p>
              {t('consultation.byEmail.intro')}{' '}
              <a href={`/masuk?lanjut=${encodeURIComponent(`${base}#tulis`)}`}>{t('consultation.byEmail.or')}</a>.
            </p>
          ) : null}
          {replying === undefined ? null : <input type="hidden" name="parent" value={String(replying.id)} />}
          {replying === undefined ? (
            <TextArea
              name="quote"
              label={t('consultation.field.quote')}
              hint={t('consultation.quoteHint')}
              value={values.quote}
              error={errors.quote}
              rows={2}
              maxLength={500}
            />
          ) : null}
          <TextArea
            name="body"
            label={t('consultation.field.comment')}
            hint={t('consultation.commentHint')}
            value={values.body}
            error={errors.body}
            rows={6}
            maxLength={3000}
          />
          <SelectField
            name="kecamatan"
            label={t('consultation.field.kecamatan')}
            hint={t('consultation.kecamatanHint')}
            empty={t('consultation.kecamatanNone')}
            value={values.kecamatan}
            error={errors.kecamatan}
            options={kecamatan.map((k) => ({ value: k.slug, label: k.name }))}
          />
          {ctx.user === null ? (
            <>
              <TextField
                name="name"
                label={t('consultation.field.name')}
                hint={t('consultation.nameHint')}
                value={values.name}
                error={errors.name}
                autocomplete="name"
                maxLength={100}
              />
              <TextField
                name="email"
                type="email"
                label={t('consultation.field.email')}
                hint={t('consultation.emailHint')}
                value={values.email}
                error={errors.email}
                autocomplete="email"
                maxLength={320}
              />
              <CheckboxField
                name="consent"
                label={t('consultation.field.consent')}
                checked={values.consent === 'yes'}
                error={errors.consent}
              />
              <button type="submit">{t('consultation.sendByEmail')}</button>
            </>
          ) : (
            <>
              <Radios
                name="showAs"
                legend={t('consultation.showAs')}
                value={values.showAs ?? 'name'}
                options={[
                  { value: 'name', label: t('consultation.showAs.name', { name: ctx.user.name }) },
                  { value: 'warga', label: t('consultation.showAs.warga') },
                ]}
              />
              <button type="submit">
                {replying === undefined ? t('consultation.send') : t('consultation.sendReply')}
              </button>
            </>
          )}
        </form>
      )}
    </Layout>
  );
}

/**
 * Where the link mailed to someone without an account leads: words waiting to be published, or
 * the comment they became with the writer's rights over it; a lapsed or used link says so.
 */
export function MailedCommentPage({
  ctx,
  csrf,
  token,
  mailed,
  days,
}: {
  ctx: PageContext;
  csrf: string;
  token: string;
  mailed: MailedComment | undefined;
  days: number;
}) {
  const { t } = ctx;
  const action = `/konsultasi/email/${encodeURIComponent(token)}`;
  if (mailed === undefined)
    return (
      <Layout ctx={ctx} title={t('consultation.mailed.title')}>
        <h1>{t('consultation.mailed.title')}</h1>
        <p>{t('consultation.mailed.gone', { days })}</p>
        <p>
          <a href="/konsultasi">{t('consultation.list.title')}</a>
        </p>
      </Layout>
    );
  if (mailed.state === 'waiting') {
    const c = mailed.consultation;
    return (
      <Layout ctx={ctx} title={t('consultation.mailed.title')}>
        <BackLink href={`/konsultasi/${c.id}/bagian/${mailed.section.id}`}>{mailed.section.heading}</BackLink>
        <h1>{t('consultation.mailed.title')}</h1>
        <p>
          <a href={`/konsultasi/${c.id}`}>{c.title}</a> · {mailed.section.heading}
        </p>
        <p>{t('consultation.mailed.waiting')}</p>
        <div class="panel">
          <p class="meta">
            <strong>{mailed.author === '' ? t('moderation.citizen') : mailed.author}</strong>
          </p>
          {mailed.quote === null ? null : <blockquote class="quote">{mailed.quote}</blockquote>}
          <p class="prose">{mailed.body}</p>
        </div>
        <form method="post" action={action}>
          <CsrfField token={csrf} />
          <Button>{t('consultation.mailed.publish')}</Button>
        </form>
      </Layout>
    );
  }
  const { consultation: c, section, comment } = mailed.record;
  return (
    <Layout ctx={ctx} title={t('consultation.mailed.title')}>
      <BackLink href={`/konsultasi/${c.id}/bagian/${section.id}#komentar-${comment.id}`}>{section.heading}</BackLink>
      <h1>{t('consultation.mailed.title')}</h1>
      <p>
        <a href={`/konsultasi/${c.id}`}>{c.title}</a> · {section.heading}
      </p>
      <p>{t('consultation.mailed.yours')}</p>
      <div class="panel">
        <CommentBody ctx={ctx} comment={comment} showFate={c.phase === 'report'} />
        {comment.status === 'held' ? <p>{t('consultation.notice.held')}</p> : null}
      </div>
      <p>
        <a href={`/konsultasi/komentar/${comment.id}`}>{t('consultation.permalink')}</a>
      </p>
      <h2>{t('consultation.mailed.rights')}</h2>
      <form method="post" action={`${action}/hapus`}>
        <CsrfField token={csrf} />
        <p>{t('consultation.mailed.forgetHint')}</p>
        <Button variant="secondary" name="action" value="forget">
          {t('consultation.mailed.forget')}
        </Button>
      </form>
      {comment.body === null ? null : (
        <form method="post" action={`${action}/hapus`}>
          <CsrfField token={csrf} />
          <p>{t('consultation.mailed.withdrawHint')}</p>
          <Button variant="warning" name="action" value="withdraw">
            {t('consultation.mailed.withdraw')}
          </Button>
        </form>
      )}
    </Layout>
  );
}

export function CommentPage({
  ctx,
  csrf,
  record,
  error,
  reason,
  notice,
  canModerate,
}: {
  ctx: PageContext;
  csrf: string;
  record: CommentRecord;
  canModerate: boolean;
  error?: string | undefined;
  reason?: string | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const c = record.consultation;
  const comment = record.comment;
  return (
    <Layout ctx={ctx} title={t('consultation.comment.title', { section: record.section.heading })}>
      <BackLink href={`/konsultasi/${c.id}/bagian/${record.section.id}#komentar-${comment.id}`}>
        {record.section.heading}
      </BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={error === undefined ? {} : { reason: error }} />
      <h1>{t('consultation.comment.title', { section: record.section.heading })}</h1>
      <p>
        <a href={`/konsultasi/${c.id}`}>{c.title}</a>
      </p>
      <div class="panel">
        <CommentBody ctx={ctx} comment={comment} showFate={false} />
      </div>
      <h2>{t('consultation.comment.fate')}</h2>
      {c.phase === 'report' && comment.fate !== null ? (
        <>
          <FateLine ctx={ctx} comment={comment} />
          <p>
            <a href={`/konsultasi/${c.id}/laporan`}>{t('consultation.report.read')}</a>
          </p>
        </>
      ) : (
        <p>
          {t(comment.body === null ? 'consultation.comment.hiddenFate' : 'consultation.comment.waiting', {
            day: dayOf(ctx, c.reportDue),
          })}
        </p>
      )}
      {comment.body === null ? null : (
        <details open={error !== undefined}>
          <summary>{t('consultation.reportAbuse')}</summary>
          <ReportForm
            ctx={ctx}
            csrf={csrf}
            action={`/konsultasi/komentar/${comment.id}/laporkan`}
            reason={reason}
            error={error}
          />
        </details>
      )}
      {canModerate && comment.body === null ? (
        <RestoreForm ctx={ctx} csrf={csrf} action={`/kelola/moderasi/komentar/${comment.id}?kembali=komentar`} />
      ) : null}
    </Layout>
  );
}

/** Comments counted by something (a section, a kecamatan): bars, and the same figures as a table. */
function CountChart({
  ctx,
  caption,
  column,
  rows,
}: {
  ctx: PageContext;
  caption: string;
  column: string;
  rows: readonly (readonly [string, number])[];
}) {
  const { t } = ctx;
  const label = t('consultation.report.comments');
  return (
    <ChartFigure
      caption={caption}
      draw={(width) =>
        barChart({
          width,
          categories: rows.map(([name]) => name),
          series: [{ name: label, values: rows.map(([, n]) => n) }],
        })
      }
    >
      <TableWrap label={caption}>
        <table>
          <TableHead columns={[column, label]} />
          <tbody>
            {rows.map(([name, n]) => (
              <tr key={name}>
                <td>{name}</td>
                <td>{formatNumber(n, ctx.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </ChartFigure>
  );
}

export function ReportPage({ ctx, report, figures }: { ctx: PageContext; report: ReportRecord; figures: Figures }) {
  const { t } = ctx;
  const c = report.record.consultation;
  const published = c.phase === 'report';
  const sectionRows = report.record.sections.map((s) => [s.heading, s.comments] as const);
  const kecamatanRows = figures.byKecamatan.map(
    (k) => [k.name ?? t('consultation.kecamatanUnknown'), k.count] as const,
  );
  return (
    <Layout ctx={ctx} title={t('consultation.report.title', { title: c.title })}>
      <BackLink href={`/konsultasi/${c.id}`}>{c.title}</BackLink>
      <h1>{t('consultation.report.title', { title: c.title })}</h1>
      {published ? (
        <>
          <p class="meta">
            {t('consultation.report.publishedOn', { day: formatDate(c.reportPublishedAt ?? new Date(), ctx.lang) })}
          </p>
          <p class="prose">{c.reportSummary}</p>
          <SummaryList
            rows={[
              [t('consultation.report.participants'), formatNumber(c.participants, ctx.lang)],
              [t('consultation.report.comments'), formatNumber(c.comments, ctx.lang)],
              ...fates.map(
                (f) => [t(`consultation.fate.${f}`), formatNumber(report.counts[f], ctx.lang)] as [string, string],
              ),
            ]}
          />
        </>
      ) : (
        <p>{t('consultation.report.notYet', { day: dayOf(ctx, c.reportDue) })}</p>
      )}
      <h2>{t('consultation.figures.title')}</h2>
      <CountChart
        ctx={ctx}
        caption={t('consultation.figures.bySection')}
        column={t('consultation.field.section')}
        rows={sectionRows}
      />
      {kecamatanRows.length === 0 ? null : (
        <CountChart
          ctx={ctx}
          caption={t('consultation.figures.byKecamatan')}
          column={t('consultation.figures.kecamatan')}
          rows={kecamatanRows}
        />
      )}
      {figures.byDay.length === 0 ? null : (
        <ChartFigure
          caption={t('consultation.figures.byDay')}
          draw={(width) =>
            countChart({
              width,
              name: t('consultation.report.comments'),
              points: figures.byDay.map((d) => ({ date: d.day, value: d.count })),
              dateLabel: (day) => dayOf(ctx, day),
            })
          }
        >
          <TableWrap label={t('consultation.figures.byDay')}>
            <table>
              <TableHead columns={[t('consultation.figures.day'), t('consultation.report.comments')]} />
              <tbody>
                {figures.byDay.map((d) => (
                  <tr key={d.day}>
                    <td>{dayOf(ctx, d.day)}</td>
                    <td>{formatNumber(d.count, ctx.lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </ChartFigure>
      )}
      {!published
        ? null
        : report.bySection.map(({ section, outcomes }) => (
            <section key={section.id} aria-labelledby={`bagian-${section.id}`}>
              <h2 id={`bagian-${section.id}`}>{section.heading}</h2>
              {section.report === null ? null : (
                <>
                  <h3>{t('consultation.report.whatWeDid')}</h3>
                  <p class="prose">{section.report}</p>
                </>
              )}
              <p>
                {fates
                  .map((f) => t(`consultation.fateCount.${f}`, { n: formatNumber(outcomes[f], ctx.lang) }))
                  .join(' · ')}
              </p>
              <p>
                <a href={`/konsultasi/${c.id}/bagian/${section.id}`}>
                  {t('consultation.report.sectionComments', { n: formatNumber(section.comments, ctx.lang) })}
                </a>
              </p>
            </section>
          ))}
    </Layout>
  );
}

export function StatementsPage({
  ctx,
  csrf,
  page,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  page: { record: ConsultationRecord; statements: StatementView[] };
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const c = page.record.consultation;
  const open = c.phase === 'comments';
  const unites = page.statements.filter((s) => s.standing === 'unites');
  const divides = page.statements.filter((s) => s.standing === 'divides');
  const counts = (s: StatementView) =>
    t('consultation.statements.counts', {
      agree: formatNumber(s.agree, ctx.lang),
      disagree: formatNumber(s.disagree, ctx.lang),
      pass: formatNumber(s.pass, ctx.lang),
    });
  const short = (list: StatementView[]) => (
    <ul>
      {list.map((s) => (
        <li key={s.id}>
          {s.text} <span class="meta">({counts(s)})</span>
        </li>
      ))}
    </ul>
  );
  return (
    <Layout ctx={ctx} title={t('consultation.statements.title', { title: c.title })}>
      <BackLink href={`/konsultasi/${c.id}`}>{c.title}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('consultation.statements.title', { title: c.title })}</h1>
      <p class="lead">{t('consultation.statements.lead')}</p>
      <p class="meta">{t('consultation.statements.method', { n: MIN_VOTES })}</p>
      {unites.length === 0 ? null : (
        <>
          <h2>{t('consultation.statements.unites')}</h2>
          {short(unites)}
        </>
      )}
      {divides.length === 0 ? null : (
        <>
          <h2>{t('consultation.statements.divides')}</h2>
          {short(divides)}
        </>
      )}
      <h2>{t('consultation.statements.all')}</h2>
      {page.statements.length === 0 ? <p>{t('consultation.statements.none')}</p> : null}
      <ol class="comments">
        {page.statements.map((s) => (
          <li key={s.id} id={`pernyataan-${s.id}`} class="comment">
            <p>
              <strong>{s.text}</strong>
            </p>
            <p class="meta">
              {counts(s)} · {t(`consultation.statements.standing.${s.standing}`)}
              {s.mine === undefined
                ? null
                : ` · ${t('consultation.statements.yourVote', { vote: t(`consultation.statements.vote.${s.mine}`) })}`}
            </p>
            <FieldMessage name={`pernyataan-${s.id}`} error={errors[`pernyataan-${s.id}`]} />
            {open && ctx.user !== null ? (
              <form method="post" action={`/konsultasi/pernyataan/${s.id}/pilih`} class="actions">
                <CsrfField token={csrf} />
                {statementVotes.map((v) => (
                  <Button
                    key={v}
                    variant="secondary"
                    name="vote"
                    value={v}
                    label={t('consultation.statements.voteLabel', {
                      vote: t(`consultation.statements.vote.${v}`),
                      text: s.text,
                    })}
                  >
                    {t(`consultation.statements.vote.${v}`)}
                  </Button>
                ))}
              </form>
            ) : null}
          </li>
        ))}
      </ol>
      <h2 id="usul">{t('consultation.statements.propose')}</h2>
      {!open || ctx.user === null ? (
        <CannotWrite ctx={ctx} c={c} next={`/konsultasi/${c.id}/pernyataan#usul`} />
      ) : (
        <form method="post" action={`/konsultasi/${c.id}/pernyataan`} novalidate>
          <CsrfField token={csrf} />
          <TextArea
            name="statement"
            label={t('consultation.field.statement')}
            hint={t('consultation.statementHint')}
            value={values.statement}
            error={errors.statement}
            rows={2}
            maxLength={STATEMENT_MAX}
          />
          <button type="submit">{t('consultation.statements.send')}</button>
        </form>
      )}
    </Layout>
  );
}
