/**
 * /api/v1/appointments: the aspiration room in figures — visits per month (booked or walked in,
 * met, absent, cancelled) and the places on offer in the coming two weeks. Counts only: nobody's
 * name, contact or topic.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { roomFigures } from './service.ts';

const FiguresJson = Type.Object({
  months: Type.Array(
    Type.Object({
      month: Type.String({ description: 'YYYY-MM, Jakarta time, by when the appointment was made' }),
      booked: Type.Integer({ description: 'Appointments booked online' }),
      walk_ins: Type.Integer({ description: 'Visitors entered at the desk without booking' }),
      met: Type.Integer({ description: 'Visitors who came and were seen' }),
      no_shows: Type.Integer(),
      cancelled: Type.Integer(),
    }),
  ),
  ahead: Type.Object({
    days: Type.Integer(),
    slots: Type.Integer({ description: 'Opening times published' }),
    places: Type.Integer(),
    taken: Type.Integer(),
  }),
});

export const appointmentApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/appointments',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Aspiration room'],
        summary: 'The aspiration room in figures: visits per month and places ahead (counts only)',
        response: { 200: FiguresJson },
      },
    },
    async () => {
      const figures = await roomFigures(deps(app));
      return {
        months: figures.months.map((m) => ({
          month: m.month,
          booked: m.booked,
          walk_ins: m.walkIns,
          met: m.met,
          no_shows: m.noShows,
          cancelled: m.cancelled,
        })),
        ahead: figures.ahead,
      };
    },
  );
};
