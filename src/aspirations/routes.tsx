/**
 * Citizens' pages for aspirations: /aspirasi/baru (two steps), /aspirasi/kirim, /aspirasi,
 * /aspirasi.atom, /aspirasi/:kode (+ photos, support, reply, rate, reopen, "is it resolved?"),
 * /lacak and /lacak/:token. A browser proves it is the reporter's with a signed cookie set by the
 * private link or by /lacak; a signed-in citizen's own aspirations need no proof.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';
import { newToken } from '../platform/crypto.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { registerFollowLinks } from '../platform/follow-routes.tsx';
import { timeZone } from '../platform/format.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { queryText } from '../platform/schemas.ts';
import { fileStore } from '../platform/storage.ts';
import { smallName, storedFile, type UploadedFile } from '../platform/uploads.ts';
import { fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import {
  CodeParams,
  FirstStepBody,
  FixedBody,
  ListQuery,
  PageQuery,
  PhotoParams,
  RateBody,
  ReopenBody,
  ReplyBody,
  SupportBody,
  TokenParams,
  TrackBody,
} from './schemas.ts';
import {
  type ActionResult,
  aspirationOfToken,
  aspirationPath,
  type CitizenAction,
  checkFirstStep,
  citizenAct,
  findSimilar,
  listPublicAspirations,
  offlineDraftPaths,
  PHOTO_FOLDER,
  photoFile,
  projectForAspiration,
  publicAspiration,
  type Submission,
  sendTrackingLink,
  submitAspiration,
  support,
  type Viewer,
} from './service.ts';
import { aspirationsAtom } from './views/feed.ts';
import {
  FirstStepPage,
  OfflineFormPage,
  QueuePage,
  SecondStepPage,
  TrackPage,
  type Values,
} from './views/form-pages.tsx';
import { fieldWords, kindLabel, problemTexts } from './views/parts.tsx';
import { AspirationPage, ListPage } from './views/public-pages.tsx';

const OWNER_COOKIE = 'asp';
const OWNED_MAX = 30;

/** Aspiration ids this browser has proven to be the reporter of. */
export function ownedIds(request: FastifyRequest): number[] {
  const raw = request.cookies[OWNER_COOKIE];
  if (raw === undefined) return [];
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return [];
  return unsigned.value
    .split('.')
    .filter((v) => /^\d{1,9}$/.test(v))
    .map(Number);
}

export function viewerOf(request: FastifyRequest): Viewer {
  return { user: request.user, ownedIds: ownedIds(request) };
}

function rememberOwner(request: FastifyRequest, reply: FastifyReply, id: number) {
  const ids = [id, ...ownedIds(request).filter((x) => x !== id)].slice(0, OWNED_MAX);
  reply.setCookie(OWNER_COOKIE, ids.join('.'), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    secure: request.server.config.publicBaseUrl.startsWith('https:'),
    maxAge: 365 * 24 * 60 * 60,
  });
}

/** What the aspiration form's fields say, as the service takes it; the caller adds who and how. */
export function submissionOf(
  fields: Record<string, string>,
  files: UploadedFile[],
): Omit<Submission, 'consent' | 'channel' | 'userId' | 'enteredBy'> {
  return {
    kind: fields.kind ?? '',
    category: fields.category ?? '',
    location: fields.location ?? '',
    title: fields.title ?? '',
    description: fields.description,
    address: fields.address,
    lat: fields.lat,
    lon: fields.lon,
    name: fields.name,
    email: fields.email,
    phone: fields.phone,
    showName: fields.showName === 'yes',
    photos: files,
    project: fields.proyek,
  };
}

// Per address: plenty for a family on one connection, too few for a flood.
const limits = {
  submit: { max: 20, timeWindow: '10 minutes' },
  support: { max: 30, timeWindow: '10 minutes' },
  track: { max: 10, timeWindow: '10 minutes' },
  act: { max: 30, timeWindow: '10 minutes' },
};

export const aspirationNotices: Record<string, MessageKey> = {
  didukung: 'aspiration.notice.supported',
  'cek-email': 'aspiration.notice.confirmFollow',
  dikonfirmasi: 'aspiration.notice.followConfirmed',
  'sudah-didukung': 'aspiration.notice.alreadySupported',
  dibalas: 'aspiration.notice.replied',
  dinilai: 'aspiration.notice.rated',
  dibuka: 'aspiration.notice.reopened',
  tuntas: 'aspiration.notice.fixed',
  ditutup: 'aspiration.notice.closed',
};

