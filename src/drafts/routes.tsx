/**
 * Drafts in progress: /raperda (Propemperda of a year), /raperda/:id with its documents and a
 * way to follow it by email (/raperda/:id/ikuti, confirmed at /raperda/ikuti/:token, stopped at
 * /raperda/berhenti/:id/:sig); and /kelola/raperda where staff add drafts and record each stage.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { consultationsOfDraft } from '../consultations/service.ts';
import { getCouncil } from '../council/service.ts';
import { newsAbout } from '../news/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { registerFollowLinks } from '../platform/follow-routes.tsx';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, PageQuery, queryText } from '../platform/schemas.ts';
import { MAX_DOCUMENT_BYTES } from '../platform/uploads.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import {
  addDocument,
  addDraft,
  advance,
  type DraftError,
  type DraftResult,
  documentFile,
  draft,
  follow,
  propemperda,
} from './service.ts';
import { DraftOfficePage, DraftPage, DraftsOfficePage, PropemperdaPage } from './views/pages.tsx';

const draftProblemTexts = {
  required: 'draft.problem.required',
  invalid: 'draft.problem.invalid',
  tooLong: 'draft.problem.tooLong',
  backwards: 'draft.problem.backwards',
  pdf: 'draft.problem.pdf',
  tooLarge: 'draft.problem.tooLarge',
  email: 'draft.problem.email',
} as const satisfies Record<DraftError['problem'], MessageKey>;

const DocParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
  doc: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
});
const YearQuery = Type.Object({
  lang: optionalText(5),
  tahun: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })),
});
const FollowBody = Type.Object({ _csrf: optionalText(200), 'follow-email': optionalText(400) });
const DraftBody = Type.Object({
  _csrf: optionalText(200),
  year: optionalText(10),
  title: optionalText(2000),
  initiator: optionalText(20),
  summary: optionalText(20_000),
  body: optionalText(80),
});
const StepBody = Type.Object({
  _csrf: optionalText(200),
  stage: optionalText(20),
  date: optionalText(20),
  note: optionalText(10_000),
  meeting: optionalText(20),
  regulation: optionalText(20),
});

const notices: Record<string, MessageKey> = {
  ikuti: 'draft.follow.sent',
  dikonfirmasi: 'draft.follow.confirmed',
  tersimpan: 'agenda.office.saved',
};
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

/** How the draft forms name their fields in the error summary and beside each field. */
const draftFieldWords = {
  year: { name: 'draft.office.year' },
  title: { required: 'draft.required.title', name: 'regulation.field.title' },
  summary: { name: 'draft.summary' },
  date: { name: 'agenda.field.date', required: 'agenda.required.date' },
  note: { name: 'draft.fieldName.note' },
  documentTitle: { name: 'agenda.office.documentTitle', required: 'agenda.required.documentTitle' },
  document: { required: 'agenda.required.document' },
} as const satisfies FieldWords;

