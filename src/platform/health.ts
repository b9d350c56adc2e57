/**
 * Liveness (/healthz: the process answers) and readiness (/readyz: database reachable, schema
 * current), never from a kept copy: a ready answer kept for a few seconds would hide a database
 * that just went away. The app registers them outside the site (src/app.ts), where no page cache,
 * tag or compression runs.
 */
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
      config: { access: 'public', answers: 'machine' },
      logLevel: 'warn',
      schema: { tags: ['Operations'], summary: 'Liveness', response: { 200: Health } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public', answers: 'machine' },
      logLevel: 'warn',
      schema: {
        tags: ['Operations'],
        summary: 'Readiness: the database answers and every migration is applied',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      // A probe must see the state of this moment: no copy kept here or by a proxy.
      reply.header('cache-control', 'no-store');
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
