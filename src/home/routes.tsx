/** The home page: this week, what citizens raised and were answered, taking part, money, places, people. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agenda } from '../agenda/service.ts';
import { recentlyAnswered, thisMonth } from '../aspirations/service.ts';
import { budgetHeadline } from '../budget/service.ts';
import { openConsultations } from '../consultations/service.ts';
import { getCouncil } from '../council/service.ts';
import { propemperda } from '../drafts/service.ts';
import { latestNews } from '../news/service.ts';
import { deps } from '../platform/auth.ts';
import { renderPage } from '../platform/render.tsx';
import { nextClasses } from '../training/service.ts';
import { HomePage } from './views/home-page.tsx';

const HOUR = 3600_000;
/** A meeting with no end written down is taken to last this long, for "live now". */
const USUAL_LENGTH = 3 * HOUR;

export const homeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'public' },
      schema: { hide: true, querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })) }) },
    },
    async (request, reply) => {
      const now = new Date();
      const d = deps(app);
      const [structure, answered, month, week, drafts, money, consultations, classes, news] = await Promise.all([
        getCouncil(app.db),
        recentlyAnswered(d, 3),
        thisMonth(d, now),
        agenda(d, {
          from: new Date(now.getTime() - 12 * HOUR),
          to: new Date(now.getTime() + 7 * 24 * HOUR),
          page: 1,
          // Room for a busy day's finished meetings before the next ones (four are shown).
          pageSize: 30,
        }),
        propemperda(d, undefined),
        budgetHeadline(d),
        openConsultations(d),
        nextClasses(d, 3, now),
        latestNews(d, 3, now),
      ]);
      const meetings = week.meetings.filter((m) => !m.cancelled);
      const live = meetings.filter(
        (m) => m.startsAt <= now && (m.endsAt ?? new Date(m.startsAt.getTime() + USUAL_LENGTH)) > now,
      );
      const next = meetings.filter((m) => m.startsAt > now).slice(0, 4);
      const discussed = drafts.drafts.filter((x) => x.stage === 'penyusunan' || x.stage === 'pembahasan').slice(0, 3);
      return renderPage(request, reply, (ctx) => (
        <HomePage
          ctx={ctx}
          structure={structure}
          live={live}
          next={next}
          month={month}
          answered={answered}
          consultations={consultations}
          classes={classes}
          news={news}
          drafts={discussed}
          money={money}
        />
      ));
    },
  );
};
