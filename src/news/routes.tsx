/**
 * News. Everyone: /berita (search, category, pages), /berita/:slug (a post), /berita.atom (per
 * category or member), /berita/foto/:foto. Public relations staff (news.publish): /kelola/berita
 * (every post; the rule for administrators), /kelola/berita/baru, /kelola/berita/:id (change, with
 * photos), /kelola/berita/:id/langkah (publish, send for approval, approve, return).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import type { NewsCategory } from '../db/schema.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { atomFeed } from '../platform/feeds.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { can } from '../platform/permissions.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../platform/uploads.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import {
  actOnPost,
  atomEntries,
  CATEGORIES,
  changeNewsRule,
  isPublic,
  linkChoices,
  listNews,
  type NewsAction,
  type NewsError,
  type NewsPost,
  type NewsProblem,
  newsJsonLd,
  newsNaming,
  newsPhoto,
  newsPost,
  newsRule,
  officeNews,
  officePost,
  RECORD_KINDS,
  savePost,
} from './service.ts';
import { NewsFormPage, OfficeNewsPage } from './views/office.tsx';
import { NewsListPage, NewsPostPage } from './views/pages.tsx';

const problemTexts = {
  required: 'news.problem.required',
  tooLong: 'news.problem.tooLong',
  oneLine: 'form.singleLine',
  invalid: 'news.problem.invalid',
  past: 'news.problem.past',
  tooMany: 'news.problem.tooMany',
  tooLarge: 'news.problem.tooLarge',
  type: 'news.problem.type',
  unreadable: 'news.problem.unreadable',
  time: 'news.problem.time',
  'richText.tag': 'news.problem.richText.tag',
  'richText.attribute': 'news.problem.richText.attribute',
  'richText.link': 'news.problem.richText.link',
  'richText.comment': 'news.problem.richText.comment',
  'richText.broken': 'news.problem.richText.broken',
  'richText.nesting': 'news.problem.richText.nesting',
  'richText.tooLong': 'news.problem.richText.tooLong',
} as const satisfies Record<NewsProblem, MessageKey>;

const fieldWords = {
  title: { name: 'news.field.title', required: 'news.required.title' },
  summary: { name: 'news.field.summary', required: 'news.required.summary' },
  body: { name: 'news.field.body', required: 'news.required.body' },
  category: { name: 'news.category', required: 'news.required.category' },
  tags: { name: 'news.field.tags' },
  meeting: { name: 'news.field.meeting' },
  regulation: { name: 'news.field.regulation' },
  draft: { name: 'news.field.draft' },
  project: { name: 'news.field.project' },
  consultation: { name: 'news.field.consultation' },
  members: { name: 'news.field.members' },
  photos: { name: 'news.field.photos' },
  photoAlt: { name: 'news.field.photoAlt', required: 'news.required.photoAlt' },
  correction: { name: 'news.field.correction', required: 'news.required.correction' },
  day: { name: 'news.field.dayName', required: 'news.required.day' },
  time: { name: 'news.field.time' },
} as const satisfies FieldWords;

const notices: Record<string, MessageKey> = {
  disimpan: 'news.notice.saved',
  diubah: 'news.notice.changed',
  terbit: 'news.notice.published',
  terjadwal: 'news.notice.scheduled',
  ditinjau: 'news.notice.review',
  dikembalikan: 'news.notice.returned',
  'petugas-kedua': 'news.notice.secondOfficer',
  sendiri: 'news.notice.ownPost',
  berubah: 'news.notice.moved',
  aturan: 'news.notice.rule',
};
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

const categoryOf = (value: string | undefined) => CATEGORIES.find((c) => c === value);

const ListQuery = Type.Object({
  lang: optionalText(5),
  q: optionalText(200),
  kategori: optionalText(40),
  hal: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
const FeedQuery = Type.Object({ kategori: optionalText(40), anggota: optionalText(200) });
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });
const PhotoParams = Type.Object({ foto: Type.String({ pattern: '^\\d{1,9}(-kecil)?$' }) });
const NoticeQuery = Type.Object({ lang: optionalText(5), pesan: optionalText(40) });
const RuleBody = Type.Object({ _csrf: optionalText(200), secondOfficer: optionalText(5) });
const StepBody = Type.Object({
  _csrf: optionalText(200),
  action: Type.Optional(
    Type.Union([Type.Literal('publish'), Type.Literal('submit'), Type.Literal('approve'), Type.Literal('return')]),
  ),
  day: optionalText(20),
  time: optionalText(10),
});

const ApiQuery = Type.Object({
  q: optionalText(200),
  category: Type.Optional(Type.Union(CATEGORIES.map((c) => Type.Literal(c)))),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  lang: optionalText(5),
});
const NewsJson = Type.Object({
  slug: Type.String(),
  url: Type.String({ format: 'uri' }),
  title: Type.String(),
  summary: Type.String(),
  body_html: Type.String({ description: 'Only p, h2, h3, ul, ol, li, blockquote, a[href], strong, em, br' }),
  category: Type.String({ description: `One of ${CATEGORIES.join(', ')}` }),
  tags: Type.Array(Type.String()),
  published_at: Type.String({ format: 'date-time' }),
  corrected_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  correction: Type.Union([Type.String(), Type.Null()]),
  photos: Type.Array(
    Type.Object({
      url: Type.String({ format: 'uri' }),
      small_url: Type.String({ format: 'uri' }),
      width: Type.Integer(),
      height: Type.Integer(),
      description: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  members: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String({ format: 'uri' }) })),
  meetings: Type.Array(
    Type.Object({ id: Type.Integer(), title: Type.String(), starts_at: Type.String({ format: 'date-time' }) }),
  ),
  related: Type.Array(
    Type.Object({
      kind: Type.Union([
        Type.Literal('regulation'),
        Type.Literal('draft'),
        Type.Literal('project'),
        Type.Literal('consultation'),
      ]),
      id: Type.Integer(),
      title: Type.String(),
      number: Type.Optional(Type.String({ description: "A regulation's number" })),
      year: Type.Optional(Type.Integer({ description: "A regulation's year" })),
      url: Type.Union([Type.String({ format: 'uri' }), Type.Null()], {
        description: 'Its public page; null while it is not public (a consultation not yet open)',
      }),
    }),
    { description: 'Regulations, drafts, projects and consultations the post is about' },
  ),
});

const photoLimits = { limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 200, parts: 220 } };

interface Form {
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  members?: string[];
}

const valuesOf = (post: NewsPost): Form => ({
  errors: {},
  values: {
    title: post.title,
    summary: post.summary,
    body: post.bodyHtml,
    category: post.category,
    tags: post.tags.join(', '),
    meeting: post.meetings[0] === undefined ? '' : String(post.meetings[0].id),
    ...Object.fromEntries(
      RECORD_KINDS.map((kind) => [kind, String(post.related.find((r) => r.kind === kind)?.id ?? '')]),
    ),
    photoAlt: post.photoAlt,
  },
  members: post.members.map((m) => m.slug),
});

export const newsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messagesOf = (request: FastifyRequest, errors: NewsError[]) =>
    fieldMessages(request.t, errors, problemTexts, '', fieldWords);
  const publish = { access: 'news.publish' } as const;

  // ------------------------------------------------------------ everyone

  app.get(
    '/berita',
    { config: { access: 'public' }, schema: { hide: true, querystring: ListQuery } },
    async (request, reply) => {
      const { q = '', kategori = '', hal = 1 } = request.query;
      const category = categoryOf(kategori);
      const { posts, total } = await listNews(deps(app), { category, q: q.trim() || undefined, page: hal });
      return renderPage(request, reply, (ctx) => (
        <NewsListPage ctx={ctx} posts={posts} total={total} page={hal} query={{ kategori: category ?? '', q }} />
      ));
    },
  );

  app.get(
    '/berita.atom',
    { config: { access: 'public' }, schema: { hide: true, querystring: FeedQuery } },
    async (request, reply) => {
      const { kategori, anggota } = request.query;
      const category: NewsCategory | undefined = categoryOf(kategori);
      if (kategori !== undefined && kategori !== '' && category === undefined) throw new NotFoundError('news category');
      const d = deps(app);
      const member = anggota !== undefined && anggota !== '' ? await newsNaming(d, anggota) : undefined;
      if (anggota !== undefined && anggota !== '' && member === undefined) throw new NotFoundError('member');
      const posts = member?.posts ?? (await listNews(d, { category, page: 1 })).posts;
      const subject = category === undefined ? member?.name : request.t(`news.category.${category}`);
      const { council } = await getCouncil(app.db);
      const t = request.t;
      const self = `/berita.atom${category === undefined ? (anggota ? `?anggota=${encodeURIComponent(anggota)}` : '') : `?kategori=${category}`}`;
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(
          atomFeed({
            title: `${t('news.title')}${subject === undefined ? '' : `: ${subject}`} · ${council.name}`,
            author: council.name,
            base: app.config.publicBaseUrl,
            path: category === undefined ? '/berita' : `/berita?kategori=${category}`,
            self,
            entries: atomEntries(posts, app.config.publicBaseUrl, (c) => t(`news.category.${c}`)),
          }),
        );
    },
  );

  app.get(
    '/berita/foto/:foto',
    { config: { access: 'public' }, schema: { hide: true, params: PhotoParams } },
    async (request, reply) => {
      const { foto } = request.params;
      const mayPreview = can(request.user?.role, 'news.publish');
      const stream = await newsPhoto(deps(app), Number.parseInt(foto, 10), foto.endsWith('-kecil'), mayPreview);
      if (stream === undefined) throw new NotFoundError(`news photo ${foto}`);
      return reply
        .type('image/webp')
        .header('cache-control', mayPreview ? 'private, no-store' : 'public, max-age=86400')
        .send(stream);
    },
  );

  app.get(
    '/berita/:slug',
    { config: { access: 'public' }, schema: { hide: true, params: SlugParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const mayPreview = can(request.user?.role, 'news.publish');
      const post = await newsPost(deps(app), request.params.slug, mayPreview);
      if (post === undefined) throw new NotFoundError('news post');
      const preview = !isPublic(post);
      if (preview) reply.header('cache-control', 'private, no-store');
      const { council } = await getCouncil(app.db);
      return renderPage(request, reply, (ctx) => (
        <NewsPostPage
          ctx={ctx}
          post={post}
          preview={preview}
          jsonLd={newsJsonLd(post, app.config.publicBaseUrl, council.name)}
        />
      ));
    },
  );

  // ------------------------------------------------------------ the API

  const toJson = (post: NewsPost) => {
    const base = app.config.publicBaseUrl;
    return {
      slug: post.slug,
      url: `${base}/berita/${post.slug}`,
      title: post.title,
      summary: post.summary,
      body_html: post.bodyHtml,
      category: post.category,
      tags: post.tags,
      published_at: (post.publishedAt ?? post.updatedAt).toISOString(),
      corrected_at: post.correctedAt?.toISOString() ?? null,
      correction: post.correction,
      photos: post.photos.map((p, i) => ({
        url: `${base}/berita/foto/${p.id}`,
        small_url: `${base}/berita/foto/${p.id}-kecil`,
        width: p.width,
        height: p.height,
        description: i === 0 ? post.photoAlt : null,
      })),
      members: post.members.map((m) => ({ slug: m.slug, name: m.name, url: `${base}/anggota/${m.slug}` })),
      meetings: post.meetings.map((m) => ({ id: m.id, title: m.title, starts_at: m.startsAt.toISOString() })),
      related: post.related.map((r) => ({
        kind: r.kind,
        id: r.id,
        title: r.title,
        ...(r.enacted === undefined ? {} : { number: r.enacted.number, year: r.enacted.year }),
        url: r.href === undefined ? null : `${base}${r.href}`,
      })),
    };
  };

  app.get(
    '/api/v1/news',
    {
      config: { access: 'public' },
      schema: {
        tags: ['News'],
        summary: 'Published news and press releases, newest first, searched in their words (Indonesian stemming)',
        querystring: ApiQuery,
        response: {
          200: Type.Object({
            data: Type.Array(NewsJson),
            meta: Type.Object({ total: Type.Integer(), page: Type.Integer(), per_page: Type.Integer() }),
          }),
        },
      },
    },
    async (request) => {
      const { q, category, page = 1, per_page: perPage = 20 } = request.query;
      const result = await listNews(deps(app), { q: q?.trim() || undefined, category, page, pageSize: perPage });
      return { data: result.posts.map(toJson), meta: { total: result.total, page, per_page: perPage } };
    },
  );

  app.get(
    '/api/v1/news/:slug',
    {
      config: { access: 'public' },
      schema: { tags: ['News'], summary: 'One published post', params: SlugParams, response: { 200: NewsJson } },
    },
    async (request) => {
      const post = await newsPost(deps(app), request.params.slug, false);
      if (post === undefined) throw new NotFoundError('news post');
      return toJson(post);
    },
  );

  // ------------------------------------------------------------ the back office

  const officeList = async (request: FastifyRequest, reply: FastifyReply) => {
    const [posts, rule] = await Promise.all([officeNews(deps(app)), newsRule(deps(app))]);
    reply.header('cache-control', 'private, no-store');
    return renderForm(request, reply, (ctx, csrf) => (
      <OfficeNewsPage
        ctx={ctx}
        csrf={csrf}
        posts={posts}
        secondOfficer={rule.secondOfficer}
        mayChangeRule={can(request.user?.role, 'council.configure')}
        notice={noticeOf(request)}
      />
    ));
  };

  app.get('/kelola/berita', { config: publish, schema: { hide: true, querystring: NoticeQuery } }, officeList);

  app.post(
    '/kelola/berita/aturan',
    { config: { access: 'council.configure' }, schema: { hide: true, body: RuleBody } },
    async (request, reply) => {
      await changeNewsRule(deps(app), signedIn(request), request.body.secondOfficer === 'yes', request.ip);
      return reply.redirect('/kelola/berita?pesan=aturan', 303);
    },
  );

  const formView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    post: NewsPost | undefined,
    form: Form,
    status = 200,
  ) => {
    const [choices, rule] = await Promise.all([linkChoices(deps(app)), newsRule(deps(app))]);
    reply.header('cache-control', 'private, no-store');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <NewsFormPage
          ctx={ctx}
          csrf={csrf}
          post={post}
          choices={choices}
          secondOfficer={rule.secondOfficer}
          userId={signedIn(request).id}
          errors={form.errors}
          values={form.values}
          members={form.members ?? []}
          notice={noticeOf(request)}
        />
      ),
      status,
    );
  };

  app.get(
    '/kelola/berita/baru',
    { config: publish, schema: { hide: true, querystring: NoticeQuery } },
    (request, reply) => formView(request, reply, undefined, { errors: {}, values: {} }),
  );

  const save = async (request: FastifyRequest, reply: FastifyReply, id: number | undefined) => {
    const { fields, files, lists } = multipartBody(request.body);
    const members = (lists.members ?? []).slice(0, 200);
    const result = await savePost(
      deps(app),
      signedIn(request),
      id,
      {
        title: fields.title ?? '',
        summary: fields.summary ?? '',
        body: fields.body ?? '',
        category: fields.category ?? '',
        tags: fields.tags ?? '',
        members,
        meeting: fields.meeting ?? '',
        regulation: fields.regulation ?? '',
        draft: fields.draft ?? '',
        project: fields.project ?? '',
        consultation: fields.consultation ?? '',
        photoAlt: fields.photoAlt ?? '',
        correction: fields.correction ?? '',
        photos: files,
        removePhotos: (lists.removePhotos ?? []).slice(0, 20),
      },
      request.ip,
    );
    if (result === undefined) throw new NotFoundError('news post');
    if (!result.ok) {
      const post = id === undefined ? undefined : await officePost(deps(app), id);
      return formView(
        request,
        reply,
        post,
        { errors: messagesOf(request, result.errors), values: fields, members },
        400,
      );
    }
    return reply.redirect(`/kelola/berita/${result.id}?pesan=${id === undefined ? 'disimpan' : 'diubah'}`, 303);
  };

  app.post(
    '/kelola/berita/baru',
    { config: { ...publish, multipartOptions: photoLimits }, schema: { hide: true } },
    (request, reply) => save(request, reply, undefined),
  );

  app.get(
    '/kelola/berita/:id',
    { config: publish, schema: { hide: true, params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const post = await officePost(deps(app), request.params.id);
      if (post === undefined) throw new NotFoundError('news post');
      return formView(request, reply, post, valuesOf(post));
    },
  );

  app.post(
    '/kelola/berita/:id',
    { config: { ...publish, multipartOptions: photoLimits }, schema: { hide: true, params: IdParams } },
    (request, reply) => save(request, reply, request.params.id),
  );

  const moved: Record<string, string> = {
    secondOfficer: 'petugas-kedua',
    ownPost: 'sendiri',
    moved: 'berubah',
  };

  app.post(
    '/kelola/berita/:id/langkah',
    { config: publish, schema: { hide: true, params: IdParams, body: StepBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { action = 'publish', day = '', time = '' } = request.body;
      const result = await actOnPost(deps(app), signedIn(request), id, action as NewsAction, { day, time }, request.ip);
      if (result === undefined) throw new NotFoundError('news post');
      if (!result.ok && 'errors' in result) {
        const post = await officePost(deps(app), id);
        if (post === undefined) throw new NotFoundError('news post');
        const form = valuesOf(post);
        return formView(
          request,
          reply,
          post,
          { ...form, errors: messagesOf(request, result.errors), values: { ...form.values, day, time } },
          400,
        );
      }
      if (!result.ok) return reply.redirect(`/kelola/berita/${id}?pesan=${moved[result.reason]}`, 303);
      const notice =
        result.status === 'review'
          ? 'ditinjau'
          : result.status === 'draft'
            ? 'dikembalikan'
            : result.scheduled
              ? 'terjadwal'
              : 'terbit';
      return reply.redirect(`/kelola/berita/${id}?pesan=${notice}`, 303);
    },
  );
};
