/**
 * Public consultations. Citizens: /konsultasi (the list), /konsultasi/:id (the document, its
 * phases and sections), /konsultasi/:id/bagian/:section (a section's comments, the comment form,
 * agree / disagree / unsure), /konsultasi/komentar/:id (one comment and its fate),
 * /konsultasi/:id/laporan (what we heard and what we did), its Atom feed and open-data files;
 * /konsultasi/email/:token (the link mailed to someone who commented without an account).
 * Staff: /kelola/konsultasi. Moderators: /kelola/moderasi.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import { newsAbout } from '../news/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { atomFeed, csv } from '../platform/feeds.ts';
import { registerFollowLinks } from '../platform/follow-routes.tsx';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { can } from '../platform/permissions.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { writeXlsx } from '../platform/xlsx.ts';
import {
  addComment,
  addOfflineInput,
  addSections,
  answerComment,
  answersRecord,
  askToConfirmComment,
  CONFIRM_DAYS,
  type ConsultationError,
  type ConsultationInput,
  commentRecord,
  confirmComment,
  consultation,
  createConsultation,
  draftDocuments,
  figures,
  followConsultation,
  formValues,
  giveStance,
  heldStatements,
  importText,
  linkMeeting,
  listConsultations,
  MAX_IMPORT_BYTES,
  type ModerationAction,
  mailedComment,
  moderate,
  moderateStatement,
  moderationQueue,
  openComments,
  proposeStatement,
  publishReport,
  releaseMailedComment,
  removeSection,
  reportComment,
  reportRecord,
  sectionPage,
  statementsPage,
  supportComment,
  updateConsultation,
  voteOnStatement,
  writeSectionReport,
} from './service.ts';
import { ConsultationOfficePage, ConsultationsOfficePage, ModerationPage } from './views/office.tsx';
import {
  CommentPage,
  ConsultationPage,
  ConsultationsPage,
  MailedCommentPage,
  ReportPage,
  SectionCommentsPage,
  StatementsPage,
} from './views/pages.tsx';

const problemTexts = {
  required: 'consultation.problem.required',
  tooLong: 'consultation.problem.tooLong',
  invalid: 'consultation.problem.invalid',
  order: 'consultation.problem.order',
  oneLine: 'form.singleLine',
  links: 'consultation.problem.links',
  tooFast: 'consultation.problem.tooFast',
  quote: 'consultation.problem.quote',
  closed: 'consultation.problem.closed',
  notAnswered: 'consultation.problem.notAnswered',
  missing: 'consultation.problem.invalid',
  email: 'consultation.invalid.email',
  pdf: 'consultation.problem.pdf',
  tooLarge: 'consultation.problem.tooLarge',
  noText: 'consultation.problem.noText',
} as const satisfies Record<ConsultationError['problem'], MessageKey>;

const fieldWords = {
  kind: { name: 'consultation.field.kind' },
  title: { name: 'consultation.field.title', required: 'consultation.required.title' },
  summary: { name: 'consultation.field.summary', required: 'consultation.required.summary' },
  body: { name: 'consultation.field.body' },
  raperda: { name: 'consultation.field.raperda' },
  opensOn: { name: 'consultation.field.opensOn' },
  commentsFrom: { name: 'consultation.field.commentsFrom' },
  commentsUntil: { name: 'consultation.field.commentsUntil' },
  reportDue: { name: 'consultation.field.reportDue' },
  heading: { name: 'consultation.field.heading', required: 'consultation.required.heading' },
  text: { name: 'consultation.field.text', required: 'consultation.required.text' },
  meeting: { name: 'consultation.field.meeting', required: 'consultation.required.meeting' },
  section: { name: 'consultation.field.section' },
  source: { name: 'consultation.field.source', required: 'consultation.required.source' },
  offlineBody: { name: 'consultation.field.offlineBody', required: 'consultation.required.offlineBody' },
  quote: { name: 'consultation.field.quote' },
  kecamatan: { name: 'consultation.field.kecamatan' },
  reportSummary: { name: 'consultation.field.reportSummary', required: 'consultation.required.reportSummary' },
  statement: { name: 'consultation.field.statement', required: 'consultation.required.statement' },
  pdf: { name: 'consultation.field.pdf', required: 'consultation.required.pdf' },
  document: { name: 'consultation.field.document' },
} as const satisfies FieldWords;

/** A comment's own words: "Tulis komentar Anda" when empty, "Komentar: …" otherwise. */
const commentWords = {
  body: { name: 'consultation.field.comment', required: 'consultation.required.comment' },
  quote: { name: 'consultation.field.quote' },
  kecamatan: { name: 'consultation.field.kecamatan' },
  name: { name: 'consultation.field.name' },
  email: { required: 'consultation.required.email' },
  consent: { name: 'consultation.field.consent', required: 'consultation.required.consent' },
} as const satisfies FieldWords;

