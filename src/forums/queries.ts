/** Queries over forum threads, their posts and reports of abuse. */
import { type Insertable, sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';

const threadColumns = [
  'forum_thread.id',
  'forum_thread.body_id',
  'forum_thread.kecamatan_id',
  'forum_thread.title',
  'forum_thread.consultation_id',
  'forum_thread.meeting_id',
  'forum_thread.aspiration_code',
  'forum_thread.posts',
  'forum_thread.last_post_at',
  'forum_thread.created_at',
] as const;

/** Threads of a komisi or a kecamatan, the most recently answered first. */
export function threads(
  db: Db,
  councilId: number,
  where: { bodyId?: number; kecamatanId?: number },
  limit: number,
  offset: number,
) {
  let query = db.selectFrom('forum_thread').select(threadColumns).where('council_id', '=', councilId);
  if (where.bodyId !== undefined) query = query.where('body_id', '=', where.bodyId);
  if (where.kecamatanId !== undefined) query = query.where('kecamatan_id', '=', where.kecamatanId);
  return query.orderBy('last_post_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

export async function countThreads(db: Db, councilId: number, where: { bodyId?: number; kecamatanId?: number }) {
  let query = db
    .selectFrom('forum_thread')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('council_id', '=', councilId);
  if (where.bodyId !== undefined) query = query.where('body_id', '=', where.bodyId);
  if (where.kecamatanId !== undefined) query = query.where('kecamatan_id', '=', where.kecamatanId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** How many threads each komisi and each kecamatan has, for the forum's front page. */
export function threadCounts(db: Db, councilId: number) {
  return db
    .selectFrom('forum_thread')
    .select(['body_id', 'kecamatan_id', sql<string>`count(*)`.as('n'), sql<Date>`max(last_post_at)`.as('last')])
    .where('council_id', '=', councilId)
    .groupBy(['body_id', 'kecamatan_id'])
    .execute();
}

export function threadById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('forum_thread')
    .select(threadColumns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertThread(db: Db, values: Insertable<Database['forum_thread']>) {
  return db.insertInto('forum_thread').values(values).returning('id').executeTakeFirstOrThrow();
}

export function linkThread(
  db: Db,
  id: number,
  values: { consultation_id?: number | null; meeting_id?: number | null; aspiration_code?: string },
) {
  return db
    .updateTable('forum_thread')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

const postColumns = [
  'forum_post.id',
  'forum_post.thread_id',
  'forum_post.user_id',
  'forum_post.author_label',
  'forum_post.author_role',
  'forum_post.body',
  'forum_post.status',
  'forum_post.hidden_reason',
  'forum_post.open_reports',
  'forum_post.created_at',
] as const;

/** Adds a post and moves its thread to the top of its topic. */
export async function insertPost(db: Db, values: Insertable<Database['forum_post']>) {
  const row = await db
    .insertInto('forum_post')
    .values(values)
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  await db
    .updateTable('forum_thread')
    .set((eb) => ({ posts: eb('posts', '+', 1), last_post_at: row.created_at, updated_at: new Date() }))
    .where('id', '=', values.thread_id)
    .execute();
  return row;
}

export function postsOf(db: Db, threadId: number, limit: number, offset: number) {
  return db
    .selectFrom('forum_post')
    .select(postColumns)
    .where('thread_id', '=', threadId)
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The newest published posts of the threads of a komisi or kecamatan, for its feed. */
export function newestPosts(
  db: Db,
  councilId: number,
  where: { bodyId?: number; kecamatanId?: number },
  limit: number,
) {
  let query = db
    .selectFrom('forum_post')
    .innerJoin('forum_thread', 'forum_thread.id', 'forum_post.thread_id')
    .select(postColumns)
    .select('forum_thread.title')
    .where('forum_thread.council_id', '=', councilId)
    .where('forum_post.status', '=', 'published');
  if (where.bodyId !== undefined) query = query.where('forum_thread.body_id', '=', where.bodyId);
  if (where.kecamatanId !== undefined) query = query.where('forum_thread.kecamatan_id', '=', where.kecamatanId);
  return query.orderBy('forum_post.id', 'desc').limit(limit).execute();
}

export function postById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('forum_post')
    .innerJoin('forum_thread', 'forum_thread.id', 'forum_post.thread_id')
    .select(postColumns)
    .select('forum_thread.title')
    .where('forum_thread.council_id', '=', councilId)
    .where('forum_post.id', '=', id)
    .executeTakeFirst();
}

export async function postsSince(db: Db, userId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom('forum_post')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function postsOfUser(db: Db, userId: number) {
  return db
    .selectFrom('forum_post')
    .innerJoin('forum_thread', 'forum_thread.id', 'forum_post.thread_id')
    .select(postColumns)
    .select('forum_thread.title')
    .where('forum_post.user_id', '=', userId)
    .orderBy('forum_post.id', 'desc')
    .execute();
}

export function forgetAuthor(db: Db, userId: number) {
  return db
    .updateTable('forum_post')
    .set({ author_label: '', user_id: null, updated_at: new Date() })
    .where('user_id', '=', userId)
    .execute();
}

export async function addReport(db: Db, postId: number, userId: number | null, reason: string) {
  await db.insertInto('forum_report').values({ post_id: postId, user_id: userId, reason }).execute();
  await db
    .updateTable('forum_post')
    .set((eb) => ({ open_reports: eb('open_reports', '+', 1) }))
    .where('id', '=', postId)
    .execute();
}

export async function setPostStatus(db: Db, id: number, status: 'published' | 'hidden', reason: string | null) {
  await db
    .updateTable('forum_post')
    .set({ status, hidden_reason: reason, open_reports: 0, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await db
    .updateTable('forum_report')
    .set({ resolved_at: new Date(), updated_at: new Date() })
    .where('post_id', '=', id)
    .where('resolved_at', 'is', null)
    .execute();
}

/** Reported posts not yet looked at, with the reasons given. */
export function reportedPosts(db: Db, councilId: number) {
  const reasons = db
    .selectFrom('forum_report')
    .select(['post_id', sql<string[]>`array_agg(reason order by id)`.as('reasons')])
    .where('resolved_at', 'is', null)
    .groupBy('post_id');
  return db
    .selectFrom('forum_post')
    .innerJoin('forum_thread', 'forum_thread.id', 'forum_post.thread_id')
    .leftJoin(reasons.as('reasons'), 'reasons.post_id', 'forum_post.id')
    .select(postColumns)
    .select(['forum_thread.title', 'reasons.reasons'])
    .where('forum_thread.council_id', '=', councilId)
    .where('forum_post.open_reports', '>', 0)
    .where('forum_post.status', '=', 'published')
    .orderBy('forum_post.id')
    .limit(200)
    .execute();
}

export function threadsByIds(db: Db, ids: number[]) {
  return db.selectFrom('forum_thread').select(['id', 'title', 'posts']).where('id', 'in', ids).execute();
}

/** The thread's opening post: the words an aspiration made of the thread carries. */
export function firstPost(db: Db, threadId: number) {
  return db
    .selectFrom('forum_post')
    .select(postColumns)
    .where('thread_id', '=', threadId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function countReportedPosts(db: Db, councilId: number): Promise<number> {
  const row = await db
    .selectFrom('forum_post')
    .innerJoin('forum_thread', 'forum_thread.id', 'forum_post.thread_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('forum_thread.council_id', '=', councilId)
    .where('forum_post.open_reports', '>', 0)
    .where('forum_post.status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
