/**
 * Discussion forums: a topic per komisi and per kecamatan, derived from the council's structure.
 * Citizens with an account start threads and reply; members and staff answer under the badge of
 * their role; anyone may follow a thread by email (confirmed, with a stop link in every message)
 * and report a post; moderators hide a post with a reason shown in its place. A member or staff
 * can link a thread to the consultation or the meeting where its subject is taken up.
 */
import { type MeetingView, meeting } from '../agenda/service.ts';
import { submitAspiration } from '../aspirations/service.ts';
import { consultation } from '../consultations/service.ts';
import { type Body, type CouncilStructure, getCouncil, type Kecamatan } from '../council/service.ts';
import type { ForumRole } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { PersonalDataHooks, SitemapEntry, WaitingWork } from '../platform/feature.ts';
import { translator } from '../platform/i18n.ts';
import { enqueueMessage } from '../platform/outbox.ts';
import { can } from '../platform/permissions.ts';
import { pushToFollowers } from '../platform/push.ts';
import { askToFollow, confirmedSubscribers, followSection, stopLink } from '../platform/subscriptions.ts';
import { type FieldError, isSingleLine } from '../platform/validation.ts';
import * as q from './queries.ts';

export const THREADS_PER_PAGE = 20;
export const POSTS_PER_PAGE = 30;
/** More posts than this in ten minutes from one account is a flood. */
export const POSTS_PER_10_MINUTES = 5;
export const MAX_LINKS = 2;

/** A topic: the threads of one komisi, or of one kecamatan. */
export type Topic = { kind: 'komisi'; body: Body } | { kind: 'kecamatan'; kecamatan: Kecamatan };

export function topicPath(topic: Topic): string {
  return topic.kind === 'komisi' ? `/forum/komisi/${topic.body.slug}` : `/forum/kecamatan/${topic.kecamatan.slug}`;
}

export function topicName(topic: Topic): string {
  return topic.kind === 'komisi' ? topic.body.name : topic.kecamatan.name;
}

export function findTopic(structure: CouncilStructure, kind: string, slug: string): Topic | undefined {
  if (kind === 'komisi') {
    const body = structure.komisi.find((b) => b.slug === slug);
    return body === undefined ? undefined : { kind, body };
  }
  if (kind === 'kecamatan') {
    const kecamatan = structure.kecamatan.find((k) => k.slug === slug);
    return kecamatan === undefined ? undefined : { kind, kecamatan };
  }
  return undefined;
}

export interface ThreadSummary {
  id: number;
  title: string;
  body: Body | undefined;
  kecamatan: Kecamatan | undefined;
  posts: number;
  lastPostAt: Date;
  createdAt: Date;
  consultationId: number | null;
  meetingId: number | null;
  /** The aspiration the thread was filed as, by its tracking code. */
  aspirationCode: string | null;
}

type ThreadRow = NonNullable<Awaited<ReturnType<typeof q.threadById>>>;
function toThread(structure: CouncilStructure, r: ThreadRow): ThreadSummary {
  return {
    id: r.id,
    title: r.title,
    body: structure.bodies.find((b) => b.id === r.body_id),
    kecamatan: structure.kecamatan.find((k) => k.id === r.kecamatan_id),
    posts: r.posts,
    lastPostAt: r.last_post_at,
    createdAt: r.created_at,
    consultationId: r.consultation_id,
    meetingId: r.meeting_id,
    aspirationCode: r.aspiration_code,
  };
}

export interface PostView {
  id: number;
  threadId: number;
  userId: number | null;
  author: string;
  role: ForumRole | null;
  /** The words, or null when a moderator hid them. */
  body: string | null;
  hiddenReason: string | null;
  createdAt: Date;
}

type PostRow = Awaited<ReturnType<typeof q.postsOf>>[number];
function toPost(r: PostRow): PostView {
  return {
    id: r.id,
    threadId: r.thread_id,
    userId: r.user_id,
    author: r.author_label,
    role: r.author_role,
    body: r.status === 'hidden' ? null : r.body,
    hiddenReason: r.hidden_reason,
    createdAt: r.created_at,
  };
}

// ------------------------------------------------------------------------------ reading

export interface ForumFront {
  komisi: { topic: Topic; threads: number; last: Date | null }[];
  kecamatan: { topic: Topic; threads: number; last: Date | null }[];
  recent: ThreadSummary[];
}

