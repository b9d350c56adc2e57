/** /anggaran and /anggaran.csv for everyone; /kelola/anggaran where staff import the budget. */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { csv } from '../platform/feeds.ts';
import { type MessageKey, textOf } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { can } from '../platform/permissions.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, PageQuery, queryText } from '../platform/schemas.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import type { LineError } from './import.ts';
import {
  budget,
  budgetLines,
  budgetRule,
  type ConfirmProblem,
  checkUpload,
  discardUpload,
  MAX_FILE_BYTES,
  pendingBudgetUploads,
  preview,
  saveUpload,
  setBudgetRule,
  uploadBudget,
} from './service.ts';
import { BudgetOfficePage, BudgetPage, PreviewPage, topTexts } from './views/pages.tsx';

const RuleBody = Type.Object({
  _csrf: optionalText(200),
  warnPercent: optionalText(20),
  secondOfficer: optionalText(10),
});
const ConfirmBody = Type.Object({ _csrf: optionalText(200), acknowledge: optionalText(10) });

const importProblemTexts = {
  year: 'budget.form.year',
  stage: 'budget.form.stage',
  file: 'budget.form.file',
  type: 'budget.form.type',
  tooLarge: 'budget.form.tooLarge',
} as const satisfies Record<'year' | 'stage' | 'file' | 'type' | 'tooLarge', MessageKey>;

const BudgetQuery = Type.Object({
  lang: optionalText(5),
  tahun: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })),
  tahap: Type.Optional(Type.Union([Type.Literal('murni'), Type.Literal('perubahan')])),
  akun: Type.Optional(Type.String({ pattern: '^[456](\\.\\d{1,4}){0,8}$' })),
  program: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z]{1,6}(\\.[0-9A-Za-z]{1,6}){0,8}$' })),
});
const ApiQuery = Type.Object({
  year: Type.Optional(
    Type.Integer({ minimum: 2000, maximum: 2200, description: 'Budget year; the latest when left out' }),
  ),
  stage: Type.Optional(Type.Union([Type.Literal('murni'), Type.Literal('perubahan')])),
  account: Type.Optional(
    Type.String({ pattern: '^[456](\\.\\d{1,4}){0,8}$', description: 'An account code, e.g. 5.1: its children' }),
  ),
  programme: Type.Optional(
    Type.String({
      pattern: '^[0-9A-Za-z]{1,6}(\\.[0-9A-Za-z]{1,6}){0,8}$',
      description: 'A programme or kegiatan code: what lies below it',
    }),
  ),
});
const Amounts = {
  code: Type.String(),
  name: Type.String(),
  planned: Type.Integer({ description: 'Rupiah' }),
  realised: Type.Integer({ description: 'Rupiah' }),
};
const BudgetJson = Type.Object({
  year: Type.Integer(),
  stage: Type.String(),
  licence: Type.String(),
  available: Type.Array(Type.Object({ year: Type.Integer(), stage: Type.String() })),
  totals: Type.Array(Type.Object(Amounts)),
  accounts: Type.Array(Type.Object(Amounts), { description: 'Children of `account`, or 4/5/6' }),
  by_opd: Type.Array(Type.Object({ opd: Type.String(), planned: Type.Integer(), realised: Type.Integer() }), {
    description: 'Only with `account`',
  }),
  programmes: Type.Array(Type.Object(Amounts), { description: 'Below `programme`, or every programme' }),
  years: Type.Array(
    Type.Object({ year: Type.Integer(), stage: Type.String(), totals: Type.Array(Type.Object(Amounts)) }),
    { description: "Each year's final stage, for comparison" },
  ),
});

