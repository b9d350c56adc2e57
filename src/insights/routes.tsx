/**
 * /kelola/wawasan: what is rising this week by category and kecamatan, and the category model in
 * use with how it did on the newest aspirations it never saw.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { categoryModelReport, MIN_EXAMPLES, SPIKE_MIN, SPIKE_P, spikes } from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';
import { renderPage } from '../platform/render.tsx';
import { PageQuery } from '../platform/schemas.ts';
import { InsightsPage } from './views/insights-page.tsx';

export const insightsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kelola/wawasan',
    { config: { access: 'insights.read' }, schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const [report, rising, structure] = await Promise.all([
        categoryModelReport(deps(app)),
        spikes(deps(app)),
        getCouncil(app.db),
      ]);
      return renderPage(request, reply, (ctx) => (
        <InsightsPage
          ctx={ctx}
          report={report}
          structure={structure}
          minExamples={MIN_EXAMPLES}
          spikes={rising}
          rule={{ p: SPIKE_P, min: SPIKE_MIN }}
        />
      ));
    },
  );
};