export async function forumFront(deps: Deps): Promise<ForumFront> {
  const structure = await getCouncil(deps.db);
  const [counts, recent] = await Promise.all([
    q.threadCounts(deps.db, structure.council.id),
    q.threads(deps.db, structure.council.id, {}, 5, 0),
  ]);
  const tally = (match: (c: (typeof counts)[number]) => boolean) => {
    const rows = counts.filter(match);
    const last = rows.reduce<Date | null>((m, r) => (m === null || r.last > m ? new Date(r.last) : m), null);
    return { threads: rows.reduce((n, r) => n + Number(r.n), 0), last };
  };
  return {
    komisi: structure.komisi.map((body) => ({
      topic: { kind: 'komisi', body },
      ...tally((c) => c.body_id === body.id),
    })),
    kecamatan: structure.kecamatan.map((kecamatan) => ({
      topic: { kind: 'kecamatan', kecamatan },
      ...tally((c) => c.kecamatan_id === kecamatan.id),
    })),
    recent: recent.map((r) => toThread(structure, r)),
  };
}

const whereOf = (topic: Topic) =>
  topic.kind === 'komisi' ? { bodyId: topic.body.id } : { kecamatanId: topic.kecamatan.id };

export async function topicPage(deps: Deps, kind: string, slug: string, page: number) {
  const structure = await getCouncil(deps.db);
  const topic = findTopic(structure, kind, slug);
  if (topic === undefined) return undefined;
  const total = await q.countThreads(deps.db, structure.council.id, whereOf(topic));
  const pages = Math.max(1, Math.ceil(total / THREADS_PER_PAGE));
  const current = Math.min(page, pages);
  const rows = await q.threads(
    deps.db,
    structure.council.id,
    whereOf(topic),
    THREADS_PER_PAGE,
    (current - 1) * THREADS_PER_PAGE,
  );
  return { topic, threads: rows.map((r) => toThread(structure, r)), page: current, pages };
}

/** The newest posts of a topic, for its Atom feed: hidden posts are not in it. */
export async function topicFeed(deps: Deps, kind: string, slug: string) {
  const structure = await getCouncil(deps.db);
  const topic = findTopic(structure, kind, slug);
  if (topic === undefined) return undefined;
  const rows = await q.newestPosts(deps.db, structure.council.id, whereOf(topic), 50);
  return { topic, council: structure.council.name, posts: rows.map((r) => ({ ...toPost(r), title: r.title })) };
}

export interface ThreadRecord {
  thread: ThreadSummary;
  posts: PostView[];
  page: number;
  pages: number;
  consultation: { id: number; title: string } | undefined;
  meeting: MeetingView | undefined;
}

export async function threadRecord(deps: Deps, id: number, page = 1): Promise<ThreadRecord | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.threadById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const thread = toThread(structure, row);
  const pages = Math.max(1, Math.ceil(thread.posts / POSTS_PER_PAGE));
  const current = Math.min(page, pages);
  const [posts, linkedConsultation, linkedMeeting] = await Promise.all([
    q.postsOf(deps.db, id, POSTS_PER_PAGE, (current - 1) * POSTS_PER_PAGE),
    thread.consultationId === null ? undefined : consultation(deps, thread.consultationId),
    thread.meetingId === null ? undefined : meeting(deps, thread.meetingId),
  ]);
  return {
    thread,
    posts: posts.map(toPost),
    page: current,
    pages,
    consultation:
      linkedConsultation === undefined
        ? undefined
        : { id: linkedConsultation.consultation.id, title: linkedConsultation.consultation.title },
    meeting: linkedMeeting?.view,
  };
}

export async function postRecord(deps: Deps, id: number) {
  const structure = await getCouncil(deps.db);
  const row = await q.postById(deps.db, structure.council.id, id);
  return row === undefined ? undefined : { post: toPost(row), threadTitle: row.title };
}

// ------------------------------------------------------------------------------ taking part

export type ForumProblem = 'required' | 'tooLong' | 'invalid' | 'oneLine' | 'links' | 'tooFast';
export type ForumError = FieldError<ForumProblem>;

const linkPattern = /(https?:\/\/|www\.)/gi;

