/**
 * Programmes and projects: /proyek, /proyek/dekat, /proyek/:id (with photos and following) and
 * /api/v1/projects for everyone; /kelola/proyek where staff record projects and their progress.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import { newsAbout } from '../news/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { registerFollowLinks } from '../platform/follow-routes.tsx';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { numberForField } from '../platform/numbers.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, PageQuery, queryText } from '../platform/schemas.ts';
import { fileStore } from '../platform/storage.ts';
import { MAX_PHOTO_BYTES, smallName, storedFile } from '../platform/uploads.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import {
  addProgressUpdate,
  follow,
  linkMeeting,
  listProjects,
  MAX_PHOTOS,
  meetingChoices,
  nearby,
  PHOTO_FOLDER,
  type ProjectError,
  type ProjectInput,
  type ProjectView,
  project,
  projectPhoto,
  saveProject,
  statuses,
} from './service.ts';
import { ProjectOfficePage, ProjectsOfficePage, valuesOf } from './views/office-pages.tsx';
import { NearbyPage, ProjectPage, ProjectsPage } from './views/pages.tsx';

const projectProblemTexts = {
  required: 'project.problem.required',
  tooLong: 'project.problem.tooLong',
  invalid: 'project.problem.invalid',
  order: 'project.problem.order',
  future: 'project.problem.future',
  point: 'project.problem.point',
  'money.format': 'project.problem.moneyFormat',
  'money.range': 'project.problem.moneyRange',
  'percent.format': 'project.problem.percentFormat',
  'percent.range': 'project.problem.percentRange',
  tooMany: 'project.problem.tooMany',
  tooLarge: 'project.problem.tooLarge',
  type: 'project.problem.type',
  unreadable: 'project.problem.unreadable',
} as const satisfies Record<ProjectError['problem'], MessageKey>;

const nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Union(statuses.map((s) => Type.Literal(s)));
const PhotoParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
  foto: Type.String({ pattern: '^\\d{1,9}(-kecil)?$' }),
});

const ListQuery = Type.Object({
  lang: optionalText(5),
  q: optionalText(200),
  kecamatan: optionalText(80),
  kelurahan: Type.Optional(Type.Union([Type.Literal(''), Type.Integer({ minimum: 1, maximum: 2_000_000_000 })])),
  dapil: Type.Optional(Type.Union([Type.Literal(''), Type.Integer({ minimum: 1, maximum: 99 })])),
  status: Type.Optional(Type.Union([Type.Literal(''), Status])),
  tahun: Type.Optional(Type.Union([Type.Literal(''), Type.Integer({ minimum: 2000, maximum: 2200 })])),
  opd: optionalText(200),
  hal: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});

const NearbyQuery = Type.Object({
  lang: optionalText(5),
  location: optionalText(20),
  lat: optionalText(30),
  lon: optionalText(30),
});

const ApiQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kecamatan: Type.Optional(Type.String({ maxLength: 80, description: 'Slug of a kecamatan' })),
  kelurahan: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_000_000_000, description: 'Id of a kelurahan' })),
  dapil: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
  status: Type.Optional(Status),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })),
  opd: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});

const ProjectJson = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  name: Type.String(),
  title: Type.String({ description: 'The name again, for map clients that label points by title' }),
  description: Type.String(),
  agency: Type.String({ description: 'The responsible regional agency (OPD)' }),
  komisi: nullable(Type.String()),
  kecamatan: Type.String(),
  kelurahan: nullable(Type.String()),
  dapil: nullable(Type.Integer()),
  lat: nullable(Type.Number()),
  lon: nullable(Type.Number()),
  budget: Type.Integer({ description: 'Ceiling in rupiah' }),
  realised: Type.Integer({ description: 'Rupiah spent so far' }),
  funding_source: Type.String(),
  year: Type.Integer(),
  contractor: nullable(Type.String()),
  starts_on: nullable(Type.String({ format: 'date' })),
  ends_on: nullable(Type.String({ format: 'date' })),
  progress: Type.Number({ minimum: 0, maximum: 100, description: 'Physical progress, percent (one decimal)' }),
  status: Type.String(),
  updated_at: Type.String({ format: 'date-time' }),
});
type ProjectJson = Static<typeof ProjectJson>;

export function projectJson(p: ProjectView, base: string): ProjectJson {
  return {
    id: p.id,
    url: `${base}/proyek/${p.id}`,
    name: p.name,
    title: p.name,
    description: p.description,
    agency: p.opd,
    komisi: p.komisi?.name ?? null,
    kecamatan: p.kecamatan.name,
    kelurahan: p.kelurahan?.name ?? null,
    dapil: p.dapilNumber ?? null,
    lat: p.lat,
    lon: p.lon,
    budget: p.budget,
    realised: p.realised,
    funding_source: p.fundingSource,
    year: p.year,
    contractor: p.contractor,
    starts_on: p.startsOn,
    ends_on: p.endsOn,
    progress: p.progress,
    status: p.status,
    updated_at: p.updatedAt.toISOString(),
  };
}

const notices: Record<string, MessageKey> = {
  ikuti: 'draft.follow.sent',
  dikonfirmasi: 'project.follow.confirmed',
  tersimpan: 'project.office.saved',
  kemajuan: 'project.office.updateSaved',
  rapat: 'project.office.meetingLinked',
};

const projectFields = [
  'name',
  'description',
  'opd',
  'komisi',
  'location',
  'lat',
  'lon',
  'budget',
  'realised',
  'fundingSource',
  'year',
  'contractor',
  'startsOn',
  'endsOn',
  'progress',
  'status',
] as const;
const ProjectBody = Type.Object({
  _csrf: optionalText(200),
  ...Object.fromEntries(projectFields.map((f) => [f, optionalText(f === 'description' ? 20_000 : 400)])),
});
const MeetingBody = Type.Object({ _csrf: optionalText(200), meeting: optionalText(20), unlink: optionalText(5) });
const FollowBody = Type.Object({ _csrf: optionalText(200), 'follow-email': optionalText(400) });

function inputOf(body: Record<string, string | undefined>): ProjectInput {
  return Object.fromEntries(projectFields.map((f) => [f, body[f] ?? ''])) as unknown as ProjectInput;
}

/** The project's back-office page: a message after saving, and the meeting finder's fields. */
const OfficeQuery = Type.Object({
  lang: optionalText(5),
  pesan: optionalText(40),
  cari: optionalText(100),
  badan: optionalText(80),
  bulan: optionalText(7),
});

