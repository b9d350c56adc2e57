/** /kelola/audit for administrators. Browsing the log is itself recorded in the log. */
import type { FastifyPluginAsync } from 'fastify';
import { type Static, Type } from 'typebox';
import { listAudit, recordAudit, verifyAuditChain } from '../platform/audit.ts';
import { renderPage } from '../platform/render.tsx';
import { AuditPage } from './views/audit-page.tsx';

const AuditQuery = Type.Object({
  aksi: Type.Optional(Type.String({ pattern: '^[a-z0-9_.]*$', maxLength: 60 })),
  pelaku: Type.Optional(Type.String({ pattern: '^[0-9]{0,10}$' })),
  sebelum: Type.Optional(Type.Integer({ minimum: 1 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});
type AuditQuery = Static<typeof AuditQuery>;

const PAGE = 50;

export const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/kelola/audit',
    { config: { access: 'audit.read' }, schema: { hide: true, querystring: AuditQuery } },
    async (request, reply) => {
      const query = request.query as AuditQuery;
      const user = request.user;
      const filter = { aksi: query.aksi ?? '', pelaku: query.pelaku ?? '' };
      const rows = await listAudit(app.db, {
        action: filter.aksi === '' ? undefined : filter.aksi,
        actorUserId: filter.pelaku === '' ? undefined : Number(filter.pelaku),
        beforeId: query.sebelum,
        limit: PAGE,
      });
      const chain = await verifyAuditChain(app.db);
      await recordAudit(app.db, {
        actorUserId: user?.id ?? null,
        actorRole: user?.role ?? 'visitor',
        action: 'audit.read',
        ip: request.ip,
        details: filter.aksi === '' && filter.pelaku === '' ? {} : filter,
      });
      const last = rows[rows.length - 1];
      const olderHref =
        rows.length < PAGE || last === undefined
          ? undefined
          : `/kelola/audit?${new URLSearchParams({ ...filter, sebelum: String(last.id) }).toString()}`;
      return renderPage(request, reply, (ctx) => (
        <AuditPage ctx={ctx} rows={rows} chain={chain} filter={filter} olderHref={olderHref} />
      ));
    },
  );
};
