/** /api/v1/meetings: the agenda as JSON; closed meetings appear only as the fact that they take place. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { IdParams } from '../platform/schemas.ts';
import { agenda, type MeetingView, meeting, meetingTypes } from './service.ts';

const nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const MeetingsQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'First day (YYYY-MM-DD), Jakarta time' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last day (YYYY-MM-DD), Jakarta time' })),
  body: Type.Optional(Type.String({ maxLength: 80, description: 'Slug of a body, e.g. komisi-ii' })),
  type: Type.Optional(Type.Union(meetingTypes.map((m) => Type.Literal(m)))),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});

const MeetingJson = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  uid: Type.String({ description: 'The iCalendar UID' }),
  type: Type.String(),
  body: nullable(Type.Object({ slug: Type.String(), name: Type.String() })),
  dapil: nullable(Type.Integer()),
  title: nullable(Type.String({ description: 'null for a closed meeting' })),
  open: Type.Boolean(),
  cancelled: Type.Boolean(),
  starts_at: Type.String({ format: 'date-time' }),
  ends_at: nullable(Type.String({ format: 'date-time' })),
  place: nullable(Type.String()),
  agenda_items: Type.Array(Type.String()),
  livestream_url: nullable(Type.String()),
  recording_url: nullable(Type.String()),
  decisions: nullable(Type.String()),
  sequence: Type.Integer({ description: 'Raised on every change, as in iCalendar' }),
  updated_at: Type.String({ format: 'date-time' }),
});
type MeetingJson = Static<typeof MeetingJson>;

const ListJson = Type.Object({
  data: Type.Array(MeetingJson),
  meta: Type.Object({ total: Type.Integer(), page: Type.Integer(), per_page: Type.Integer() }),
});

function toJson(m: MeetingView, base: string): MeetingJson {
  return {
    id: m.id,
    url: `${base}/agenda/${m.id}`,
    uid: m.uid,
    type: m.type,
    body: m.body === undefined ? null : { slug: m.body.slug, name: m.body.name },
    dapil: m.dapilNumber,
    title: m.open ? m.title : null,
    open: m.open,
    cancelled: m.cancelled,
    starts_at: m.startsAt.toISOString(),
    ends_at: m.endsAt?.toISOString() ?? null,
    place: m.details?.place ?? null,
    agenda_items: m.details?.agendaItems ?? [],
    livestream_url: m.details?.livestreamUrl ?? null,
    recording_url: m.details?.recordingUrl ?? null,
    decisions: m.details?.decisions ?? null,
    sequence: m.sequence,
    updated_at: m.updatedAt.toISOString(),
  };
}

export const agendaApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/meetings',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Agenda'],
        summary: 'Meetings in a period, soonest first',
        querystring: MeetingsQuery,
        response: { 200: ListJson },
      },
    },
    async (request) => {
      const query = request.query;
      const page = query.page ?? 1;
      const perPage = query.per_page ?? 50;
      const to =
        query.to === undefined ? undefined : new Date(new Date(`${query.to}T00:00:00+07:00`).getTime() + 86_400_000);
      const { meetings, total } = await agenda(deps(app), {
        from: query.from === undefined ? undefined : new Date(`${query.from}T00:00:00+07:00`),
        to,
        body: query.body,
        type: query.type,
        q: query.q,
        page,
        pageSize: perPage,
      });
      return {
        data: meetings.map((m) => toJson(m, app.config.publicBaseUrl)),
        meta: { total, page, per_page: perPage },
      };
    },
  );

  app.get(
    '/api/v1/meetings/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['Agenda'], summary: 'One meeting', params: IdParams, response: { 200: MeetingJson } },
    },
    async (request) => {
      const record = await meeting(deps(app), request.params.id);
      if (record === undefined) throw new NotFoundError('meeting');
      return toJson(record.view, app.config.publicBaseUrl);
    },
  );
};