/** How the project forms name their fields in the error summary and beside each field. */
const projectFieldWords = {
  name: { name: 'project.field.name', required: 'project.required.name' },
  description: { name: 'project.field.description' },
  opd: { name: 'project.field.opd', required: 'project.required.opd' },
  komisi: { name: 'project.field.komisi' },
  location: { name: 'project.field.place', required: 'project.required.location' },
  budget: { required: 'project.required.budget' },
  fundingSource: { name: 'project.field.funding', required: 'project.required.funding' },
  year: { name: 'project.field.year' },
  contractor: { name: 'project.field.contractor' },
  startsOn: { name: 'project.field.starts' },
  endsOn: { name: 'project.field.ends' },
  progress: { required: 'project.required.progress' },
  status: { name: 'project.field.status' },
  date: { required: 'project.required.date' },
  note: { name: 'project.update.noteName', required: 'project.required.note' },
} as const satisfies FieldWords;

export const projectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messages = (request: FastifyRequest, errors: ProjectError[], prefix = '') =>
    fieldMessages(request.t, errors, projectProblemTexts, prefix, projectFieldWords);

  // ------------------------------------------------------------ public pages

  app.get(
    '/proyek',
    { config: { access: 'public' }, schema: { hide: true, querystring: ListQuery } },
    async (request, reply) => {
      const query = request.query;
      const page = query.hal ?? 1;
      const result = await listProjects(deps(app), {
        q: query.q,
        kecamatan: query.kecamatan === '' ? undefined : query.kecamatan,
        kelurahan: query.kelurahan === '' ? undefined : query.kelurahan,
        dapil: query.dapil === '' ? undefined : query.dapil,
        status: query.status === '' ? undefined : query.status,
        year: query.tahun === '' ? undefined : query.tahun,
        opd: query.opd === '' ? undefined : query.opd,
        page,
      });
      const shown: Record<string, string> = {};
      for (const [k, v] of Object.entries(query))
        if (k !== 'hal' && k !== 'lang' && v !== undefined && v !== '') shown[k] = String(v);
      return renderPage(request, reply, (ctx) => (
        <ProjectsPage
          ctx={ctx}
          structure={result.structure}
          projects={result.projects}
          total={result.total}
          page={page}
          pageSize={result.pageSize}
          years={result.years}
          agencies={result.agencies}
          query={shown}
        />
      ));
    },
  );

  app.get(
    '/proyek/dekat',
    { config: { access: 'public' }, schema: { hide: true, querystring: NearbyQuery } },
    async (request, reply) => {
      const query = request.query;
      const number = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
      const lat = number(query.lat);
      const lon = number(query.lon);
      const asked = (query.location ?? '') !== '' || lat !== undefined;
      const result = await nearby(deps(app), {
        location: query.location === '' ? undefined : query.location,
        lat: lat !== undefined && Number.isFinite(lat) ? lat : undefined,
        lon: lon !== undefined && Number.isFinite(lon) ? lon : undefined,
      });
      const found =
        result.place === undefined
          ? undefined
          : {
              placeName: [result.place.kelurahan?.name, result.place.kecamatan?.name].filter(Boolean).join(', '),
              projects: result.projects,
              meetings: result.meetings,
              aspirations: result.aspirations,
              aspirationsTotal: result.aspirationsTotal,
              aspirationsLink: `/aspirasi?kecamatan=${result.place.kecamatan?.slug ?? ''}`,
            };
      return renderPage(
        request,
        reply,
        (ctx) => (
          <NearbyPage
            ctx={ctx}
            structure={result.structure}
            location={result.place?.location ?? query.location}
            found={found}
            error={asked && found === undefined ? ctx.t('project.nearby.unknown') : undefined}
          />
        ),
        asked && found === undefined ? 400 : 200,
      );
    },
  );

  const projectPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    followError?: string,
    status = 200,
  ) => {
    const [found, news] = await Promise.all([project(deps(app), id), newsAbout(deps(app), { kind: 'project', id })]);
    if (found === undefined) throw new NotFoundError('project');
    const key = notices[queryText(request, 'pesan') ?? ''];
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ProjectPage
          ctx={ctx}
          csrf={csrf}
          {...found}
          news={news}
          followError={followError}
          notice={key === undefined ? undefined : ctx.t(key)}
        />
      ),
      status,
    );
  };

  app.get(
    '/proyek/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: PageQuery } },
    (request, reply) => projectPage(request, reply, request.params.id),
  );

  app.get(
    '/proyek/:id/foto/:foto',
    { config: { access: 'public' }, schema: { hide: true, params: PhotoParams } },
    async (request, reply) => {
      const { id, foto } = request.params;
      const file = await projectPhoto(deps(app), id, Number.parseInt(foto, 10));
      if (file === undefined) throw new NotFoundError(`project photo ${id}/${foto}`);
      const small = foto.endsWith('-kecil');
      const stream = await storedFile(fileStore(app.config), PHOTO_FOLDER, small ? smallName(file) : file);
      return reply.type('image/webp').header('cache-control', 'public, max-age=86400').send(stream);
    },
  );

  app.post(
    '/proyek/:id/ikuti',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: FollowBody },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await follow(deps(app), id, request.body['follow-email'] ?? '');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/proyek/${id}?pesan=ikuti#ikuti`, 303);
      }
      if (result.problem === 'missing') throw new NotFoundError('project');
      return projectPage(request, reply, id, request.t('form.email'), 400);
    },
  );

  registerFollowLinks(app, 'project', { unknownConfirmation: 'project.follow.badBody', stopped: 'project.stop.body' });

  // ------------------------------------------------------------ /api/v1/projects

  app.get(
    '/api/v1/projects',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Projects'],
        summary: 'Programmes and projects with their progress, filtered by place, status, year and agency',
        querystring: ApiQuery,
        response: {
          200: Type.Object({
            data: Type.Array(ProjectJson),
            meta: Type.Object({ total: Type.Integer(), page: Type.Integer(), per_page: Type.Integer() }),
          }),
        },
      },
    },
    async (request) => {
      const query = request.query;
      const page = query.page ?? 1;
      const perPage = query.per_page ?? 50;
      const result = await listProjects(deps(app), {
        q: query.q,
        kecamatan: query.kecamatan,
        kelurahan: query.kelurahan,
        dapil: query.dapil,
        status: query.status,
        year: query.year,
        opd: query.opd,
        page,
        pageSize: perPage,
      });
      return {
        data: result.projects.map((p) => projectJson(p, app.config.publicBaseUrl)),
        meta: { total: result.total, page, per_page: perPage },
      };
    },
  );

  app.get(
    '/api/v1/projects/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Projects'],
        summary: 'One project with its dated progress reports',
        params: IdParams,
        response: {
          200: Type.Object({
            ...ProjectJson.properties,
            updates: Type.Array(
              Type.Object({
                date: Type.String({ format: 'date' }),
                progress: Type.Number(),
                realised: nullable(Type.Integer()),
                note: Type.String(),
                photos: Type.Array(Type.String({ description: 'URL of the photo' })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const found = await project(deps(app), id);
      if (found === undefined) throw new NotFoundError('project');
      const base = app.config.publicBaseUrl;
      return {
        ...projectJson(found.project, base),
        updates: found.updates.map((u) => ({
          date: u.date,
          progress: u.progress,
          realised: u.realised,
          note: u.note,
          photos: u.photos.map((p) => `${base}/proyek/${id}/foto/${p.id}`),
        })),
      };
    },
  );

  // ------------------------------------------------------------ /kelola/proyek

  const access = { access: 'projects.manage' as const };

  const listOffice = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, string>,
    status = 200,
  ) => {
    const result = await listProjects(deps(app), { page: 1, pageSize: 200 });
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ProjectsOfficePage
          ctx={ctx}
          csrf={csrf}
          structure={result.structure}
          projects={result.projects}
          errors={errors}
          values={values}
        />
      ),
      status,
    );
  };

  app.get('/kelola/proyek', { config: access, schema: { hide: true, querystring: PageQuery } }, (request, reply) =>
    listOffice(request, reply, {}, { status: 'perencanaan', year: String(new Date().getFullYear()) }),
  );

  app.post('/kelola/proyek', { config: access, schema: { hide: true, body: ProjectBody } }, async (request, reply) => {
    const input = inputOf(request.body);
    const result = await saveProject(deps(app), signedIn(request), undefined, input, request.ip);
    if (result.ok) return reply.redirect(`/kelola/proyek/${result.id}?pesan=tersimpan`, 303);
    if ('missing' in result) throw new NotFoundError('project');
    return listOffice(request, reply, messages(request, result.errors), { ...input }, 400);
  });

  const officePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    forms: {
      errors?: FieldErrors;
      values?: Record<string, string>;
      updateErrors?: FieldErrors;
      updateValues?: Record<string, string>;
      meetingError?: string;
    },
    status = 200,
  ) => {
    const found = await project(deps(app), id);
    if (found === undefined) throw new NotFoundError('project');
    const find = {
      words: queryText(request, 'cari'),
      body: queryText(request, 'badan'),
      month: queryText(request, 'bulan'),
    };
    const [choices, structure] = await Promise.all([
      meetingChoices(deps(app), found.project.year, find),
      getCouncil(app.db),
    ]);
    const key = notices[queryText(request, 'pesan') ?? ''];
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ProjectOfficePage
          ctx={ctx}
          csrf={csrf}
          structure={structure}
          project={found.project}
          updates={found.updates}
          meetings={found.meetings.map((m) => ({ id: m.id, title: m.title, open: m.open, startsAt: m.startsAt }))}
          choices={choices.rows}
          choicesTotal={choices.total}
          findError={choices.badMonth ? ctx.t('project.office.findMonthInvalid') : undefined}
          find={find}
          errors={forms.errors ?? {}}
          values={forms.values ?? valuesOf(found.project)}
          updateErrors={forms.updateErrors ?? {}}
          updateValues={forms.updateValues ?? { 'u-progress': numberForField(found.project.progress) }}
          meetingError={forms.meetingError}
          notice={key === undefined ? undefined : ctx.t(key)}
        />
      ),
      status,
    );
  };

  app.get(
    '/kelola/proyek/:id',
    { config: access, schema: { hide: true, params: IdParams, querystring: OfficeQuery } },
    (request, reply) => officePage(request, reply, request.params.id, {}),
  );

  app.post(
    '/kelola/proyek/:id',
    { config: access, schema: { hide: true, params: IdParams, body: ProjectBody } },
    async (request, reply) => {
      const { id } = request.params;
      const input = inputOf(request.body);
      const result = await saveProject(deps(app), signedIn(request), id, input, request.ip);
      if (result.ok) return reply.redirect(`/kelola/proyek/${id}?pesan=tersimpan`, 303);
      if ('missing' in result) throw new NotFoundError('project');
      return officePage(request, reply, id, { errors: messages(request, result.errors), values: { ...input } }, 400);
    },
  );

  app.post(
    '/kelola/proyek/:id/kemajuan',
    {
      config: {
        ...access,
        multipartOptions: { limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS + 1, fields: 12, parts: 20 } },
      },
      schema: { hide: true, params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!request.isMultipart()) return reply.redirect(`/kelola/proyek/${id}`, 303);
      const { fields, files } = multipartBody(request.body);
      const input = {
        date: fields['u-date'] ?? '',
        progress: fields['u-progress'] ?? '',
        realised: fields['u-realised'] ?? '',
        status: fields['u-status'] ?? '',
        note: fields['u-note'] ?? '',
        photos: files,
      };
      const result = await addProgressUpdate(deps(app), signedIn(request), id, input, request.ip);
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/kelola/proyek/${id}?pesan=kemajuan`, 303);
      }
      if ('missing' in result) throw new NotFoundError('project');
      const { _csrf, ...values } = fields;
      return officePage(
        request,
        reply,
        id,
        { updateErrors: messages(request, result.errors, 'u-'), updateValues: values },
        400,
      );
    },
  );

  app.post(
    '/kelola/proyek/:id/rapat',
    { config: access, schema: { hide: true, params: IdParams, body: MeetingBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const result = await linkMeeting(
        deps(app),
        signedIn(request),
        id,
        body.meeting ?? '',
        body.unlink === 'yes',
        request.ip,
      );
      if (result.ok) return reply.redirect(`/kelola/proyek/${id}?pesan=rapat#rapat`, 303);
      if ('missing' in result) throw new NotFoundError('project');
      return officePage(request, reply, id, { meetingError: request.t('project.problem.meeting') }, 400);
    },
  );
};
