/**
 * The council's side of aspirations: /kelola/aspirasi (inbox, bulk verification), one case with
 * its actions, staff intake of aspirations received offline, and answer templates.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getCouncil } from '../council/service.ts';
import { deps, ForbiddenError, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { eventStreams, sseMessage } from '../platform/event-streams.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { queryText } from '../platform/schemas.ts';
import { fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import type { CaseFile } from './case-handling.ts';
import { CLUSTER_DAYS, CLUSTER_SIMILARITY, openClusters } from './clusters.ts';
import { submissionOf } from './routes.tsx';
import { ActionBody, BulkBody, CodeParams, InboxQuery, PageQuery, TemplateBody } from './schemas.ts';
import {
  act,
  addAnswerTemplate,
  answerTemplates,
  bulkAct,
  caseFile,
  inbox,
  intakeChannels,
  NEW_ASPIRATION,
  type StaffAction,
  submitAspiration,
  suggestedKomisi,
} from './service.ts';
import type { Values } from './views/form-pages.tsx';
import { CasePage, ClustersPage, InboxPage, IntakePage, TemplatesPage } from './views/office-pages.tsx';
import { fieldWords, problemTexts } from './views/parts.tsx';

const notices: Record<string, MessageKey> = {
  tersimpan: 'aspiration.notice.saved',
  dicatat: 'aspiration.notice.intake',
  templat: 'aspiration.notice.template',
  urutan: 'aspiration.problem.state',
};

function noticeOf(request: FastifyRequest): string | undefined {
  const key = queryText(request, 'pesan');
  if (key === 'massal')
    return request.t('aspiration.notice.bulk', {
      done: queryText(request, 'n') ?? 0,
      skipped: queryText(request, 'lewat') ?? 0,
    });
  const message = key === undefined ? undefined : notices[key];
  return message === undefined ? undefined : request.t(message);
}

export const aspirationOfficeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kelola/aspirasi',
    { config: { access: 'aspiration.read' }, schema: { hide: true, querystring: InboxQuery } },
    async (request, reply) => {
      const user = signedIn(request);
      const query = request.query;
      const structure = await getCouncil(app.db);
      const page = query.hal ?? 1;
      const list = await inbox(deps(app), user, {
        status: query.status === '' ? undefined : (query.status ?? 'open'),
        kind: query.jenis === '' ? undefined : query.jenis,
        categoryId: structure.categories.find((c) => c.slug === query.kategori)?.id,
        kecamatanId: structure.kecamatan.find((k) => k.slug === query.kecamatan)?.id,
        q: query.q,
        page,
      });
      const shown: Record<string, string> = { status: query.status ?? 'open' };
      for (const [k, v] of Object.entries(query))
        if (!['hal', 'lang', 'pesan'].includes(k) && v !== undefined) shown[k] = String(v);
      return renderPage(request, reply, (ctx) => (
        <InboxPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          structure={structure}
          items={list.items}
          total={list.total}
          page={page}
          pageSize={list.pageSize}
          query={shown}
          notice={noticeOf(request)}
        />
      ));
    },
  );

  // Server-Sent Events: each aspiration committed (by any app process) is announced to open inboxes.
  const streams = eventStreams(app);
  app.get(
    '/kelola/aspirasi/langsung',
    { config: { access: 'aspiration.triage', stream: true }, schema: { hide: true } },
    (_request, reply) => {
      let unsubscribe = () => {};
      const write = streams.open(reply, () => unsubscribe(), app.realtime.listening(NEW_ASPIRATION));
      unsubscribe = app.realtime.subscribe(NEW_ASPIRATION, (code) =>
        write(sseMessage('aspiration', JSON.stringify({ code }))),
      );
    },
  );

  app.post(
    '/kelola/aspirasi/massal',
    { config: { access: 'aspiration.triage' }, schema: { hide: true, body: BulkBody } },
    async (request, reply) => {
      const body = request.body;
      const codes = [body.codes ?? []].flat().slice(0, 100);
      const { done, skipped } = await bulkAct(deps(app), signedIn(request), codes, body.action, request.ip, body.of);
      app.outbox.kick();
      const back = body.back === 'kelompok' ? '/kelola/aspirasi/kelompok' : '/kelola/aspirasi';
      return reply.redirect(`${back}?pesan=massal&n=${done}&lewat=${skipped}`, 303);
    },
  );

  app.get(
    '/kelola/aspirasi/kelompok',
    { config: { access: 'aspiration.triage' }, schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const structure = await getCouncil(app.db);
      const clusters = await openClusters(deps(app), structure);
      reply.header('cache-control', 'private, no-store');
      return renderForm(request, reply, (ctx, csrf) => (
        <ClustersPage
          ctx={ctx}
          csrf={csrf}
          clusters={clusters}
          rule={{ days: CLUSTER_DAYS, similarity: CLUSTER_SIMILARITY }}
          notice={noticeOf(request)}
        />
      ));
    },
  );

  const intakeForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Values,
    status = 200,
  ) => {
    const structure = await getCouncil(app.db);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => <IntakePage ctx={ctx} csrf={csrf} structure={structure} errors={errors} values={values} />,
      status,
    );
  };

  app.get(
    '/kelola/aspirasi/baru',
    { config: { access: 'aspiration.triage' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => intakeForm(request, reply, {}, {}),
  );

  app.post(
    '/kelola/aspirasi/baru',
    { config: { access: 'aspiration.triage' }, schema: { hide: true } },
    async (request, reply) => {
      const user = signedIn(request);
      if (!request.isMultipart()) return reply.redirect('/kelola/aspirasi/baru', 303);
      const { fields, files } = multipartBody(request.body);
      const channel = intakeChannels.find((c) => c === fields.channel);
      // Consent to processing is taken by the officer, on paper or by phone, as the form says.
      const result = await submitAspiration(deps(app), {
        ...submissionOf(fields, files),
        consent: true,
        channel: channel ?? 'ruang_aspirasi',
        userId: null,
        enteredBy: user,
      });
      if (!result.ok) {
        const { _csrf, ...values } = fields;
        return intakeForm(
          request,
          reply,
          fieldMessages(request.t, result.errors, problemTexts, '', fieldWords),
          values,
          400,
        );
      }
      app.outbox.kick();
      return reply.redirect(`/kelola/aspirasi/${result.code}?pesan=dicatat`, 303);
    },
  );

  const templatesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Values,
    status = 200,
  ) => {
    const templates = await answerTemplates(deps(app));
    return renderPage(
      request,
      reply,
      (ctx) => (
        <TemplatesPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          templates={templates}
          errors={errors}
          values={values}
          notice={noticeOf(request)}
        />
      ),
      status,
    );
  };

  app.get(
    '/kelola/aspirasi/templat',
    { config: { access: 'aspiration.triage' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => templatesPage(request, reply, {}, {}),
  );

  app.post(
    '/kelola/aspirasi/templat',
    { config: { access: 'aspiration.triage' }, schema: { hide: true, body: TemplateBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await addAnswerTemplate(
        deps(app),
        signedIn(request),
        { title: body.title ?? '', body: body.body ?? '' },
        request.ip,
      );
      if (result.ok) return reply.redirect('/kelola/aspirasi/templat?pesan=templat', 303);
      return templatesPage(
        request,
        reply,
        fieldMessages(request.t, result.errors, problemTexts),
        { title: body.title ?? '', body: body.body ?? '' },
        400,
      );
    },
  );

  const casePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    errors: FieldErrors,
    values: Values,
    status = 200,
  ) => {
    const user = signedIn(request);
    const file = await caseFile(deps(app), user, code, request.ip);
    if (file === undefined) throw new NotFoundError(`aspiration ${code}`);
    const structure = await getCouncil(app.db);
    reply.header('cache-control', 'private, no-store');
    return renderPage(
      request,
      reply,
      (ctx) => (
        <CasePage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          structure={structure}
          file={file}
          errors={errors}
          values={values}
          notice={noticeOf(request)}
          suggestedKomisi={suggestedKomisi(structure, file.view)}
          template={
            file.templates.find((tpl) => String(tpl.id) === queryText(request, 'templat')) ??
            answerOf(file, queryText(request, 'jawaban'))
          }
        />
      ),
      status,
    );
  };

  app.get(
    '/kelola/aspirasi/:kode',
    { config: { access: 'aspiration.read' }, schema: { hide: true, params: CodeParams, querystring: PageQuery } },
    (request, reply) => casePage(request, reply, request.params.kode, {}, {}),
  );

  app.post(
    '/kelola/aspirasi/:kode',
    { config: { access: 'aspiration.read' }, schema: { hide: true, params: CodeParams, body: ActionBody } },
    async (request, reply) => {
      const user = signedIn(request);
      const { kode } = request.params;
      const body = request.body;
      const action = toAction(body);
      const result = await act(deps(app), user, kode, action, request.ip);
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/kelola/aspirasi/${kode}?pesan=tersimpan`, 303);
      }
      const { _csrf, ...rest } = body;
      const values: Values = { ...rest };
      if ('errors' in result)
        return casePage(
          request,
          reply,
          kode,
          fieldMessages(request.t, result.errors, problemTexts, '', fieldWords),
          values,
          400,
        );
      if (result.problem === 'state') return reply.redirect(`/kelola/aspirasi/${kode}?pesan=urutan`, 303);
      if (result.problem === 'forbidden') throw new ForbiddenError();
      throw new NotFoundError(`aspiration ${kode}`);
    },
  );
};

function toAction(body: ActionBody): StaffAction {
  const text = (v: string | undefined) => v ?? '';
  switch (body.action) {
    case 'verify':
      return { type: 'verify' };
    case 'reject':
      return { type: 'reject', reason: text(body.reason) };
    case 'duplicate':
      return { type: 'duplicate', of: text(body.of) };
    case 'forward':
      return { type: 'forward', komisi: text(body.komisi) };
    case 'refer':
      return { type: 'refer', agency: text(body.agency), body: text(body.body) };
    case 'note':
      return { type: 'note', body: text(body.body) };
    case 'respond':
      return { type: 'respond', body: text(body.body) };
    case 'followUp':
      return { type: 'followUp', action: text(body.kind), body: text(body.body) };
    case 'hide':
      return { type: 'hide', passage: text(body.passage), reason: text(body.hideReason) };
    case 'category':
      return { type: 'category', category: text(body.category) };
    case 'place':
      return { type: 'place', kelurahan: text(body.kelurahan) };
    default:
      return { type: 'resolve', body: text(body.body) };
  }
}

/** An earlier similar case's answer, chosen to start this case's response from (?jawaban=CODE). */
function answerOf(file: CaseFile, code: string | undefined): { title: string; body: string } | undefined {
  const similar = file.similar.find((c) => c.code === code);
  return similar?.answer == null ? undefined : { title: similar.code, body: similar.answer };
}
