/**
 * Reses. Everyone: /reses (published reports by period) and /reses/:id (one report, its photos).
 * Members and staff: /kelola/reses (periods, reports) and /kelola/reses/:id (visits, input, publishing).
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { can } from '../platform/permissions.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { fileStore } from '../platform/storage.ts';
import { MAX_PHOTO_BYTES, smallName, storedFile } from '../platform/uploads.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import {
  addInput,
  addPeriod,
  addVisit,
  listPeriods,
  MAX_PHOTOS,
  membersFor,
  openReport,
  PHOTO_FOLDER,
  publishedReports,
  publishReport,
  type ResesError,
  reportPhoto,
  reportRecord,
  reportsFor,
} from './service.ts';
import { ResesOfficePage, ResesReportOfficePage } from './views/office.tsx';
import { ResesListPage, ResesReportPage } from './views/pages.tsx';

const problemTexts = {
  required: 'reses.problem.required',
  invalid: 'reses.problem.invalid',
  tooLong: 'reses.problem.tooLong',
  tooShort: 'reses.problem.tooShort',
  oneLine: 'form.singleLine',
  order: 'reses.problem.order',
  taken: 'reses.problem.taken',
  outside: 'reses.problem.outside',
  noMember: 'reses.problem.noMember',
  noVisit: 'reses.problem.noVisit',
  tooMany: 'reses.problem.tooMany',
  tooLarge: 'reses.problem.tooLarge',
  type: 'reses.problem.type',
  unreadable: 'reses.problem.unreadable',
} as const satisfies Record<ResesError['problem'], MessageKey>;

const fieldWords = {
  name: { name: 'reses.field.name' },
  startsOn: { name: 'reses.field.startsOn' },
  endsOn: { name: 'reses.field.endsOn' },
  period: { name: 'reses.field.period' },
  member: { name: 'reses.field.member' },
  day: { name: 'reses.field.day' },
  place: { name: 'reses.field.place' },
  kelurahan: { name: 'reses.field.location' },
  attendance: { name: 'reses.field.attendance' },
  notes: { name: 'reses.field.notes' },
  photos: { name: 'reses.field.photos' },
  visit: { name: 'reses.field.visit' },
  category: { name: 'reses.field.category' },
  location: { name: 'form.place.label' },
  title: { name: 'reses.field.title' },
  description: { name: 'reses.field.description' },
  email: { name: 'reses.field.email' },
  phone: { name: 'reses.field.phone' },
  summary: { name: 'reses.field.summary' },
} as const satisfies FieldWords;

const notices: Record<string, MessageKey> = {
  masa: 'reses.notice.period',
  dibuka: 'reses.notice.opened',
  kunjungan: 'reses.notice.visit',
  aspirasi: 'reses.notice.input',
  terbit: 'reses.notice.published',
};
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

const Query = Type.Object({ lang: optionalText(5), pesan: optionalText(40) });
const PhotoParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
  foto: Type.String({ pattern: '^\\d{1,9}(-kecil)?$' }),
});
const PeriodBody = Type.Object({
  _csrf: optionalText(200),
  name: optionalText(2_000),
  startsOn: optionalText(20),
  endsOn: optionalText(20),
});
const OpenBody = Type.Object({ _csrf: optionalText(200), period: optionalText(20), member: optionalText(200) });
const InputBody = Type.Object({
  _csrf: optionalText(200),
  visit: optionalText(20),
  category: optionalText(100),
  location: optionalText(20),
  title: optionalText(2_000),
  description: optionalText(20_000),
  name: optionalText(2_000),
  email: optionalText(2_000),
  phone: optionalText(200),
});
const PublishBody = Type.Object({ _csrf: optionalText(200), summary: optionalText(40_000) });

type Form = { errors: FieldErrors; values: Record<string, string | undefined> };
const noForm: Form = { errors: {}, values: {} };

export const resesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messagesOf = (request: FastifyRequest, errors: ResesError[]) =>
    fieldMessages(request.t, errors, problemTexts, '', fieldWords);

  app.get(
    '/reses',
    { config: { access: 'public' }, schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const reports = await publishedReports(deps(app));
      return renderPage(request, reply, (ctx) => <ResesListPage ctx={ctx} reports={reports} />);
    },
  );

  app.get(
    '/reses/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    async (request, reply) => {
      const record = await reportRecord(deps(app), request.params.id, request.user);
      if (record === undefined) throw new NotFoundError('reses report');
      // A draft is seen only by those who write it: never kept by a shared cache.
      if (record.publishedAt === null) reply.header('cache-control', 'private, no-store');
      return renderPage(request, reply, (ctx) => <ResesReportPage ctx={ctx} record={record} />);
    },
  );

  app.get(
    '/reses/:id/foto/:foto',
    { config: { access: 'public' }, schema: { hide: true, params: PhotoParams } },
    async (request, reply) => {
      const { id, foto } = request.params;
      const file = await reportPhoto(deps(app), id, Number.parseInt(foto, 10), request.user);
      if (file === undefined) throw new NotFoundError(`reses photo ${id}/${foto}`);
      const small = foto.endsWith('-kecil');
      const stream = await storedFile(fileStore(app.config), PHOTO_FOLDER, small ? smallName(file) : file);
      return reply.type('image/webp').header('cache-control', 'public, max-age=86400').send(stream);
    },
  );

  // ------------------------------------------------------------ /kelola/reses

  const record = { access: 'reses.record' as const };

  const officeView = async (request: FastifyRequest, reply: FastifyReply, form: Form = noForm) => {
    const user = signedIn(request);
    const [periods, reports, members] = await Promise.all([
      listPeriods(deps(app)),
      reportsFor(deps(app), user),
      membersFor(deps(app), user),
    ]);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ResesOfficePage
          ctx={ctx}
          csrf={csrf}
          periods={periods}
          reports={reports}
          members={members}
          canSetPeriods={can(user.role, 'reses.periods')}
          errors={form.errors}
          values={form.values}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get('/kelola/reses', { config: record, schema: { hide: true, querystring: Query } }, (request, reply) =>
    officeView(request, reply),
  );

  app.post(
    '/kelola/reses/masa',
    { config: { access: 'reses.periods' }, schema: { hide: true, body: PeriodBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await addPeriod(
        deps(app),
        signedIn(request),
        { name: body.name ?? '', startsOn: body.startsOn ?? '', endsOn: body.endsOn ?? '' },
        request.ip,
      );
      if (result.ok) return reply.redirect('/kelola/reses?pesan=masa', 303);
      return officeView(request, reply, { errors: messagesOf(request, result.errors), values: body });
    },
  );

  app.post('/kelola/reses', { config: record, schema: { hide: true, body: OpenBody } }, async (request, reply) => {
    const body = request.body;
    const result = await openReport(
      deps(app),
      signedIn(request),
      { period: body.period ?? '', member: body.member ?? '' },
      request.ip,
    );
    if (result.ok) return reply.redirect(`/kelola/reses/${result.id}?pesan=dibuka`, 303);
    return officeView(request, reply, { errors: messagesOf(request, result.errors), values: body });
  });

  const reportView = async (request: FastifyRequest, reply: FastifyReply, id: number, form: Form = noForm) => {
    const user = signedIn(request);
    const found = await reportRecord(deps(app), id, user);
    if (found === undefined) throw new NotFoundError('reses report');
    // A member keeps their own report only; another member's is not theirs to open.
    if (user.role === 'member' && user.memberId !== found.member.id) throw new NotFoundError('reses report');
    const structure = await getCouncil(app.db);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ResesReportOfficePage
          ctx={ctx}
          csrf={csrf}
          record={found}
          categories={structure.categories}
          places={structure.kecamatan}
          errors={form.errors}
          values={form.values}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  /** After a change: back to the report, or the same page with what was wrong. */
  const after = (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    result: { ok: true } | { ok: false; errors: ResesError[] } | { ok: false; problem: 'missing' | 'forbidden' },
    values: Record<string, string | undefined>,
    notice: string,
    anchor: string,
  ) => {
    if (result.ok) return reply.redirect(`/kelola/reses/${id}?pesan=${notice}${anchor}`, 303);
    if ('problem' in result) throw new NotFoundError('reses report');
    return reportView(request, reply, id, { errors: messagesOf(request, result.errors), values });
  };

  app.get(
    '/kelola/reses/:id',
    { config: record, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => reportView(request, reply, request.params.id),
  );

  app.post(
    '/kelola/reses/:id/kunjungan',
    {
      config: {
        ...record,
        multipartOptions: { limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS + 1, fields: 10, parts: 18 } },
      },
      schema: { hide: true, params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!request.isMultipart()) return reply.redirect(`/kelola/reses/${id}`, 303);
      const { fields, files } = multipartBody(request.body);
      const result = await addVisit(
        deps(app),
        signedIn(request),
        id,
        {
          day: fields.day ?? '',
          place: fields.place ?? '',
          kelurahan: fields.kelurahan ?? '',
          attendance: fields.attendance ?? '',
          notes: fields.notes ?? '',
          photos: files,
        },
        request.ip,
      );
      const { _csrf, ...values } = fields;
      return after(request, reply, id, result, values, 'kunjungan', '#kunjungan');
    },
  );

  app.post(
    '/kelola/reses/:id/aspirasi',
    { config: record, schema: { hide: true, params: IdParams, body: InputBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const result = await addInput(
        deps(app),
        signedIn(request),
        id,
        {
          visit: body.visit ?? '',
          category: body.category ?? '',
          location: body.location ?? '',
          title: body.title ?? '',
          description: body.description ?? '',
          name: body.name ?? '',
          email: body.email ?? '',
          phone: body.phone ?? '',
        },
        request.ip,
      );
      if (result.ok) app.outbox.kick();
      return after(request, reply, id, result, body, 'aspirasi', '#aspirasi');
    },
  );

  app.post(
    '/kelola/reses/:id/terbit',
    { config: record, schema: { hide: true, params: IdParams, body: PublishBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await publishReport(deps(app), signedIn(request), id, request.body.summary ?? '', request.ip);
      return after(request, reply, id, result, request.body, 'terbit', '');
    },
  );
};
