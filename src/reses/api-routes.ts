/**
 * /api/v1/reses: members' published recess reports — the period, the member and their dapil, the
 * visits (day, place, attendance) and the tracking codes of the input filed as aspirations. The
 * people who came are counted, never named.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { IdParams } from '../platform/schemas.ts';
import { publishedReports, type ReportSummary, reportRecord } from './service.ts';

const SummaryJson = Type.Object({
  id: Type.Integer(),
  period: Type.Object({ name: Type.String(), starts_on: Type.String(), ends_on: Type.String() }),
  member: Type.Object({ slug: Type.String(), name: Type.String() }),
  dapil: Type.Union([Type.Integer(), Type.Null()], { description: 'The number of the member’s dapil' }),
  visits: Type.Integer(),
  attendance: Type.Integer({ description: 'People who came, over all visits' }),
  inputs: Type.Integer({ description: 'Items of input filed as aspirations' }),
  published_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  url: Type.String(),
});

const ReportJson = Type.Object({
  ...SummaryJson.properties,
  summary: Type.String(),
  visits_list: Type.Array(
    Type.Object({
      day: Type.String({ description: 'YYYY-MM-DD' }),
      place: Type.String(),
      kelurahan: Type.Union([Type.String(), Type.Null()]),
      kecamatan: Type.Union([Type.String(), Type.Null()]),
      attendance: Type.Integer(),
      notes: Type.String(),
    }),
  ),
  aspirations: Type.Array(Type.Object({ code: Type.String(), title: Type.String() })),
});

export const resesApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const summaryJson = (r: ReportSummary) => ({
    id: r.id,
    period: { name: r.period.name, starts_on: r.period.startsOn, ends_on: r.period.endsOn },
    member: { slug: r.member.slug, name: r.member.name },
    dapil: r.dapil?.number ?? null,
    visits: r.visits,
    attendance: r.attendance,
    inputs: r.inputs,
    published_at: r.publishedAt?.toISOString() ?? null,
    url: `${app.config.publicBaseUrl}/reses/${r.id}`,
  });

  app.get(
    '/api/v1/reses',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Reses and pokir'],
        summary: 'Members’ published recess (reses) reports, newest period first',
        response: { 200: Type.Object({ reports: Type.Array(SummaryJson) }) },
      },
    },
    async () => ({ reports: (await publishedReports(deps(app))).map(summaryJson) }),
  );

  app.get(
    '/api/v1/reses/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Reses and pokir'],
        summary: 'One published reses report: its visits and the aspirations filed from it',
        params: IdParams,
        response: { 200: ReportJson },
      },
    },
    async (request) => {
      const record = await reportRecord(deps(app), request.params.id, null);
      if (record === undefined || record.publishedAt === null) throw new NotFoundError('reses report');
      return {
        ...summaryJson(record),
        summary: record.summary,
        visits_list: record.visitList.map((v) => ({
          day: v.day,
          place: v.place,
          kelurahan: v.kelurahan?.name ?? null,
          kecamatan: v.kelurahan?.kecamatan ?? null,
          attendance: v.attendance,
          notes: v.notes,
        })),
        aspirations: record.inputList.map((i) => ({ code: i.code, title: i.title })),
      };
    },
  );
};
