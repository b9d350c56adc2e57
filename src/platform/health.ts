/** Liveness (/healthz: the process answers) and readiness (/readyz: database reachable, schema current). */
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { pendingMigrations } from '../db/migrate.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  engine: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
});

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: { tags: ['Operations'], summary: 'Liveness', response: { 200: Health } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: {
        tags: ['Operations'],
        summary: 'Readiness: the database answers and every migration is applied',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      if (app.isDraining()) {
        return reply.code(503).send({ status: 'unavailable', engine: app.engine, detail: 'shutting down' });
      }
      try {
        await sql`select 1`.execute(app.db);
        const pending = await pendingMigrations(app.db);
        if (pending.length > 0) {
          return reply
            .code(503)
            .send({ status: 'unavailable', engine: app.engine, detail: `pending migrations: ${pending.join(', ')}` });
        }
        return { status: 'ok' as const, engine: app.engine };
      } catch (error) {
        app.log.error({ err: error }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable', engine: app.engine, detail: 'database unreachable' });
      }
    },
  );
};
