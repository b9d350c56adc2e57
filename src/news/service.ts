/**
 * News and press releases. The public relations staff (news.publish) write posts in a small safe
 * rich text (platform/rich-text.ts), with photos and links to the meetings, regulations, drafts,
 * projects, consultations and members they are about; a post is a draft until it is published, at
 * once or at a time set ahead. When the administrator asks for a second officer, a post goes to
 * review and another officer publishes it.
 * A correction after publishing is shown to readers as "diperbarui" with its date and note.
 */
import { getCouncil } from '../council/service.ts';
import type { NewsCategory, NewsLinkKind, NewsStatus } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { AtomEntry } from '../platform/feeds.ts';
import { parseRichText, type RichTextProblem } from '../platform/rich-text.ts';
import { slugify } from '../platform/slug.ts';
import { fileStore } from '../platform/storage.ts';
import {
  MAX_PHOTOS,
  type ProcessedPhoto,
  processPhoto,
  removePhotos,
  smallName,
  storedFile,
  storePhotos,
  type UploadedFile,
} from '../platform/uploads.ts';
import { type FieldError, isSingleLine } from '../platform/validation.ts';
import { isCalendarDay, jakartaDay } from '../platform/working-days.ts';
import * as q from './queries.ts';

export const CATEGORIES = [
  'paripurna',
  'komisi',
  'reses',
  'kunjungan_kerja',
  'siaran_pers',
] as const satisfies readonly NewsCategory[];
export const PHOTO_FOLDER = 'berita';
export const PAGE_SIZE = 10;
const TITLE_MAX = 200;
const SUMMARY_MAX = 400;
const TAGS_MAX = 10;

export interface NewsPhoto {
  id: number;
  width: number;
  height: number;
}

/** The kinds of record a post may be about besides meetings and members. */
export const RECORD_KINDS = [
  'regulation',
  'draft',
  'project',
  'consultation',
] as const satisfies readonly NewsLinkKind[];
export type RecordKind = (typeof RECORD_KINDS)[number];

const recordPath: Record<RecordKind, string> = {
  regulation: '/perda',
  draft: '/raperda',
  project: '/proyek',
  consultation: '/konsultasi',
};

export interface RelatedRecord {
  kind: RecordKind;
  id: number;
  title: string;
  /** A regulation's number and year. */
  enacted?: { number: string; year: number };
  /** Its public page; undefined while it is not public (a consultation that has not opened yet). */
  href: string | undefined;
}

export interface NewsPost {
  id: number;
  slug: string;
  title: string;
  summary: string;
  /** Written out by the rich-text reader: safe to place in a page as it is. */
  bodyHtml: string;
  category: NewsCategory;
  tags: string[];
  status: NewsStatus;
  publishedAt: Date | null;
  correctedAt: Date | null;
  correction: string | null;
  photoAlt: string;
  /** The first is the lead photo, the rest the gallery. */
  photos: NewsPhoto[];
  members: { id: number; slug: string; name: string }[];
  meetings: { id: number; title: string; startsAt: Date }[];
  /** Regulations, drafts, projects and consultations, in the order they were linked. */
  related: RelatedRecord[];
  authorId: number | null;
  submittedBy: number | null;
  updatedAt: Date;
}

type PostRow = NonNullable<Awaited<ReturnType<typeof q.postById>>>;

type LinkRow = Awaited<ReturnType<typeof q.linksOf>>[number];

function relatedRecord(l: LinkRow, today: string): RelatedRecord | undefined {
  const href = (kind: RecordKind) => `${recordPath[kind]}/${l.target_id}`;
  switch (l.kind) {
    case 'regulation':
      return l.regulation_title === null || l.regulation_number === null || l.regulation_year === null
        ? undefined
        : {
            kind: 'regulation',
            id: l.target_id,
            title: l.regulation_title,
            enacted: { number: l.regulation_number, year: l.regulation_year },
            href: href('regulation'),
          };
    case 'draft':
      return l.draft_title === null
        ? undefined
        : { kind: 'draft', id: l.target_id, title: l.draft_title, href: href('draft') };
    case 'project':
      return l.project_name === null
        ? undefined
        : { kind: 'project', id: l.target_id, title: l.project_name, href: href('project') };
    case 'consultation':
      return l.consultation_title === null || l.consultation_opens_on === null
        ? undefined
        : {
            kind: 'consultation',
            id: l.target_id,
            title: l.consultation_title,
            href: l.consultation_opens_on <= today ? href('consultation') : undefined,
          };
    default:
      return undefined;
  }
}

