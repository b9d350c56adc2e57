/** /kelola/pengaturan: an administrator edits categories, targets, the verification period and holidays. */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { deps, signedIn } from '../platform/auth.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { jakartaDay } from '../platform/working-days.ts';
import type { SettingsProblem } from './service.ts';
import {
  addCategory,
  addHoliday,
  changeSuggestionThreshold,
  changeVerifyDays,
  editCategory,
  getCouncil,
  listHolidays,
  removeHoliday,
  type SettingsResult,
} from './service.ts';
import { SettingsPage } from './views/settings-page.tsx';

const settingsProblemTexts = {
  name: 'settings.problem.name',
  komisi: 'settings.problem.komisi',
  days: 'settings.problem.days',
  percent: 'settings.problem.percent',
  date: 'settings.problem.date',
  kind: 'settings.problem.kind',
  source: 'settings.problem.source',
  slug: 'settings.problem.slug',
  missing: 'settings.problem.missing',
} as const satisfies Record<SettingsProblem, MessageKey>;

const CategoryBody = Type.Object({
  _csrf: optionalText(200),
  name: optionalText(2000),
  nameEn: optionalText(2000),
  slug: optionalText(2000),
  komisi: optionalText(100),
  targetDays: optionalText(20),
});
type CategoryBody = Static<typeof CategoryBody>;
const VerifyBody = Type.Object({ _csrf: optionalText(200), verifyDays: optionalText(20) });
const SuggestionBody = Type.Object({ _csrf: optionalText(200), minAccuracy: optionalText(20) });
const HolidayBody = Type.Object({
  _csrf: optionalText(200),
  day: optionalText(40),
  kind: optionalText(40),
  source: optionalText(2000),
});
const DayParams = Type.Object({ day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) });
const Query = Type.Object({ lang: optionalText(5), pesan: optionalText(40) });

const access = { access: 'council.configure' as const };

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    failure?: {
      form: string;
      result: Exclude<SettingsResult, { ok: true }>;
      values: Record<string, string | undefined>;
    },
  ) => {
    const structure = await getCouncil(app.db);
    // A year back and everything ahead: enough to check a deadline that is running now.
    const from = jakartaDay(new Date(Date.now() - 365 * 86_400_000));
    const holidays = await listHolidays(app.db, from);
    const saved = queryText(request, 'pesan') === 'tersimpan';
    const errors =
      failure === undefined ? {} : { [failure.result.field]: request.t(settingsProblemTexts[failure.result.problem]) };
    return renderPage(
      request,
      reply,
      (ctx) => (
        <SettingsPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          structure={structure}
          holidays={holidays}
          errors={errors}
          form={failure?.form}
          values={failure?.values ?? {}}
          notice={saved ? request.t('settings.saved') : undefined}
        />
      ),
      failure === undefined ? 200 : 400,
    );
  };
  const done = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: string,
    values: Record<string, string | undefined>,
    result: SettingsResult,
  ) =>
    result.ok
      ? reply.redirect('/kelola/pengaturan?pesan=tersimpan', 303)
      : page(request, reply, { form, result, values });
  const editor = (request: FastifyRequest) => signedIn(request);

  app.get('/kelola/pengaturan', { config: access, schema: { hide: true, querystring: Query } }, (request, reply) =>
    page(request, reply),
  );

  app.post(
    '/kelola/pengaturan/verifikasi',
    { config: access, schema: { hide: true, body: VerifyBody } },
    async (request, reply) => {
      const body = request.body;
      return done(
        request,
        reply,
        'verify',
        body,
        await changeVerifyDays(deps(app), editor(request), request.ip, body.verifyDays ?? ''),
      );
    },
  );

  app.post(
    '/kelola/pengaturan/saran',
    { config: access, schema: { hide: true, body: SuggestionBody } },
    async (request, reply) => {
      const body = request.body;
      return done(
        request,
        reply,
        'suggestion',
        body,
        await changeSuggestionThreshold(deps(app), editor(request), request.ip, body.minAccuracy ?? ''),
      );
    },
  );

  const category = (body: CategoryBody) => ({
    name: body.name ?? '',
    nameEn: body.nameEn ?? '',
    komisi: body.komisi ?? '',
    targetDays: body.targetDays ?? '',
  });

  app.post(
    '/kelola/pengaturan/kategori/:id',
    { config: access, schema: { hide: true, params: IdParams, body: CategoryBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      return done(
        request,
        reply,
        String(id),
        body,
        await editCategory(deps(app), editor(request), request.ip, id, category(body)),
      );
    },
  );

  app.post(
    '/kelola/pengaturan/kategori',
    { config: access, schema: { hide: true, body: CategoryBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await addCategory(deps(app), editor(request), request.ip, {
        ...category(body),
        slug: body.slug ?? '',
      });
      return done(request, reply, 'new', body, result);
    },
  );

  app.post(
    '/kelola/pengaturan/libur',
    { config: access, schema: { hide: true, body: HolidayBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await addHoliday(deps(app), editor(request), request.ip, {
        day: body.day ?? '',
        kind: body.kind ?? '',
        source: body.source ?? '',
      });
      return done(request, reply, 'holiday', body, result);
    },
  );

  app.post(
    '/kelola/pengaturan/libur/:day/hapus',
    { config: access, schema: { hide: true, params: DayParams } },
    async (request, reply) => {
      const { day } = request.params;
      return done(request, reply, 'holiday', {}, await removeHoliday(deps(app), editor(request), request.ip, day));
    },
  );
};