export const budgetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/anggaran',
    { config: { access: 'public' }, schema: { hide: true, querystring: BudgetQuery } },
    async (request, reply) => {
      const query = request.query;
      const data = await budget(deps(app), {
        year: query.tahun,
        stage: query.tahap,
        account: query.akun,
        programme: query.program,
      });
      if (query.tahun !== undefined && data.chosen === undefined) throw new NotFoundError('budget year');
      if (query.program !== undefined && data.programmePath.length === 0) throw new NotFoundError('programme');
      return renderPage(request, reply, (ctx) => <BudgetPage ctx={ctx} {...data} />);
    },
  );

  app.get(
    '/api/v1/budget',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Budget'],
        summary: 'The regional budget (APBD): totals, the account tree, by agency and by programme',
        querystring: ApiQuery,
        response: { 200: BudgetJson },
      },
    },
    async (request) => {
      const query = request.query;
      const data = await budget(deps(app), {
        year: query.year,
        stage: query.stage,
        account: query.account,
        programme: query.programme,
      });
      if (data.chosen === undefined) throw new NotFoundError('budget year');
      if (query.programme !== undefined && data.programmePath.length === 0) throw new NotFoundError('programme');
      const amounts = (n: { code: string; name: string; planned: number; realised: number }) => ({
        code: n.code,
        name: n.name,
        planned: n.planned,
        realised: n.realised,
      });
      const topName = (code: string) => textOf(request.t, topTexts, code);
      return {
        year: data.chosen.year,
        stage: data.chosen.stage,
        licence: 'CC-BY-4.0',
        available: data.available,
        totals: data.top.map(amounts),
        accounts: (query.account === undefined ? data.top : data.children).map(amounts),
        by_opd: data.opd,
        programmes: data.programmes.map(amounts),
        years: data.years.map((y) => ({
          year: y.year,
          stage: y.stage,
          totals: Object.entries(y.totals).map(([code, v]) => ({ code, name: topName(code), ...v })),
        })),
      };
    },
  );

  app.get(
    '/anggaran.csv',
    { config: { access: 'public' }, schema: { hide: true, querystring: BudgetQuery } },
    async (request, reply) => {
      const query = request.query;
      const data = await budget(deps(app), { year: query.tahun, stage: query.tahap });
      if (data.chosen === undefined) throw new NotFoundError('budget year');
      const lines = await budgetLines(deps(app), data.chosen.year, data.chosen.stage);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="apbd-${data.chosen.year}-${data.chosen.stage}.csv"`)
        .send(
          csv([
            [
              'tahun',
              'tahap',
              'kode_akun',
              'nama_akun',
              'opd',
              'kode_program',
              'kode_kegiatan',
              'kode_subkegiatan',
              'nama_program',
              'nama_kegiatan',
              'nama_subkegiatan',
              'anggaran',
              'realisasi',
            ],
            ...lines.map((l) => [
              data.chosen?.year ?? '',
              data.chosen?.stage ?? '',
              l.account_code,
              l.account_name,
              l.opd,
              l.program_code,
              l.kegiatan_code,
              l.subkegiatan_code,
              l.program_name,
              l.kegiatan_name,
              l.subkegiatan_name,
              Number(l.planned),
              Number(l.realised),
            ]),
          ]),
        );
    },
  );

  const access = { access: 'budget.import' as const };

  const officeNotices: Record<string, MessageKey> = {
    tersimpan: 'budget.office.saved',
    dibatalkan: 'budget.office.discarded',
    aturan: 'budget.rule.saved',
  };

  const officePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    lineErrors: LineError[],
    values: Record<string, string | undefined>,
    status = 200,
  ) => {
    const notice = officeNotices[queryText(request, 'pesan') ?? ''];
    const user = signedIn(request);
    const [pending, rule] = await Promise.all([pendingBudgetUploads(deps(app)), budgetRule(deps(app))]);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <BudgetOfficePage
          ctx={ctx}
          csrf={csrf}
          errors={errors}
          lineErrors={lineErrors}
          values={values}
          pending={pending}
          rule={rule}
          maySetRule={can(user.role, 'budget.rules')}
          notice={notice === undefined ? undefined : request.t(notice)}
        />
      ),
      status,
    );
  };
  app.get('/kelola/anggaran', { config: access, schema: { hide: true, querystring: PageQuery } }, (request, reply) =>
    officePage(request, reply, {}, [], {}),
  );

  app.post(
    '/kelola/anggaran',
    {
      config: {
        ...access,
        multipartOptions: { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, parts: 12 } },
      },
      schema: { hide: true },
    },
    async (request, reply) => {
      if (!request.isMultipart()) return reply.redirect('/kelola/anggaran', 303);
      const { fields, files } = multipartBody(request.body);
      const result = await uploadBudget(deps(app), signedIn(request), {
        year: fields.year ?? '',
        stage: fields.stage ?? '',
        file: files[0],
      });
      if (result.ok) return reply.redirect(`/kelola/anggaran/unggahan/${result.id}`, 303);
      const values = { year: fields.year, stage: fields.stage };
      if ('errors' in result) return officePage(request, reply, {}, result.errors, values, 400);
      const field = result.problem === 'year' || result.problem === 'stage' ? result.problem : 'file';
      return officePage(request, reply, { [field]: request.t(importProblemTexts[result.problem]) }, [], values, 400);
    },
  );

  app.post(
    '/kelola/anggaran/aturan',
    { config: { access: 'budget.rules' }, schema: { hide: true, body: RuleBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await setBudgetRule(
        deps(app),
        signedIn(request),
        { warnPercent: body.warnPercent ?? '', secondOfficer: body.secondOfficer === 'yes' },
        request.ip,
      );
      if (result.ok) return reply.redirect('/kelola/anggaran?pesan=aturan', 303);
      // What was typed is kept: the share as written, the box as ticked.
      const typed = { warnPercent: body.warnPercent ?? '', secondOfficer: body.secondOfficer === 'yes' ? 'yes' : 'no' };
      return officePage(request, reply, { warnPercent: request.t('budget.rule.percentProblem') }, [], typed, 400);
    },
  );

  const confirmTexts = {
    acknowledge: 'budget.confirm.acknowledgeProblem',
    unchecked: 'budget.confirm.uncheckedProblem',
    sameOfficer: 'budget.confirm.sameOfficerProblem',
  } as const satisfies Record<ConfirmProblem, MessageKey>;

  const previewPage = async (request: FastifyRequest, reply: FastifyReply, id: number, problem?: ConfirmProblem) => {
    const found = await preview(deps(app), signedIn(request), id);
    if (found === undefined) throw new NotFoundError('budget upload');
    const notice = queryText(request, 'pesan') === 'diperiksa' ? request.t('budget.confirm.checked') : undefined;
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <PreviewPage
          ctx={ctx}
          csrf={csrf}
          preview={found}
          notice={notice}
          errors={problem === undefined ? {} : { acknowledge: request.t(confirmTexts[problem]) }}
        />
      ),
      problem === undefined ? 200 : 400,
    );
  };

  app.get(
    '/kelola/anggaran/unggahan/:id',
    { config: access, schema: { hide: true, params: IdParams, querystring: PageQuery } },
    (request, reply) => previewPage(request, reply, request.params.id),
  );

  app.post(
    '/kelola/anggaran/unggahan/:id/periksa',
    { config: access, schema: { hide: true, params: IdParams, body: ConfirmBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await checkUpload(
        deps(app),
        signedIn(request),
        id,
        request.body.acknowledge === 'yes',
        request.ip,
      );
      if (result.ok) return reply.redirect(`/kelola/anggaran/unggahan/${id}?pesan=diperiksa`, 303);
      if ('missing' in result) throw new NotFoundError('budget upload');
      return previewPage(request, reply, id, result.problem);
    },
  );

  app.post(
    '/kelola/anggaran/unggahan/:id/simpan',
    { config: access, schema: { hide: true, params: IdParams, body: ConfirmBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await saveUpload(deps(app), signedIn(request), id, request.body.acknowledge === 'yes', request.ip);
      if (result.ok) return reply.redirect(`/anggaran?tahun=${result.year}&tahap=${result.stage}`, 303);
      if ('missing' in result) throw new NotFoundError('budget upload');
      return previewPage(request, reply, id, result.problem);
    },
  );

  app.post(
    '/kelola/anggaran/unggahan/:id/batal',
    { config: access, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      if (!(await discardUpload(deps(app), signedIn(request), request.params.id, request.ip)))
        throw new NotFoundError('budget upload');
      return reply.redirect('/kelola/anggaran?pesan=dibatalkan', 303);
    },
  );
};
