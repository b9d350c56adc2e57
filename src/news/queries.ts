/** News: every query of posts, their photos and links, and the publishing rule. */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { NewsCategory, NewsLinkKind, NewsPostTable, NewsStatus } from '../db/schema.ts';
import { matchesWords } from '../platform/search.ts';

const postColumns = [
  'news_post.id',
  'news_post.slug',
  'news_post.title',
  'news_post.summary',
  'news_post.body_html',
  'news_post.category',
  'news_post.tags',
  'news_post.status',
  'news_post.published_at',
  'news_post.corrected_at',
  'news_post.correction',
  'news_post.photo_alt',
  'news_post.author_id',
  'news_post.submitted_by',
  'news_post.approved_by',
  'news_post.created_at',
  'news_post.updated_at',
] as const;

export function rule(db: Db, councilId: number) {
  return db.selectFrom('news_rule').select('second_officer').where('council_id', '=', councilId).executeTakeFirst();
}

export function saveRule(db: Db, councilId: number, secondOfficer: boolean, userId: number) {
  return db
    .insertInto('news_rule')
    .values({ council_id: councilId, second_officer: secondOfficer, updated_by: userId })
    .onConflict((oc) =>
      oc
        .column('council_id')
        .doUpdateSet({ second_officer: secondOfficer, updated_by: userId, updated_at: new Date() }),
    )
    .execute();
}

export interface PublicFilter {
  category?: NewsCategory | undefined;
  q?: string | undefined;
  /** Only posts linked to this record (a meeting, a member named, a regulation...). */
  about?: { kind: NewsLinkKind; id: number } | undefined;
  /** Published from this time on. */
  from?: Date | undefined;
  now: Date;
  offset: number;
  limit: number;
}

function publicPosts(db: Db, councilId: number, f: PublicFilter) {
  let query = db
    .selectFrom('news_post')
    .where('news_post.council_id', '=', councilId)
    .where('news_post.status', '=', 'published')
    .where('news_post.published_at', '<=', f.now);
  if (f.category !== undefined) query = query.where('news_post.category', '=', f.category);
  if (f.from !== undefined) query = query.where('news_post.published_at', '>=', f.from);
  if (f.q !== undefined) query = query.where(matchesWords(sql`news_post.search`, f.q));
  const about = f.about;
  if (about !== undefined)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('news_link')
          .select('news_link.id')
          .whereRef('news_link.post_id', '=', 'news_post.id')
          .where('news_link.kind', '=', about.kind)
          .where('news_link.target_id', '=', about.id),
      ),
    );
  return query;
}

export function listPublic(db: Db, councilId: number, f: PublicFilter) {
  return publicPosts(db, councilId, f)
    .select(postColumns)
    .orderBy('news_post.published_at', 'desc')
    .orderBy('news_post.id', 'desc')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
}

export function countPublic(db: Db, councilId: number, f: PublicFilter) {
  return publicPosts(db, councilId, f)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
}

