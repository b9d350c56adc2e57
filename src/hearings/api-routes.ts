/**
 * /api/v1/hearings: the council's virtual hearings, and each one's questions as the public sees
 * them — the words, the name the asker chose to show, support, the answer and where it is in the
 * recording, or the aspiration it became. Never an account or an address.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { IdParams } from '../platform/schemas.ts';
import { hearingPage, publicHearings, recordingAt } from './service.ts';

const HearingJson = Type.Object({
  id: Type.Integer(),
  meeting_id: Type.Integer({ description: 'The meeting in /api/v1/meetings' }),
  title: Type.String(),
  starts_at: Type.String({ format: 'date-time' }),
  ends_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  cancelled: Type.Boolean(),
  live: Type.Boolean({ description: 'Going on now with a livestream' }),
  taking_questions: Type.Boolean(),
  livestream_url: Type.Union([Type.String(), Type.Null()]),
  recording_url: Type.Union([Type.String(), Type.Null()]),
  questions: Type.Integer({ description: 'Approved questions' }),
  answered: Type.Integer({ description: 'Of them, answered or taken further as aspirations' }),
  url: Type.String(),
});

const QuestionJson = Type.Object({
  id: Type.Integer(),
  question: Type.String(),
  asked_by: Type.String({ description: 'The name the asker chose to show; empty: a citizen' }),
  asked_at: Type.String({ format: 'date-time' }),
  supporters: Type.Integer(),
  answer: Type.Union([Type.String(), Type.Null()]),
  answered_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  recording_second: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Where in the recording it was answered, in seconds from its start',
  }),
  recording_link: Type.Union([Type.String(), Type.Null()]),
  aspiration: Type.Union([Type.String(), Type.Null()], { description: 'The tracking code it was filed under' }),
});

export const hearingApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/hearings',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Hearings'],
        summary: 'Virtual hearings: meetings followed online that take citizens’ questions',
        response: { 200: Type.Object({ hearings: Type.Array(HearingJson) }) },
      },
    },
    async () => {
      const all = await publicHearings(deps(app));
      const base = app.config.publicBaseUrl;
      return {
        hearings: all.map(({ summary, hearing }) => {
          const m = hearing.meeting.view;
          return {
            id: hearing.id,
            meeting_id: m.id,
            title: m.title,
            starts_at: m.startsAt.toISOString(),
            ends_at: m.endsAt?.toISOString() ?? null,
            cancelled: m.cancelled,
            live: hearing.live,
            taking_questions: hearing.accepting,
            livestream_url: m.details?.livestreamUrl ?? null,
            recording_url: m.details?.recordingUrl ?? null,
            questions: summary.questions,
            answered: summary.answered,
            url: `${base}/siaran/${hearing.id}`,
          };
        }),
      };
    },
  );

  app.get(
    '/api/v1/hearings/:id/questions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Hearings'],
        summary: 'A hearing’s approved questions, most supported first, with their answers',
        params: IdParams,
        response: { 200: Type.Object({ hearing: Type.Integer(), questions: Type.Array(QuestionJson) }) },
      },
    },
    async (request) => {
      const page = await hearingPage(deps(app), request.params.id, { user: null, voter: undefined });
      if (page === undefined) throw new NotFoundError('hearing');
      const d = page.hearing.meeting.view.details;
      const recording = d?.recordingUrl ?? d?.livestreamUrl ?? null;
      return {
        hearing: page.hearing.id,
        questions: [...page.open, ...page.settled]
          .sort((a, b) => b.votes - a.votes || a.id - b.id)
          .map((x) => ({
            id: x.id,
            question: x.body,
            asked_by: x.asker,
            asked_at: x.askedAt.toISOString(),
            supporters: x.votes,
            answer: x.answer,
            answered_at: x.answeredAt?.toISOString() ?? null,
            recording_second: x.answerSecond,
            recording_link:
              x.answerSecond === null || recording === null ? null : recordingAt(recording, x.answerSecond),
            aspiration: x.aspirationCode,
          })),
      };
    },
  );
};