async function withDetails(deps: Pick<Deps, 'db'>, rows: PostRow[]): Promise<NewsPost[]> {
  const ids = rows.map((r) => r.id);
  const today = jakartaDay(new Date());
  const [photos, links] = await Promise.all([q.photosOf(deps.db, ids), q.linksOf(deps.db, ids)]);
  return rows.map((r) => {
    const own = links.filter((l) => l.post_id === r.id);
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      bodyHtml: r.body_html,
      category: r.category,
      tags: r.tags,
      status: r.status,
      publishedAt: r.published_at,
      correctedAt: r.corrected_at,
      correction: r.correction,
      photoAlt: r.photo_alt,
      photos: photos.filter((p) => p.post_id === r.id).map((p) => ({ id: p.id, width: p.width, height: p.height })),
      members: own.flatMap((l) =>
        l.kind === 'member' && l.member_slug !== null && l.member_name !== null
          ? [{ id: l.target_id, slug: l.member_slug, name: l.member_name }]
          : [],
      ),
      meetings: own.flatMap((l) =>
        l.kind === 'meeting' && l.meeting_title !== null && l.meeting_starts_at !== null
          ? [{ id: l.target_id, title: l.meeting_title, startsAt: l.meeting_starts_at }]
          : [],
      ),
      related: own.flatMap((l) => relatedRecord(l, today) ?? []),
      authorId: r.author_id,
      submittedBy: r.submitted_by,
      updatedAt: r.updated_at,
    };
  });
}

/** Public: published, and its time has come. */
export const isPublic = (post: Pick<NewsPost, 'status' | 'publishedAt'>, now = new Date()) =>
  post.status === 'published' && post.publishedAt !== null && post.publishedAt <= now;

// ------------------------------------------------------------------ reading

export interface NewsFilter {
  category?: NewsCategory | undefined;
  q?: string | undefined;
  page: number;
  /** 10 on the pages; the API asks for its own. */
  pageSize?: number;
}

export async function listNews(deps: Deps, filter: NewsFilter, now = new Date()) {
  const { council } = await getCouncil(deps.db);
  const f: q.PublicFilter = {
    category: filter.category,
    q: filter.q,
    now,
    offset: (filter.page - 1) * (filter.pageSize ?? PAGE_SIZE),
    limit: filter.pageSize ?? PAGE_SIZE,
  };
  const [rows, total] = await Promise.all([
    q.listPublic(deps.db, council.id, f),
    q.countPublic(deps.db, council.id, f),
  ]);
  return { posts: await withDetails(deps, rows), total: Number(total.n) };
}

/** The newest public posts, for the home page. */
export async function latestNews(deps: Deps, limit = 3, now = new Date()): Promise<NewsPost[]> {
  const { council } = await getCouncil(deps.db);
  return withDetails(deps, await q.listPublic(deps.db, council.id, { now, offset: 0, limit }));
}

/** The public posts about a record: a meeting, a regulation, a draft, a project, a consultation, or a member named. */
export async function newsAbout(
  deps: Deps,
  about: { kind: NewsLinkKind; id: number },
  limit = 5,
  now = new Date(),
): Promise<NewsPost[]> {
  const { council } = await getCouncil(deps.db);
  return withDetails(deps, await q.listPublic(deps.db, council.id, { now, offset: 0, limit, about }));
}