function checkPost(body: string, errors: ForumError[]) {
  if (body.length < 10) errors.push({ field: 'body', problem: 'required' });
  else if (body.length > 5000) errors.push({ field: 'body', problem: 'tooLong', max: 5000 });
  else if ((body.match(linkPattern)?.length ?? 0) > MAX_LINKS)
    errors.push({ field: 'body', problem: 'links', max: MAX_LINKS });
}

/** The badge a post carries: the role of an official (the PPID officer is of the secretariat), none for a citizen. */
const roleOf = (user: CurrentUser): ForumRole | null =>
  user.role === 'citizen' ? null : user.role === 'ppid' ? 'staff' : user.role;

async function flooding(deps: Deps, user: CurrentUser): Promise<boolean> {
  return (await q.postsSince(deps.db, user.id, new Date(Date.now() - 10 * 60_000))) >= POSTS_PER_10_MINUTES;
}

export async function startThread(
  deps: Deps,
  user: CurrentUser,
  input: { title: string; body: string; komisi: string; kecamatan: string },
): Promise<{ ok: true; id: number } | { ok: false; errors: ForumError[] }> {
  const structure = await getCouncil(deps.db);
  const errors: ForumError[] = [];
  const title = input.title.trim();
  if (title.length < 5) errors.push({ field: 'title', problem: 'required' });
  else if (title.length > 200) errors.push({ field: 'title', problem: 'tooLong', max: 200 });
  else if (!isSingleLine(title)) errors.push({ field: 'title', problem: 'oneLine' });
  const body = input.body.trim();
  checkPost(body, errors);
  const komisi = structure.komisi.find((b) => b.slug === input.komisi);
  if (komisi === undefined) errors.push({ field: 'komisi', problem: input.komisi === '' ? 'required' : 'invalid' });
  const kecamatan = input.kecamatan === '' ? null : structure.kecamatan.find((k) => k.slug === input.kecamatan);
  if (kecamatan === undefined) errors.push({ field: 'kecamatan', problem: 'invalid' });
  if (errors.length === 0 && (await flooding(deps, user))) errors.push({ field: 'body', problem: 'tooFast' });
  if (errors.length > 0 || komisi === undefined || kecamatan === undefined) return { ok: false, errors };
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await q.insertThread(trx, {
      council_id: structure.council.id,
      body_id: komisi.id,
      kecamatan_id: kecamatan?.id ?? null,
      title,
    });
    await q.insertPost(trx, {
      thread_id: id,
      user_id: user.id,
      author_label: user.name,
      author_role: roleOf(user),
      body,
    });
    return id;
  });
  return { ok: true, id };
}

/** A reply; everyone who follows the thread by email is told, with a link to stop. */
export async function reply(
  deps: Deps,
  user: CurrentUser,
  threadId: number,
  raw: string,
): Promise<{ ok: true; id: number } | { ok: false; errors: ForumError[] } | { ok: false; missing: true }> {
  const structure = await getCouncil(deps.db);
  const thread = await q.threadById(deps.db, structure.council.id, threadId);
  if (thread === undefined) return { ok: false, missing: true };
  const errors: ForumError[] = [];
  const body = raw.trim();
  checkPost(body, errors);
  if (errors.length === 0 && (await flooding(deps, user))) errors.push({ field: 'body', problem: 'tooFast' });
  if (errors.length > 0) return { ok: false, errors };
  const t = translator(deps.config.defaultLanguage);
  const id = await deps.db.transaction().execute(async (trx) => {
    const post = await q.insertPost(trx, {
      thread_id: threadId,
      user_id: user.id,
      author_label: user.name,
      author_role: roleOf(user),
      body,
    });
    await pushToFollowers(
      trx,
      deps.sealer,
      { type: 'forum', id: threadId },
      {
        title: thread.title,
        body: t('forum.push.reply', { author: user.name }),
        url: `/forum/utas/${threadId}#pesan-${post.id}`,
      },
    );
    const badge = roleOf(user);
    const author = badge === null ? user.name : `${user.name} (${t(`forum.role.${badge}`)})`;
    for (const follower of await confirmedSubscribers(trx, deps.sealer, { type: 'forum', id: threadId })) {
      await enqueueMessage(trx, deps.sealer, {
        channel: 'email',
        to: follower.email,
        subject: t('forum.mail.reply.subject', { title: thread.title }),
        text: t('forum.mail.reply.body', {
          title: thread.title,
          author,
          text: body,
          link: `${deps.config.publicBaseUrl}/forum/utas/${threadId}#pesan-${post.id}`,
          stop: stopLink(deps, 'forum', follower.id),
          site: structure.council.name,
        }),
        topic: `forum:${threadId}`,
      });
    }
    return post.id;
  });
  return { ok: true, id };
}

