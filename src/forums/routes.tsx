/**
 * Forums: /forum (topics by komisi and kecamatan), /forum/komisi/:slug and /forum/kecamatan/:slug
 * (threads, with an Atom feed each), /forum/baru (start a thread), /forum/utas/:id (a thread, its
 * replies, following by email, links to a consultation or meeting), /forum/pesan/:id (one post,
 * to report it), and /kelola/moderasi/forum for moderators.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { atomFeed } from '../platform/feeds.ts';
import { registerFollowLinks } from '../platform/follow-routes.tsx';
import type { MessageKey } from '../platform/i18n.ts';
import { can } from '../platform/permissions.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import {
  type ForumError,
  fileAsAspiration,
  followThread,
  forumFront,
  linkThread,
  moderatePost,
  postRecord,
  reply,
  reportedPosts,
  reportPost,
  startThread,
  threadRecord,
  topicFeed,
  topicName,
  topicPage,
  topicPath,
} from './service.ts';
import { ForumFrontPage, ForumModerationPage, NewThreadPage, PostPage, ThreadPage, TopicPage } from './views/pages.tsx';

const problemTexts = {
  required: 'forum.problem.required',
  tooLong: 'forum.problem.tooLong',
  invalid: 'forum.problem.invalid',
  oneLine: 'form.singleLine',
  links: 'forum.problem.links',
  tooFast: 'forum.problem.tooFast',
} as const satisfies Record<ForumError['problem'], MessageKey>;

const fieldWords = {
  title: { name: 'forum.field.title', required: 'forum.required.title' },
  body: { name: 'forum.field.body', required: 'forum.required.body' },
  komisi: { name: 'forum.field.komisi', required: 'forum.required.komisi' },
  kecamatan: { name: 'forum.field.kecamatan' },
  consultation: { name: 'forum.field.consultation', required: 'forum.required.link' },
  category: { name: 'forum.field.category', required: 'forum.required.category' },
  location: { name: 'form.place.label', required: 'forum.required.location' },
  meeting: { name: 'forum.field.meeting' },
} as const satisfies FieldWords;

const notices: Record<string, MessageKey> = {
  terkirim: 'forum.notice.sent',
  ikuti: 'forum.notice.follow',
  dikonfirmasi: 'forum.notice.confirmed',
  dilaporkan: 'forum.notice.reported',
  tertaut: 'forum.notice.linked',
  aspirasi: 'forum.notice.filed',
  moderasi: 'forum.notice.moderated',
};
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

const TopicParams = Type.Object({
  kind: Type.Union([Type.Literal('komisi'), Type.Literal('kecamatan')]),
  slug: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }),
});
const ListQuery = Type.Object({
  lang: optionalText(5),
  pesan: optionalText(40),
  halaman: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});
const NewQuery = Type.Object({ lang: optionalText(5), komisi: optionalText(80), kecamatan: optionalText(80) });
const ThreadBody = Type.Object({
  _csrf: optionalText(200),
  title: optionalText(2_000),
  body: optionalText(40_000),
  komisi: optionalText(80),
  kecamatan: optionalText(80),
});
const ReplyBody = Type.Object({ _csrf: optionalText(200), body: optionalText(40_000) });
const FollowBody = Type.Object({ _csrf: optionalText(200), 'follow-email': optionalText(400) });
const ReportBody = Type.Object({ _csrf: optionalText(200), reason: optionalText(2_000) });
const LinkBody = Type.Object({ _csrf: optionalText(200), consultation: optionalText(300), meeting: optionalText(300) });
const FileBody = Type.Object({ _csrf: optionalText(200), category: optionalText(80), location: optionalText(20) });
const ModerateBody = Type.Object({ _csrf: optionalText(200), action: optionalText(20), reason: optionalText(2_000) });

export const forumRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messagesOf = (request: FastifyRequest, errors: ForumError[]) =>
    fieldMessages(request.t, errors, problemTexts, '', fieldWords);

  app.get(
    '/forum',
    { config: { access: 'public' }, schema: { hide: true, querystring: ListQuery } },
    async (request, reply) => {
      const front = await forumFront(deps(app));
      return renderPage(request, reply, (ctx) => <ForumFrontPage ctx={ctx} front={front} />);
    },
  );

  app.get(
    '/forum/:kind/:slug',
    { config: { access: 'public' }, schema: { hide: true, params: TopicParams, querystring: ListQuery } },
    async (request, reply) => {
      const page = await topicPage(deps(app), request.params.kind, request.params.slug, request.query.halaman ?? 1);
      if (page === undefined) throw new NotFoundError('topic');
      return renderPage(request, reply, (ctx) => <TopicPage ctx={ctx} page={page} />);
    },
  );

  app.get(
    '/forum/:kind/:slug/feed.atom',
    { config: { access: 'public' }, schema: { hide: true, params: TopicParams } },
    async (request, reply) => {
      const feed = await topicFeed(deps(app), request.params.kind, request.params.slug);
      if (feed === undefined) throw new NotFoundError('topic');
      const base = app.config.publicBaseUrl;
      const path = topicPath(feed.topic);
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(
          atomFeed({
            title: `${request.t('forum.title')}: ${topicName(feed.topic)}`,
            author: feed.council,
            base,
            path,
            self: `${path}/feed.atom`,
            entries: feed.posts.map((p) => ({
              id: `${base}/forum/pesan/${p.id}`,
              title: p.title,
              url: `${base}/forum/utas/${p.threadId}#pesan-${p.id}`,
              published: p.createdAt,
              updated: p.createdAt,
              summary: p.body ?? '',
            })),
          }),
        );
    },
  );

  const newThreadPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string | undefined>,
    errors: FieldErrors = {},
  ) => {
    const structure = await getCouncil(app.db);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => <NewThreadPage ctx={ctx} csrf={csrf} structure={structure} values={values} errors={errors} />,
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/forum/baru',
    { config: { access: 'forum.take-part' }, schema: { hide: true, querystring: NewQuery } },
    (request, reply) => newThreadPage(request, reply, request.query),
  );

  app.post(
    '/forum/baru',
    {
      config: { access: 'forum.take-part', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, body: ThreadBody },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await startThread(deps(app), signedIn(request), {
        title: body.title ?? '',
        body: body.body ?? '',
        komisi: body.komisi ?? '',
        kecamatan: body.kecamatan ?? '',
      });
      if (result.ok) return reply.redirect(`/forum/utas/${result.id}?pesan=terkirim`, 303);
      return newThreadPage(request, reply, body, messagesOf(request, result.errors));
    },
  );

  const threadView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    page: number,
    form: { errors: FieldErrors; values: Record<string, string | undefined> } = { errors: {}, values: {} },
  ) => {
    const [record, structure] = await Promise.all([threadRecord(deps(app), id, page), getCouncil(app.db)]);
    if (record === undefined) throw new NotFoundError('thread');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ThreadPage
          ctx={ctx}
          csrf={csrf}
          record={record}
          structure={structure}
          errors={form.errors}
          values={form.values}
          notice={noticeOf(request)}
          canLink={request.user !== null && can(request.user.role, 'forum.link')}
          canModerate={request.user !== null && can(request.user.role, 'forum.moderate')}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/forum/utas/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: ListQuery } },
    (request, reply) => threadView(request, reply, request.params.id, request.query.halaman ?? 1),
  );

  app.post(
    '/forum/utas/:id/balas',
    {
      config: { access: 'forum.take-part', rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: ReplyBody },
    },
    async (request, reply_) => {
      const { id } = request.params;
      const result = await reply(deps(app), signedIn(request), id, request.body.body ?? '');
      if (result.ok) {
        app.outbox.kick();
        const record = await threadRecord(deps(app), id);
        return reply_.redirect(
          `/forum/utas/${id}?halaman=${record?.pages ?? 1}&pesan=terkirim#pesan-${result.id}`,
          303,
        );
      }
      if ('missing' in result) throw new NotFoundError('thread');
      return threadView(request, reply_, id, 1_000_000, {
        errors: messagesOf(request, result.errors),
        values: request.body,
      });
    },
  );

  app.post(
    '/forum/utas/:id/ikuti',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: FollowBody },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await followThread(deps(app), id, request.body['follow-email'] ?? '');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/forum/utas/${id}?pesan=ikuti`, 303);
      }
      if (result.problem === 'missing') throw new NotFoundError('thread');
      return threadView(request, reply, id, 1, {
        errors: { 'follow-email': request.t('form.email') },
        values: request.body,
      });
    },
  );

  registerFollowLinks(app, 'forum', { unknownConfirmation: 'forum.follow.badBody', stopped: 'forum.follow.stopped' });

  app.post(
    '/forum/utas/:id/tautan',
    { config: { access: 'forum.link' }, schema: { hide: true, params: IdParams, body: LinkBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await linkThread(
        deps(app),
        signedIn(request),
        id,
        { consultation: request.body.consultation ?? '', meeting: request.body.meeting ?? '' },
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('thread');
      if (result.ok) return reply.redirect(`/forum/utas/${id}?pesan=tertaut`, 303);
      return threadView(request, reply, id, 1, { errors: messagesOf(request, result.errors), values: request.body });
    },
  );

  app.post(
    '/forum/utas/:id/aspirasi',
    { config: { access: 'forum.link' }, schema: { hide: true, params: IdParams, body: FileBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await fileAsAspiration(deps(app), signedIn(request), id, {
        category: request.body.category ?? '',
        location: request.body.location ?? '',
      });
      if (result === undefined) throw new NotFoundError('thread');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/forum/utas/${id}?pesan=aspirasi`, 303);
      }
      return threadView(request, reply, id, 1, { errors: messagesOf(request, result.errors), values: request.body });
    },
  );

  const postView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    error?: string,
    reason?: string,
  ) => {
    const record = await postRecord(deps(app), id);
    if (record === undefined) throw new NotFoundError('post');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <PostPage ctx={ctx} csrf={csrf} record={record} error={error} reason={reason} notice={noticeOf(request)} />
      ),
      error === undefined ? 200 : 400,
    );
  };

  app.get(
    '/forum/pesan/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: ListQuery } },
    (request, reply) => postView(request, reply, request.params.id),
  );

  app.post(
    '/forum/pesan/:id/laporkan',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: ReportBody },
    },
    async (request, reply) => {
      const outcome = await reportPost(deps(app), request.user, request.params.id, request.body.reason ?? '');
      if (outcome === 'missing') throw new NotFoundError('post');
      if (outcome === 'reported') return reply.redirect(`/forum/pesan/${request.params.id}?pesan=dilaporkan`, 303);
      return postView(request, reply, request.params.id, request.t('forum.required.reason'), request.body.reason);
    },
  );

  // ------------------------------------------------------------ /kelola/moderasi/forum

  const moderate = { access: 'forum.moderate' as const };
  const queuePage = async (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}) => {
    const queue = await reportedPosts(deps(app));
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ForumModerationPage ctx={ctx} csrf={csrf} queue={queue} errors={errors} notice={noticeOf(request)} />
      ),
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/moderasi/forum',
    { config: moderate, schema: { hide: true, querystring: ListQuery } },
    (request, reply) => queuePage(request, reply),
  );

  app.post(
    '/kelola/moderasi/forum/pesan/:id',
    { config: moderate, schema: { hide: true, params: IdParams, body: ModerateBody } },
    async (request, reply) => {
      const id = request.params.id;
      const result = await moderatePost(
        deps(app),
        signedIn(request),
        id,
        request.body.action ?? '',
        request.body.reason ?? '',
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('post');
      if (result.ok) {
        const back = queryText(request, 'kembali');
        return reply.redirect(
          back === 'utas' ? `/forum/utas/${result.threadId}?pesan=moderasi` : '/kelola/moderasi/forum?pesan=moderasi',
          303,
        );
      }
      const text =
        result.problem === 'required'
          ? request.t('forum.required.hideReason')
          : request.t(problemTexts[result.problem], { max: 300 });
      return queuePage(request, reply, { [result.field]: text });
    },
  );
};