export function postBySlug(db: Db, councilId: number, slug: string) {
  return db
    .selectFrom('news_post')
    .select(postColumns)
    .where('council_id', '=', councilId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function postById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('news_post')
    .select(postColumns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function officeList(db: Db, councilId: number) {
  return db
    .selectFrom('news_post')
    .select(postColumns)
    .where('news_post.council_id', '=', councilId)
    .orderBy(sql`case news_post.status when 'review' then 0 when 'draft' then 1 else 2 end`)
    .orderBy('news_post.updated_at', 'desc')
    .limit(500)
    .execute();
}

export function countInReview(db: Db, councilId: number, notBy: number) {
  return db
    .selectFrom('news_post')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('council_id', '=', councilId)
    .where('status', '=', 'review')
    .where((eb) => eb.or([eb('submitted_by', 'is', null), eb('submitted_by', '!=', notBy)]))
    .executeTakeFirstOrThrow();
}

export function slugTaken(db: Db, councilId: number, slug: string) {
  return db
    .selectFrom('news_post')
    .select('id')
    .where('council_id', '=', councilId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

type PostValues = Omit<
  NewsPostTable,
  'id' | 'search' | 'created_at' | 'updated_at' | 'corrected_at' | 'correction' | 'submitted_by' | 'approved_by'
>;

export function insertPost(db: Db, values: PostValues) {
  return db.insertInto('news_post').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updatePost(
  db: Db,
  id: number,
  values: Partial<Omit<NewsPostTable, 'id' | 'search' | 'created_at' | 'council_id'>>,
) {
  return db
    .updateTable('news_post')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Moves a post on only from the status it was read in: two officers at once cannot both move it. */
export function moveStatus(
  db: Db,
  id: number,
  from: NewsStatus,
  values: { status: NewsStatus; published_at?: Date | null; submitted_by?: number | null; approved_by?: number | null },
) {
  return db
    .updateTable('news_post')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
}

export function photosOf(db: Db, postIds: number[]) {
  if (postIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('news_photo')
    .select(['id', 'post_id', 'position', 'file', 'width', 'height', 'caption'])
    .where('post_id', 'in', postIds)
    .orderBy('post_id')
    .orderBy('position')
    .execute();
}

export function insertPhotos(
  db: Db,
  rows: { post_id: number; position: number; file: string; width: number; height: number; bytes: number }[],
) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('news_photo').values(rows).execute();
}

export function deletePhotos(db: Db, postId: number, ids: number[]) {
  if (ids.length === 0) return Promise.resolve();
  return db.deleteFrom('news_photo').where('post_id', '=', postId).where('id', 'in', ids).execute();
}

export function nextPhotoPosition(db: Db, postId: number) {
  return db
    .selectFrom('news_photo')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('n'))
    .where('post_id', '=', postId)
    .executeTakeFirstOrThrow();
}

export function photoFile(db: Db, councilId: number, photoId: number) {
  return db
    .selectFrom('news_photo')
    .innerJoin('news_post', 'news_post.id', 'news_photo.post_id')
    .select(['news_photo.file', 'news_post.status', 'news_post.published_at'])
    .where('news_post.council_id', '=', councilId)
    .where('news_photo.id', '=', photoId)
    .executeTakeFirst();
}

export function linksOf(db: Db, postIds: number[]) {
  if (postIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('news_link')
    .leftJoin('member', (j) => j.onRef('member.id', '=', 'news_link.target_id').on('news_link.kind', '=', 'member'))
    .leftJoin('meeting', (j) => j.onRef('meeting.id', '=', 'news_link.target_id').on('news_link.kind', '=', 'meeting'))
    .leftJoin('regulation', (j) =>
      j.onRef('regulation.id', '=', 'news_link.target_id').on('news_link.kind', '=', 'regulation'),
    )
    .leftJoin('raperda', (j) => j.onRef('raperda.id', '=', 'news_link.target_id').on('news_link.kind', '=', 'draft'))
    .leftJoin('project', (j) => j.onRef('project.id', '=', 'news_link.target_id').on('news_link.kind', '=', 'project'))
    .leftJoin('consultation', (j) =>
      j.onRef('consultation.id', '=', 'news_link.target_id').on('news_link.kind', '=', 'consultation'),
    )
    .select([
      'news_link.post_id',
      'news_link.kind',
      'news_link.target_id',
      'member.slug as member_slug',
      'member.name as member_name',
      'meeting.title as meeting_title',
      'meeting.starts_at as meeting_starts_at',
      'regulation.number as regulation_number',
      'regulation.year as regulation_year',
      'regulation.title as regulation_title',
      'raperda.title as draft_title',
      'project.name as project_name',
      'consultation.title as consultation_title',
      'consultation.opens_on as consultation_opens_on',
    ])
    .where('news_link.post_id', 'in', postIds)
    .orderBy('news_link.id')
    .execute();
}

export async function replaceLinks(db: Db, postId: number, links: { kind: NewsLinkKind; target_id: number }[]) {
  await db.deleteFrom('news_link').where('post_id', '=', postId).execute();
  if (links.length > 0)
    await db
      .insertInto('news_link')
      .values(links.map((l) => ({ post_id: postId, ...l })))
      .execute();
}

/** Members of the council to name in a post, by name. */
export function membersToName(db: Db, councilId: number) {
  return db
    .selectFrom('member')
    .select(['id', 'slug', 'name'])
    .where('council_id', '=', councilId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

/** Meetings a post may be about: those of the last 90 days and the next 30, newest first. */
export function meetingsToLink(db: Db, councilId: number, now: Date) {
  return db
    .selectFrom('meeting')
    .select(['id', 'title', 'starts_at'])
    .where('council_id', '=', councilId)
    .where('starts_at', '>=', new Date(now.getTime() - 90 * 86_400_000))
    .where('starts_at', '<=', new Date(now.getTime() + 30 * 86_400_000))
    .orderBy('starts_at', 'desc')
    .limit(200)
    .execute();
}

/** Regulations a post may be about: the newest first. */
export function regulationsToLink(db: Db, councilId: number) {
  return db
    .selectFrom('regulation')
    .select(['id', 'number', 'year', 'title'])
    .where('council_id', '=', councilId)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .limit(300)
    .execute();
}

/** Drafts a post may be about: those of the newest Propemperda years first. */
export function draftsToLink(db: Db, councilId: number) {
  return db
    .selectFrom('raperda')
    .select(['id', 'title', 'propemperda_year as year'])
    .where('council_id', '=', councilId)
    .orderBy('propemperda_year', 'desc')
    .orderBy('title')
    .limit(300)
    .execute();
}

/** Projects a post may be about: this year's and the two before, by name. */
export function projectsToLink(db: Db, councilId: number, year: number) {
  return db
    .selectFrom('project')
    .select(['id', 'name', 'year'])
    .where('council_id', '=', councilId)
    .where('year', '>=', year - 2)
    .orderBy('year', 'desc')
    .orderBy('name')
    .limit(500)
    .execute();
}

/** Consultations a post may be about, the newest first (those not yet open too: a post may announce one). */
export function consultationsToLink(db: Db, councilId: number) {
  return db
    .selectFrom('consultation')
    .select(['id', 'title', 'opens_on'])
    .where('council_id', '=', councilId)
    .orderBy('opens_on', 'desc')
    .limit(200)
    .execute();
}

const linkTable = {
  meeting: 'meeting',
  regulation: 'regulation',
  draft: 'raperda',
  project: 'project',
  consultation: 'consultation',
} as const;

/** Whether the council has this meeting, regulation, draft, project or consultation. */
export function recordExists(db: Db, councilId: number, kind: keyof typeof linkTable, id: number) {
  return db
    .selectFrom(linkTable[kind])
    .select('id')
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function memberIdsOf(db: Db, councilId: number, slugs: string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('member')
    .select(['id', 'slug', 'name'])
    .where('council_id', '=', councilId)
    .where('slug', 'in', slugs)
    .execute();
}
