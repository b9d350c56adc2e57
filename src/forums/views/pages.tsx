/** The forum's pages: topics, a topic's threads, a thread, one post, a new thread, and the moderation queue. */
import type { CouncilStructure } from '../../council/service.ts';
import { formatDate, formatNumber, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Breadcrumbs, Button, ButtonLink, Tag } from '../../platform/views/components.tsx';
import { FollowForm } from '../../platform/views/follow.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ModerationDecision, ReportForm, RestoreForm } from '../../platform/views/moderation.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { LocationField } from '../../platform/views/place-fields.tsx';
import type { ForumFront, PostView, ThreadRecord, ThreadSummary, Topic } from '../service.ts';
import { topicName, topicPath } from '../service.ts';

const when = (ctx: PageContext, d: Date) => `${formatDate(d, ctx.lang)}, ${formatTime(d, ctx.lang)}`;

function ThreadList({ ctx, threads }: { ctx: PageContext; threads: ThreadSummary[] }) {
  const { t } = ctx;
  return (
    <ul class="list">
      {threads.map((th) => (
        <li key={th.id}>
          <a href={`/forum/utas/${th.id}`}>{th.title}</a>
          <br />
          <span class="meta">
            {[th.body?.name, th.kecamatan?.name].filter(Boolean).join(' · ')} ·{' '}
            {t('forum.postCount', { n: formatNumber(th.posts, ctx.lang) })} ·{' '}
            {t('forum.lastPost', { when: when(ctx, th.lastPostAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ForumFrontPage({ ctx, front }: { ctx: PageContext; front: ForumFront }) {
  const { t } = ctx;
  const topics = (rows: ForumFront['komisi']) => (
    <ul class="list">
      {rows.map(({ topic, threads }) => (
        <li key={topicPath(topic)}>
          <a href={topicPath(topic)}>{topicName(topic)}</a>{' '}
          <span class="meta">{t('forum.threadCount', { n: formatNumber(threads, ctx.lang) })}</span>
          {topic.kind === 'komisi' && topic.body.field !== null ? (
            <>
              <br />
              <span class="meta">{topic.body.field}</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
  return (
    <Layout ctx={ctx} title={t('forum.title')} description={t('forum.lead')}>
      <h1>{t('forum.title')}</h1>
      <p class="lead">{t('forum.lead')}</p>
      <p>
        <ButtonLink href="/forum/baru">{t('forum.start')}</ButtonLink>
      </p>
      {front.recent.length === 0 ? null : (
        <>
          <h2>{t('forum.recent')}</h2>
          <ThreadList ctx={ctx} threads={front.recent} />
        </>
      )}
      <h2>{t('forum.byKomisi')}</h2>
      {topics(front.komisi)}
      <h2>{t('forum.byKecamatan')}</h2>
      {topics(front.kecamatan)}
    </Layout>
  );
}

export function TopicPage({
  ctx,
  page,
}: {
  ctx: PageContext;
  page: { topic: Topic; threads: ThreadSummary[]; page: number; pages: number };
}) {
  const { t } = ctx;
  const path = topicPath(page.topic);
  const name = topicName(page.topic);
  const start =
    page.topic.kind === 'komisi'
      ? `/forum/baru?komisi=${page.topic.body.slug}`
      : `/forum/baru?kecamatan=${page.topic.kecamatan.slug}`;
  return (
    <Layout ctx={ctx} title={`${t('forum.title')}: ${name}`}>
      <BackLink href="/forum">{t('forum.title')}</BackLink>
      <h1>{name}</h1>
      <p>
        <ButtonLink href={start}>{t('forum.start')}</ButtonLink>
      </p>
      {page.threads.length === 0 ? <p>{t('forum.noThreads')}</p> : <ThreadList ctx={ctx} threads={page.threads} />}
      <Pager ctx={ctx} page={page.page} pages={page.pages} href={(n) => `${path}?halaman=${n}`} />
      <p>
        <a href={`${path}/feed.atom`}>{t('forum.feed')}</a>
      </p>
    </Layout>
  );
}

export function NewThreadPage({
  ctx,
  csrf,
  structure,
  values,
  errors,
}: {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('forum.start')}>
      <BackLink href="/forum">{t('forum.title')}</BackLink>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('forum.start')}</h1>
      <p>{t('forum.startLead')}</p>
      <form method="post" action="/forum/baru" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="title"
          label={t('forum.field.title')}
          value={values.title}
          error={errors.title}
          maxLength={200}
        />
        <TextArea
          name="body"
          label={t('forum.field.body')}
          hint={t('forum.bodyHint')}
          value={values.body}
          error={errors.body}
          rows={8}
          maxLength={5000}
        />
        <SelectField
          name="komisi"
          label={t('forum.field.komisi')}
          hint={t('forum.komisiHint')}
          empty={t('form.choose')}
          value={values.komisi}
          error={errors.komisi}
          options={structure.komisi.map((b) => ({
            value: b.slug,
            label: b.field === null ? b.name : `${b.name}: ${b.field}`,
          }))}
        />
        <SelectField
          name="kecamatan"
          label={t('forum.field.kecamatan')}
          empty={t('forum.kecamatanNone')}
          value={values.kecamatan}
          error={errors.kecamatan}
          options={structure.kecamatan.map((k) => ({ value: k.slug, label: k.name }))}
        />
        <button type="submit">{t('forum.send')}</button>
      </form>
    </Layout>
  );
}

function Post({
  ctx,
  csrf,
  post,
  canModerate,
}: {
  ctx: PageContext;
  csrf: string;
  post: PostView;
  canModerate: boolean;
}) {
  const { t } = ctx;
  return (
    <li id={`pesan-${post.id}`} class="comment">
      <p class="meta">
        <strong>{post.author === '' ? t('moderation.citizen') : post.author}</strong>
        {post.role === null ? null : (
          <>
            {' '}
            <Tag tone="active">{t(`forum.role.${post.role}`)}</Tag>
          </>
        )}
        {` · ${when(ctx, post.createdAt)}`}
      </p>
      {post.body === null ? (
        <p>
          <em>{t('forum.hidden', { reason: post.hiddenReason ?? '' })}</em>
        </p>
      ) : (
        <p class="prose">{post.body}</p>
      )}
      <p class="actions">
        {post.body === null ? null : <a href={`/forum/pesan/${post.id}`}>{t('forum.report')}</a>}
        {canModerate && post.body === null ? (
          <RestoreForm ctx={ctx} csrf={csrf} action={`/kelola/moderasi/forum/pesan/${post.id}?kembali=utas`} />
        ) : null}
      </p>
    </li>
  );
}

export function ThreadPage({
  ctx,
  csrf,
  record,
  structure,
  errors,
  values,
  notice,
  canLink,
  canModerate,
}: {
  ctx: PageContext;
  csrf: string;
  record: ThreadRecord;
  structure: Pick<CouncilStructure, 'categories' | 'kecamatan'>;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
  canLink: boolean;
  canModerate: boolean;
}) {
  const { t } = ctx;
  const th = record.thread;
  const { 'follow-email': followError, ...formErrors } = errors;
  const crumbs = [
    { href: '/forum', label: t('forum.title') },
    ...(th.body === undefined ? [] : [{ href: `/forum/komisi/${th.body.slug}`, label: th.body.name }]),
    ...(th.kecamatan === undefined
      ? []
      : [{ href: `/forum/kecamatan/${th.kecamatan.slug}`, label: th.kecamatan.name }]),
  ];
  return (
    <Layout
      ctx={ctx}
      title={th.title}
      jsonLd={{
        '@type': 'DiscussionForumPosting',
        headline: th.title,
        datePublished: th.createdAt.toISOString(),
        url: `${ctx.origin}/forum/utas/${th.id}`,
        commentCount: Math.max(0, th.posts - 1),
      }}
    >
      <Breadcrumbs label={t('forum.where')} items={crumbs} />
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={formErrors} />
      <h1>{th.title}</h1>
      {record.consultation === undefined && record.meeting === undefined && th.aspirationCode === null ? null : (
        <ul>
          {th.aspirationCode === null ? null : (
            <li>
              {t('forum.filedAs')} <a href={`/aspirasi/${th.aspirationCode}`}>{th.aspirationCode}</a>
            </li>
          )}
          {record.consultation === undefined ? null : (
            <li>
              {t('forum.linkedConsultation')}{' '}
              <a href={`/konsultasi/${record.consultation.id}`}>{record.consultation.title}</a>
            </li>
          )}
          {record.meeting === undefined ? null : (
            <li>
              {t('forum.linkedMeeting')}{' '}
              <a href={`/agenda/${record.meeting.id}`}>
                {record.meeting.details === undefined ? t('agenda.closedMeeting') : record.meeting.title}
              </a>{' '}
              ({formatDate(record.meeting.startsAt, ctx.lang)})
            </li>
          )}
        </ul>
      )}
      <ol class="comments">
        {record.posts.map((post) => (
          <Post key={post.id} ctx={ctx} csrf={csrf} post={post} canModerate={canModerate} />
        ))}
      </ol>
      <Pager ctx={ctx} page={record.page} pages={record.pages} href={(n) => `/forum/utas/${th.id}?halaman=${n}`} />
      <h2 id="balas">{t('forum.reply')}</h2>
      {ctx.user === null ? (
        <p>
          <ButtonLink href={`/masuk?lanjut=${encodeURIComponent(`/forum/utas/${th.id}#balas`)}`}>
            {t('forum.signInToReply')}
          </ButtonLink>
        </p>
      ) : (
        <form method="post" action={`/forum/utas/${th.id}/balas`} novalidate>
          <CsrfField token={csrf} />
          <TextArea
            name="body"
            label={t('forum.field.reply')}
            hint={t('forum.bodyHint')}
            value={values.body}
            error={formErrors.body}
            rows={5}
            maxLength={5000}
          />
          <button type="submit">{t('forum.sendReply')}</button>
        </form>
      )}
      <FollowForm
        ctx={ctx}
        csrf={csrf}
        action={`/forum/utas/${th.id}/ikuti`}
        title={t('forum.follow.title')}
        lead={t('forum.follow.lead')}
        button={t('forum.follow.button')}
        error={followError}
        follow={{ type: 'forum', id: th.id }}
      />
      {canLink ? (
        <section aria-labelledby="tautkan">
          <h2 id="tautkan">{t('forum.link.title')}</h2>
          <form method="post" action={`/forum/utas/${th.id}/tautan`} novalidate>
            <CsrfField token={csrf} />
            <TextField
              name="consultation"
              label={t('forum.field.consultation')}
              hint={t('forum.consultationHint')}
              value={values.consultation}
              error={formErrors.consultation}
              maxLength={300}
            />
            <TextField
              name="meeting"
              label={t('forum.field.meeting')}
              hint={t('forum.meetingHint')}
              value={values.meeting}
              error={formErrors.meeting}
              maxLength={300}
            />
            <Button variant="secondary">{t('forum.link.button')}</Button>
          </form>
        </section>
      ) : null}
      {canLink && th.aspirationCode === null ? (
        <section aria-labelledby="aspirasi">
          <h2 id="aspirasi">{t('forum.file.title')}</h2>
          <p>{t('forum.file.lead')}</p>
          <form method="post" action={`/forum/utas/${th.id}/aspirasi`} novalidate>
            <CsrfField token={csrf} />
            <SelectField
              name="category"
              label={t('forum.field.category')}
              empty={t('form.choose')}
              value={values.category}
              error={formErrors.category}
              options={structure.categories.map((c) => ({
                value: c.slug,
                label: ctx.lang === 'en' ? c.nameEn : c.name,
              }))}
            />
            <LocationField
              ctx={ctx}
              places={structure.kecamatan}
              value={values.location ?? (th.kecamatan === undefined ? undefined : `k${th.kecamatan.id}`)}
              error={formErrors.location}
            />
            <Button variant="secondary">{t('forum.file.button')}</Button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export function PostPage({
  ctx,
  csrf,
  record,
  error,
  reason,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  record: { post: PostView; threadTitle: string };
  error?: string | undefined;
  reason?: string | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const post = record.post;
  return (
    <Layout ctx={ctx} title={t('forum.report.title')}>
      <BackLink href={`/forum/utas/${post.threadId}#pesan-${post.id}`}>{record.threadTitle}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={error === undefined ? {} : { reason: error }} />
      <h1>{t('forum.report.title')}</h1>
      <ol class="comments">
        <Post ctx={ctx} csrf={csrf} post={post} canModerate={false} />
      </ol>
      {post.body === null ? null : (
        <ReportForm ctx={ctx} csrf={csrf} action={`/forum/pesan/${post.id}/laporkan`} reason={reason} error={error} />
      )}
    </Layout>
  );
}

export function ForumModerationPage({
  ctx,
  csrf,
  queue,
  errors,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  queue: { post: PostView; threadTitle: string; reasons: string[] }[];
  errors: FieldErrors;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('forum.moderate.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('forum.moderate.title')}</h1>
      {queue.length === 0 ? <p>{t('moderation.empty')}</p> : null}
      {queue.map(({ post, threadTitle, reasons }) => (
        <section key={post.id} class="panel" aria-labelledby={`antrean-${post.id}`}>
          <h2 id={`antrean-${post.id}`}>
            <a href={`/forum/utas/${post.threadId}#pesan-${post.id}`}>{threadTitle}</a>
          </h2>
          <p class="meta">{t('moderation.reported', { n: reasons.length })}</p>
          <ul>
            {reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          <ol class="comments">
            <Post ctx={ctx} csrf={csrf} post={post} canModerate={false} />
          </ol>
          <ModerationDecision
            ctx={ctx}
            csrf={csrf}
            action={`/kelola/moderasi/forum/pesan/${post.id}`}
            fieldId={`reason-${post.id}`}
            other="dismiss"
            reason={undefined}
            error={errors[`reason-${post.id}`]}
          />
        </section>
      ))}
    </Layout>
  );
}
