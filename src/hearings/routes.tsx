/**
 * Virtual hearings. Everyone: /siaran, /siaran/:id (watch, the questions, ask, support) and its
 * live stream /siaran/:id/langsung; /siaran/email/:token (a question confirmed by its mailed link).
 * Officials: /kelola/siaran (hearings, make a meeting one), /kelola/siaran/:id (the chair's screen),
 * /kelola/siaran/:id/moderasi (the queue), /kelola/siaran/pertanyaan/:id (answer or take further).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { agenda } from '../agenda/service.ts';
import { getCouncil } from '../council/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { resumed } from '../platform/event-streams.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { can } from '../platform/permissions.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { hearingLive } from './live.ts';
import {
  answerQuestion,
  askQuestion,
  askToConfirmQuestion,
  chairQueue,
  confirmQuestion,
  type HearingError,
  hearing,
  hearingPage,
  mailedQuestion,
  mergeQuestion,
  moderate,
  moderationQueue,
  openHearing,
  publicHearings,
  questionForOffice,
  questionToAspiration,
  setHearing,
  vote,
} from './service.ts';
import { ChairPage, HearingsOfficePage, ModerationPage, QuestionOfficePage } from './views/office.tsx';
import { HearingPage, HearingsPage, MailedQuestionPage } from './views/pages.tsx';

const problemTexts = {
  required: 'hearing.problem.required',
  invalid: 'hearing.problem.invalid',
  tooLong: 'hearing.problem.tooLong',
  tooShort: 'hearing.problem.tooShort',
  oneLine: 'form.singleLine',
  email: 'hearing.problem.email',
  closed: 'hearing.problem.closed',
  tooFast: 'hearing.problem.tooFast',
  taken: 'hearing.problem.taken',
  notOpen: 'hearing.problem.notOpen',
  time: 'hearing.problem.time',
} as const satisfies Record<HearingError['problem'], MessageKey>;

const fieldWords = {
  body: { name: 'hearing.field.body' },
  name: { name: 'hearing.field.name' },
  email: { name: 'hearing.field.email' },
  consent: { name: 'hearing.field.consent' },
  meeting: { name: 'hearing.field.meeting' },
  answer: { name: 'hearing.field.answer' },
  moment: { name: 'hearing.field.moment' },
  category: { name: 'hearing.field.category' },
  location: { name: 'form.place.label' },
  title: { name: 'hearing.field.title' },
} as const satisfies FieldWords;

const notices: Record<string, MessageKey> = {
  terkirim: 'hearing.notice.asked',
  'periksa-email': 'hearing.notice.checkEmail',
  didukung: 'hearing.notice.supported',
  sudah: 'hearing.notice.already',
  terlambat: 'hearing.notice.late',
  dibuka: 'hearing.notice.opened',
  tersimpan: 'hearing.notice.saved',
  berubah: 'hearing.notice.moved',
};
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  if (key === 'aspirasi') return request.t('hearing.notice.aspiration', { code: queryText(request, 'kode') ?? '' });
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

const Query = Type.Object({ lang: optionalText(5), pesan: optionalText(40), kode: optionalText(20) });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const EmptyBody = Type.Object({ _csrf: optionalText(200) });
const AskBody = Type.Object({
  _csrf: optionalText(200),
  body: optionalText(5_000),
  name: optionalText(1_000),
  email: optionalText(1_000),
  consent: optionalText(10),
});
const OpenBody = Type.Object({ _csrf: optionalText(200), meeting: optionalText(20) });
const SettingsBody = Type.Object({
  _csrf: optionalText(200),
  questionsOpen: optionalText(10),
  emailQuestions: optionalText(10),
});
const MergeBody = Type.Object({ _csrf: optionalText(200), into: optionalText(20) });
const AnswerBody = Type.Object({
  _csrf: optionalText(200),
  answer: optionalText(20_000),
  moment: optionalText(100),
  now: optionalText(10),
});
const AspirationBody = Type.Object({
  _csrf: optionalText(200),
  category: optionalText(100),
  location: optionalText(20),
  title: optionalText(2_000),
});

type Form = { errors: FieldErrors; values: Record<string, string | undefined> };
const noForm: Form = { errors: {}, values: {} };

/** A browser's own key for supporting questions without an account; only its hash is stored. */
const VOTER_COOKIE = 'pendukung';

