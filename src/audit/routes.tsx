/** /kelola/audit for administrators. Browsing the log is itself recorded in the log. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAudit, recordAudit, verifyAuditChain } from '../platform/audit.ts';
import { BadRequestError } from '../platform/errors.tsx';
import { renderPage } from '../platform/render.tsx';
import { AuditPage } from './views/audit-page.tsx';

const AuditQuery = Type.Object({
  aksi: Type.Optional(Type.String({ pattern: '^[a-z0-9_.]*$', maxLength: 60 })),
  pelaku: Type.Optional(Type.String({ pattern: '^[0-9]{0,10}$' })),
  sebelum: Type.Optional(Type.Integer({ minimum: 1 })),
  dari: Type.Optional(Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' })),
  sampai: Type.Optional(Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});

const PAGE = 50;

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kelola/audit',
    { config: { access: 'audit.read' }, schema: { hide: true, querystring: AuditQuery } },
    async (request, reply) => {
      const query = request.query;
      const user = request.user;
      const filter = {
        aksi: query.aksi ?? '',
        pelaku: query.pelaku ?? '',
        dari: query.dari ?? '',
        sampai: query.sampai ?? '',
      };
      // Days are Jakarta days: from the first day's midnight to the midnight after the last day.
      const day = (value: string, field: 'dari' | 'sampai', plus: number) => {
        if (value === '') return undefined;
        const date = new Date(`${value}T00:00:00+07:00`);
        const real = !Number.isNaN(date.getTime()) && new Date(`${value}T12:00:00Z`).toISOString().startsWith(value);
        if (!real) throw new BadRequestError(request.t('error.field', { field }));
        return new Date(date.getTime() + plus * 24 * 3600 * 1000);
      };
      const rows = await listAudit(app.db, {
        action: filter.aksi === '' ? undefined : filter.aksi,
        actorUserId: filter.pelaku === '' ? undefined : Number(filter.pelaku),
        from: day(filter.dari, 'dari', 0),
        to: day(filter.sampai, 'sampai', 1),
        beforeId: query.sebelum,
        limit: PAGE,
      });
      const chain = await verifyAuditChain(app.db);
      await recordAudit(app.db, {
        actorUserId: user?.id ?? null,
        actorRole: user?.role ?? 'visitor',
        action: 'audit.read',
        ip: request.ip,
        details: Object.values(filter).every((v) => v === '') ? {} : filter,
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
