/** /kelola/pengguna: every account, invitations, and changes of role and status. */

import type { Role } from '../../db/schema.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { roles } from '../../platform/permissions.ts';
import { Button } from '../../platform/views/components.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextField,
} from '../../platform/views/form.tsx';
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

function RoleSelect({
  ctx,
  id,
  label,
  labelHidden,
  value,
}: {
  ctx: PageContext;
  id: string;
  label: string;
  labelHidden?: boolean;
  value: Role;
}) {
  return (
    <SelectField
      name="role"
      id={id}
      label={label}
      labelHidden={labelHidden}
      value={value}
      options={roles.map((r) => ({ value: r, label: ctx.t(`role.${r}`) }))}
    />
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
          <RoleSelect
            ctx={ctx}
            id="role"
            label={t('users.role')}
            value={(values.role as Role | undefined) ?? 'staff'}
          />
          <SelectField
            name="member"
            label={t('users.member')}
            error={errors.member}
            value={values.member ?? ''}
            empty={t('users.memberNone')}
            options={members.map((m) => ({ value: m.slug, label: m.name }))}
          />
          <button type="submit">{t('users.inviteSubmit')}</button>
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
                      <RoleSelect
                        ctx={ctx}
                        id={`role-${u.id}`}
                        label={`${t('users.role')}: ${u.name}`}
                        labelHidden
                        value={u.role}
                      />
                      <SelectField
                        name="status"
                        id={`status-${u.id}`}
                        label={`${t('users.status')}: ${u.name}`}
                        labelHidden
                        value={u.status === 'disabled' ? 'disabled' : 'active'}
                        options={[
                          {
                            value: 'active',
                            label: t(u.status === 'invited' ? 'users.status.invited' : 'users.status.active'),
                          },
                          { value: 'disabled', label: t('users.status.disabled') },
                        ]}
                      />
                      <Button variant="secondary">{t('users.save')}</Button>
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
