/** /kelola/pengguna: every account, invitations, and changes of role and status. */

import type { Role } from '../../db/schema.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { roles } from '../../platform/permissions.ts';
import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import type { UserSummary } from '../service.ts';

export interface UsersPageProps {
  ctx: PageContext;
  csrf: string;
  users: UserSummary[];
  members: { slug: string; name: string }[];
  selfId: number;
  errors: FieldErrors;
  values: Record<string, string>;
  notice?: string | undefined;
}

function RoleSelect({ ctx, id, value }: { ctx: PageContext; id: string; value: Role }) {
  return (
    <select id={id} name="role">
      {roles.map((r) => (
        <option key={r} value={r} selected={r === value}>
          {ctx.t(`role.${r}`)}
        </option>
      ))}
    </select>
  );
}

function MemberSelect({
  ctx,
  id,
  value,
  members,
}: {
  ctx: PageContext;
  id: string;
  value: string;
  members: { slug: string; name: string }[];
}) {
  return (
    <select id={id} name="member">
      <option value="">{ctx.t('users.memberNone')}</option>
      {members.map((m) => (
        <option key={m.slug} value={m.slug} selected={m.slug === value}>
          {m.name}
        </option>
      ))}
    </select>
  );
}

export function UsersPage({ ctx, csrf, users, members, selfId, errors, values, notice }: UsersPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('users.title')}>
      <h1>{t('users.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <section class="panel" aria-labelledby="undang">
        <h2 id="undang">{t('users.invite')}</h2>
        <form class="form" method="post" action="/kelola/pengguna" novalidate>
          <CsrfField token={csrf} />
          <TextField
            name="name"
            label={t('account.name')}
            value={values.name}
            error={errors.name}
            required
            maxLength={120}
          />
          <TextField
            name="email"
            type="email"
            label={t('account.email')}
            value={values.email}
            error={errors.email}
            required
            maxLength={254}
          />
          <div class="field">
            <label for="role">{t('users.role')}</label>
            <RoleSelect ctx={ctx} id="role" value={(values.role as Role | undefined) ?? 'staff'} />
          </div>
          <div class={errors.member === undefined ? 'field' : 'field field-error'}>
            <label for="member">{t('users.member')}</label>
            {errors.member === undefined ? null : <p class="error-text">{errors.member}</p>}
            <MemberSelect ctx={ctx} id="member" value={values.member ?? ''} members={members} />
          </div>
          <button class="button" type="submit">
            {t('users.inviteSubmit')}
          </button>
        </form>
      </section>
      <TableWrap label={t('users.title')}>
        <table>
          <TableHead columns={[t('account.name'), t('account.email'), t('users.twoFactor'), t('users.changeRole')]} />
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.name}
                  {u.memberName === null ? null : <div class="muted">{u.memberName}</div>}
                </th>
                <td>{u.email}</td>
                <td>{u.totpEnabled ? '✓' : '–'}</td>
                <td>
                  {u.id === selfId ? (
                    `${t(`role.${u.role}`)} · ${t(`users.status.${u.status}`)}`
                  ) : (
                    <form method="post" action={`/kelola/pengguna/${u.id}`} class="actions">
                      <CsrfField token={csrf} />
                      <label class="visually-hidden" for={`role-${u.id}`}>{`${t('users.role')}: ${u.name}`}</label>
                      <RoleSelect ctx={ctx} id={`role-${u.id}`} value={u.role} />
                      <label class="visually-hidden" for={`status-${u.id}`}>{`${t('users.status')}: ${u.name}`}</label>
                      <select id={`status-${u.id}`} name="status">
                        <option value="active" selected={u.status !== 'disabled'}>
                          {t(u.status === 'invited' ? 'users.status.invited' : 'users.status.active')}
                        </option>
                        <option value="disabled" selected={u.status === 'disabled'}>
                          {t('users.status.disabled')}
                        </option>
                      </select>
                      <button class="button secondary" type="submit">
                        {t('users.save')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}