function voterOf(request: FastifyRequest): string | undefined {
  if (request.user !== null) return `u:${request.user.id}`;
  const raw = request.cookies[VOTER_COOKIE];
  return raw !== undefined && /^[A-Za-z0-9_-]{20,100}$/.test(raw) ? `b:${hashToken(raw)}` : undefined;
}

function ensureVoter(request: FastifyRequest, reply: FastifyReply): string {
  const known = voterOf(request);
  if (known !== undefined) return known;
  const token = newToken().token;
  reply.setCookie(VOTER_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.server.config.publicBaseUrl.startsWith('https:'),
    maxAge: 180 * 24 * 60 * 60,
  });
  return `b:${hashToken(token)}`;
}

export const hearingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messagesOf = (request: FastifyRequest, errors: HearingError[]) =>
    fieldMessages(request.t, errors, problemTexts, '', fieldWords);
  const live = hearingLive(app);

  // ------------------------------------------------------------ public pages

  app.get(
    '/siaran',
    { config: { access: 'public' }, schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const all = await publicHearings(deps(app));
      return renderPage(request, reply, (ctx) => <HearingsPage ctx={ctx} hearings={all} />);
    },
  );

  const hearingView = async (request: FastifyRequest, reply: FastifyReply, id: number, form: Form = noForm) => {
    const page = await hearingPage(deps(app), id, { user: request.user, voter: voterOf(request) });
    if (page === undefined) throw new NotFoundError('hearing');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <HearingPage
          ctx={ctx}
          csrf={csrf}
          page={page}
          embedOrigins={app.config.embedOrigins}
          errors={form.errors}
          values={form.values}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/siaran/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => hearingView(request, reply, request.params.id),
  );

  app.get(
    '/siaran/:id/langsung',
    { config: { access: 'public', stream: true }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const found = await hearing(deps(app), request.params.id);
      if (found === undefined) throw new NotFoundError('hearing');
      const d = found.meeting.view.details;
      live.follow(reply, found.id, 'viewer', d?.recordingUrl ?? d?.livestreamUrl ?? null, resumed(request));
    },
  );

  app.post(
    '/siaran/:id/tanya',
    {
      config: { access: 'hearings.ask', rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: AskBody },
    },
    async (request, reply) => {
      const id = request.params.id;
      const body = request.body;
      const result = await askQuestion(deps(app), signedIn(request), id, {
        body: body.body ?? '',
        name: body.name ?? '',
      });
      if (result.ok) return reply.redirect(`/siaran/${id}?pesan=terkirim#milik-saya`, 303);
      if ('missing' in result) throw new NotFoundError('hearing');
      return hearingView(request, reply, id, { errors: messagesOf(request, result.errors), values: body });
    },
  );

  app.post(
    '/siaran/:id/tanya-email',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: AskBody },
    },
    async (request, reply) => {
      const id = request.params.id;
      const body = request.body;
      const result = await askToConfirmQuestion(deps(app), id, {
        body: body.body ?? '',
        name: body.name ?? '',
        email: body.email ?? '',
        consent: body.consent === 'yes',
      });
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/siaran/${id}?pesan=periksa-email#tanya`, 303);
      }
      if ('missing' in result) throw new NotFoundError('hearing');
      return hearingView(request, reply, id, { errors: messagesOf(request, result.errors), values: body });
    },
  );

  // The mailed link: its page is the asker's alone, never kept by a cache or sent on as a referrer.
  const mailedView = async (request: FastifyRequest, reply: FastifyReply, token: string) => {
    const mailed = await mailedQuestion(deps(app), token);
    reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => <MailedQuestionPage ctx={ctx} csrf={csrf} token={token} mailed={mailed} />,
      mailed === undefined ? 404 : 200,
    );
  };

  app.get(
    '/siaran/email/:token',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams, querystring: Query } },
    (request, reply) => mailedView(request, reply, request.params.token),
  );

  app.post(
    '/siaran/email/:token',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: { hide: true, params: TokenParams, body: EmptyBody },
    },
    async (request, reply) => {
      const result = await confirmQuestion(deps(app), request.params.token);
      if (result.outcome === 'missing') return mailedView(request, reply, request.params.token);
      return reply.redirect(
        `/siaran/${result.hearingId}?pesan=${result.outcome === 'sent' ? 'terkirim' : 'terlambat'}#tanya`,
        303,
      );
    },
  );

  app.post(
    '/siaran/pertanyaan/:id/dukung',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { hide: true, params: IdParams, body: EmptyBody },
    },
    async (request, reply) => {
      const voter = ensureVoter(request, reply);
      const result = await vote(deps(app), request.params.id, voter);
      if (result.outcome === 'missing') throw new NotFoundError('question');
      const key = { added: 'didukung', already: 'sudah', closed: 'terlambat' }[result.outcome];
      return reply.redirect(`/siaran/${result.hearingId}?pesan=${key}#pertanyaan-${request.params.id}`, 303);
    },
  );

  // ------------------------------------------------------------ /kelola/siaran

  const officeView = async (request: FastifyRequest, reply: FastifyReply, form: Form = noForm) => {
    const user = signedIn(request);
    const [all, ahead] = await Promise.all([
      publicHearings(deps(app), true),
      agenda(deps(app), { from: new Date(Date.now() - 6 * 3_600_000), page: 1, pageSize: 100 }, true),
    ]);
    const taken = new Set(all.map((x) => x.summary.meetingId));
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <HearingsOfficePage
          ctx={ctx}
          csrf={csrf}
          hearings={all}
          meetings={ahead.meetings.filter((m) => m.open && !m.cancelled && !taken.has(m.id))}
          canOpen={can(user.role, 'hearings.manage')}
          canModerate={can(user.role, 'hearings.moderate')}
          errors={form.errors}
          values={form.values}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/siaran',
    { config: { access: 'hearings.chair' }, schema: { hide: true, querystring: Query } },
    (request, reply) => officeView(request, reply),
  );

  app.post(
    '/kelola/siaran',
    { config: { access: 'hearings.manage' }, schema: { hide: true, body: OpenBody } },
    async (request, reply) => {
      const result = await openHearing(deps(app), signedIn(request), request.body.meeting ?? '', request.ip);
      if (result.ok) return reply.redirect(`/kelola/siaran/${result.id}/moderasi?pesan=dibuka`, 303);
      return officeView(request, reply, { errors: messagesOf(request, result.errors), values: request.body });
    },
  );

  app.get(
    '/kelola/siaran/:id',
    { config: { access: 'hearings.chair' }, schema: { hide: true, params: IdParams, querystring: Query } },
    async (request, reply) => {
      const queue = await chairQueue(deps(app), request.params.id);
      if (queue === undefined) throw new NotFoundError('hearing');
      reply.header('cache-control', 'private, no-store');
      return renderPage(request, reply, (ctx) => (
        <ChairPage ctx={ctx} hearing={queue.hearing} open={queue.open} settled={queue.settled} />
      ));
    },
  );

  const moderationView = async (request: FastifyRequest, reply: FastifyReply, id: number, form: Form = noForm) => {
    const queue = await moderationQueue(deps(app), id);
    if (queue === undefined) throw new NotFoundError('hearing');
    reply.header('cache-control', 'private, no-store');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ModerationPage
          ctx={ctx}
          csrf={csrf}
          queue={queue}
          canSet={can(signedIn(request).role, 'hearings.manage')}
          errors={form.errors}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/siaran/:id/moderasi',
    { config: { access: 'hearings.moderate' }, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => moderationView(request, reply, request.params.id),
  );

  app.get(
    '/kelola/siaran/:id/moderasi/langsung',
    { config: { access: 'hearings.moderate', stream: true }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const found = await hearing(deps(app), request.params.id, true);
      if (found === undefined) throw new NotFoundError('hearing');
      live.follow(reply, found.id, 'moderator', null);
    },
  );

  app.post(
    '/kelola/siaran/:id/pengaturan',
    { config: { access: 'hearings.manage' }, schema: { hide: true, params: IdParams, body: SettingsBody } },
    async (request, reply) => {
      const id = request.params.id;
      const done = await setHearing(
        deps(app),
        signedIn(request),
        id,
        { questionsOpen: request.body.questionsOpen === 'yes', emailQuestions: request.body.emailQuestions === 'yes' },
        request.ip,
      );
      if (!done) throw new NotFoundError('hearing');
      return reply.redirect(`/kelola/siaran/${id}/moderasi?pesan=tersimpan`, 303);
    },
  );

  const moderateRoute = (path: string, action: 'approve' | 'reject' | 'restore') =>
    app.post(
      `/kelola/siaran/pertanyaan/:id/${path}`,
      { config: { access: 'hearings.moderate' }, schema: { hide: true, params: IdParams, body: EmptyBody } },
      async (request, reply) => {
        const id = request.params.id;
        const result = await moderate(deps(app), signedIn(request), id, action, request.ip);
        if (result === undefined) throw new NotFoundError('question');
        return reply.redirect(
          `/kelola/siaran/${result.hearingId}/moderasi${result.done ? '' : '?pesan=berubah'}#pertanyaan-${id}`,
          303,
        );
      },
    );
  moderateRoute('setujui', 'approve');
  moderateRoute('tolak', 'reject');
  moderateRoute('pulihkan', 'restore');

  app.post(
    '/kelola/siaran/pertanyaan/:id/gabung',
    { config: { access: 'hearings.moderate' }, schema: { hide: true, params: IdParams, body: MergeBody } },
    async (request, reply) => {
      const id = request.params.id;
      const result = await mergeQuestion(deps(app), signedIn(request), id, request.body.into ?? '', request.ip);
      if (result === undefined) throw new NotFoundError('question');
      if (result.ok) return reply.redirect(`/kelola/siaran/${result.hearingId}/moderasi#menunggu`, 303);
      return moderationView(request, reply, result.hearingId, {
        errors: Object.fromEntries(result.errors.map((e) => [e.field, request.t(problemTexts[e.problem])])),
        values: {},
      });
    },
  );

  const questionView = async (request: FastifyRequest, reply: FastifyReply, id: number, form: Form = noForm) => {
    const found = await questionForOffice(deps(app), id);
    if (found === undefined) throw new NotFoundError('question');
    const structure = await getCouncil(app.db);
    reply.header('cache-control', 'private, no-store');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <QuestionOfficePage
          ctx={ctx}
          csrf={csrf}
          hearing={found.hearing}
          question={found.question}
          categories={structure.categories}
          places={structure.kecamatan}
          errors={form.errors}
          values={form.values}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/siaran/pertanyaan/:id',
    { config: { access: 'hearings.moderate' }, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => questionView(request, reply, request.params.id),
  );

  app.post(
    '/kelola/siaran/pertanyaan/:id/jawab',
    { config: { access: 'hearings.moderate' }, schema: { hide: true, params: IdParams, body: AnswerBody } },
    async (request, reply) => {
      const id = request.params.id;
      const body = request.body;
      const now = body.now === 'yes';
      const result = await answerQuestion(
        deps(app),
        signedIn(request),
        id,
        { answer: body.answer ?? '', moment: body.moment ?? '', now },
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('question');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(
          now
            ? `/kelola/siaran/${result.hearingId}/moderasi#disetujui`
            : `/kelola/siaran/pertanyaan/${id}?pesan=tersimpan`,
          303,
        );
      }
      return questionView(request, reply, id, { errors: messagesOf(request, result.errors), values: body });
    },
  );

  app.post(
    '/kelola/siaran/pertanyaan/:id/aspirasi',
    { config: { access: 'hearings.moderate' }, schema: { hide: true, params: IdParams, body: AspirationBody } },
    async (request, reply) => {
      const id = request.params.id;
      const body = request.body;
      const result = await questionToAspiration(
        deps(app),
        signedIn(request),
        id,
        { category: body.category ?? '', location: body.location ?? '', title: body.title ?? '' },
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('question');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/kelola/siaran/${result.hearingId}/moderasi?pesan=aspirasi&kode=${result.code}`, 303);
      }
      return questionView(request, reply, id, { errors: messagesOf(request, result.errors), values: body });
    },
  );
};