const notices: Record<string, MessageKey> = {
  terkirim: 'consultation.notice.sent',
  ditahan: 'consultation.notice.held',
  didukung: 'consultation.notice.supported',
  sudah: 'consultation.notice.already',
  sendiri: 'consultation.notice.own',
  ditutup: 'consultation.notice.closed',
  sikap: 'consultation.notice.stance',
  dilaporkan: 'consultation.notice.reported',
  tersimpan: 'agenda.office.saved',
  bagian: 'consultation.notice.sections',
  laporan: 'consultation.notice.report',
  moderasi: 'consultation.notice.moderated',
  diusulkan: 'consultation.notice.proposed',
  dipilih: 'consultation.notice.voted',
  'periksa-email': 'consultation.notice.checkEmail',
  'data-dihapus': 'consultation.notice.unlinked',
  ditarik: 'consultation.notice.withdrawn',
  terlambat: 'consultation.notice.lateConfirm',
  ikuti: 'consultation.follow.sent',
  dikonfirmasi: 'consultation.follow.confirmed',
};
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

const SectionParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
  section: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
});
const FileParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
  file: Type.String({ pattern: '^komentar\\.(csv|xlsx|json)$' }),
});
const SectionQuery = Type.Object({
  lang: optionalText(5),
  pesan: optionalText(40),
  urut: Type.Optional(Type.Union([Type.Literal('terbaru'), Type.Literal('dukungan')])),
  halaman: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  balas: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_000_000_000 })),
});
const Query = Type.Object({ lang: optionalText(5), pesan: optionalText(40) });
const CommentBody = Type.Object({
  _csrf: optionalText(200),
  body: optionalText(20_000),
  quote: optionalText(5_000),
  kecamatan: optionalText(80),
  showAs: optionalText(10),
  parent: optionalText(20),
});
const EmailCommentBody = Type.Object({
  ...CommentBody.properties,
  name: optionalText(2_000),
  email: optionalText(2_000),
  consent: optionalText(5),
});
/** The token of a mailed link; its shape is checked by the service, which answers "not found". */
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const ReleaseBody = Type.Object({ _csrf: optionalText(200), action: optionalText(20) });
const StanceBody = Type.Object({ _csrf: optionalText(200), stance: optionalText(20) });
const ReportBody = Type.Object({ _csrf: optionalText(200), reason: optionalText(2_000) });
const EmptyBody = Type.Object({ _csrf: optionalText(200) });
const FollowBody = Type.Object({ _csrf: optionalText(200), 'follow-email': optionalText(400) });
const ConsultationBody = Type.Object({
  _csrf: optionalText(200),
  kind: optionalText(20),
  title: optionalText(2_000),
  summary: optionalText(20_000),
  body: optionalText(80),
  raperda: optionalText(20),
  opensOn: optionalText(20),
  commentsFrom: optionalText(20),
  commentsUntil: optionalText(20),
  reportDue: optionalText(20),
  holdFirstComments: optionalText(5),
  emailComments: optionalText(5),
});
const SectionsBody = Type.Object({
  _csrf: optionalText(200),
  heading: optionalText(2_000),
  text: optionalText(400_000),
});
const MeetingBody = Type.Object({ _csrf: optionalText(200), meeting: optionalText(300) });
const OfflineBody = Type.Object({
  _csrf: optionalText(200),
  section: optionalText(20),
  source: optionalText(2_000),
  offlineBody: optionalText(40_000),
  kecamatan: optionalText(80),
});
const AnswerBody = Type.Object({ _csrf: optionalText(200), fate: optionalText(20), answer: optionalText(10_000) });
const SectionReportBody = Type.Object({ _csrf: optionalText(200), report: optionalText(40_000) });
const PublishBody = Type.Object({ _csrf: optionalText(200), reportSummary: optionalText(40_000) });
const ModerateBody = Type.Object({
  _csrf: optionalText(200),
  action: optionalText(20),
  reason: optionalText(2_000),
});