/** A member's name and the public posts naming them, by their page's slug; undefined for no such member. */
export async function newsNaming(deps: Deps, memberSlug: string, limit = 30, now = new Date()) {
  const { council } = await getCouncil(deps.db);
  const member = (await q.memberIdsOf(deps.db, council.id, [memberSlug]))[0];
  if (member === undefined) return undefined;
  return { name: member.name, posts: await newsAbout(deps, { kind: 'member', id: member.id }, limit, now) };
}

/** How many public posts named a member in a period ending now or at `to`. */
export async function newsNamingBetween(deps: Deps, memberId: number, from: Date, to: Date): Promise<number> {
  const { council } = await getCouncil(deps.db);
  const now = new Date(Math.min(Date.now(), to.getTime() - 1));
  const about = { kind: 'member' as const, id: memberId };
  return Number((await q.countPublic(deps.db, council.id, { about, from, now, offset: 0, limit: 0 })).n);
}

/** A post by its address: public ones for everyone; any for those who write news. */
export async function newsPost(deps: Deps, slug: string, mayPreview: boolean, now = new Date()) {
  const { council } = await getCouncil(deps.db);
  const row = await q.postBySlug(deps.db, council.id, slug);
  if (row === undefined) return undefined;
  const [post] = await withDetails(deps, [row]);
  if (post === undefined || (!mayPreview && !isPublic(post, now))) return undefined;
  return post;
}

/** A photo's file, when its post is public or the reader writes news. */
export async function newsPhoto(deps: Deps, photoId: number, small: boolean, mayPreview: boolean, now = new Date()) {
  const { council } = await getCouncil(deps.db);
  const row = await q.photoFile(deps.db, council.id, photoId);
  if (row === undefined) return undefined;
  if (!mayPreview && !isPublic({ status: row.status, publishedAt: row.published_at }, now)) return undefined;
  return storedFile(fileStore(deps.config), PHOTO_FOLDER, small ? smallName(row.file) : row.file);
}

export function atomEntries(posts: NewsPost[], base: string, label: (c: NewsCategory) => string): AtomEntry[] {
  return posts.map((p) => ({
    id: `${base}/berita/${p.slug}`,
    title: p.title,
    url: `${base}/berita/${p.slug}`,
    published: p.publishedAt ?? p.updatedAt,
    updated: p.correctedAt ?? p.publishedAt ?? p.updatedAt,
    summary: p.summary,
    category: { term: p.category, label: label(p.category) },
  }));
}

/** schema.org NewsArticle, for link previews and search engines. */
export function newsJsonLd(post: NewsPost, base: string, publisher: string): Record<string, unknown> {
  return {
    '@type': 'NewsArticle',
    headline: post.title,
    description: post.summary,
    datePublished: post.publishedAt?.toISOString(),
    dateModified: (post.correctedAt ?? post.publishedAt ?? post.updatedAt).toISOString(),
    url: `${base}/berita/${post.slug}`,
    ...(post.photos[0] === undefined ? {} : { image: [`${base}/berita/foto/${post.photos[0].id}`] }),
    articleSection: post.category,
    keywords: post.tags.join(', '),
    publisher: { '@type': 'GovernmentOrganization', name: publisher },
    author: { '@type': 'GovernmentOrganization', name: publisher },
    mentions: post.members.map((m) => ({ '@type': 'Person', name: m.name, url: `${base}/anggota/${m.slug}` })),
  };
}

export async function newsSitemap(deps: Deps) {
  const { council } = await getCouncil(deps.db);
  const rows = await q.listPublic(deps.db, council.id, { now: new Date(), offset: 0, limit: 1000 });
  return rows.map((r) => ({ path: `/berita/${r.slug}`, modified: r.corrected_at ?? r.published_at }));
}

// ------------------------------------------------------------------ the rule

export async function newsRule(deps: Pick<Deps, 'db'>): Promise<{ secondOfficer: boolean }> {
  const { council } = await getCouncil(deps.db);
  return { secondOfficer: (await q.rule(deps.db, council.id))?.second_officer ?? false };
}