export const aspirationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const firstStepForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Values,
    status = 200,
  ) => {
    const structure = await getCouncil(app.db);
    const about =
      values.proyek !== undefined && /^\d{1,9}$/.test(values.proyek)
        ? await projectForAspiration(deps(app), Number(values.proyek))
        : undefined;
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <FirstStepPage
          ctx={ctx}
          csrf={csrf}
          structure={structure}
          errors={errors}
          values={about === undefined ? { ...values, proyek: '' } : values}
          project={about}
        />
      ),
      status,
    );
  };

  const secondStepForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: FieldErrors,
    status: number,
  ) => {
    const structure = await getCouncil(app.db);
    const first = checkFirstStep(structure, {
      kind: values.kind ?? '',
      category: values.category ?? '',
      location: values.location ?? '',
      title: values.title ?? '',
      lat: values.lat,
      lon: values.lon,
    });
    if (!first.ok) return null;
    const { step } = first;
    const similar = await findSimilar(deps(app), step);
    const kec = structure.kecamatan.find((k) => k.id === step.place.kecamatanId);
    const kel = kec?.kelurahan.find((k) => k.id === step.place.kelurahanId);
    return renderPage(
      request,
      reply,
      (ctx) => (
        <SecondStepPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          errors={errors}
          values={{ ...values, title: step.title, location: step.location }}
          similar={similar}
          summary={{
            kind: kindLabel(ctx, step.kind),
            category: ctx.lang === 'en' ? step.category.nameEn : step.category.name,
            place: [kel?.name, kec?.name].filter(Boolean).join(', '),
          }}
        />
      ),
      status,
    );
  };

  app.get(
    '/aspirasi/baru',
    { config: { access: 'public' }, schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      // From a project's page: the project and its place come chosen.
      const id = request.query.proyek;
      const about = id === undefined ? undefined : await projectForAspiration(deps(app), id);
      const values =
        about === undefined
          ? {}
          : {
              proyek: String(about.id),
              location: about.kelurahan_id === null ? `k${about.kecamatan_id}` : String(about.kelurahan_id),
              lat: about.lat === null ? '' : String(about.lat),
              lon: about.lon === null ? '' : String(about.lon),
            };
      return firstStepForm(request, reply, {}, values);
    },
  );

  app.post(
    '/aspirasi/baru',
    { config: { access: 'public' }, schema: { hide: true, body: FirstStepBody } },
    async (request, reply) => {
      const body = request.body;
      const values = {
        kind: body.kind ?? '',
        category: body.category ?? '',
        location: body.location ?? '',
        title: body.title ?? '',
        lat: body.lat ?? '',
        lon: body.lon ?? '',
        proyek: body.proyek ?? '',
      };
      const structure = await getCouncil(app.db);
      const first = checkFirstStep(structure, values);
      if (!first.ok)
        return firstStepForm(
          request,
          reply,
          fieldMessages(request.t, first.errors, problemTexts, '', fieldWords),
          values,
          400,
        );
      const prefill = request.user === null ? {} : { name: request.user.name, email: request.user.email };
      // The form's submission key: sent again, the same form files one aspiration (see submitAspiration).
      return secondStepForm(request, reply, { ...values, ...prefill, kunci: newToken().token }, {}, 200);
    },
  );

  app.post(
    '/aspirasi/kirim',
    { config: { access: 'public', rateLimit: limits.submit }, schema: { hide: true } },
    async (request, reply) => {
      if (!request.isMultipart()) return reply.redirect('/aspirasi/baru', 303);
      const { fields, files } = multipartBody(request.body);
      const result = await submitAspiration(deps(app), {
        ...submissionOf(fields, files),
        consent: fields.consent === 'yes',
        channel: 'web',
        userId: request.user?.role === 'citizen' ? request.user.id : null,
        key: fields.kunci,
      });
      // The installable app sends the drafts kept on a phone and asks for the answer as JSON.
      const asJson = (request.headers.accept ?? '').startsWith('application/json');
      if (result.ok) {
        app.outbox.kick();
        rememberOwner(request, reply, result.id);
        const link = result.token === null ? `/aspirasi/${result.code}` : `/lacak/${result.token}?baru=1`;
        if (asJson) return reply.code(result.repeated ? 200 : 201).send({ code: result.code, link });
        return reply.redirect(link, 303);
      }
      const errors = fieldMessages(request.t, result.errors, problemTexts, '', fieldWords);
      if (asJson) return reply.code(400).send({ errors });
      const { _csrf, ...values } = fields;
      const page = await secondStepForm(request, reply, values, errors, 400);
      if (page !== null) return page;
      return firstStepForm(request, reply, errors, values, 400);
    },
  );

  // The installable app keeps these two on the phone (see offline.ts): no token, no personal data.
  app.get(
    offlineDraftPaths.offlineForm,
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const structure = await getCouncil(app.db);
      return renderPage(request, reply, (ctx) => <OfflineFormPage ctx={ctx} structure={structure} />);
    },
  );

  app.get(offlineDraftPaths.queue, { config: { access: 'public' }, schema: { hide: true } }, (request, reply) =>
    renderPage(request, reply, (ctx) => <QueuePage ctx={ctx} zone={{ timeZone, label: 'WIB' }} />),
  );

  app.get(
    '/aspirasi',
    { config: { access: 'public' }, schema: { hide: true, querystring: ListQuery } },
    async (request, reply) => {
      const query = request.query;
      const structure = await getCouncil(app.db);
      const page = query.hal ?? 1;
      const list = await listPublicAspirations(deps(app), {
        kind: query.jenis === '' ? undefined : query.jenis,
        categoryId: structure.categories.find((c) => c.slug === query.kategori)?.id,
        kecamatanId: structure.kecamatan.find((k) => k.slug === query.kecamatan)?.id,
        dapilId: structure.dapil.find((d) => String(d.number) === query.dapil)?.id,
        status: query.status === '' ? undefined : query.status,
        q: query.q,
        sort: query.urut ?? 'baru',
        page,
      });
      const shown: Record<string, string> = {};
      for (const [k, v] of Object.entries(query))
        if (k !== 'hal' && k !== 'lang' && v !== undefined) shown[k] = String(v);
      return renderPage(request, reply, (ctx) => (
        <ListPage
          ctx={ctx}
          structure={structure}
          items={list.items}
          total={list.total}
          capped={list.capped}
          page={page}
          pageSize={list.pageSize}
          query={shown}
        />
      ));
    },
  );

  app.get('/aspirasi.atom', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const structure = await getCouncil(app.db);
    const list = await listPublicAspirations(deps(app), { sort: 'baru', page: 1 });
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(
        aspirationsAtom({
          items: list.items,
          council: structure.council.name,
          base: app.config.publicBaseUrl,
          t: request.t,
        }),
      );
  });

  const aspirationPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    options: { privateLink?: string; errors?: FieldErrors; values?: Values; status?: number } = {},
  ) => {
    const found = await publicAspiration(deps(app), code, viewerOf(request));
    if (found === undefined) throw new NotFoundError(`aspiration ${code}`);
    const pesan = queryText(request, 'pesan');
    const notice =
      pesan === undefined || aspirationNotices[pesan] === undefined ? undefined : request.t(aspirationNotices[pesan]);
    // The reporter's view carries forms and perhaps a private link: no shared cache may keep it.
    if (found.reporter) reply.header('cache-control', 'private, no-store');
    return renderPage(
      request,
      reply,
      (ctx) => (
        <AspirationPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          view={found.view}
          reporter={found.reporter}
          privateLink={options.privateLink}
          notice={notice}
          errors={options.errors ?? {}}
          values={options.values ?? {}}
          reopenDays={app.config.aspirations.reopenDays}
        />
      ),
      options.status ?? 200,
    );
  };

  app.get(
    '/aspirasi/:kode',
    { config: { access: 'public' }, schema: { hide: true, params: CodeParams, querystring: PageQuery } },
    (request, reply) => aspirationPage(request, reply, request.params.kode),
  );

  app.get(
    '/aspirasi/:kode/foto/:foto',
    { config: { access: 'public' }, schema: { hide: true, params: PhotoParams } },
    async (request, reply) => {
      const { kode, foto } = request.params;
      const small = foto.endsWith('-kecil');
      const file = await photoFile(deps(app), kode, Number.parseInt(foto, 10), viewerOf(request));
      if (file === undefined) throw new NotFoundError(`photo ${kode}/${foto}`);
      const stream = await storedFile(fileStore(app.config), PHOTO_FOLDER, small ? smallName(file) : file);
      return reply.type('image/webp').header('cache-control', 'private, max-age=86400').send(stream);
    },
  );

  app.post(
    '/aspirasi/:kode/dukung',
    {
      config: { access: 'public', rateLimit: limits.support },
      schema: { hide: true, params: CodeParams, body: SupportBody },
    },
    async (request, reply) => {
      const { kode } = request.params;
      const result = await support(deps(app), kode, request.body.email ?? '');
      if (result.ok) {
        if (result.confirm) app.outbox.kick();
        const notice = !result.counted ? 'sudah-didukung' : result.confirm ? 'cek-email' : 'didukung';
        return reply.redirect(`/aspirasi/${kode}?pesan=${notice}`, 303);
      }
      if (result.problem === 'missing') throw new NotFoundError(`aspiration ${kode}`);
      if (result.problem === 'closed') return reply.redirect(`/aspirasi/${kode}?pesan=ditutup`, 303);
      return aspirationPage(request, reply, kode, {
        status: 400,
        errors: { 'support-email': request.t('form.email') },
      });
    },
  );

  registerFollowLinks(
    app,
    'aspiration',
    { unknownConfirmation: 'aspiration.follow.badBody', stopped: 'aspiration.stop.body' },
    (id) => aspirationPath(deps(app), id),
  );

  const citizenAction = (
    path: string,
    notice: string,
    toAction: (body: Record<string, string | undefined>) => CitizenAction,
    schema: object,
  ) =>
    app.post(
      `/aspirasi/:kode/${path}`,
      { config: { access: 'public', rateLimit: limits.act }, schema: { hide: true, params: CodeParams, body: schema } },
      async (request, reply) => {
        const { kode } = request.params;
        // One handler for every citizen action, each with its own body schema: toAction reads the
        // fields of the action at hand.
        const body = request.body as Record<string, string | undefined>;
        const result: ActionResult = await citizenAct(deps(app), kode, viewerOf(request), toAction(body));
        if (result.ok) {
          app.outbox.kick();
          return reply.redirect(`/aspirasi/${kode}?pesan=${notice}`, 303);
        }
        if ('errors' in result) {
          const { _csrf, ...values } = body;
          return aspirationPage(request, reply, kode, {
            status: 400,
            errors: fieldMessages(request.t, result.errors, problemTexts, '', fieldWords),
            values,
          });
        }
        if (result.problem === 'state')
          return aspirationPage(request, reply, kode, {
            status: 409,
            errors: { body: request.t('aspiration.problem.state') },
          });
        throw new NotFoundError(`aspiration ${kode}`);
      },
    );
  citizenAction('balas', 'dibalas', (b) => ({ type: 'reply', body: b.body ?? '' }), ReplyBody);
  citizenAction(
    'nilai',
    'dinilai',
    (b) => ({ type: 'rate', rating: b.rating ?? '', comment: b.comment ?? '' }),
    RateBody,
  );
  citizenAction('buka', 'dibuka', (b) => ({ type: 'reopen', reason: b.reason ?? '' }), ReopenBody);
  citizenAction('tuntas', 'tuntas', (b) => ({ type: 'fixed', answer: b.answer ?? '' }), FixedBody);

  const trackForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Values,
    status = 200,
    notice?: string,
  ) =>
    renderPage(
      request,
      reply,
      (ctx) => <TrackPage ctx={ctx} csrf={reply.generateCsrf()} errors={errors} values={values} notice={notice} />,
      status,
    );

  app.get(
    '/lacak',
    { config: { access: 'public' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) =>
      trackForm(
        request,
        reply,
        {},
        { kode: request.query.kode ?? '' },
        200,
        request.query.pesan === 'terkirim' ? request.t('aspiration.track.sent') : undefined,
      ),
  );

  app.post(
    '/lacak',
    { config: { access: 'public', rateLimit: limits.track }, schema: { hide: true, body: TrackBody } },
    async (request, reply) => {
      const kode = request.body.kode ?? '';
      const kontak = request.body.kontak ?? '';
      const result = await sendTrackingLink(deps(app), kode, kontak);
      if (result.ok) {
        app.outbox.kick();
        // The same answer whether or not the code and contact match.
        return reply.redirect(`/lacak?kode=${encodeURIComponent(kode.trim().toUpperCase())}&pesan=terkirim`, 303);
      }
      if ('errors' in result)
        return trackForm(
          request,
          reply,
          fieldMessages(request.t, result.errors, problemTexts, '', fieldWords),
          { kode, kontak },
          400,
        );
      return trackForm(request, reply, { kode: request.t('aspiration.track.limited') }, { kode, kontak }, 429);
    },
  );

  app.get(
    '/lacak/:token',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams, querystring: PageQuery } },
    async (request, reply) => {
      const { token } = request.params;
      const found = await aspirationOfToken(deps(app), token);
      if (found === undefined) throw new NotFoundError('tracking link');
      rememberOwner(request, reply, found.id);
      // The private link is shown on the page it opens; the cookie is set for the requests after.
      request.cookies[OWNER_COOKIE] = reply.signCookie(String(found.id));
      reply.header('referrer-policy', 'no-referrer');
      return aspirationPage(request, reply, found.code, { privateLink: `${app.config.publicBaseUrl}/lacak/${token}` });
    },
  );
};
