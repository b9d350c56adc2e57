/**
 * /kelola/wawasan: what is rising this week by category and kecamatan, the category model in use
 * with how it did on the newest aspirations it never saw, and (for an administrator) the switches
 * that let its suggestions be applied without a person.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  AUTO_ROUTE_MIN_GUESSES,
  type AutoRouteResult,
  autoRouteSettings,
  categoryModelReport,
  changeAutoRoute,
  MIN_EXAMPLES,
  risingStems,
  SPIKE_MIN,
  SPIKE_P,
  spikes,
  volumeByKelurahan,
} from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { can } from '../platform/permissions.ts';
import { renderPage } from '../platform/render.tsx';
import { optionalText, PageQuery, queryText, text } from '../platform/schemas.ts';
import { InsightsPage } from './views/insights-page.tsx';

const AutoRouteBody = Type.Object({
  _csrf: optionalText(200),
  minPrecision: optionalText(20),
  categories: Type.Optional(Type.Union([text(100), Type.Array(text(100), { maxItems: 200 })])),
});

/** The period of the map of kelurahan. */
const MAP_DAYS = 90;

export const insightsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    failure?: {
      result: Exclude<AutoRouteResult, { ok: true }>;
      values: { minPrecision: string; categories: string[] };
    },
  ) => {
    const [report, rising, structure, autoRoute, volumes, words] = await Promise.all([
      categoryModelReport(deps(app)),
      spikes(deps(app)),
      getCouncil(app.db),
      autoRouteSettings(deps(app)),
      volumeByKelurahan(deps(app), MAP_DAYS),
      risingStems(deps(app)),
    ]);
    const t = request.t;
    const errors =
      failure === undefined
        ? {}
        : {
            [failure.result.field]: t(
              failure.result.field === 'minPrecision'
                ? 'insights.auto.problem.level'
                : 'insights.auto.problem.categories',
            ),
          };
    const configure = can(signedIn(request).role, 'council.configure');
    return renderPage(
      request,
      reply,
      (ctx) => (
        <InsightsPage
          ctx={ctx}
          report={report}
          structure={structure}
          minExamples={MIN_EXAMPLES}
          spikes={rising}
          words={words}
          rule={{ p: SPIKE_P, min: SPIKE_MIN }}
          volumes={{ days: MAP_DAYS, places: volumes }}
          autoRoute={{
            settings: autoRoute,
            minGuesses: AUTO_ROUTE_MIN_GUESSES,
            form: configure
              ? {
                  csrf: reply.generateCsrf(),
                  errors,
                  values: failure?.values,
                  saved: queryText(request, 'pesan') === 'tersimpan',
                }
              : undefined,
          }}
        />
      ),
      failure === undefined ? 200 : 400,
    );
  };

  app.get(
    '/kelola/wawasan',
    { config: { access: 'insights.read' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => page(request, reply),
  );

  app.post(
    '/kelola/wawasan/rute-otomatis',
    { config: { access: 'council.configure' }, schema: { hide: true, body: AutoRouteBody } },
    async (request, reply) => {
      const body = request.body;
      const values = {
        minPrecision: body.minPrecision ?? '',
        categories: body.categories === undefined ? [] : [body.categories].flat(),
      };
      const result = await changeAutoRoute(deps(app), signedIn(request), request.ip, values);
      return result.ok
        ? reply.redirect('/kelola/wawasan?pesan=tersimpan#rute-otomatis', 303)
        : page(request, reply, { result, values });
    },
  );
};