export async function changeNewsRule(deps: Deps, user: CurrentUser, secondOfficer: boolean, ip?: string) {
  const { council } = await getCouncil(deps.db);
  await q.saveRule(deps.db, council.id, secondOfficer, user.id);
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'news.rule',
    subjectType: 'council',
    subjectId: council.id,
    ip,
    details: { secondOfficer },
  });
}

// ------------------------------------------------------------------ writing

export type NewsProblem =
  | 'required'
  | 'tooLong'
  | 'oneLine'
  | 'invalid'
  | 'past'
  | 'tooMany'
  | 'tooLarge'
  | 'type'
  | 'unreadable'
  | 'time'
  | `richText.${RichTextProblem}`;
export type NewsError = FieldError<NewsProblem>;

export interface PostInput {
  title: string;
  summary: string;
  body: string;
  category: string;
  tags: string;
  members: string[];
  /** The id of the meeting, regulation, draft, project and consultation the post is about, or ''. */
  meeting: string;
  regulation: string;
  draft: string;
  project: string;
  consultation: string;
  photoAlt: string;
  /** Shown to readers when a published post is changed. */
  correction: string;
  photos: UploadedFile[];
  /** Photos of the post to remove (their ids). */
  removePhotos: string[];
}

export type SaveResult = { ok: true; id: number; slug: string } | { ok: false; errors: NewsError[] };

/** Office: every post, those waiting for review first. */
export async function officeNews(deps: Deps) {
  const { council } = await getCouncil(deps.db);
  return withDetails(deps, await q.officeList(deps.db, council.id));
}

export async function officePost(deps: Deps, id: number) {
  const { council } = await getCouncil(deps.db);
  const row = await q.postById(deps.db, council.id, id);
  return row === undefined ? undefined : (await withDetails(deps, [row]))[0];
}

/** What a post may name or be about: the council's members, meetings around now, and other records. */
export async function linkChoices(deps: Deps, now = new Date()) {
  const { council } = await getCouncil(deps.db);
  const year = Number(jakartaDay(now).slice(0, 4));
  const [members, meetings, regulations, drafts, projects, consultations] = await Promise.all([
    q.membersToName(deps.db, council.id),
    q.meetingsToLink(deps.db, council.id, now),
    q.regulationsToLink(deps.db, council.id),
    q.draftsToLink(deps.db, council.id),
    q.projectsToLink(deps.db, council.id, year),
    q.consultationsToLink(deps.db, council.id),
  ]);
  return {
    members,
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, startsAt: m.starts_at })),
    regulations,
    drafts,
    projects,
    consultations,
  };
}

function oneLine(errors: NewsError[], field: string, value: string, max: number, required = true) {
  const text = value.trim();
  if (text === '') {
    if (required) errors.push({ field, problem: 'required' });
  } else if (text.length > max) errors.push({ field, problem: 'tooLong' });
  else if (!isSingleLine(text)) errors.push({ field, problem: 'oneLine' });
  return text;
}

