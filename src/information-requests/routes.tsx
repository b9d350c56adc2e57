/**
 * Public information. Everyone: /informasi-publik (the register, searchable) and
 * /informasi-publik.csv. The secretariat: /kelola/ppid (the register's entries), and an entry's
 * form at /kelola/ppid/daftar/baru and /kelola/ppid/daftar/:id.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { csv } from '../platform/feeds.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, queryText } from '../platform/schemas.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { EntryBody, OfficeQuery, RegisterQuery, RemoveBody } from './schemas.ts';
import {
  type RegisterError,
  type RegisterFilter,
  type RegisterInput,
  registerEntries,
  registerEntry,
  registerPage,
  removeRegisterEntry,
  saveRegisterEntry,
} from './service.ts';
import { categoryTexts, EntryFormPage, formTexts, RegisterOfficePage, RegisterPage } from './views/pages.tsx';

const problemTexts = {
  required: 'ppid.problem.required',
  invalid: 'ppid.problem.invalid',
  badLink: 'ppid.problem.link',
  tooLong: 'ppid.problem.tooLong',
  tooShort: 'ppid.problem.tooShort',
  oneLine: 'form.singleLine',
  onlyExempt: 'ppid.problem.onlyExempt',
} as const satisfies Record<RegisterError['problem'], MessageKey>;

const fieldWords = {
  category: { name: 'ppid.field.category' },
  title: { name: 'ppid.field.title' },
  summary: { name: 'ppid.field.summary' },
  officer: { name: 'ppid.field.officer' },
  form: { name: 'ppid.field.form' },
  retention: { name: 'ppid.field.retention' },
  location: { name: 'ppid.field.location' },
  link: { name: 'ppid.field.link' },
  exemption: { name: 'ppid.field.exemption' },
} as const satisfies FieldWords;

const notices: Record<string, MessageKey> = {
  ditambahkan: 'ppid.notice.added',
  diubah: 'ppid.notice.changed',
  dihapus: 'ppid.notice.removed',
};

function filterOf(query: RegisterQuery): RegisterFilter {
  return { q: query.q, category: query.jenis || undefined };
}

function inputOf(body: EntryBody): RegisterInput {
  return {
    category: body.category ?? '',
    title: body.title ?? '',
    summary: body.summary ?? '',
    officer: body.officer ?? '',
    form: body.form ?? '',
    retention: body.retention ?? '',
    location: body.location ?? '',
    link: body.link ?? '',
    exemption: body.exemption ?? '',
  };
}

type Form = { errors: FieldErrors; values: Record<string, string | undefined> };

export const informationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/informasi-publik',
    { config: { access: 'public' }, schema: { hide: true, querystring: RegisterQuery } },
    async (request, reply) => {
      const query = request.query;
      const page = query.hal ?? 1;
      const result = await registerPage(deps(app), filterOf(query), page);
      const shown: Record<string, string> = {};
      if (query.q) shown.q = query.q;
      if (query.jenis) shown.jenis = query.jenis;
      return renderPage(request, reply, (ctx) => (
        <RegisterPage
          ctx={ctx}
          entries={result.entries}
          total={result.total}
          page={page}
          pageSize={result.pageSize}
          query={shown}
        />
      ));
    },
  );

  app.get(
    '/informasi-publik.csv',
    { config: { access: 'public' }, schema: { hide: true, querystring: RegisterQuery } },
    async (request, reply) => {
      const entries = await registerEntries(deps(app), filterOf(request.query));
      const base = app.config.publicBaseUrl;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="daftar-informasi-publik.csv"')
        .send(
          csv([
            [
              'id',
              'jenis',
              'judul',
              'ringkasan',
              'penanggung_jawab',
              'bentuk',
              'jangka_simpan',
              'tempat',
              'tautan',
              'alasan_pengecualian',
              'diperbarui',
            ],
            ...entries.map((e) => [
              e.id,
              request.t(categoryTexts[e.category]),
              e.title,
              e.summary,
              e.officer,
              request.t(formTexts[e.form]),
              e.retention,
              e.location,
              e.link === null ? null : e.link.startsWith('/') ? `${base}${e.link}` : e.link,
              e.exemption,
              e.updated_at.toISOString(),
            ]),
          ]),
        );
    },
  );

  // ------------------------------------------------------------ /kelola/ppid

  const manage = { access: 'ppid.register' as const };

  app.get(
    '/kelola/ppid',
    { config: manage, schema: { hide: true, querystring: OfficeQuery } },
    async (request, reply) => {
      const page = request.query.hal ?? 1;
      const result = await registerPage(deps(app), {}, page);
      const key = queryText(request, 'pesan');
      const notice = key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
      return renderPage(request, reply, (ctx) => (
        <RegisterOfficePage
          ctx={ctx}
          entries={result.entries}
          total={result.total}
          page={page}
          pageSize={result.pageSize}
          notice={notice}
        />
      ));
    },
  );

  const entryForm = (request: FastifyRequest, reply: FastifyReply, id: number | undefined, form: Form) =>
    renderForm(
      request,
      reply,
      (ctx, csrf) => <EntryFormPage ctx={ctx} csrf={csrf} id={id} errors={form.errors} values={form.values} />,
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );

  const saved = async (request: FastifyRequest, reply: FastifyReply, id: number | undefined, body: EntryBody) => {
    const result = await saveRegisterEntry(deps(app), signedIn(request), id, inputOf(body), request.ip);
    if (result.ok) return reply.redirect(`/kelola/ppid?pesan=${id === undefined ? 'ditambahkan' : 'diubah'}`, 303);
    if ('missing' in result) throw new NotFoundError('register entry');
    const errors = fieldMessages(request.t, result.errors, problemTexts, '', fieldWords);
    return entryForm(request, reply, id, { errors, values: body });
  };

  app.get(
    '/kelola/ppid/daftar/baru',
    { config: manage, schema: { hide: true, querystring: OfficeQuery } },
    (request, reply) => entryForm(request, reply, undefined, { errors: {}, values: {} }),
  );

  app.post('/kelola/ppid/daftar', { config: manage, schema: { hide: true, body: EntryBody } }, (request, reply) =>
    saved(request, reply, undefined, request.body),
  );

  app.get(
    '/kelola/ppid/daftar/:id',
    { config: manage, schema: { hide: true, params: IdParams, querystring: OfficeQuery } },
    async (request, reply) => {
      const entry = await registerEntry(deps(app), request.params.id);
      if (entry === undefined) throw new NotFoundError('register entry');
      const values = {
        category: entry.category,
        title: entry.title,
        summary: entry.summary,
        officer: entry.officer,
        form: entry.form,
        retention: entry.retention,
        location: entry.location,
        link: entry.link ?? '',
        exemption: entry.exemption ?? '',
      };
      return entryForm(request, reply, entry.id, { errors: {}, values });
    },
  );

  app.post(
    '/kelola/ppid/daftar/:id',
    { config: manage, schema: { hide: true, params: IdParams, body: EntryBody } },
    (request, reply) => saved(request, reply, request.params.id, request.body),
  );

  app.post(
    '/kelola/ppid/daftar/:id/hapus',
    { config: manage, schema: { hide: true, params: IdParams, body: RemoveBody } },
    async (request, reply) => {
      const removed = await removeRegisterEntry(deps(app), signedIn(request), request.params.id, request.ip);
      if (removed === undefined) throw new NotFoundError('register entry');
      return reply.redirect('/kelola/ppid?pesan=dihapus', 303);
    },
  );
};
