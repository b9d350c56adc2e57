/**
 * Requests for public information. Everyone: /informasi-publik/permohonan (the form),
 * /informasi-publik/permohonan/:token (the applicant's private page, by the mailed link; the
 * objection is filed there), /informasi-publik/lacak (where a request stands, by its number). The
 * PPID officer: /kelola/ppid/permohonan (open, answered, objected), /kelola/ppid/permohonan/:id (one,
 * with who asked; extend, answer, answer the objection).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { MAX_DOCUMENT_BYTES } from '../platform/uploads.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { jakartaDay } from '../platform/working-days.ts';
import { annualFigures, reportFiles } from './annual-report.ts';
import type { RequestTab } from './queries.ts';
import {
  answerDocument,
  answerObjection,
  answerRequest,
  completeRequest,
  extendRequest,
  fileObjection,
  MAX_ANSWER_DOCUMENTS,
  officeRequest,
  officeRequests,
  type RequestError,
  requestOfToken,
  requestStatus,
  submitRequest,
} from './requests.ts';
import {
  AnnualReportPage,
  OfficeRequestPage,
  OfficeRequestsPage,
  RequestFormPage,
  RequestMinePage,
  TrackPage,
} from './views/requests.tsx';

const problemTexts = {
  required: 'ppid.problem.required',
  invalid: 'ppid.problem.invalid',
  tooLong: 'ppid.problem.tooLong',
  tooShort: 'ppid.problem.tooShort',
  oneLine: 'form.singleLine',
  email: 'ppid.problem.email',
  phone: 'ppid.problem.phone',
  contact: 'ppid.problem.contact',
  emailNeeded: 'ppid.problem.emailNeeded',
  identity: 'ppid.problem.identity',
  consent: 'ppid.problem.consent',
  days: 'ppid.problem.days',
  link: 'ppid.problem.link',
  reasons: 'ppid.problem.reasons',
  documentsGiven: 'ppid.problem.documentsGiven',
  tooMany: 'ppid.problem.tooMany',
  tooLarge: 'ppid.problem.tooLarge',
  pdf: 'ppid.problem.pdf',
} as const satisfies Record<RequestError['problem'], MessageKey>;

const fieldWords = {
  information: { name: 'ppid.field.information', required: 'ppid.required.information' },
  purpose: { name: 'ppid.field.purpose', required: 'ppid.required.purpose' },
  delivery: { name: 'ppid.field.delivery', required: 'ppid.required.delivery' },
  name: { name: 'ppid.field.name', required: 'ppid.required.name' },
  address: { name: 'ppid.field.address', required: 'ppid.required.address' },
  identity: { name: 'ppid.field.identity', required: 'ppid.required.identity' },
  email: {},
  phone: {},
  consent: {},
  decision: { name: 'ppid.field.decision', required: 'ppid.required.decision' },
  exemption: { name: 'ppid.field.exemptionArticle', required: 'ppid.required.exemption' },
  answer: { name: 'ppid.field.answer', required: 'ppid.required.answer' },
  link: { name: 'ppid.field.answerLink' },
  documents: { name: 'ppid.field.documents' },
  days: { name: 'ppid.field.days', required: 'ppid.required.days' },
  reason: { name: 'ppid.field.reason', required: 'ppid.required.reason' },
  reasons: { name: 'ppid.field.reasons' },
  statement: { name: 'ppid.field.statement', required: 'ppid.required.statement' },
  outcome: { name: 'ppid.field.outcome', required: 'ppid.required.outcome' },
  objectionAnswer: { name: 'ppid.field.objectionAnswer', required: 'ppid.required.objectionAnswer' },
} as const satisfies FieldWords;

const notices: Record<string, MessageKey> = {
  terkirim: 'ppid.notice.sent',
  lengkap: 'ppid.notice.completed',
  diperpanjang: 'ppid.notice.extended',
  dijawab: 'ppid.notice.answered',
  selesai: 'ppid.notice.closed',
  keberatan: 'ppid.notice.objected',
  'keberatan-dijawab': 'ppid.notice.objectionAnswered',
};
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

const Query = Type.Object({ lang: optionalText(5), pesan: optionalText(40) });
const TrackQuery = Type.Object({ lang: optionalText(5), kode: optionalText(100) });
const tabs: Record<string, RequestTab> = { dijawab: 'answered', keberatan: 'objections' };
const ListQuery = Type.Object({
  lang: optionalText(5),
  tab: optionalText(20),
  hal: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
const ReportQuery = Type.Object({
  lang: optionalText(5),
  tahun: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const RequestBody = Type.Object({
  _csrf: optionalText(200),
  information: optionalText(20_000),
  purpose: optionalText(10_000),
  delivery: optionalText(20),
  name: optionalText(2_000),
  address: optionalText(2_000),
  identity: optionalText(200),
  email: optionalText(2_000),
  phone: optionalText(200),
  consent: optionalText(5),
});
const ObjectionBody = Type.Object({
  _csrf: optionalText(200),
  reasons: Type.Optional(
    Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })]),
  ),
  statement: optionalText(50_000),
});
const ObjectionAnswerBody = Type.Object({
  _csrf: optionalText(200),
  outcome: optionalText(40),
  objectionAnswer: optionalText(100_000),
});
const ExtendBody = Type.Object({ _csrf: optionalText(200), days: optionalText(20), reason: optionalText(10_000) });
// A stored document's name (a random UUID and .pdf): found only among the request's own, never a path.
const documentName = Type.String({ maxLength: 100 });
const TokenDocumentParams = Type.Object({ token: Type.String({ maxLength: 200 }), file: documentName });
const IdDocumentParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), file: documentName });

/** A document of an answer, sent to the one person allowed to read it and kept by no cache. */
function sendDocument(reply: FastifyReply, found: Awaited<ReturnType<typeof answerDocument>>): FastifyReply {
  if (found === undefined) throw new NotFoundError('answer document');
  const name =
    found.title
      .replace(/\.pdf$/i, '')
      .replace(/[^\w .-]+/g, '_')
      .slice(0, 100) || 'dokumen';
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${name}.pdf"`)
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .send(found.stream);
}