export async function followThread(
  deps: Deps,
  id: number,
  rawEmail: string,
): Promise<{ ok: true } | { ok: false; problem: 'email' | 'missing' }> {
  const structure = await getCouncil(deps.db);
  const thread = await q.threadById(deps.db, structure.council.id, id);
  if (thread === undefined) return { ok: false, problem: 'missing' };
  const t = translator(deps.config.defaultLanguage);
  return askToFollow(deps, { type: 'forum', id }, rawEmail, (link) => ({
    subject: t('forum.mail.confirm.subject', { title: thread.title }),
    text: t('forum.mail.confirm.body', { title: thread.title, link, site: structure.council.name }),
  }));
}

export async function reportPost(
  deps: Deps,
  user: CurrentUser | null,
  postId: number,
  rawReason: string,
): Promise<'reported' | 'reason' | 'missing'> {
  const structure = await getCouncil(deps.db);
  const row = await q.postById(deps.db, structure.council.id, postId);
  if (row === undefined || row.status !== 'published') return 'missing';
  const reason = rawReason.trim();
  if (reason.length < 3 || reason.length > 500) return 'reason';
  await deps.db.transaction().execute((trx) => q.addReport(trx, postId, user?.id ?? null, reason));
  return 'reported';
}

/** Links a thread to the consultation or the meeting where its subject is taken up. */
export async function linkThread(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: { consultation: string; meeting: string },
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: ForumError[] } | undefined> {
  const structure = await getCouncil(deps.db);
  const thread = await q.threadById(deps.db, structure.council.id, id);
  if (thread === undefined) return undefined;
  const errors: ForumError[] = [];
  const number = (raw: string, path: string) => {
    const value = raw.trim().replace(new RegExp(`^.*/${path}/`), '');
    return value === '' ? null : /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  };
  const consultationId = number(input.consultation, 'konsultasi');
  const meetingId = number(input.meeting, 'agenda');
  if (consultationId === null && meetingId === null) errors.push({ field: 'consultation', problem: 'required' });
  if (
    consultationId !== null &&
    (Number.isNaN(consultationId) || (await consultation(deps, consultationId)) === undefined)
  )
    errors.push({ field: 'consultation', problem: 'invalid' });
  if (meetingId !== null && (Number.isNaN(meetingId) || (await meeting(deps, meetingId)) === undefined))
    errors.push({ field: 'meeting', problem: 'invalid' });
  if (errors.length > 0) return { ok: false, errors };
  await deps.db.transaction().execute(async (trx) => {
    await q.linkThread(trx, id, {
      ...(consultationId === null ? {} : { consultation_id: consultationId }),
      ...(meetingId === null ? {} : { meeting_id: meetingId }),
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'forum.thread-linked',
      subjectType: 'forum_thread',
      subjectId: id,
      ip,
      details: { consultation: consultationId, meeting: meetingId },
    });
  });
  return { ok: true };
}

/**
 * Files a thread as an aspiration, entered by the member or officer who does it (channel
 * 'forum'): the thread's title and opening words, the category and place they choose. No personal
 * data of the thread's author goes with it (they posted in public, not to the council's case
 * files); the thread links to the aspiration's public page, where everyone can follow it.
 */