const StatementBody = Type.Object({ _csrf: optionalText(200), statement: optionalText(2_000) });
const VoteBody = Type.Object({ _csrf: optionalText(200), vote: optionalText(20) });

const moderationActions: readonly ModerationAction[] = ['hide', 'restore', 'approve', 'dismiss'];

function consultationInput(body: Static<typeof ConsultationBody>): ConsultationInput {
  return {
    kind: body.kind ?? '',
    title: body.title ?? '',
    summary: body.summary ?? '',
    body: body.body ?? '',
    raperda: body.raperda ?? '',
    opensOn: body.opensOn ?? '',
    commentsFrom: body.commentsFrom ?? '',
    commentsUntil: body.commentsUntil ?? '',
    reportDue: body.reportDue ?? '',
    holdFirstComments: body.holdFirstComments === 'yes',
    emailComments: body.emailComments === 'yes',
  };
}

export const consultationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messagesOf = (request: FastifyRequest, errors: ConsultationError[], words: FieldWords = fieldWords) =>
    fieldMessages(request.t, errors, problemTexts, '', words);
  const isStaff = (request: FastifyRequest) => request.user !== null && can(request.user.role, 'consultations.manage');

  // ------------------------------------------------------------ public pages

  app.get(
    '/konsultasi',
    { config: { access: 'public' }, schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const list = await listConsultations(deps(app));
      return renderPage(request, reply, (ctx) => <ConsultationsPage ctx={ctx} consultations={list} />);
    },
  );

  const consultationView = async (request: FastifyRequest, reply: FastifyReply, id: number, error?: string) => {
    const [record, news] = await Promise.all([
      consultation(deps(app), id, isStaff(request)),
      newsAbout(deps(app), { kind: 'consultation', id }),
    ]);
    if (record === undefined) throw new NotFoundError('consultation');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ConsultationPage ctx={ctx} csrf={csrf} record={record} news={news} notice={noticeOf(request)} error={error} />
      ),
      error === undefined ? 200 : 400,
    );
  };

  app.get(
    '/konsultasi/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => consultationView(request, reply, request.params.id),
  );

  app.post(
    '/konsultasi/:id/ikuti',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: FollowBody },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await followConsultation(deps(app), id, request.body['follow-email'] ?? '');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/konsultasi/${id}?pesan=ikuti#ikuti`, 303);
      }
      if (result.problem === 'missing') throw new NotFoundError('consultation');
      return consultationView(request, reply, id, request.t('form.email'));
    },
  );
  registerFollowLinks(app, 'consultation', {
    unknownConfirmation: 'consultation.follow.badBody',
    stopped: 'consultation.follow.stopped',
  });

  const sectionView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    params: { id: number; section: number },
    query: Static<typeof SectionQuery>,
    form: { errors: FieldErrors; values: Record<string, string | undefined> } = { errors: {}, values: {} },
  ) => {
    const order = query.urut === 'dukungan' ? 'supported' : 'newest';
    const page = await sectionPage(deps(app), params.id, params.section, {
      order,
      page: query.halaman ?? 1,
      viewer: request.user,
    });
    if (page === undefined) throw new NotFoundError('section');
    const structure = await getCouncil(app.db);
    const status = Object.keys(form.errors).length > 0 ? 400 : 200;
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <SectionCommentsPage
          ctx={ctx}
          csrf={csrf}
          page={page}
          order={order}
          replyTo={query.balas}
          kecamatan={structure.kecamatan}
          errors={form.errors}
          values={form.values}
          notice={noticeOf(request)}
        />
      ),
      status,
    );
  };

  app.get(
    '/konsultasi/:id/bagian/:section',
    { config: { access: 'public' }, schema: { hide: true, params: SectionParams, querystring: SectionQuery } },
    (request, reply) => sectionView(request, reply, request.params, request.query),
  );

  app.post(
    '/konsultasi/:id/bagian/:section/komentar',
    {
      config: { access: 'consultations.take-part', rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: { hide: true, params: SectionParams, body: CommentBody },
    },
    async (request, reply) => {
      const { id, section } = request.params;
      const body = request.body;
      const result = await addComment(deps(app), signedIn(request), id, section, {
        body: body.body ?? '',
        quote: body.quote ?? '',
        kecamatan: body.kecamatan ?? '',
        showAs: body.showAs ?? 'name',
        parent: body.parent ?? '',
      });
      if (result.ok)
        return reply.redirect(
          result.held
            ? `/konsultasi/${id}/bagian/${section}?pesan=ditahan`
            : `/konsultasi/${id}/bagian/${section}?pesan=terkirim#komentar-${result.id}`,
          303,
        );
      if ('missing' in result) throw new NotFoundError('section');
      const parent = /^\d{1,9}$/.test(body.parent ?? '') ? Number(body.parent) : undefined;
      return sectionView(request, reply, request.params, parent === undefined ? {} : { balas: parent }, {
        errors: messagesOf(request, result.errors, commentWords),
        values: body,
      });
    },
  );

  app.post(
    '/konsultasi/:id/bagian/:section/komentar-email',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: SectionParams, body: EmailCommentBody },
    },
    async (request, reply) => {
      const { id, section } = request.params;
      const body = request.body;
      const result = await askToConfirmComment(deps(app), id, section, {
        body: body.body ?? '',
        quote: body.quote ?? '',
        kecamatan: body.kecamatan ?? '',
        showAs: 'name',
        parent: body.parent ?? '',
        name: body.name ?? '',
        email: body.email ?? '',
        consent: body.consent === 'yes',
      });
      if (result.ok) return reply.redirect(`/konsultasi/${id}/bagian/${section}?pesan=periksa-email#tulis`, 303);
      if ('missing' in result) throw new NotFoundError('section');
      const parent = /^\d{1,9}$/.test(body.parent ?? '') ? Number(body.parent) : undefined;
      return sectionView(request, reply, request.params, parent === undefined ? {} : { balas: parent }, {
        errors: messagesOf(request, result.errors, commentWords),
        values: body,
      });
    },
  );

  // The mailed link: its page is the writer's alone, never kept by a cache or sent on as a referrer.
  const mailedView = async (request: FastifyRequest, reply: FastifyReply, token: string) => {
    const mailed = await mailedComment(deps(app), token);
    reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => <MailedCommentPage ctx={ctx} csrf={csrf} token={token} mailed={mailed} days={CONFIRM_DAYS} />,
      mailed === undefined ? 404 : 200,
    );
  };

  app.get(
    '/konsultasi/email/:token',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams, querystring: Query } },
    (request, reply) => mailedView(request, reply, request.params.token),
  );

  app.post(
    '/konsultasi/email/:token',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: { hide: true, params: TokenParams, body: EmptyBody },
    },
    async (request, reply) => {
      const result = await confirmComment(deps(app), request.params.token, request.ip);
      if (result.outcome === 'missing') return mailedView(request, reply, request.params.token);
      const base = `/konsultasi/${result.consultationId}/bagian/${result.sectionId}`;
      if (result.outcome === 'closed') return reply.redirect(`${base}?pesan=terlambat`, 303);
      return reply.redirect(
        result.outcome === 'held' ? `${base}?pesan=ditahan` : `${base}?pesan=terkirim#komentar-${result.commentId}`,
        303,
      );
    },
  );

  app.post(
    '/konsultasi/email/:token/hapus',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: { hide: true, params: TokenParams, body: ReleaseBody },
    },
    async (request, reply) => {
      const action = request.body.action === 'withdraw' ? 'withdraw' : 'forget';
      const done = await releaseMailedComment(deps(app), request.params.token, action, request.ip);
      if (done === undefined) return mailedView(request, reply, request.params.token);
      return reply.redirect(
        `/konsultasi/${done.consultationId}/bagian/${done.sectionId}?pesan=${action === 'withdraw' ? 'ditarik' : 'data-dihapus'}`,
        303,
      );
    },
  );

  app.post(
    '/konsultasi/:id/bagian/:section/sikap',
    { config: { access: 'consultations.take-part' }, schema: { hide: true, params: SectionParams, body: StanceBody } },
    async (request, reply) => {
      const { id, section } = request.params;
      const outcome = await giveStance(deps(app), signedIn(request), id, section, request.body.stance ?? '');
      if (outcome === 'missing') throw new NotFoundError('section');
      if (outcome === 'invalid')
        return sectionView(
          request,
          reply,
          request.params,
          {},
          { errors: { stance: request.t('consultation.required.stance') }, values: {} },
        );
      return reply.redirect(
        `/konsultasi/${id}/bagian/${section}?pesan=${outcome === 'saved' ? 'sikap' : 'ditutup'}`,
        303,
      );
    },
  );

  app.post(
    '/konsultasi/komentar/:id/dukung',
    { config: { access: 'consultations.take-part' }, schema: { hide: true, params: IdParams, body: EmptyBody } },
    async (request, reply) => {
      const result = await supportComment(deps(app), signedIn(request), request.params.id);
      if (result.outcome === 'missing') throw new NotFoundError('comment');
      const key = { added: 'didukung', already: 'sudah', own: 'sendiri', closed: 'ditutup' }[result.outcome];
      return reply.redirect(
        `/konsultasi/${result.consultationId}/bagian/${result.sectionId}?pesan=${key}#komentar-${request.params.id}`,
        303,
      );
    },
  );

  const commentView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    error?: string,
    reason?: string,
  ) => {
    const record = await commentRecord(deps(app), id);
    if (record === undefined) throw new NotFoundError('comment');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <CommentPage
          ctx={ctx}
          csrf={csrf}
          record={record}
          error={error}
          reason={reason}
          notice={noticeOf(request)}
          canModerate={request.user !== null && can(request.user.role, 'consultations.moderate')}
        />
      ),
      error === undefined ? 200 : 400,
    );
  };

  app.get(
    '/konsultasi/komentar/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => commentView(request, reply, request.params.id),
  );

  app.post(
    '/konsultasi/komentar/:id/laporkan',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: ReportBody },
    },
    async (request, reply) => {
      const result = await reportComment(deps(app), request.user, request.params.id, request.body.reason ?? '');
      if (result.ok) return reply.redirect(`/konsultasi/komentar/${request.params.id}?pesan=dilaporkan`, 303);
      if (result.problem === 'missing') throw new NotFoundError('comment');
      return commentView(
        request,
        reply,
        request.params.id,
        request.t('consultation.required.reportReason'),
        request.body.reason,
      );
    },
  );

  app.get(
    '/konsultasi/:id/laporan',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    async (request, reply) => {
      const report = await reportRecord(deps(app), request.params.id, isStaff(request));
      if (report === undefined) throw new NotFoundError('consultation');
      const numbers = await figures(deps(app), request.params.id);
      return renderPage(request, reply, (ctx) => <ReportPage ctx={ctx} report={report} figures={numbers} />);
    },
  );

  app.get(
    '/konsultasi/:id/feed.atom',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const data = await openComments(deps(app), request.params.id);
      if (data === undefined) throw new NotFoundError('consultation');
      const c = data.record.consultation;
      const base = app.config.publicBaseUrl;
      const newest = [...data.rows].sort((a, b) => b.id - a.id).slice(0, 50);
      const structure = await getCouncil(app.db);
      const entries = newest.map((row) => {
        const at = new Date(`${row.date}T00:00:00+07:00`);
        return {
          id: `${base}/konsultasi/komentar/${row.id}`,
          title: request.t('consultation.feed.entry', { section: row.section }),
          url: `${base}/konsultasi/komentar/${row.id}`,
          published: at,
          updated: at,
          summary: row.text,
        };
      });
      if (c.reportPublishedAt !== null)
        entries.unshift({
          id: `${base}/konsultasi/${c.id}/laporan`,
          title: request.t('consultation.report.title', { title: c.title }),
          url: `${base}/konsultasi/${c.id}/laporan`,
          published: c.reportPublishedAt,
          updated: c.reportPublishedAt,
          summary: c.reportSummary ?? '',
        });
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(
          atomFeed({
            title: c.title,
            author: structure.council.name,
            base,
            path: `/konsultasi/${c.id}`,
            self: `/konsultasi/${c.id}/feed.atom`,
            entries,
          }),
        );
    },
  );

  app.get(
    '/konsultasi/:id/unduh/:file',
    { config: { access: 'public' }, schema: { hide: true, params: FileParams } },
    async (request, reply) => {
      const data = await openComments(deps(app), request.params.id);
      if (data === undefined) throw new NotFoundError('consultation');
      const format = request.params.file.split('.')[1];
      const header = Object.keys(data.rows[0] ?? emptyRow) as (keyof typeof emptyRow)[];
      const name = `konsultasi-${request.params.id}-komentar.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'public, max-age=300');
      if (format === 'json')
        return reply.type('application/json; charset=utf-8').send(
          JSON.stringify({
            consultation: {
              id: data.record.consultation.id,
              title: data.record.consultation.title,
              url: `${app.config.publicBaseUrl}/konsultasi/${data.record.consultation.id}`,
            },
            comments: data.rows,
          }),
        );
      const rows = [header, ...data.rows.map((r) => header.map((h) => r[h]))];
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(csv(rows));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(Buffer.from(writeXlsx([{ name: 'komentar', rows }])));
    },
  );

  // ------------------------------------------------------------ short statements (Pol.is-style)

  const statementsView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    errors: FieldErrors = {},
    values: Record<string, string | undefined> = {},
  ) => {
    const page = await statementsPage(deps(app), id, request.user);
    if (page === undefined) throw new NotFoundError('consultation');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <StatementsPage ctx={ctx} csrf={csrf} page={page} errors={errors} values={values} notice={noticeOf(request)} />
      ),
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/konsultasi/:id/pernyataan',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => statementsView(request, reply, request.params.id),
  );

  app.post(
    '/konsultasi/:id/pernyataan',
    {
      config: { access: 'consultations.take-part', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: StatementBody },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await proposeStatement(deps(app), signedIn(request), id, request.body.statement ?? '');
      if (result === undefined) throw new NotFoundError('consultation');
      if (result.ok) return reply.redirect(`/konsultasi/${id}/pernyataan?pesan=diusulkan`, 303);
      return statementsView(request, reply, id, messagesOf(request, result.errors), request.body);
    },
  );

  app.post(
    '/konsultasi/pernyataan/:id/pilih',
    { config: { access: 'consultations.take-part' }, schema: { hide: true, params: IdParams, body: VoteBody } },
    async (request, reply) => {
      const result = await voteOnStatement(deps(app), signedIn(request), request.params.id, request.body.vote ?? '');
      if (result.ok)
        return reply.redirect(
          `/konsultasi/${result.consultationId}/pernyataan?pesan=dipilih#pernyataan-${request.params.id}`,
          303,
        );
      if (result.problem === 'missing') throw new NotFoundError('statement');
      if (result.problem === 'closed')
        return reply.redirect(`/konsultasi/${result.consultationId}/pernyataan?pesan=ditutup`, 303);
      return statementsView(request, reply, result.consultationId, {
        [`pernyataan-${request.params.id}`]: request.t('consultation.required.vote'),
      });
    },
  );

  // ------------------------------------------------------------ /kelola/konsultasi

  const manage = { access: 'consultations.manage' as const };

  const listOffice = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, string | undefined>,
  ) => {
    const [list, structure] = await Promise.all([listConsultations(deps(app), true), getCouncil(app.db)]);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ConsultationsOfficePage
          ctx={ctx}
          csrf={csrf}
          consultations={list}
          bodies={structure.bodies}
          errors={errors}
          values={values}
        />
      ),
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get('/kelola/konsultasi', { config: manage, schema: { hide: true, querystring: Query } }, (request, reply) =>
    listOffice(request, reply, {}, {}),
  );

  app.post(
    '/kelola/konsultasi',
    { config: manage, schema: { hide: true, body: ConsultationBody } },
    async (request, reply) => {
      const result = await createConsultation(
        deps(app),
        signedIn(request),
        consultationInput(request.body),
        request.ip,
      );
      if (result.ok) return reply.redirect(`/kelola/konsultasi/${result.id}?pesan=tersimpan`, 303);
      return listOffice(request, reply, messagesOf(request, result.errors), request.body);
    },
  );

  const oneOffice = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    errors: FieldErrors = {},
    values: Record<string, string | undefined> = {},
    notice = noticeOf(request),
  ) => {
    const answers = await answersRecord(deps(app), id);
    if (answers === undefined) throw new NotFoundError('consultation');
    const report = answers.report;
    const [structure, documents] = await Promise.all([
      getCouncil(app.db),
      draftDocuments(deps(app), report.record.consultation),
    ]);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ConsultationOfficePage
          ctx={ctx}
          csrf={csrf}
          report={report}
          answers={answers.comments}
          bodies={structure.bodies}
          kecamatan={structure.kecamatan}
          documents={documents}
          errors={errors}
          values={{ ...formValues(report.record.consultation), ...values }}
          notice={notice}
        />
      ),
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  /** After a staff change: back to the consultation's page, or the same page with what was wrong. */
  const afterOffice = (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    result: { ok: true } | { ok: false; errors: ConsultationError[] } | undefined,
    values: Record<string, string | undefined>,
    notice = 'tersimpan',
    anchor = '',
  ) => {
    if (result === undefined) throw new NotFoundError('consultation');
    if (result.ok) return reply.redirect(`/kelola/konsultasi/${id}?pesan=${notice}${anchor}`, 303);
    return oneOffice(request, reply, id, messagesOf(request, result.errors), values);
  };

  app.get(
    '/kelola/konsultasi/:id',
    { config: manage, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => oneOffice(request, reply, request.params.id),
  );

  app.post(
    '/kelola/konsultasi/:id',
    { config: manage, schema: { hide: true, params: IdParams, body: ConsultationBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await updateConsultation(
        deps(app),
        signedIn(request),
        id,
        consultationInput(request.body),
        request.ip,
      );
      return afterOffice(request, reply, id, result, request.body);
    },
  );

  app.post(
    '/kelola/konsultasi/:id/bagian',
    { config: manage, schema: { hide: true, params: IdParams, body: SectionsBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await addSections(
        deps(app),
        signedIn(request),
        id,
        { heading: request.body.heading ?? '', text: request.body.text ?? '' },
        request.ip,
      );
      return afterOffice(request, reply, id, result, request.body, 'bagian', '#bagian');
    },
  );

  app.post(
    '/kelola/konsultasi/:id/impor',
    {
      config: {
        ...manage,
        multipartOptions: { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6 } },
      },
      schema: { hide: true, params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!request.isMultipart()) return reply.redirect(`/kelola/konsultasi/${id}#bagian`, 303);
      const record = await consultation(deps(app), id, true);
      if (record === undefined) throw new NotFoundError('consultation');
      const { fields, files } = multipartBody(request.body);
      const result = await importText(deps(app), record.consultation, {
        document: fields.document ?? '',
        file: files[0],
      });
      if (!result.ok) return oneOffice(request, reply, id, messagesOf(request, result.errors), {});
      // Nothing is stored yet: the text comes back in the sections form, to be checked and added.
      const notice = request.t('consultation.notice.imported', {
        from: result.from.slice(0, 200),
        n: result.headings.length,
        headings: result.headings.slice(0, 5).join(', ') + (result.headings.length > 5 ? ', …' : ''),
      });
      return oneOffice(request, reply, id, {}, { heading: '', text: result.text }, notice);
    },
  );

  app.post(
    '/kelola/konsultasi/:id/bagian/:section/hapus',
    { config: manage, schema: { hide: true, params: SectionParams, body: EmptyBody } },
    async (request, reply) => {
      const { id, section } = request.params;
      const result = await removeSection(deps(app), signedIn(request), id, section, request.ip);
      if (result !== undefined && !result.ok)
        return oneOffice(request, reply, id, { section: request.t('consultation.problem.sectionInUse') });
      return afterOffice(request, reply, id, result, {}, 'tersimpan', '#bagian');
    },
  );

  app.post(
    '/kelola/konsultasi/:id/bagian/:section/laporan',
    { config: manage, schema: { hide: true, params: SectionParams, body: SectionReportBody } },
    async (request, reply) => {
      const { id, section } = request.params;
      const result = await writeSectionReport(
        deps(app),
        signedIn(request),
        id,
        section,
        request.body.report ?? '',
        request.ip,
      );
      return afterOffice(
        request,
        reply,
        id,
        result,
        { [`report-${section}`]: request.body.report },
        'tersimpan',
        `#bagian-${section}`,
      );
    },
  );

  app.post(
    '/kelola/konsultasi/:id/rapat',
    { config: manage, schema: { hide: true, params: IdParams, body: MeetingBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await linkMeeting(deps(app), signedIn(request), id, request.body.meeting ?? '', request.ip);
      return afterOffice(request, reply, id, result, request.body);
    },
  );

  app.post(
    '/kelola/konsultasi/:id/masukan',
    { config: manage, schema: { hide: true, params: IdParams, body: OfflineBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const result = await addOfflineInput(
        deps(app),
        signedIn(request),
        id,
        {
          section: body.section ?? '',
          source: body.source ?? '',
          body: body.offlineBody ?? '',
          kecamatan: body.kecamatan ?? '',
        },
        request.ip,
      );
      return afterOffice(request, reply, id, result, body);
    },
  );

  app.post(
    '/kelola/konsultasi/komentar/:id/tanggapan',
    { config: manage, schema: { hide: true, params: IdParams, body: AnswerBody } },
    async (request, reply) => {
      const commentId = request.params.id;
      const result = await answerComment(
        deps(app),
        signedIn(request),
        commentId,
        { fate: request.body.fate ?? '', reason: request.body.answer ?? '' },
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('comment');
      if (result.ok)
        return reply.redirect(`/kelola/konsultasi/${result.id}?pesan=tersimpan#tanggapan-${commentId}`, 303);
      const consultationId = (await commentRecordForStaff(commentId)) ?? 0;
      const words: FieldWords = {
        [`fate-${commentId}`]: { required: 'consultation.required.fate' },
        [`answer-${commentId}`]: { name: 'consultation.field.answer', required: 'consultation.required.answer' },
      };
      return oneOffice(request, reply, consultationId, messagesOf(request, result.errors, words), {
        [`fate-${commentId}`]: request.body.fate,
        [`answer-${commentId}`]: request.body.answer,
      });
    },
  );
  const commentRecordForStaff = async (commentId: number) => {
    const report = await commentRecord(deps(app), commentId);
    return report?.consultation.id;
  };

  app.post(
    '/kelola/konsultasi/:id/laporan',
    { config: manage, schema: { hide: true, params: IdParams, body: PublishBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await publishReport(
        deps(app),
        signedIn(request),
        id,
        request.body.reportSummary ?? '',
        request.ip,
      );
      if (result?.ok) app.outbox.kick();
      return afterOffice(request, reply, id, result, request.body, 'laporan');
    },
  );

  // ------------------------------------------------------------ /kelola/moderasi

  const moderateAccess = { access: 'consultations.moderate' as const };
  const queuePage = async (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, values = {}) => {
    const [queue, statements] = await Promise.all([moderationQueue(deps(app)), heldStatements(deps(app))]);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ModerationPage
          ctx={ctx}
          csrf={csrf}
          queue={queue}
          statements={statements}
          errors={errors}
          values={values}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/moderasi',
    { config: moderateAccess, schema: { hide: true, querystring: Query } },
    (request, reply) => queuePage(request, reply),
  );

  app.post(
    '/kelola/moderasi/komentar/:id',
    { config: moderateAccess, schema: { hide: true, params: IdParams, body: ModerateBody } },
    async (request, reply) => {
      const commentId = request.params.id;
      const action = moderationActions.find((a) => a === request.body.action);
      if (action === undefined)
        return queuePage(request, reply, { [`reason-${commentId}`]: request.t('consultation.problem.invalid') });
      const result = await moderate(
        deps(app),
        signedIn(request),
        commentId,
        action,
        request.body.reason ?? '',
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('comment');
      if (result.ok) {
        const back = queryText(request, 'kembali');
        return reply.redirect(
          back === 'komentar' ? `/konsultasi/komentar/${commentId}?pesan=moderasi` : '/kelola/moderasi?pesan=moderasi',
          303,
        );
      }
      const words: FieldWords = { [`reason-${commentId}`]: { required: 'consultation.required.hideReason' } };
      return queuePage(request, reply, messagesOf(request, result.errors, words), {
        [`reason-${commentId}`]: request.body.reason,
      });
    },
  );

  app.post(
    '/kelola/moderasi/pernyataan/:id',
    { config: moderateAccess, schema: { hide: true, params: IdParams, body: ModerateBody } },
    async (request, reply) => {
      const statementId = request.params.id;
      const result = await moderateStatement(
        deps(app),
        signedIn(request),
        statementId,
        request.body.action ?? '',
        request.body.reason ?? '',
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('statement');
      if (result.ok) return reply.redirect('/kelola/moderasi?pesan=moderasi', 303);
      const words: FieldWords = { [`reason-s${statementId}`]: { required: 'consultation.required.hideReason' } };
      return queuePage(request, reply, messagesOf(request, result.errors, words), {
        [`reason-s${statementId}`]: request.body.reason,
      });
    },
  );
};

const emptyRow = {
  id: 0,
  section: '',
  reply_to: null,
  origin: '',
  kecamatan: null,
  date: '',
  quote: null,
  text: '',
  support: 0,
  fate: null,
  fate_reason: null,
};
