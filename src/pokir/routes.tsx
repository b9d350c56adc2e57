/**
 * Pokir. Everyone: /pokir (a year's proposals by dapil) and /pokir/:id (one, with its steps, its
 * project and its aspirations). The secretariat: /kelola/pokir (find aspirations, assemble) and
 * /kelola/pokir/:id (record the next step, link the project).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import type { MessageKey } from '../platform/i18n.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { advance, assemble, candidates, linkProject, listPokir, type PokirError, pokirRecord } from './service.ts';
import { PokirItemOfficePage, PokirOfficePage } from './views/office.tsx';
import { PokirListPage, PokirPage } from './views/pages.tsx';

const problemTexts = {
  required: 'pokir.problem.required',
  invalid: 'pokir.problem.invalid',
  tooLong: 'pokir.problem.tooLong',
  oneLine: 'form.singleLine',
  none: 'pokir.problem.none',
  backwards: 'pokir.problem.backwards',
  future: 'pokir.problem.future',
} as const satisfies Record<PokirError['problem'], MessageKey>;

const fieldWords = {
  year: { name: 'pokir.field.year' },
  title: { name: 'pokir.field.title' },
  description: { name: 'pokir.field.description' },
  location: { name: 'form.place.label' },
  cost: { name: 'pokir.field.cost' },
  agency: { name: 'pokir.field.agency' },
  codes: {},
  status: { name: 'pokir.field.status' },
  day: { name: 'pokir.field.day' },
  note: { name: 'pokir.field.note' },
  project: { name: 'pokir.field.project' },
} as const satisfies FieldWords;

const notices: Record<string, MessageKey> = {
  tersimpan: 'pokir.notice.saved',
  tahap: 'pokir.notice.step',
  proyek: 'pokir.notice.project',
};
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

const ListQuery = Type.Object({
  lang: optionalText(5),
  tahun: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })),
  dapil: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 999 }), Type.Literal('')])),
});
const Query = Type.Object({ lang: optionalText(5), pesan: optionalText(40) });
const OfficeQuery = Type.Object({
  lang: optionalText(5),
  pesan: optionalText(40),
  q: optionalText(100),
  dapil: optionalText(5),
  komisi: optionalText(80),
  kategori: optionalText(80),
});
const AssembleBody = Type.Object({
  _csrf: optionalText(200),
  codes: Type.Optional(
    Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 })]),
  ),
  year: optionalText(10),
  title: optionalText(2_000),
  description: optionalText(20_000),
  location: optionalText(20),
  cost: optionalText(40),
  agency: optionalText(2_000),
});
const StepBody = Type.Object({
  _csrf: optionalText(200),
  status: optionalText(20),
  day: optionalText(20),
  note: optionalText(10_000),
});
const ProjectBody = Type.Object({ _csrf: optionalText(200), project: optionalText(300) });

type Form = { errors: FieldErrors; values: Record<string, string | undefined>; chosen?: string[] };
const noForm: Form = { errors: {}, values: {} };

export const pokirRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messagesOf = (request: FastifyRequest, errors: PokirError[]) =>
    fieldMessages(request.t, errors, problemTexts, '', fieldWords);

  app.get(
    '/pokir',
    { config: { access: 'public' }, schema: { hide: true, querystring: ListQuery } },
    async (request, reply) => {
      const dapil = typeof request.query.dapil === 'number' ? request.query.dapil : undefined;
      const [list, structure] = await Promise.all([
        listPokir(deps(app), { year: request.query.tahun, dapil }),
        getCouncil(app.db),
      ]);
      return renderPage(request, reply, (ctx) => (
        <PokirListPage
          ctx={ctx}
          year={list.year}
          years={list.years}
          dapil={list.dapil}
          dapils={structure.dapil}
          items={list.items}
        />
      ));
    },
  );

  app.get(
    '/pokir/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    async (request, reply) => {
      const record = await pokirRecord(deps(app), request.params.id);
      if (record === undefined) throw new NotFoundError('pokir');
      return renderPage(request, reply, (ctx) => <PokirPage ctx={ctx} record={record} />);
    },
  );

  // ------------------------------------------------------------ /kelola/pokir

  const manage = { access: 'pokir.manage' as const };

  const officeView = async (request: FastifyRequest, reply: FastifyReply, form: Form = noForm) => {
    const search = {
      q: queryText(request, 'q') ?? '',
      dapil: queryText(request, 'dapil') ?? '',
      komisi: queryText(request, 'komisi') ?? '',
      kategori: queryText(request, 'kategori') ?? '',
    };
    const dapil = /^\d{1,3}$/.test(search.dapil) ? Number(search.dapil) : undefined;
    const [structure, found, list] = await Promise.all([
      getCouncil(app.db),
      candidates(deps(app), {
        q: search.q,
        dapil,
        komisi: search.komisi === '' ? undefined : search.komisi,
        category: search.kategori === '' ? undefined : search.kategori,
      }),
      listPokir(deps(app), {}),
    ]);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <PokirOfficePage
          ctx={ctx}
          csrf={csrf}
          search={search}
          candidates={found}
          items={list.items}
          year={list.year}
          dapils={structure.dapil}
          komisi={structure.komisi}
          categories={structure.categories}
          places={structure.kecamatan}
          errors={form.errors}
          values={form.values}
          chosen={form.chosen ?? []}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get('/kelola/pokir', { config: manage, schema: { hide: true, querystring: OfficeQuery } }, (request, reply) =>
    officeView(request, reply),
  );

  app.post('/kelola/pokir', { config: manage, schema: { hide: true, body: AssembleBody } }, async (request, reply) => {
    const body = request.body;
    const codes = body.codes === undefined ? [] : [body.codes].flat();
    const result = await assemble(
      deps(app),
      signedIn(request),
      {
        year: body.year ?? '',
        title: body.title ?? '',
        description: body.description ?? '',
        location: body.location ?? '',
        cost: body.cost ?? '',
        agency: body.agency ?? '',
        codes,
      },
      request.ip,
    );
    if (result.ok) {
      app.outbox.kick();
      return reply.redirect(`/kelola/pokir/${result.id}?pesan=tersimpan`, 303);
    }
    const { codes: _codes, ...values } = body;
    return officeView(request, reply, { errors: messagesOf(request, result.errors), values, chosen: codes });
  });

  const itemView = async (request: FastifyRequest, reply: FastifyReply, id: number, form: Form = noForm) => {
    const record = await pokirRecord(deps(app), id);
    if (record === undefined) throw new NotFoundError('pokir');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <PokirItemOfficePage
          ctx={ctx}
          csrf={csrf}
          record={record}
          errors={form.errors}
          values={form.values}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/pokir/:id',
    { config: manage, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => itemView(request, reply, request.params.id),
  );

  app.post(
    '/kelola/pokir/:id/tahap',
    { config: manage, schema: { hide: true, params: IdParams, body: StepBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const result = await advance(
        deps(app),
        signedIn(request),
        id,
        { status: body.status ?? '', day: body.day ?? '', note: body.note ?? '' },
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('pokir');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/kelola/pokir/${id}?pesan=tahap`, 303);
      }
      return itemView(request, reply, id, { errors: messagesOf(request, result.errors), values: body });
    },
  );

  app.post(
    '/kelola/pokir/:id/proyek',
    { config: manage, schema: { hide: true, params: IdParams, body: ProjectBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await linkProject(deps(app), signedIn(request), id, request.body.project ?? '', request.ip);
      if (result === undefined) throw new NotFoundError('pokir');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/kelola/pokir/${id}?pesan=proyek`, 303);
      }
      return itemView(request, reply, id, { errors: messagesOf(request, result.errors), values: request.body });
    },
  );
};