/** Writes a new post (id undefined) or changes one; photos are added to those it has. */
export async function savePost(
  deps: Deps,
  user: CurrentUser,
  id: number | undefined,
  input: PostInput,
  ip?: string,
): Promise<SaveResult | undefined> {
  const { council } = await getCouncil(deps.db);
  const existing = id === undefined ? undefined : await q.postById(deps.db, council.id, id);
  if (id !== undefined && existing === undefined) return undefined;
  const errors: NewsError[] = [];
  const title = oneLine(errors, 'title', input.title, TITLE_MAX);
  const summary = input.summary.trim();
  if (summary === '') errors.push({ field: 'summary', problem: 'required' });
  else if (summary.length > SUMMARY_MAX) errors.push({ field: 'summary', problem: 'tooLong' });
  const body = parseRichText(input.body);
  if (input.body.trim() === '') errors.push({ field: 'body', problem: 'required' });
  else if (!body.ok) errors.push({ field: 'body', problem: `richText.${body.problem}`, name: body.detail });
  const category = CATEGORIES.find((c) => c === input.category);
  if (category === undefined)
    errors.push({ field: 'category', problem: input.category === '' ? 'required' : 'invalid' });
  const tags = [
    ...new Set(
      input.tags
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== ''),
    ),
  ];
  if (tags.length > TAGS_MAX || tags.some((t) => t.length > 40 || !isSingleLine(t)))
    errors.push({ field: 'tags', problem: tags.length > TAGS_MAX ? 'tooMany' : 'tooLong' });
  const named = await q.memberIdsOf(deps.db, council.id, [...new Set(input.members)].slice(0, 100));
  if (named.length !== new Set(input.members).size) errors.push({ field: 'members', problem: 'invalid' });
  const records: { kind: NewsLinkKind; target_id: number }[] = [];
  for (const kind of ['meeting', ...RECORD_KINDS] as const) {
    if (input[kind] === '') continue;
    const wanted = /^\d{1,9}$/.test(input[kind]) ? Number(input[kind]) : -1;
    const found = await q.recordExists(deps.db, council.id, kind, wanted);
    if (found === undefined) errors.push({ field: kind, problem: 'invalid' });
    else records.push({ kind, target_id: found.id });
  }
  const files = input.photos.filter((f) => f.data.length > 0 || f.filename !== '');
  const current = existing === undefined ? [] : await q.photosOf(deps.db, [existing.id]);
  const removed = current.filter((p) => input.removePhotos.includes(String(p.id)));
  const had = current.length - removed.length;
  if (had + files.length > MAX_PHOTOS) errors.push({ field: 'photos', problem: 'tooMany' });
  const photoAlt = oneLine(errors, 'photoAlt', input.photoAlt, 300, had + files.length > 0);
  const published = existing !== undefined && isPublic({ status: existing.status, publishedAt: existing.published_at });
  const correction = published ? oneLine(errors, 'correction', input.correction, 300) : '';
  const processed: ProcessedPhoto[] = [];
  if (errors.length === 0)
    for (const file of files) {
      const result = await processPhoto(file);
      if (!result.ok) {
        errors.push({ field: 'photos', problem: result.problem });
        break;
      }
      processed.push(result.photo);
    }
  if (errors.length > 0 || !body.ok || category === undefined) return { ok: false, errors };

  const store = fileStore(deps.config);
  const stored = await storePhotos(store, PHOTO_FOLDER, processed);
  try {
    const saved = await deps.db.transaction().execute(async (trx) => {
      let postId: number;
      let slug: string;
      const values = {
        title,
        summary,
        body_html: body.html,
        body_text: body.text,
        category,
        tags,
        photo_alt: photoAlt,
      };
      if (existing === undefined) {
        const base = slugify(title).slice(0, 80).replace(/-+$/, '') || 'berita';
        slug = base;
        for (let n = 2; (await q.slugTaken(trx, council.id, slug)) !== undefined; n++) slug = `${base}-${n}`;
        postId = (
          await q.insertPost(trx, {
            ...values,
            council_id: council.id,
            slug,
            status: 'draft',
            published_at: null,
            author_id: user.id,
          })
        ).id;
      } else {
        postId = existing.id;
        slug = existing.slug;
        await q.updatePost(trx, postId, {
          ...values,
          ...(published ? { corrected_at: new Date(), correction } : {}),
        });
      }
      await q.deletePhotos(
        trx,
        postId,
        removed.map((p) => p.id),
      );
      const first = Number((await q.nextPhotoPosition(trx, postId)).n);
      await q.insertPhotos(
        trx,
        stored.map((p, i) => ({ post_id: postId, position: first + i + 1, ...p })),
      );
      await q.replaceLinks(trx, postId, [
        ...named.map((m) => ({ kind: 'member' as NewsLinkKind, target_id: m.id })),
        ...records,
      ]);
      await recordAudit(trx, {
        actorUserId: user.id,
        actorRole: user.role,
        action: existing === undefined ? 'news.create' : published ? 'news.correct' : 'news.edit',
        subjectType: 'news_post',
        subjectId: postId,
        ip,
        details: { title, ...(published ? { correction } : {}), photos: stored.length, removed: removed.length },
      });
      return { id: postId, slug };
    });
    // The files go once the rows are gone; a file left by a failure here is only unused space.
    await removePhotos(
      store,
      PHOTO_FOLDER,
      removed.map((p) => p.file),
    );
    return { ok: true, ...saved };
  } catch (error) {
    await removePhotos(
      store,
      PHOTO_FOLDER,
      stored.map((s) => s.file),
    );
    throw error;
  }
}

