/** /kelola/agenda: staff publish, change and cancel meetings and record what happened at them. */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import type { Presence } from '../db/schema.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { MAX_DOCUMENT_BYTES } from '../platform/uploads.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import {
  addDocument,
  agenda,
  cancelMeeting,
  createMeeting,
  expectedMembers,
  formValues,
  type MeetingError,
  type MeetingInput,
  meeting,
  recordAttendance,
  recordOutcome,
  type SaveResult,
  updateMeeting,
} from './service.ts';
import { AgendaOfficePage, EditMeetingPage, NewMeetingPage, type Values } from './views/office-pages.tsx';

const meetingProblemTexts = {
  required: 'agenda.problem.required',
  invalid: 'agenda.problem.invalid',
  tooLong: 'agenda.problem.tooLong',
  mustBeOpen: 'agenda.problem.mustBeOpen',
  order: 'agenda.problem.order',
  url: 'agenda.problem.url',
  pdf: 'agenda.problem.pdf',
  tooLarge: 'agenda.problem.tooLarge',
  notYetHeld: 'agenda.problem.notYetHeld',
} as const satisfies Record<MeetingError['problem'], MessageKey>;

const MeetingBody = Type.Object({
  _csrf: optionalText(200),
  type: optionalText(40),
  body: optionalText(80),
  dapil: optionalText(5),
  title: optionalText(2000),
  agendaItems: optionalText(50_000),
  date: optionalText(20),
  startTime: optionalText(10),
  endTime: optionalText(10),
  place: optionalText(2000),
  onlineUrl: optionalText(2000),
  livestreamUrl: optionalText(2000),
  openness: optionalText(10),
  note: optionalText(2000),
});
type MeetingBody = Static<typeof MeetingBody>;
const CancelBody = Type.Object({ _csrf: optionalText(200), reason: optionalText(5000) });
const OutcomeBody = Type.Object({
  _csrf: optionalText(200),
  minutes: optionalText(200_000),
  decisions: optionalText(50_000),
  recordingUrl: optionalText(2000),
  confirmEarly: optionalText(10),
});
const AttendanceBody = Type.Object(
  { _csrf: optionalText(200), confirmEarly: optionalText(10) },
  { additionalProperties: Type.String({ maxLength: 30 }) },
);
const Query = Type.Object({ lang: optionalText(5), pesan: optionalText(40) });

const access = { access: 'agenda.publish' as const };

function input(body: MeetingBody): MeetingInput {
  return {
    type: body.type ?? '',
    body: body.body ?? '',
    dapil: body.dapil ?? '',
    title: body.title ?? '',
    agendaItems: body.agendaItems ?? '',
    date: body.date ?? '',
    startTime: body.startTime ?? '',
    endTime: body.endTime ?? '',
    place: body.place ?? '',
    onlineUrl: body.onlineUrl ?? '',
    livestreamUrl: body.livestreamUrl ?? '',
    openness: body.openness ?? '',
  };
}

/** How the meeting forms name their fields in the error summary and beside each field. */
const meetingFieldWords = {
  type: { name: 'agenda.type', required: 'agenda.required.type' },
  body: { name: 'agenda.body' },
  dapil: { name: 'agenda.dapilFor' },
  title: { name: 'agenda.field.title', required: 'agenda.required.title' },
  agendaItems: { name: 'agenda.field.agendaItems' },
  date: { name: 'agenda.field.date', required: 'agenda.required.date' },
  startTime: { name: 'agenda.field.startTime', required: 'agenda.required.startTime' },
  endTime: { name: 'agenda.fieldName.endTime' },
  place: { name: 'agenda.field.place' },
  reason: { name: 'agenda.fieldName.reason', required: 'agenda.required.reason' },
  minutes: { name: 'agenda.field.minutes' },
  decisions: { name: 'agenda.field.decisions' },
  documentTitle: { name: 'agenda.office.documentTitle', required: 'agenda.required.documentTitle' },
  document: { required: 'agenda.required.document' },
} as const satisfies FieldWords;

const messages = (request: FastifyRequest, errors: MeetingError[]) =>
  fieldMessages(request.t, errors, meetingProblemTexts, '', meetingFieldWords);

