/**
 * The legal documents repository: /perda (search), /perda/:id and its PDF, /perda.csv,
 * /api/v1/regulations; and /kelola/perda where staff add documents and link amendments.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { newsAbout } from '../news/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { csv } from '../platform/feeds.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, PageQuery, queryText } from '../platform/schemas.ts';
import { MAX_DOCUMENT_BYTES } from '../platform/uploads.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import {
  addRegulation,
  type Filter,
  linkRegulations,
  type Regulation,
  type RegulationError,
  regulation,
  regulationFile,
  regulationStatuses,
  regulationTypes,
  searchRegulations,
} from './service.ts';
import {
  citation,
  RegulationOfficePage,
  RegulationPage,
  RegulationsOfficePage,
  RegulationsPage,
} from './views/pages.tsx';
import { typeName } from './views/shared.tsx';

const regulationProblemTexts = {
  required: 'regulation.problem.required',
  invalid: 'regulation.problem.invalid',
  tooLong: 'regulation.problem.tooLong',
  pdf: 'regulation.problem.pdf',
  tooLarge: 'regulation.problem.tooLarge',
  unreadable: 'regulation.problem.unreadable',
  exists: 'regulation.problem.exists',
  order: 'regulation.problem.order',
} as const satisfies Record<RegulationError['problem'], MessageKey>;

const ListQuery = Type.Object({
  lang: optionalText(5),
  q: optionalText(200),
  jenis: Type.Optional(Type.Union([Type.Literal(''), ...regulationTypes.map((x) => Type.Literal(x))])),
  tahun: Type.Optional(Type.Union([Type.Literal(''), Type.String({ pattern: '^\\d{4}$' })])),
  status: Type.Optional(Type.Union([Type.Literal(''), ...regulationStatuses.map((x) => Type.Literal(x))])),
  pokok: optionalText(100),
  hal: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
type ListQuery = Static<typeof ListQuery>;
const LinkBody = Type.Object({ _csrf: optionalText(200), kind: optionalText(20), target: optionalText(20) });

function filterOf(query: ListQuery): Omit<Filter, 'page'> {
  return {
    q: query.q,
    type: query.jenis || undefined,
    year: query.tahun ? Number(query.tahun) : undefined,
    status: query.status || undefined,
    subject: query.pokok || undefined,
  };
}

const nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const RegulationJson = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  type: Type.String(),
  number: Type.String(),
  year: Type.Integer(),
  citation: Type.String(),
  title: Type.String(),
  subject: Type.String(),
  status: Type.String({ description: 'berlaku (in force), diubah (amended) or dicabut (revoked)' }),
  enacted_on: Type.String({ format: 'date' }),
  promulgated_on: nullable(Type.String({ format: 'date' })),
  register: nullable(Type.String()),
  pdf_url: nullable(Type.String()),
  snippet: nullable(Type.String({ description: 'Matching passages for a search, words in « »' })),
});
type RegulationJson = Static<typeof RegulationJson>;
const ApiQuery = Type.Object({
  q: optionalText(200),
  type: Type.Optional(Type.Union(regulationTypes.map((x) => Type.Literal(x)))),
  year: Type.Optional(Type.Integer({ minimum: 1945, maximum: 2200 })),
  status: Type.Optional(Type.Union(regulationStatuses.map((x) => Type.Literal(x)))),
  subject: optionalText(100),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  lang: optionalText(5),
});

/** How the regulation forms name their fields in the error summary and beside each field. */
const regulationFieldWords = {
  type: { name: 'regulation.field.type' },
  number: { name: 'regulation.field.number' },
  year: { name: 'regulation.field.year' },
  title: { name: 'regulation.field.title', required: 'regulation.required.title' },
  subject: { name: 'regulation.field.subject' },
  enactedOn: { name: 'regulation.field.enactedOn' },
  register: { name: 'regulation.field.register' },
} as const satisfies FieldWords;

