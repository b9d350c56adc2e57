/**
 * Surveys. Everyone: /survei (open surveys, results of ended ones), /survei/:id (its rules and the
 * start), /survei/:id/isi (one section a screen), /survei/:id/hasil (the results once it ended).
 * Staff: /kelola/survei (all surveys, a new one, a ready-made IKM survey) and /kelola/survei/:id
 * (building, publishing, closing, a new version, the preview, results any time, raw answers).
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { csv } from '../platform/feeds.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { MessagePage } from '../platform/views/message-page.tsx';
import { writeXlsx } from '../platform/xlsx.ts';
import {
  type AnswerError,
  type AnswerProblem,
  addQuestion,
  addSection,
  allSurveys,
  anonymisedAnswers,
  answerSection,
  buildState,
  closeSurvey,
  createIkmSurvey,
  createSurvey,
  fieldOf,
  inviteList,
  isShown,
  newVersion,
  openInvitation,
  publicSurveys,
  publishSurvey,
  recordExport,
  removeQuestion,
  removeSection,
  responseByKey,
  STARTS_PER_HOUR,
  type SurveyError,
  type SurveyForm,
  type SurveyProblem,
  sectionsToAsk,
  startResponse,
  surveyForm,
  surveyResults,
  updateSurvey,
} from './service.ts';
import type { FieldValues } from './views/fields.tsx';
import { SurveyEditPage, SurveyOfficePage, SurveyPreviewPage } from './views/office.tsx';
import {
  type Standing,
  SurveyFrontPage,
  SurveyListPage,
  SurveyResultsPage,
  SurveyScreenPage,
  SurveyThanksPage,
} from './views/pages.tsx';

const problemTexts = {
  required: 'survey.problem.field.required',
  invalid: 'survey.problem.field.invalid',
  tooLong: 'survey.problem.field.tooLong',
  oneLine: 'form.singleLine',
  order: 'survey.problem.field.order',
  choices: 'survey.problem.field.choices',
  rows: 'survey.problem.field.rows',
  range: 'survey.problem.field.range',
  locked: 'survey.problem.field.locked',
  empty: 'survey.problem.field.empty',
  taken: 'survey.problem.field.taken',
  email: 'survey.problem.field.email',
  notOpen: 'survey.problem.field.notOpen',
} as const satisfies Record<SurveyProblem, MessageKey>;

const answerTexts = {
  required: 'survey.problem.required',
  choice: 'survey.problem.choice',
  number: 'survey.problem.number',
  min: 'survey.problem.min',
  max: 'survey.problem.max',
  tooLong: 'survey.problem.tooLong',
  oneLine: 'survey.problem.oneLine',
  rows: 'survey.problem.rows',
} as const satisfies Record<AnswerProblem, MessageKey>;

const fieldWords = {
  title: { name: 'survey.field.title' },
  intro: { name: 'survey.field.intro' },
  opensOn: { name: 'survey.field.opensOn' },
  closesOn: { name: 'survey.field.closesOn' },
  ikmOpensOn: { name: 'survey.field.opensOn' },
  ikmClosesOn: { name: 'survey.field.closesOn' },
  unit: { name: 'survey.field.unit' },
  anonymous: { name: 'survey.field.anonymous' },
  audience: { name: 'survey.field.audience' },
  usersOf: { name: 'survey.field.usersOf' },
  list: { name: 'survey.field.list' },
  section: { name: 'survey.field.section' },
  kind: { name: 'survey.field.kind' },
  prompt: { name: 'survey.field.prompt' },
  help: { name: 'survey.field.help' },
  options: { name: 'survey.field.options' },
  rows: { name: 'survey.field.rows' },
  min: { name: 'survey.field.min' },
  max: { name: 'survey.field.max' },
  showIf: { name: 'survey.field.showIf' },
  sectionTitle: { name: 'survey.field.sectionTitle' },
  sectionIntro: { name: 'survey.field.sectionIntro' },
} as const satisfies FieldWords;

const notices: Record<string, MessageKey> = {
  dibuat: 'survey.notice.created',
  disimpan: 'survey.notice.saved',
  bagian: 'survey.notice.section',
  pertanyaan: 'survey.notice.question',
  dihapus: 'survey.notice.removed',
  terbit: 'survey.notice.published',
  tutup: 'survey.notice.closed',
  versi: 'survey.notice.version',
  sudah: 'survey.already',
  ditutup: 'survey.closed',
  undangan: 'survey.notice.invited',
  diundang: 'survey.onlyInvited',
  tautan: 'survey.notice.unknownLink',
};
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

/** The browser's key to its answers, one cookie per survey (its path is the survey's). */
const KEY_COOKIE = 'survei';

