/** User management in the back office (/kelola/pengguna): invite officials, change roles, disable accounts. */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getCouncil } from '../council/service.ts';
import { listMembers, memberIdBySlug } from '../members/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { renderPage } from '../platform/render.tsx';
import { queryText } from '../platform/schemas.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { mailContext, noticeOf } from './routes.tsx';
import { ChangeUserBody, InviteBody, PageQuery, UserParams } from './schemas.ts';
import { changeUser, inviteUser, listUsers } from './service.ts';
import { UsersPage } from './views/users-page.tsx';

export const userAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const councilMembers = async () => {
    const structure = await getCouncil(app.db);
    return (await listMembers(app.db, structure.council.id)).members.map((m) => ({ slug: m.slug, name: m.name }));
  };

  const usersPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, string>,
    notice?: string,
    status = 200,
  ) => {
    const user = signedIn(request);
    const [users, members] = await Promise.all([listUsers(deps(app), user, request.ip), councilMembers()]);
    return renderPage(
      request,
      reply,
      (ctx) => (
        <UsersPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          users={users}
          members={members}
          selfId={user.id}
          errors={errors}
          values={values}
          notice={notice}
        />
      ),
      status,
    );
  };

  app.get(
    '/kelola/pengguna',
    { config: { access: 'users.manage' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => usersPage(request, reply, {}, {}, noticeOf(request, queryText(request, 'pesan'))),
  );

  const memberId = async (slug: string | undefined): Promise<number | null> => {
    if (slug === undefined || slug === '') return null;
    const structure = await getCouncil(app.db);
    return (await memberIdBySlug(app.db, structure.council.id, slug)) ?? null;
  };

  app.post(
    '/kelola/pengguna',
    { config: { access: 'users.manage' }, schema: { hide: true, body: InviteBody } },
    async (request, reply) => {
      const body = request.body;
      const t = request.t;
      const result = await inviteUser(deps(app), await mailContext(request), signedIn(request), {
        name: body.name,
        email: body.email,
        role: body.role,
        memberId: await memberId(body.member),
      });
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect('/kelola/pengguna?pesan=undangan', 303);
      }
      const errors: FieldErrors = {};
      for (const e of result.errors) {
        errors[e.field] =
          e.problem === 'email'
            ? t('form.email')
            : e.problem === 'exists'
              ? t('users.exists')
              : e.problem === 'member'
                ? t('users.memberRequired')
                : t('users.nameRequired');
      }
      return usersPage(
        request,
        reply,
        errors,
        { name: body.name, email: body.email, role: body.role, member: body.member ?? '' },
        undefined,
        400,
      );
    },
  );

  app.post(
    '/kelola/pengguna/:id',
    { config: { access: 'users.manage' }, schema: { hide: true, params: UserParams, body: ChangeUserBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const t = request.t;
      const result = await changeUser(
        deps(app),
        signedIn(request),
        id,
        { role: body.role, status: body.status, memberId: await memberId(body.member) },
        request.ip,
      );
      if (!result.ok && result.problem === 'missing') throw new NotFoundError(`user ${id}`);
      if (!result.ok) return usersPage(request, reply, { role: t('users.selfChange') }, {}, undefined, 400);
      return reply.redirect('/kelola/pengguna?pesan=diubah', 303);
    },
  );
};