export const regulationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const toJson = (request: FastifyRequest, r: Regulation): RegulationJson => ({
    id: r.id,
    url: `${app.config.publicBaseUrl}/perda/${r.id}`,
    type: r.type,
    number: r.number,
    year: r.year,
    citation: citation(request, r),
    title: r.title,
    subject: r.subject,
    status: r.status,
    enacted_on: r.enactedOn,
    promulgated_on: r.promulgatedOn,
    register: r.register,
    pdf_url: r.hasFile ? `${app.config.publicBaseUrl}/perda/${r.id}/berkas` : null,
    snippet: r.snippet === null ? null : r.snippet.replaceAll('\u0002', '«').replaceAll('\u0003', '»'),
  });

  app.get(
    '/perda',
    { config: { access: 'public' }, schema: { hide: true, querystring: ListQuery } },
    async (request, reply) => {
      const query = request.query;
      const page = query.hal ?? 1;
      const result = await searchRegulations(deps(app), { ...filterOf(query), page });
      const shown: Record<string, string> = {};
      for (const [k, v] of Object.entries(query))
        if (!['lang', 'hal'].includes(k) && v !== undefined) shown[k] = String(v);
      return renderPage(request, reply, (ctx) => (
        <RegulationsPage
          ctx={ctx}
          regulations={result.regulations}
          total={result.total}
          page={page}
          pageSize={result.pageSize}
          subjects={result.subjects}
          years={result.years}
          query={shown}
        />
      ));
    },
  );

  app.get(
    '/perda.csv',
    { config: { access: 'public' }, schema: { hide: true, querystring: ListQuery } },
    async (request, reply) => {
      const result = await searchRegulations(deps(app), {
        ...filterOf(request.query),
        page: 1,
        pageSize: 10_000,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="perda.csv"')
        .send(
          csv([
            ['id', 'jenis', 'nomor', 'tahun', 'judul', 'pokok', 'status', 'ditetapkan', 'diundangkan', 'tautan'],
            ...result.regulations.map((r) => [
              r.id,
              typeName(request, r.type),
              r.number,
              r.year,
              r.title,
              r.subject,
              r.status,
              r.enactedOn,
              r.promulgatedOn,
              `${app.config.publicBaseUrl}/perda/${r.id}`,
            ]),
          ]),
        );
    },
  );

  app.get(
    '/perda/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const [record, news] = await Promise.all([
        regulation(deps(app), request.params.id),
        newsAbout(deps(app), { kind: 'regulation', id: request.params.id }),
      ]);
      if (record === undefined) throw new NotFoundError('regulation');
      return renderPage(request, reply, (ctx) => <RegulationPage ctx={ctx} record={record} news={news} />);
    },
  );

  app.get(
    '/perda/:id/berkas',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const file = await regulationFile(deps(app), request.params.id);
      if (file === undefined) throw new NotFoundError('regulation file');
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${file.name}"`)
        .header('cache-control', 'public, max-age=86400')
        .send(await file.read());
    },
  );

  app.get(
    '/api/v1/regulations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Regulations'],
        summary: 'Regulations, searched in their titles and full texts (Indonesian stemming)',
        querystring: ApiQuery,
        response: {
          200: Type.Object({
            data: Type.Array(RegulationJson),
            meta: Type.Object({ total: Type.Integer(), page: Type.Integer(), per_page: Type.Integer() }),
          }),
        },
      },
    },
    async (request) => {
      const query = request.query;
      const page = query.page ?? 1;
      const perPage = query.per_page ?? 20;
      const result = await searchRegulations(deps(app), {
        q: query.q,
        type: query.type,
        year: query.year,
        status: query.status,
        subject: query.subject,
        page,
        pageSize: perPage,
      });
      return {
        data: result.regulations.map((r) => toJson(request, r)),
        meta: { total: result.total, page, per_page: perPage },
      };
    },
  );

  app.get(
    '/api/v1/regulations/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['Regulations'], summary: 'One regulation', params: IdParams, response: { 200: RegulationJson } },
    },
    async (request) => {
      const record = await regulation(deps(app), request.params.id);
      if (record === undefined) throw new NotFoundError('regulation');
      return toJson(request, record.regulation);
    },
  );

  // ------------------------------------------------------------ /kelola/perda

  const access = { access: 'regulations.manage' as const };
  const messages = (request: FastifyRequest, errors: RegulationError[]) =>
    fieldMessages(request.t, errors, regulationProblemTexts, '', regulationFieldWords);

  const officeList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, string>,
    status = 200,
  ) => {
    const recent = await searchRegulations(deps(app), { page: 1, pageSize: 30 });
    const saved = queryText(request, 'pesan') === 'tersimpan';
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <RegulationsOfficePage
          ctx={ctx}
          csrf={csrf}
          errors={errors}
          values={values}
          recent={recent.regulations}
          notice={saved ? request.t('agenda.office.saved') : undefined}
        />
      ),
      status,
    );
  };

  app.get('/kelola/perda', { config: access, schema: { hide: true, querystring: PageQuery } }, (request, reply) =>
    officeList(request, reply, {}, {}),
  );

  app.post(
    '/kelola/perda',
    {
      config: {
        ...access,
        multipartOptions: { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 20, parts: 22 } },
      },
      schema: { hide: true },
    },
    async (request, reply) => {
      if (!request.isMultipart()) return reply.redirect('/kelola/perda', 303);
      const { fields, files } = multipartBody(request.body);
      const result = await addRegulation(
        deps(app),
        signedIn(request),
        {
          type: fields.type ?? '',
          number: fields.number ?? '',
          year: fields.year ?? '',
          title: fields.title ?? '',
          subject: fields.subject ?? '',
          enactedOn: fields.enactedOn ?? '',
          promulgatedOn: fields.promulgatedOn ?? '',
          register: fields.register ?? '',
          file: files[0],
        },
        request.ip,
      );
      if (result.ok) return reply.redirect(`/kelola/perda/${result.id}?pesan=tersimpan`, 303);
      const { _csrf, ...values } = fields;
      return officeList(request, reply, messages(request, result.errors), values, 400);
    },
  );

  const officeOne = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    errors: FieldErrors,
    status = 200,
    values: { kind?: string; target?: string } = {},
  ) => {
    const record = await regulation(deps(app), id);
    if (record === undefined) throw new NotFoundError('regulation');
    const saved = queryText(request, 'pesan') === 'tersimpan';
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <RegulationOfficePage
          ctx={ctx}
          csrf={csrf}
          record={record}
          errors={errors}
          values={values}
          notice={saved ? request.t('agenda.office.saved') : undefined}
        />
      ),
      status,
    );
  };

  app.get(
    '/kelola/perda/:id',
    { config: access, schema: { hide: true, params: IdParams, querystring: PageQuery } },
    (request, reply) => officeOne(request, reply, request.params.id, {}),
  );

  app.post(
    '/kelola/perda/:id/tautan',
    { config: access, schema: { hide: true, params: IdParams, body: LinkBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const target = /^\d{1,9}$/.test((body.target ?? '').trim()) ? Number(body.target) : 0;
      const result = await linkRegulations(deps(app), signedIn(request), id, body.kind ?? '', target, request.ip);
      if (result.ok) return reply.redirect(`/kelola/perda/${id}?pesan=tersimpan`, 303);
      return officeOne(request, reply, id, messages(request, result.errors), 400, {
        kind: body.kind ?? '',
        target: body.target ?? '',
      });
    },
  );
};