export const draftRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/raperda',
    { config: { access: 'public' }, schema: { hide: true, querystring: YearQuery } },
    async (request, reply) => {
      const list = await propemperda(deps(app), request.query.tahun);
      return renderPage(request, reply, (ctx) => (
        <PropemperdaPage ctx={ctx} year={list.year} years={list.years} drafts={list.drafts} />
      ));
    },
  );

  const draftPage = async (request: FastifyRequest, reply: FastifyReply, id: number, error?: string) => {
    const [record, consultations, news] = await Promise.all([
      draft(deps(app), id),
      consultationsOfDraft(deps(app), id),
      newsAbout(deps(app), { kind: 'draft', id }),
    ]);
    if (record === undefined) throw new NotFoundError('draft');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <DraftPage
          ctx={ctx}
          csrf={csrf}
          record={record}
          consultations={consultations}
          news={news}
          notice={noticeOf(request)}
          error={error}
        />
      ),
      error === undefined ? 200 : 400,
    );
  };

  app.get(
    '/raperda/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: PageQuery } },
    (request, reply) => draftPage(request, reply, request.params.id),
  );

  app.get(
    '/raperda/:id/dokumen/:doc',
    { config: { access: 'public' }, schema: { hide: true, params: DocParams } },
    async (request, reply) => {
      const { id, doc } = request.params;
      const file = await documentFile(deps(app), id, doc);
      if (file === undefined) throw new NotFoundError('document');
      return reply
        .type('application/pdf')
        .header('cache-control', 'public, max-age=3600')
        .send(await file.read());
    },
  );

  app.post(
    '/raperda/:id/ikuti',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: FollowBody },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await follow(deps(app), id, request.body['follow-email'] ?? '');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/raperda/${id}?pesan=ikuti`, 303);
      }
      if (result.problem === 'missing') throw new NotFoundError('draft');
      return draftPage(request, reply, id, request.t('form.email'));
    },
  );

  registerFollowLinks(app, 'raperda', { unknownConfirmation: 'draft.follow.badBody', stopped: 'draft.stop.body' });

  // ------------------------------------------------------------ /kelola/raperda

  const access = { access: 'regulations.manage' as const };
  const messages = (request: FastifyRequest, errors: DraftError[]) =>
    fieldMessages(request.t, errors, draftProblemTexts, '', draftFieldWords);

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, string | undefined>,
    status = 200,
  ) => {
    const structure = await getCouncil(app.db);
    const { drafts } = await propemperda(deps(app), undefined);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <DraftsOfficePage
          ctx={ctx}
          csrf={csrf}
          structure={structure}
          drafts={drafts}
          errors={errors}
          values={values}
          notice={noticeOf(request)}
        />
      ),
      status,
    );
  };

  app.get('/kelola/raperda', { config: access, schema: { hide: true, querystring: PageQuery } }, (request, reply) =>
    listPage(request, reply, {}, {}),
  );

  app.post('/kelola/raperda', { config: access, schema: { hide: true, body: DraftBody } }, async (request, reply) => {
    const body = request.body;
    const result = await addDraft(
      deps(app),
      signedIn(request),
      {
        year: body.year ?? '',
        title: body.title ?? '',
        initiator: body.initiator ?? '',
        summary: body.summary ?? '',
        body: body.body ?? '',
      },
      request.ip,
    );
    if (result.ok) return reply.redirect(`/kelola/raperda/${result.id}?pesan=tersimpan`, 303);
    if ('errors' in result) return listPage(request, reply, messages(request, result.errors), body, 400);
    throw new NotFoundError('draft');
  });

  const onePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    errors: FieldErrors,
    values: Record<string, string | undefined>,
    status = 200,
  ) => {
    const record = await draft(deps(app), id);
    if (record === undefined) throw new NotFoundError('draft');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <DraftOfficePage
          ctx={ctx}
          csrf={csrf}
          record={record}
          errors={errors}
          values={values}
          notice={noticeOf(request)}
        />
      ),
      status,
    );
  };
  const after = (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    values: Record<string, string | undefined>,
    result: DraftResult,
  ) => {
    if (result.ok) return reply.redirect(`/kelola/raperda/${id}?pesan=tersimpan`, 303);
    if ('errors' in result) return onePage(request, reply, id, messages(request, result.errors), values, 400);
    throw new NotFoundError('draft');
  };

  app.get(
    '/kelola/raperda/:id',
    { config: access, schema: { hide: true, params: IdParams, querystring: PageQuery } },
    (request, reply) => onePage(request, reply, request.params.id, {}, {}),
  );

  app.post(
    '/kelola/raperda/:id/tahap',
    { config: access, schema: { hide: true, params: IdParams, body: StepBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const result = await advance(
        deps(app),
        signedIn(request),
        id,
        {
          stage: body.stage ?? '',
          date: body.date ?? '',
          note: body.note ?? '',
          meeting: body.meeting ?? '',
          regulation: body.regulation ?? '',
        },
        request.ip,
      );
      if (result.ok) app.outbox.kick();
      return after(request, reply, id, body, result);
    },
  );

  app.post(
    '/kelola/raperda/:id/dokumen',
    {
      config: {
        ...access,
        multipartOptions: { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, parts: 12 } },
      },
      schema: { hide: true, params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!request.isMultipart()) return reply.redirect(`/kelola/raperda/${id}`, 303);
      const { fields, files } = multipartBody(request.body);
      const result = await addDocument(
        deps(app),
        signedIn(request),
        id,
        { stage: fields.documentStage ?? '', title: fields.documentTitle ?? '', file: files[0] },
        request.ip,
      );
      return after(request, reply, id, {}, result);
    },
  );
};
