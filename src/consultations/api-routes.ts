/**
 * /api/v1/consultations: consultations with their phases, sections, counts of comments and views,
 * and the closing report. Comments themselves are open data at /konsultasi/:id/unduh/komentar.*,
 * without who wrote them; hidden and held comments are in neither.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { IdParams } from '../platform/schemas.ts';
import { type Consultation, listConsultations, type ReportRecord, reportRecord } from './service.ts';

const nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const ConsultationJson = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  kind: Type.Union([Type.Literal('rpjmd'), Type.Literal('raperda'), Type.Literal('lainnya')]),
  title: Type.String(),
  summary: Type.String(),
  body: nullable(Type.Object({ slug: Type.String(), name: Type.String() })),
  raperda: nullable(Type.Object({ id: Type.Integer(), url: Type.String(), title: Type.String() })),
  phase: Type.Union(
    [Type.Literal('information'), Type.Literal('comments'), Type.Literal('closing'), Type.Literal('report')],
    { description: 'information → comments → closing → report' },
  ),
  opens_on: Type.String({ format: 'date' }),
  comments_from: Type.String({ format: 'date' }),
  comments_until: Type.String({ format: 'date', description: 'The last day comments are taken (Jakarta time)' }),
  report_due: Type.String({ format: 'date' }),
  days_left: Type.Integer({
    description: 'Calendar days left to comment, today included; 0 outside the comment phase',
  }),
  comments: Type.Integer({ description: 'Published comments (hidden and held ones are not counted)' }),
  participants: Type.Integer(),
  report_published_at: nullable(Type.String({ format: 'date-time' })),
  updated_at: Type.String({ format: 'date-time' }),
});
type ConsultationJson = Static<typeof ConsultationJson>;

const Counts = Type.Object({ accepted: Type.Integer(), partly: Type.Integer(), rejected: Type.Integer() });

const DetailJson = Type.Object({
  ...ConsultationJson.properties,
  sections: Type.Array(
    Type.Object({
      id: Type.Integer(),
      url: Type.String(),
      position: Type.Integer(),
      heading: Type.String(),
      text: Type.String(),
      comments: Type.Integer(),
      views: Type.Object({ agree: Type.Integer(), disagree: Type.Integer(), unsure: Type.Integer() }),
      report: nullable(Type.String({ description: 'What we heard and what we did, once the report is out' })),
      outcomes: nullable(Counts),
    }),
  ),
  report: nullable(
    Type.Object({ url: Type.String(), summary: Type.String(), published_at: Type.String(), outcomes: Counts }),
  ),
  comments_file: Type.Object({ csv: Type.String(), xlsx: Type.String(), json: Type.String() }),
});

function toJson(c: Consultation, base: string): ConsultationJson {
  return {
    id: c.id,
    url: `${base}/konsultasi/${c.id}`,
    kind: c.kind,
    title: c.title,
    summary: c.summary,
    body: c.body === undefined ? null : { slug: c.body.slug, name: c.body.name },
    raperda:
      c.raperda === undefined
        ? null
        : { id: c.raperda.id, url: `${base}/raperda/${c.raperda.id}`, title: c.raperda.title },
    phase: c.phase === 'upcoming' ? 'information' : c.phase,
    opens_on: c.opensOn,
    comments_from: c.commentsFrom,
    comments_until: c.commentsUntil,
    report_due: c.reportDue,
    days_left: c.daysLeft,
    comments: c.comments,
    participants: c.participants,
    report_published_at: c.reportPublishedAt?.toISOString() ?? null,
    updated_at: c.updatedAt.toISOString(),
  };
}

function detailJson(report: ReportRecord, base: string): Static<typeof DetailJson> {
  const c = report.record.consultation;
  const out = c.phase === 'report';
  const files = `${base}/konsultasi/${c.id}/unduh/komentar`;
  return {
    ...toJson(c, base),
    sections: report.bySection.map(({ section, outcomes }) => ({
      id: section.id,
      url: `${base}/konsultasi/${c.id}/bagian/${section.id}`,
      position: section.position,
      heading: section.heading,
      text: section.body,
      comments: section.comments,
      views: section.stances,
      report: out ? section.report : null,
      outcomes: out ? outcomes : null,
    })),
    report:
      out && c.reportPublishedAt !== null
        ? {
            url: `${base}/konsultasi/${c.id}/laporan`,
            summary: c.reportSummary ?? '',
            published_at: c.reportPublishedAt.toISOString(),
            outcomes: report.counts,
          }
        : null,
    comments_file: { csv: `${files}.csv`, xlsx: `${files}.xlsx`, json: `${files}.json` },
  };
}

export const consultationApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/consultations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Consultations'],
        summary: 'Public consultations, the latest comment phase first',
        response: { 200: Type.Object({ data: Type.Array(ConsultationJson) }) },
      },
    },
    async () => {
      const list = await listConsultations(deps(app));
      return { data: list.map((c) => toJson(c, app.config.publicBaseUrl)) };
    },
  );

  app.get(
    '/api/v1/consultations/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Consultations'],
        summary: 'One consultation with its sections, counts and report',
        params: IdParams,
        response: { 200: DetailJson },
      },
    },
    async (request) => {
      const report = await reportRecord(deps(app), request.params.id);
      if (report === undefined) throw new NotFoundError('consultation');
      return detailJson(report, app.config.publicBaseUrl);
    },
  );
};