const Query = Type.Object({ lang: optionalText(5), pesan: optionalText(40) });
const ResumeQuery = Type.Object({ lang: optionalText(5), kunci: optionalText(200) });
const ChildParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
  child: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
});
const Csrf = Type.Object({ _csrf: optionalText(200) });
const DetailsBody = Type.Object({
  _csrf: optionalText(200),
  title: optionalText(2_000),
  intro: optionalText(20_000),
  opensOn: optionalText(20),
  closesOn: optionalText(20),
  anonymous: optionalText(10),
  audience: optionalText(20),
  usersOf: optionalText(40),
});
const ListBody = Type.Object({ _csrf: optionalText(200), list: optionalText(100_000) });
const IkmBody = Type.Object({
  _csrf: optionalText(200),
  unit: optionalText(40),
  ikmOpensOn: optionalText(20),
  ikmClosesOn: optionalText(20),
});
const SectionBody = Type.Object({
  _csrf: optionalText(200),
  sectionTitle: optionalText(2_000),
  sectionIntro: optionalText(20_000),
});
const QuestionBody = Type.Object({
  _csrf: optionalText(200),
  section: optionalText(20),
  kind: optionalText(20),
  prompt: optionalText(2_000),
  help: optionalText(2_000),
  required: optionalText(10),
  options: optionalText(20_000),
  rows: optionalText(20_000),
  min: optionalText(20),
  max: optionalText(20),
  showIf: optionalText(60),
});
/** An answer screen: the section, the direction, and the answers under q_<code>[--<row>]. */
const AnswerBody = Type.Record(
  Type.String({ pattern: '^(_csrf|bagian|arah|q_[a-z][a-z0-9_]{0,39}(--[a-z0-9]{1,20})?)$' }),
  Type.Union([Type.String({ maxLength: 20_000 }), Type.Array(Type.String({ maxLength: 2_000 }), { maxItems: 40 })]),
  { additionalProperties: false, maxProperties: 400 },
);

type Form = { errors: FieldErrors; values: Record<string, string | undefined> };
const noForm: Form = { errors: {}, values: {} };