export type NewsAction = 'publish' | 'submit' | 'approve' | 'return';

export type ActResult =
  | { ok: true; status: NewsStatus; scheduled: boolean }
  | { ok: false; reason: 'secondOfficer' | 'ownPost' | 'moved' }
  | { ok: false; errors: NewsError[] };

/** A day and time in WIB, or now when both are empty; must not be in the past. */
function publishTime(errors: NewsError[], day: string, time: string, now: Date): Date | null {
  if (day === '' && time === '') return null;
  if (!isCalendarDay(day)) {
    errors.push({ field: 'day', problem: day === '' ? 'required' : 'invalid' });
    return null;
  }
  const hhmm = time === '' ? '00:00' : time;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm)) {
    errors.push({ field: 'time', problem: 'time' });
    return null;
  }
  const at = new Date(`${day}T${hhmm}:00+07:00`);
  if (at.getTime() < now.getTime() - 60_000) errors.push({ field: 'day', problem: 'past' });
  return at;
}

/**
 * Moves a post on: publish (now or at a time set ahead) when no second officer is asked for;
 * otherwise submit for review, and another officer approves (publishes) or returns it to draft.
 */
export async function actOnPost(
  deps: Deps,
  user: CurrentUser,
  id: number,
  action: NewsAction,
  when: { day: string; time: string },
  ip?: string,
  now = new Date(),
): Promise<ActResult | undefined> {
  const { council } = await getCouncil(deps.db);
  const post = await q.postById(deps.db, council.id, id);
  if (post === undefined) return undefined;
  const { secondOfficer } = await newsRule(deps);
  const errors: NewsError[] = [];
  let next: {
    status: NewsStatus;
    published_at?: Date | null;
    submitted_by?: number | null;
    approved_by?: number | null;
  };
  let from: NewsStatus;
  if (action === 'publish' || action === 'submit') {
    if (post.status !== 'draft') return { ok: false, reason: 'moved' };
    if (action === 'publish' && secondOfficer) return { ok: false, reason: 'secondOfficer' };
    const at = publishTime(errors, when.day.trim(), when.time.trim(), now);
    if (errors.length > 0) return { ok: false, errors };
    from = 'draft';
    next =
      action === 'publish'
        ? { status: 'published', published_at: at ?? now, submitted_by: user.id, approved_by: null }
        : { status: 'review', published_at: at, submitted_by: user.id };
  } else {
    if (post.status !== 'review') return { ok: false, reason: 'moved' };
    // The second officer is another person than the one who asked for the review.
    if (action === 'approve' && post.submitted_by === user.id) return { ok: false, reason: 'ownPost' };
    from = 'review';
    next =
      action === 'approve'
        ? {
            status: 'published',
            published_at: post.published_at !== null && post.published_at > now ? post.published_at : now,
            approved_by: user.id,
          }
        : { status: 'draft', published_at: null, submitted_by: null };
  }
  const moved = await deps.db.transaction().execute(async (trx) => {
    const result = await q.moveStatus(trx, id, from, next);
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: `news.${action}`,
      subjectType: 'news_post',
      subjectId: id,
      ip,
      details: { publishedAt: next.published_at?.toISOString() ?? null },
    });
    return true;
  });
  if (!moved) return { ok: false, reason: 'moved' };
  const scheduled = next.published_at !== undefined && next.published_at !== null && next.published_at > now;
  return { ok: true, status: next.status, scheduled };
}

/** What waits for this officer: posts others sent for review. */
export async function waitingReview(deps: Deps, user: CurrentUser): Promise<number> {
  const { council } = await getCouncil(deps.db);
  return Number((await q.countInReview(deps.db, council.id, user.id)).n);
}