export const agendaOfficeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/kelola/agenda', { config: access, schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const since = new Date(Date.now() - 30 * 86_400_000);
    const { meetings } = await agenda(deps(app), { from: since, page: 1, pageSize: 200 }, true);
    const saved = queryText(request, 'pesan') === 'tersimpan';
    return renderPage(request, reply, (ctx) => (
      <AgendaOfficePage ctx={ctx} meetings={meetings} notice={saved ? request.t('agenda.office.saved') : undefined} />
    ));
  });

  const newForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: FieldErrors,
    status = 200,
  ) => {
    const structure = await getCouncil(app.db);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => <NewMeetingPage ctx={ctx} csrf={csrf} structure={structure} values={values} errors={errors} />,
      status,
    );
  };

  app.get('/kelola/agenda/baru', { config: access, schema: { hide: true, querystring: Query } }, (request, reply) =>
    newForm(request, reply, {}, {}),
  );

  app.post(
    '/kelola/agenda/baru',
    { config: access, schema: { hide: true, body: MeetingBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await createMeeting(deps(app), signedIn(request), input(body), request.ip);
      if (result.ok) return reply.redirect(`/kelola/agenda/${result.id}?pesan=tersimpan`, 303);
      if ('errors' in result) return newForm(request, reply, body, messages(request, result.errors), 400);
      throw new NotFoundError('meeting');
    },
  );

  const editPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    failure?: { form: string; errors: FieldErrors; values: Values },
  ) => {
    const record = await meeting(deps(app), id, true);
    if (record === undefined) throw new NotFoundError('meeting');
    const structure = await getCouncil(app.db);
    const expected = await expectedMembers(deps(app), {
      type: record.view.type,
      body_id: record.view.body?.id ?? null,
      dapil_id: structure.dapil.find((d) => d.number === record.view.dapilNumber)?.id ?? null,
    });
    const attendance = new Map<number, Presence>(record.attendance.map((a) => [a.id, a.presence]));
    const saved = queryText(request, 'pesan');
    return renderPage(
      request,
      reply,
      (ctx) => (
        <EditMeetingPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          structure={structure}
          meeting={record.view}
          values={{ ...formValues(record.view), ...(failure?.values ?? {}) }}
          errors={failure?.errors ?? {}}
          form={failure?.form}
          expected={expected}
          attendance={attendance}
          notice={saved === 'tersimpan' ? request.t('agenda.office.saved') : undefined}
        />
      ),
      failure === undefined ? 200 : 400,
    );
  };

  /** After a change: back to the meeting, or its page again with the messages beside the form. */
  const after = (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    form: string,
    values: Values,
    result: SaveResult,
  ) => {
    if (result.ok) return reply.redirect(`/kelola/agenda/${id}?pesan=tersimpan`, 303);
    if ('errors' in result)
      return editPage(request, reply, id, { form, errors: messages(request, result.errors), values });
    if (result.problem === 'cancelled')
      return editPage(request, reply, id, { form, errors: { title: request.t('agenda.problem.cancelled') }, values });
    throw new NotFoundError('meeting');
  };

  app.get(
    '/kelola/agenda/:id',
    { config: access, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => editPage(request, reply, request.params.id),
  );

  app.post(
    '/kelola/agenda/:id',
    { config: access, schema: { hide: true, params: IdParams, body: MeetingBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const result = await updateMeeting(deps(app), signedIn(request), id, input(body), body.note ?? '', request.ip);
      return after(request, reply, id, 'meeting', body, result);
    },
  );

  app.post(
    '/kelola/agenda/:id/batal',
    { config: access, schema: { hide: true, params: IdParams, body: CancelBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      return after(
        request,
        reply,
        id,
        'cancel',
        body,
        await cancelMeeting(deps(app), signedIn(request), id, body.reason ?? '', request.ip),
      );
    },
  );

  app.post(
    '/kelola/agenda/:id/hasil',
    { config: access, schema: { hide: true, params: IdParams, body: OutcomeBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const result = await recordOutcome(
        deps(app),
        signedIn(request),
        id,
        {
          minutes: body.minutes ?? '',
          decisions: body.decisions ?? '',
          recordingUrl: body.recordingUrl ?? '',
          confirmEarly: body.confirmEarly === 'yes',
        },
        request.ip,
      );
      return after(request, reply, id, 'outcome', body, result);
    },
  );

  app.post(
    '/kelola/agenda/:id/hadir',
    { config: access, schema: { hide: true, params: IdParams, body: AttendanceBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { _csrf, confirmEarly, ...marks } = request.body;
      return after(
        request,
        reply,
        id,
        'attendance',
        marks,
        await recordAttendance(deps(app), signedIn(request), id, marks, confirmEarly === 'yes', request.ip),
      );
    },
  );

  app.post(
    '/kelola/agenda/:id/dokumen',
    {
      config: {
        ...access,
        multipartOptions: { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, parts: 12 } },
      },
      schema: { hide: true, params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!request.isMultipart()) return reply.redirect(`/kelola/agenda/${id}`, 303);
      const { fields, files } = multipartBody(request.body);
      const result = await addDocument(
        deps(app),
        signedIn(request),
        id,
        fields.documentTitle ?? '',
        files[0],
        request.ip,
      );
      return after(request, reply, id, 'document', { documentTitle: fields.documentTitle ?? '' }, result);
    },
  );
};