export const surveyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messagesOf = (request: FastifyRequest, errors: SurveyError[], prefix = '') =>
    fieldMessages(request.t, errors, problemTexts, prefix, fieldWords);

  /** A published survey, or the 404 page. */
  const published = async (request: FastifyRequest, id: number): Promise<SurveyForm> => {
    const form = await surveyForm(deps(app), id, request.t);
    if (form === undefined) throw new NotFoundError(`survey ${id}`);
    return form;
  };

  const keyOf = (request: FastifyRequest) => request.cookies[KEY_COOKIE];
  const setKey = (reply: FastifyReply, id: number, key: string) =>
    reply.setCookie(KEY_COOKIE, key, {
      path: `/survei/${id}`,
      httpOnly: true,
      sameSite: 'lax',
      secure: app.config.publicBaseUrl.startsWith('https:'),
      maxAge: 120 * 24 * 60 * 60,
    });

  // ------------------------------------------------------------ answering

  app.get(
    '/survei',
    { config: { access: 'public' }, schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const { open, ended } = await publicSurveys(deps(app), request.t);
      return renderPage(request, reply, (ctx) => <SurveyListPage ctx={ctx} open={open} ended={ended} />);
    },
  );

  app.get(
    '/survei/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    async (request, reply) => {
      const form = await published(request, request.params.id);
      const held = await responseByKey(deps(app), form.survey.id, keyOf(request));
      const standing: Standing =
        held === undefined
          ? form.survey.audience !== 'everyone'
            ? 'invited'
            : !form.survey.anonymous && request.user === null
              ? 'account'
              : 'new'
          : held.response.submitted
            ? 'done'
            : 'started';
      return renderForm(request, reply, (ctx, csrf) => (
        <SurveyFrontPage ctx={ctx} csrf={csrf} form={form} standing={standing} notice={noticeOf(request)} />
      ));
    },
  );

  app.post(
    '/survei/:id/mulai',
    {
      config: { access: 'public', rateLimit: { max: STARTS_PER_HOUR, timeWindow: '1 hour' } },
      schema: { hide: true, params: IdParams, body: Csrf },
    },
    async (request, reply) => {
      const form = await published(request, request.params.id);
      const id = form.survey.id;
      const held = await responseByKey(deps(app), id, keyOf(request));
      if (held !== undefined && !held.response.submitted) return reply.redirect(`/survei/${id}/isi`, 303);
      const started = await startResponse(deps(app), form, request.user);
      if (!started.ok) {
        if (started.reason === 'account')
          return reply.redirect(`/masuk?next=${encodeURIComponent(`/survei/${id}`)}`, 303);
        return reply.redirect(`/survei/${id}?pesan=${started.reason === 'already' ? 'sudah' : 'ditutup'}`, 303);
      }
      setKey(reply, id, started.token);
      return reply.redirect(`/survei/${id}/isi`, 303);
    },
  );

  app.get(
    '/survei/:id/lanjut',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: ResumeQuery } },
    async (request, reply) => {
      const form = await published(request, request.params.id);
      const key = request.query.kunci;
      const held = await responseByKey(deps(app), form.survey.id, key);
      if (held === undefined || key === undefined) return gonePage(request, reply, form);
      setKey(reply, form.survey.id, key);
      return reply.redirect(`/survei/${form.survey.id}/isi`, 303);
    },
  );

  app.get(
    '/survei/:id/undangan',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: ResumeQuery } },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const form = await published(request, request.params.id);
      const id = form.survey.id;
      const key = request.query.kunci;
      const opened = await openInvitation(deps(app), form, key, request.user);
      if (!opened.ok) {
        if (opened.reason === 'account') {
          const back = `/survei/${id}/undangan?kunci=${key ?? ''}`;
          return reply.redirect(`/masuk?next=${encodeURIComponent(back)}`, 303);
        }
        return reply.redirect(`/survei/${id}?pesan=${opened.reason === 'closed' ? 'ditutup' : 'tautan'}`, 303);
      }
      if (key !== undefined) setKey(reply, id, key);
      return reply.redirect(`/survei/${id}/isi`, 303);
    },
  );

  const gonePage = (request: FastifyRequest, reply: FastifyReply, form: SurveyForm) =>
    renderPage(
      request,
      reply,
      (ctx) => (
        <MessagePage
          ctx={ctx}
          title={request.t('survey.gone.title')}
          body={request.t('survey.gone.body')}
          link={{ href: `/survei/${form.survey.id}`, text: form.survey.title }}
        />
      ),
      404,
    );

  /** The screen of the section a person is at, with what they answered or just sent. */
  const screen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: SurveyForm,
    held: NonNullable<Awaited<ReturnType<typeof responseByKey>>>,
    sent?: { position: number; values: FieldValues; errors: AnswerError[] },
  ) => {
    reply.header('cache-control', 'private, no-store');
    const asked = sectionsToAsk(form, held.answers);
    const position = sent?.position ?? held.response.position;
    const index = Math.max(
      0,
      asked.findIndex((s) => s.position === position),
    );
    const found = asked[index];
    if (found === undefined) return gonePage(request, reply, form);
    const section = { ...found, questions: found.questions.filter((question) => isShown(question, held.answers)) };
    let values: FieldValues = sent?.values ?? {};
    if (sent === undefined)
      for (const question of section.questions) {
        const given = held.answers.get(question.id) ?? [];
        if (question.kind === 'matrix')
          for (const token of given) {
            const [row, value] = token.split('=');
            if (row !== undefined) values = { ...values, [fieldOf(question, row)]: value };
          }
        else values = { ...values, [fieldOf(question)]: question.kind === 'multiple' ? given : given[0] };
      }
    const errors: FieldErrors = {};
    for (const e of sent?.errors ?? []) errors[e.field] = request.t(answerTexts[e.problem], { max: e.max ?? 0 });
    const key = keyOf(request);
    const resumeLink =
      key === undefined ? undefined : `${app.config.publicBaseUrl}/survei/${form.survey.id}/lanjut?kunci=${key}`;
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <SurveyScreenPage
          ctx={ctx}
          csrf={csrf}
          survey={form.survey}
          section={section}
          step={index + 1}
          steps={asked.length}
          values={values}
          errors={errors}
          resumeLink={resumeLink}
        />
      ),
      sent === undefined || sent.errors.length === 0 ? 200 : 400,
    );
  };

  app.get(
    '/survei/:id/isi',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    async (request, reply) => {
      const form = await published(request, request.params.id);
      const held = await responseByKey(deps(app), form.survey.id, keyOf(request));
      if (held === undefined) return gonePage(request, reply, form);
      if (held.response.submitted) return reply.redirect(`/survei/${form.survey.id}/terima-kasih`, 303);
      if (form.survey.phase !== 'open') return reply.redirect(`/survei/${form.survey.id}?pesan=ditutup`, 303);
      return screen(request, reply, form, held);
    },
  );

  app.post(
    '/survei/:id/isi',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: AnswerBody },
    },
    async (request, reply) => {
      const form = await published(request, request.params.id);
      const id = form.survey.id;
      const held = await responseByKey(deps(app), id, keyOf(request));
      if (held === undefined) return gonePage(request, reply, form);
      const body = request.body;
      const position = Number.parseInt(String(body.bagian ?? ''), 10);
      const direction = body.arah === 'kembali' ? 'back' : 'next';
      const result = await answerSection(deps(app), form, held, position, body, direction, request.user);
      if (result.ok) {
        if (result.next === 'done') return reply.redirect(`/survei/${id}/terima-kasih`, 303);
        return reply.redirect(`/survei/${id}/isi`, 303);
      }
      if ('reason' in result) {
        if (result.reason === 'gone') return reply.redirect(`/survei/${id}/isi`, 303);
        return reply.redirect(`/survei/${id}?pesan=${result.reason === 'already' ? 'sudah' : 'ditutup'}`, 303);
      }
      const values: FieldValues = {};
      for (const [name, value] of Object.entries(body)) if (name.startsWith('q_')) values[name] = value;
      return screen(request, reply, form, held, { position, values, errors: result.errors });
    },
  );

  app.get(
    '/survei/:id/terima-kasih',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    async (request, reply) => {
      const form = await published(request, request.params.id);
      return renderPage(request, reply, (ctx) => <SurveyThanksPage ctx={ctx} survey={form.survey} />);
    },
  );

  const resultsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: SurveyForm,
    back: { href: string; text: string },
  ) => {
    const results = await surveyResults(deps(app), form);
    return renderPage(request, reply, (ctx) => (
      <SurveyResultsPage ctx={ctx} form={form} results={results} back={back} />
    ));
  };

  app.get(
    '/survei/:id/hasil',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    async (request, reply) => {
      const form = await published(request, request.params.id);
      if (form.survey.phase !== 'ended')
        return renderPage(request, reply, (ctx) => (
          <MessagePage
            ctx={ctx}
            title={request.t('survey.results.title', { title: form.survey.title })}
            body={request.t('survey.results.notYet')}
            link={{ href: `/survei/${form.survey.id}`, text: form.survey.title }}
          />
        ));
      return resultsPage(request, reply, form, { href: '/survei', text: request.t('survey.title') });
    },
  );

  // ------------------------------------------------------------ /kelola/survei

  const manage = { access: 'surveys.manage' as const };

  /** Any survey of the council, drafts too, or the 404 page. */
  const anySurvey = async (request: FastifyRequest, id: number) => {
    const form = await surveyForm(deps(app), id, request.t, { drafts: true });
    if (form === undefined) throw new NotFoundError(`survey ${id}`);
    return form;
  };

  const officeView = async (request: FastifyRequest, reply: FastifyReply, form: Form = noForm) => {
    const surveys = await allSurveys(deps(app), request.t);
    const values =
      Object.keys(form.errors).length === 0 && Object.keys(form.values).length === 0
        ? { anonymous: 'yes' }
        : form.values;
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <SurveyOfficePage
          ctx={ctx}
          csrf={csrf}
          surveys={surveys}
          errors={form.errors}
          values={values}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get('/kelola/survei', { config: manage, schema: { hide: true, querystring: Query } }, (request, reply) =>
    officeView(request, reply),
  );

  app.post('/kelola/survei', { config: manage, schema: { hide: true, body: DetailsBody } }, async (request, reply) => {
    const body = request.body;
    const result = await createSurvey(deps(app), signedIn(request), {
      title: body.title?.trim() ?? '',
      intro: body.intro?.trim() ?? '',
      opensOn: body.opensOn ?? '',
      closesOn: body.closesOn ?? '',
      anonymous: body.anonymous === 'yes',
      audience: body.audience ?? '',
      unit: body.usersOf ?? '',
    });
    if (result.ok) return reply.redirect(`/kelola/survei/${result.id}?pesan=dibuat`, 303);
    return officeView(request, reply, { errors: messagesOf(request, result.errors), values: body });
  });

  app.post('/kelola/survei/ikm', { config: manage, schema: { hide: true, body: IkmBody } }, async (request, reply) => {
    const body = request.body;
    const result = await createIkmSurvey(deps(app), signedIn(request), {
      unit: body.unit ?? '',
      opensOn: body.ikmOpensOn ?? '',
      closesOn: body.ikmClosesOn ?? '',
    });
    if (result.ok) return reply.redirect(`/kelola/survei/${result.id}?pesan=dibuat`, 303);
    const errors = result.errors.map((e) =>
      e.field === 'opensOn'
        ? { ...e, field: 'ikmOpensOn' }
        : e.field === 'closesOn'
          ? { ...e, field: 'ikmClosesOn' }
          : e,
    );
    return officeView(request, reply, { errors: messagesOf(request, errors), values: { anonymous: 'yes', ...body } });
  });

  const editView = async (request: FastifyRequest, reply: FastifyReply, id: number, form: Form = noForm) => {
    const survey = await anySurvey(request, id);
    const state = await buildState(deps(app), survey.survey);
    const details = {
      title: survey.survey.title,
      intro: survey.survey.intro,
      opensOn: survey.survey.opensOn,
      closesOn: survey.survey.closesOn,
      anonymous: survey.survey.anonymous ? 'yes' : undefined,
      audience: survey.survey.audience,
      usersOf: survey.survey.kind === 'general' ? (survey.survey.serviceUnit ?? undefined) : undefined,
      required: 'yes',
    };
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <SurveyEditPage
          ctx={ctx}
          csrf={csrf}
          form={survey}
          locked={state.locked}
          started={state.started}
          submitted={state.submitted}
          invitations={state.invitations}
          errors={form.errors}
          values={{ ...details, ...form.values }}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/survei/:id',
    { config: manage, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => editView(request, reply, request.params.id),
  );

  app.post(
    '/kelola/survei/:id',
    { config: manage, schema: { hide: true, params: IdParams, body: DetailsBody } },
    async (request, reply) => {
      const form = await anySurvey(request, request.params.id);
      const body = request.body;
      const result = await updateSurvey(deps(app), signedIn(request), form, {
        title: body.title?.trim() ?? '',
        intro: body.intro?.trim() ?? '',
        opensOn: body.opensOn ?? '',
        closesOn: body.closesOn ?? '',
        anonymous: body.anonymous === 'yes',
        audience: body.audience ?? '',
        unit: body.usersOf ?? '',
      });
      if (result.ok) return reply.redirect(`/kelola/survei/${form.survey.id}?pesan=disimpan`, 303);
      return editView(request, reply, form.survey.id, {
        errors: messagesOf(request, result.errors),
        values: { ...body, anonymous: body.anonymous === 'yes' ? 'yes' : undefined },
      });
    },
  );

  app.post(
    '/kelola/survei/:id/bagian',
    { config: manage, schema: { hide: true, params: IdParams, body: SectionBody } },
    async (request, reply) => {
      const form = await anySurvey(request, request.params.id);
      const body = request.body;
      const result = await addSection(deps(app), signedIn(request), form, {
        title: body.sectionTitle?.trim() ?? '',
        intro: body.sectionIntro?.trim() ?? '',
      });
      if (result.ok) return reply.redirect(`/kelola/survei/${form.survey.id}?pesan=bagian`, 303);
      return editView(request, reply, form.survey.id, { errors: messagesOf(request, result.errors), values: body });
    },
  );

  app.post(
    '/kelola/survei/:id/pertanyaan',
    { config: manage, schema: { hide: true, params: IdParams, body: QuestionBody } },
    async (request, reply) => {
      const form = await anySurvey(request, request.params.id);
      const body = request.body;
      const result = await addQuestion(deps(app), signedIn(request), form, {
        section: body.section ?? '',
        kind: body.kind ?? '',
        prompt: body.prompt?.trim() ?? '',
        help: body.help?.trim() ?? '',
        required: body.required === 'yes',
        options: body.options ?? '',
        rows: body.rows ?? '',
        min: body.min ?? '',
        max: body.max ?? '',
        showIf: body.showIf ?? '',
      });
      if (result.ok) return reply.redirect(`/kelola/survei/${form.survey.id}?pesan=pertanyaan`, 303);
      return editView(request, reply, form.survey.id, {
        errors: messagesOf(request, result.errors),
        values: { ...body, required: body.required === 'yes' ? 'yes' : 'no' },
      });
    },
  );

  app.post(
    '/kelola/survei/:id/pertanyaan/:child/hapus',
    { config: manage, schema: { hide: true, params: ChildParams, body: Csrf } },
    async (request, reply) => {
      const form = await anySurvey(request, request.params.id);
      const result = await removeQuestion(deps(app), signedIn(request), form, request.params.child);
      if (result.ok) return reply.redirect(`/kelola/survei/${form.survey.id}?pesan=dihapus`, 303);
      return editView(request, reply, form.survey.id, { errors: messagesOf(request, result.errors), values: {} });
    },
  );

  app.post(
    '/kelola/survei/:id/bagian/:child/hapus',
    { config: manage, schema: { hide: true, params: ChildParams, body: Csrf } },
    async (request, reply) => {
      const form = await anySurvey(request, request.params.id);
      const result = await removeSection(deps(app), signedIn(request), form, request.params.child);
      if (result.ok) return reply.redirect(`/kelola/survei/${form.survey.id}?pesan=dihapus`, 303);
      return editView(request, reply, form.survey.id, { errors: messagesOf(request, result.errors), values: {} });
    },
  );

  for (const [path, action, notice] of [
    ['terbitkan', publishSurvey, 'terbit'],
    ['tutup', closeSurvey, 'tutup'],
    ['versi-baru', newVersion, 'versi'],
  ] as const)
    app.post(
      `/kelola/survei/:id/${path}`,
      { config: manage, schema: { hide: true, params: IdParams, body: Csrf } },
      async (request, reply) => {
        const form = await anySurvey(request, request.params.id);
        const result = await action(deps(app), signedIn(request), form);
        if (result.ok) return reply.redirect(`/kelola/survei/${result.id}?pesan=${notice}`, 303);
        return editView(request, reply, form.survey.id, { errors: messagesOf(request, result.errors), values: {} });
      },
    );

  app.post(
    '/kelola/survei/:id/undangan',
    { config: manage, schema: { hide: true, params: IdParams, body: ListBody } },
    async (request, reply) => {
      const form = await anySurvey(request, request.params.id);
      const result = await inviteList(deps(app), signedIn(request), form, request.body.list ?? '');
      if (result.ok) return reply.redirect(`/kelola/survei/${form.survey.id}?pesan=undangan`, 303);
      return editView(request, reply, form.survey.id, {
        errors: messagesOf(request, result.errors),
        values: { list: request.body.list },
      });
    },
  );

  app.get(
    '/kelola/survei/:id/pratinjau',
    { config: manage, schema: { hide: true, params: IdParams, querystring: Query } },
    async (request, reply) => {
      const form = await anySurvey(request, request.params.id);
      return renderPage(request, reply, (ctx) => <SurveyPreviewPage ctx={ctx} form={form} />);
    },
  );

  app.get(
    '/kelola/survei/:id/hasil',
    { config: manage, schema: { hide: true, params: IdParams, querystring: Query } },
    async (request, reply) => {
      const form = await anySurvey(request, request.params.id);
      reply.header('cache-control', 'private, no-store');
      return resultsPage(request, reply, form, { href: `/kelola/survei/${form.survey.id}`, text: form.survey.title });
    },
  );

  const DownloadParams = Type.Object({
    id: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  });
  app.get(
    '/kelola/survei/:id/jawaban.:format',
    { config: manage, schema: { hide: true, params: DownloadParams } },
    async (request, reply) => {
      const form = await anySurvey(request, request.params.id);
      const { format } = request.params;
      const data = await anonymisedAnswers(deps(app), form);
      await recordExport(deps(app), signedIn(request), form.survey.id, format);
      const rows = [data.header, ...data.rows];
      reply
        .header('content-disposition', `attachment; filename="survei-${form.survey.id}-jawaban.${format}"`)
        .header('cache-control', 'private, no-store');
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(csv(rows));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(Buffer.from(writeXlsx([{ name: 'jawaban', rows }])));
    },
  );
};