export async function fileAsAspiration(
  deps: Deps,
  user: CurrentUser,
  threadId: number,
  input: { category: string; location: string },
): Promise<{ ok: true; code: string } | { ok: false; errors: ForumError[] } | undefined> {
  const structure = await getCouncil(deps.db);
  const thread = await q.threadById(deps.db, structure.council.id, threadId);
  if (thread === undefined) return undefined;
  const first = await q.firstPost(deps.db, threadId);
  if (thread.aspiration_code !== null || first === undefined || first.status !== 'published')
    return { ok: false, errors: [{ field: 'category', problem: 'invalid' }] };
  const result = await submitAspiration(deps, {
    kind: 'aspirasi',
    category: input.category,
    location: input.location,
    title: thread.title.length > 150 ? `${thread.title.slice(0, 149)}…` : thread.title,
    description: first.body,
    showName: false,
    consent: false,
    channel: 'forum',
    photos: [],
    userId: null,
    enteredBy: user,
  });
  if (!result.ok) {
    const errors: ForumError[] = result.errors.map((e) => ({
      field: e.field === 'location' ? 'location' : 'category',
      problem: e.problem === 'required' ? 'required' : 'invalid',
    }));
    return { ok: false, errors };
  }
  await deps.db.transaction().execute(async (trx) => {
    await q.linkThread(trx, threadId, { aspiration_code: result.code });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'forum.thread-filed',
      subjectType: 'forum_thread',
      subjectId: threadId,
      details: { aspiration: result.code },
    });
  });
  return { ok: true, code: result.code };
}

// ------------------------------------------------------------------------------ moderation

export async function reportedPosts(deps: Deps) {
  const structure = await getCouncil(deps.db);
  const rows = await q.reportedPosts(deps.db, structure.council.id);
  return rows.map((r) => ({ post: toPost(r), threadTitle: r.title, reasons: r.reasons ?? [] }));
}

export async function moderatePost(
  deps: Deps,
  user: CurrentUser,
  postId: number,
  action: string,
  rawReason: string,
  ip: string,
): Promise<{ ok: true; threadId: number } | { ok: false; field: string; problem: ForumProblem } | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.postById(deps.db, structure.council.id, postId);
  if (row === undefined) return undefined;
  const field = `reason-${postId}`;
  if (action !== 'hide' && action !== 'restore' && action !== 'dismiss')
    return { ok: false, field, problem: 'invalid' };
  const reason = rawReason.trim();
  if (action === 'hide' && reason.length < 5) return { ok: false, field, problem: 'required' };
  if (reason.length > 300) return { ok: false, field, problem: 'tooLong' };
  await deps.db.transaction().execute(async (trx) => {
    await q.setPostStatus(
      trx,
      postId,
      action === 'hide' ? 'hidden' : action === 'restore' ? 'published' : row.status,
      action === 'hide' ? reason : action === 'restore' ? null : row.hidden_reason,
    );
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: `forum.post-${action}`,
      subjectType: 'forum_post',
      subjectId: postId,
      ip,
      details: action === 'hide' ? { reason } : undefined,
    });
  });
  return { ok: true, threadId: row.thread_id };
}

// ------------------------------------------------------------------------------ the feature's duties

export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const structure = await getCouncil(deps.db);
  return [
    { path: '/forum' },
    ...structure.komisi.map((b) => ({ path: `/forum/komisi/${b.slug}` })),
    ...structure.kecamatan.map((k) => ({ path: `/forum/kecamatan/${k.slug}` })),
  ];
}

export async function waitingForums(deps: Deps, user: CurrentUser): Promise<WaitingWork[]> {
  if (!can(user.role, 'forum.moderate')) return [];
  const structure = await getCouncil(deps.db);
  const count = await q.countReportedPosts(deps.db, structure.council.id);
  return count === 0
    ? []
    : [{ href: '/kelola/moderasi/forum', label: 'forum.waiting.moderate', count, overdue: 0, due: null }];
}

export const forumPersonalData: PersonalDataHooks = {
  async copy(deps, subject) {
    const rows = await q.postsOfUser(deps.db, subject.userId);
    return [
      await followSection(
        deps,
        subject,
        'forum',
        { key: 'followedThreads', title: 'forum.followedByYou' },
        async (ids) =>
          (await q.threadsByIds(deps.db, ids)).map((th) => ({
            id: th.id,
            href: `/forum/utas/${th.id}`,
            text: th.title,
            state: 'forum.followed',
          })),
      ),
      {
        key: 'forumPosts',
        title: 'forum.yourPosts',
        items: rows.map((r) => ({
          link: { href: `/forum/utas/${r.thread_id}#pesan-${r.id}`, text: r.title },
          text: r.body,
          at: r.created_at,
          record: { id: r.id, thread: r.title, text: r.body, status: r.status, createdAt: r.created_at.toISOString() },
        })),
      },
    ];
  },
  async forget(db, { userId }) {
    await q.forgetAuthor(db, userId);
  },
};