/** The request form's fields as the service takes them; a field left out is empty. */
const requestInput = (body: Static<typeof RequestBody>) => ({
  information: body.information ?? '',
  purpose: body.purpose ?? '',
  delivery: body.delivery ?? '',
  name: body.name ?? '',
  address: body.address ?? '',
  identity: body.identity ?? '',
  email: body.email ?? '',
  phone: body.phone ?? '',
  consent: body.consent === 'yes',
});

type Form = { errors: FieldErrors; values: Record<string, string | undefined> };
const noForm: Form = { errors: {}, values: {} };

export const requestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messagesOf = (request: FastifyRequest, errors: RequestError[]) =>
    fieldMessages(request.t, errors, problemTexts, '', fieldWords);

  // ------------------------------------------------------------ applicants

  const requestForm = (request: FastifyRequest, reply: FastifyReply, form: Form) =>
    renderForm(
      request,
      reply,
      (ctx, csrf) => <RequestFormPage ctx={ctx} csrf={csrf} errors={form.errors} values={form.values} />,
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );

  app.get(
    '/informasi-publik/permohonan',
    { config: { access: 'public' }, schema: { hide: true, querystring: Query } },
    (request, reply) => requestForm(request, reply, noForm),
  );

  app.post(
    '/informasi-publik/permohonan',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, body: RequestBody },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await submitRequest(deps(app), request.user ?? null, requestInput(body));
      if (!result.ok) return requestForm(request, reply, { errors: messagesOf(request, result.errors), values: body });
      app.outbox.kick();
      return reply.redirect(`/informasi-publik/permohonan/${result.token}?pesan=terkirim`, 303);
    },
  );

  // The mailed link: the applicant's alone, never kept by a cache or sent on as a referrer.
  const mineView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    form: Form & { chosen?: string[] } = noForm,
  ) => {
    const found = await requestOfToken(deps(app), token);
    reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <RequestMinePage
          ctx={ctx}
          csrf={csrf}
          token={token}
          request={found}
          notice={noticeOf(request)}
          errors={form.errors}
          values={form.values}
          chosen={form.chosen ?? []}
        />
      ),
      found === undefined ? 404 : Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/informasi-publik/permohonan/:token',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams, querystring: Query } },
    (request, reply) => mineView(request, reply, request.params.token),
  );

  app.get(
    '/informasi-publik/permohonan/:token/dokumen/:file',
    { config: { access: 'public' }, schema: { hide: true, params: TokenDocumentParams } },
    async (request, reply) =>
      sendDocument(reply, await answerDocument(deps(app), { token: request.params.token }, request.params.file)),
  );

  // A request moved from an aspiration, completed by its applicant with what the law asks.
  app.post(
    '/informasi-publik/permohonan/:token/lengkapi',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: TokenParams, body: RequestBody },
    },
    async (request, reply) => {
      const { token } = request.params;
      const body = request.body;
      const result = await completeRequest(deps(app), token, requestInput(body));
      if (result === undefined) return mineView(request, reply, token);
      if (result.ok) app.outbox.kick();
      if (result.ok || 'closed' in result)
        return reply.redirect(`/informasi-publik/permohonan/${token}?pesan=${result.ok ? 'lengkap' : 'selesai'}`, 303);
      return mineView(request, reply, token, { errors: messagesOf(request, result.errors), values: body });
    },
  );

  app.post(
    '/informasi-publik/permohonan/:token/keberatan',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: TokenParams, body: ObjectionBody },
    },
    async (request, reply) => {
      const { token } = request.params;
      const body = request.body;
      const reasons = body.reasons === undefined ? [] : Array.isArray(body.reasons) ? body.reasons : [body.reasons];
      const result = await fileObjection(deps(app), token, { reasons, statement: body.statement ?? '' });
      if (result === undefined) return mineView(request, reply, token);
      if (result.ok) app.outbox.kick();
      if (result.ok || 'closed' in result)
        return reply.redirect(
          `/informasi-publik/permohonan/${token}?pesan=${result.ok ? 'keberatan' : 'selesai'}`,
          303,
        );
      return mineView(request, reply, token, {
        errors: messagesOf(request, result.errors),
        values: { statement: body.statement },
        chosen: reasons,
      });
    },
  );

  app.get(
    '/informasi-publik/lacak',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { hide: true, querystring: TrackQuery },
    },
    async (request, reply) => {
      const code = request.query.kode?.trim() || undefined;
      const status = code === undefined ? undefined : await requestStatus(deps(app), code);
      const error = code !== undefined && status === undefined ? request.t('ppid.track.unknown') : undefined;
      reply.header('cache-control', 'private, no-store');
      return renderPage(
        request,
        reply,
        (ctx) => <TrackPage ctx={ctx} code={code} status={status} error={error} />,
        error === undefined ? 200 : 404,
      );
    },
  );

  // ------------------------------------------------------------ the yearly report (figures only)

  const yearOf = (request: FastifyRequest<{ Querystring: { tahun?: number } }>) =>
    request.query.tahun ?? Number(jakartaDay(new Date()).slice(0, 4));

  app.get(
    '/informasi-publik/laporan',
    { config: { access: 'public' }, schema: { hide: true, querystring: ReportQuery } },
    async (request, reply) => {
      const figures = await annualFigures(deps(app), yearOf(request));
      return renderPage(request, reply, (ctx) => <AnnualReportPage ctx={ctx} figures={figures} />);
    },
  );

  for (const format of ['xlsx', 'pdf'] as const)
    app.get(
      `/informasi-publik/laporan.${format}`,
      { config: { access: 'public' }, schema: { hide: true, querystring: ReportQuery } },
      async (request, reply) => {
        const year = yearOf(request);
        const files = await reportFiles(deps(app), await annualFigures(deps(app), year));
        return reply
          .type(
            format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', `attachment; filename="laporan-ppid-${year}.${format}"`)
          .send(Buffer.from(files[format]));
      },
    );

  // ------------------------------------------------------------ the PPID officer

  const handle = { access: 'ppid.requests' as const };

  app.get(
    '/kelola/ppid/permohonan',
    { config: handle, schema: { hide: true, querystring: ListQuery } },
    async (request, reply) => {
      const tab = tabs[request.query.tab ?? ''] ?? 'open';
      const page = request.query.hal ?? 1;
      const result = await officeRequests(deps(app), tab, page);
      reply.header('cache-control', 'private, no-store');
      return renderPage(request, reply, (ctx) => (
        <OfficeRequestsPage
          ctx={ctx}
          requests={result.requests}
          total={result.total}
          page={page}
          pageSize={result.pageSize}
          tab={tab}
        />
      ));
    },
  );

  const requestView = async (request: FastifyRequest, reply: FastifyReply, id: number, form: Form = noForm) => {
    const found = await officeRequest(deps(app), signedIn(request), id, request.ip);
    if (found === undefined) throw new NotFoundError('information request');
    reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <OfficeRequestPage
          ctx={ctx}
          csrf={csrf}
          request={found}
          errors={form.errors}
          values={form.values}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/ppid/permohonan/:id',
    { config: handle, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => requestView(request, reply, request.params.id),
  );

  app.post(
    '/kelola/ppid/permohonan/:id/perpanjang',
    { config: handle, schema: { hide: true, params: IdParams, body: ExtendBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const result = await extendRequest(
        deps(app),
        signedIn(request),
        id,
        { days: body.days ?? '', reason: body.reason ?? '' },
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('information request');
      if (result.ok) app.outbox.kick();
      if (result.ok || 'closed' in result)
        return reply.redirect(`/kelola/ppid/permohonan/${id}?pesan=${result.ok ? 'diperpanjang' : 'selesai'}`, 303);
      return requestView(request, reply, id, { errors: messagesOf(request, result.errors), values: body });
    },
  );

  app.get(
    '/kelola/ppid/permohonan/:id/dokumen/:file',
    { config: handle, schema: { hide: true, params: IdDocumentParams } },
    async (request, reply) =>
      sendDocument(reply, await answerDocument(deps(app), { id: request.params.id }, request.params.file)),
  );

  app.post(
    '/kelola/ppid/permohonan/:id/jawab',
    {
      config: {
        ...handle,
        multipartOptions: {
          limits: { fileSize: MAX_DOCUMENT_BYTES, files: MAX_ANSWER_DOCUMENTS + 1, fields: 10, parts: 14 },
        },
      },
      // Multipart from the form (it may carry documents); URL-encoded from a client without files.
      schema: { hide: true, params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { fields: body, files } = multipartBody(request.body);
      const result = await answerRequest(
        deps(app),
        signedIn(request),
        id,
        {
          decision: body.decision ?? '',
          exemption: body.exemption ?? '',
          answer: body.answer ?? '',
          link: body.link ?? '',
          documents: files,
        },
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('information request');
      if (result.ok) app.outbox.kick();
      if (result.ok || 'closed' in result)
        return reply.redirect(`/kelola/ppid/permohonan/${id}?pesan=${result.ok ? 'dijawab' : 'selesai'}`, 303);
      return requestView(request, reply, id, { errors: messagesOf(request, result.errors), values: body });
    },
  );

  app.post(
    '/kelola/ppid/permohonan/:id/keberatan',
    { config: handle, schema: { hide: true, params: IdParams, body: ObjectionAnswerBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const result = await answerObjection(
        deps(app),
        signedIn(request),
        id,
        { outcome: body.outcome ?? '', answer: body.objectionAnswer ?? '' },
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('information request');
      if (result.ok) app.outbox.kick();
      if (result.ok || 'closed' in result)
        return reply.redirect(
          `/kelola/ppid/permohonan/${id}?pesan=${result.ok ? 'keberatan-dijawab' : 'selesai'}`,
          303,
        );
      return requestView(request, reply, id, { errors: messagesOf(request, result.errors), values: body });
    },
  );
};
